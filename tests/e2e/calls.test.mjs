// Browser tests of the caller's screen against the real `lien serve --test-clock` (docs/calls.md):
// a caller signs in, works through three people of the day's list with the keyboard (outcome digit, Enter),
// records a no-answer; the test moves the server's clock past the campaign's retry delay and the person comes
// back later in the day, is reached, and the day is done. Then, on the same server and clock, a day of
// no-answers and two days without reaching her: the coordinator sees the person among those not reached.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, sqlite, startServer } from './lib/harness.mjs';
import { apiAs, signedInPage, withServerLog } from './lib/session.mjs';

const ANNA = { login: 'anna.appel', name: 'Anna Roux', role: 'caller', password: 'Appels-Matin-2026!' };
const PAUL = { login: 'paul.durand', name: 'Paul Durand', role: 'coordinator', password: 'Coordination-2026!' };
// Monday 17 June 2030 in Paris (summer time, UTC+2).
const PARIS_0850 = Date.UTC(2030, 5, 17, 6, 50);
const PARIS_0930 = Date.UTC(2030, 5, 17, 7, 30);
const TUESDAY_PARIS_0930 = Date.UTC(2030, 5, 18, 7, 30);
const WEDNESDAY_PARIS_1200 = Date.UTC(2030, 5, 19, 10, 0);

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('calls browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('the caller’s screen in Chromium against lien serve --test-clock', { timeout: 180_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([ANNA, PAUL], {
        // Hours pass on the test clock between two clicks: sessions must outlive them.
        serveArgs: ['--test-clock', '--session-idle-timeout', '604800', '--session-lifetime', '2592000'],
      });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    async function clock(body) {
      const r = await fetch(`${server.baseUrl}/api/v1/test/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      assert.equal(r.status, 200, text);
      return JSON.parse(text).now;
    }

    /** The day's scene: three people on Anna's list, windows opening at 09:00, 09:10 and 09:20. */
    async function setTheScene() {
      const paul = await apiAs(browser, server, PAUL);
      const ids = [];
      for (const [last, first, phone] of [
        ['Martin', 'Odette', '03 22 01 63 10'],
        ['Dubois', 'Henri', '06 12 34 56 78'],
        ['Petit', 'Lucie', '03 22 44 55 66'],
      ]) {
        const created = await paul.call('POST', '/api/v1/persons', {
          last_name: last,
          first_names: first,
          birth_date: '1938-04-12',
          phones: [phone],
          address: { number: '12', street: 'rue Victor Hugo', postcode: '80000', town: 'Amiens' },
          ignore_duplicates: true,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        ids.push(created.body.person.id);
      }
      await paul.close();
      const anna = `(SELECT id FROM users WHERE login = '${ANNA.login}')`;
      // The campaigns part has its own routes; the scene is set in the tables so this test does not depend on them.
      await sqlite(
        server.db,
        `INSERT INTO campaigns (id, name, kind, status, starts_on, window_start, window_end, retry_delay_minutes,
           max_attempts_per_day, escalation_hours, escalation_min_attempts, created_at, updated_at)
         VALUES (1, 'Appels de convivialité', 'wellbeing', 'active', '2030-01-01', '09:00', '12:00', 120, 3, 48, 3, 0, 0);
         INSERT INTO campaign_questions (campaign_id, position, prompt, answer_kind, raises_need, raises_on)
         VALUES (1, 1, 'Avez-vous de quoi manger pour trois jours ?', 'yes_no', 'groceries', 'no');
         INSERT INTO callers (user_id, weekdays, shift_start, shift_end, calls_per_shift, updated_at)
         VALUES (${anna}, '1,2,3,4,5', '09:00', '17:00', 20, 0);
         INSERT INTO enrolments (campaign_id, person_id, source, caller_id, window_start, window_end, enrolled_at) VALUES
           (1, ${ids[0]}, 'manual', ${anna}, '09:00', '10:00', 0),
           (1, ${ids[1]}, 'manual', ${anna}, '09:10', '11:00', 0),
           (1, ${ids[2]}, 'manual', ${anna}, '09:20', '12:00', 0);
         INSERT INTO emergency_contacts (person_id, position, name, relation, phone)
         VALUES (${ids[0]}, 0, 'Sylvie Martin', 'fille', '+33611223344');
         INSERT INTO follow_up_profiles (person_id, lives_alone, health_notes, updated_at)
         VALUES (${ids[0]}, 1, 'Diabète, insuline le matin', 0);`,
      );
    }

    test('a caller works through three people and a no-answer comes back after the retry delay', async () => {
      await withServerLog(server, async () => {
        await clock({ at: PARIS_0850 });
        await setTheScene();

        const { context, page, problems } = await signedInPage(browser, server, ANNA);
        await page.getByLabel('Navigation principale').getByRole('link', { name: 'Ma liste d’appels' }).click();
        await page.getByRole('heading', { level: 1, name: 'Mes appels' }).waitFor();

        // 08:50: the windows open at 09:00.
        await page.getByText('Personne à appeler pour le moment.').waitFor();
        await page.getByText('Prochain appel prévu à 09:00.').waitFor();
        await clock({ at: PARIS_0930 });
        await page.getByRole('button', { name: 'Actualiser' }).click();

        // First: Odette, no answer, from the keyboard.
        const next = page.getByRole('heading', { level: 2, name: 'Odette Martin' });
        await next.waitFor();
        assert.equal(await page.getByRole('link', { name: /Appeler Odette Martin au 03 22 01 63 10/ }).getAttribute('href'), 'tel:+33322016310');
        await page.getByText('Sylvie Martin, fille').waitFor();
        assert.equal(await page.getByText('Diabète').count(), 0, 'never health notes on the caller’s screen');
        await next.focus();
        await page.keyboard.press('2');
        assert.equal(await page.getByRole('button', { name: /Pas de réponse/ }).getAttribute('aria-pressed'), 'true');
        await page.keyboard.press('Enter');
        await page.getByText('Appel de Odette Martin noté : nouvel essai à 11:30.').waitFor();

        // Second: Henri, reached; he has no food for three days: a need is recorded.
        await page.getByRole('heading', { level: 2, name: 'Henri Dubois' }).waitFor();
        await page.getByRole('radio', { name: 'Non' }).check();
        await page.getByLabel('Notes').fill('Sa voisine fait ses courses le jeudi.');
        await page.getByRole('heading', { level: 2, name: 'Henri Dubois' }).focus();
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
        await page.getByText(/Appel de Henri Dubois noté\. Besoins repérés par les réponses : groceries\./).waitFor();

        // Third: Lucie, reached, saved with the button.
        await page.getByRole('heading', { level: 2, name: 'Lucie Petit' }).waitFor();
        await page.getByRole('button', { name: /Joint/ }).click();
        await page.getByRole('button', { name: 'Enregistrer et suivant (Entrée)' }).click();
        await page.getByText('Appel de Lucie Petit noté.').waitFor();

        // Nobody due until Odette's retry at 11:30; the day's list shows it.
        await page.getByText('Prochain appel prévu à 11:30.').waitFor();
        const odetteRow = page.getByRole('row', { name: /Odette Martin/ });
        await odetteRow.getByText('À appeler (Pas de réponse)').waitFor();
        await odetteRow.getByText('11:30').waitFor();

        // Two hours pass: Odette comes back, with the first try in her last calls.
        await clock({ advance_minutes: 121 });
        await page.getByRole('button', { name: 'Actualiser' }).click();
        await page.getByRole('heading', { level: 2, name: 'Odette Martin' }).waitFor();
        await page.getByText(/Pas de réponse — Anna Roux/).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Odette Martin' }).focus();
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
        await page.getByText('Tous les appels du jour sont faits.').waitFor();
        assert.equal(await page.getByRole('row', { name: /À appeler/ }).count(), 0);

        assert.deepEqual(problems, []);
        await context.close();
      });
    });

    // Same server, clock and people: Tuesday, Odette does not answer three times (the campaign's most in a
    // day); on Wednesday noon, just past 48 hours (the campaign's threshold) after she was last reached (Monday
    // 11:31), the coordinator sees her among the people not reached, with her daughter to call. An hour earlier
    // she is not there yet (checked by hand when this test was written).
    test('a person not reached for two days is escalated to the coordinator', async () => {
      await withServerLog(server, async () => {
        await clock({ at: TUESDAY_PARIS_0930 });
        const { context, page, problems } = await signedInPage(browser, server, ANNA);
        await page.getByLabel('Navigation principale').getByRole('link', { name: 'Ma liste d’appels' }).click();
        const odette = page.getByRole('heading', { level: 2, name: 'Odette Martin' });
        const noAnswer = async (expected) => {
          await odette.waitFor();
          await odette.focus();
          await page.keyboard.press('2');
          await page.keyboard.press('Enter');
          await page.getByText(expected).waitFor();
        };
        await noAnswer('Appel de Odette Martin noté : nouvel essai à 11:30.');
        for (const name of ['Henri Dubois', 'Lucie Petit']) {
          const heading = page.getByRole('heading', { level: 2, name });
          await heading.waitFor();
          await heading.focus();
          await page.keyboard.press('1');
          await page.keyboard.press('Enter');
          await page.getByText(`Appel de ${name} noté.`).waitFor();
        }
        await clock({ advance_minutes: 121 });
        await page.getByRole('button', { name: 'Actualiser' }).click();
        await noAnswer('Appel de Odette Martin noté : nouvel essai à 13:31.');
        await clock({ advance_minutes: 121 });
        await page.getByRole('button', { name: 'Actualiser' }).click();
        await noAnswer('Appel de Odette Martin noté : plus d’essai aujourd’hui.');
        assert.deepEqual(problems, []);
        await context.close();

        await clock({ at: WEDNESDAY_PARIS_1200 });
        const { context: paulContext, page: paul } = await signedInPage(browser, server, PAUL);
        const nav = paul.getByRole('navigation', { name: 'Navigation principale' });
        await nav.getByRole('link', { name: 'Personnes injoignables' }).click();
        await paul.getByRole('heading', { level: 1, name: 'Personnes injoignables' }).waitFor();
        // The server's own sweep may have run already; the coordinator's check raises nothing twice.
        await paul.getByRole('button', { name: 'Vérifier maintenant' }).click();
        const card = paul.getByRole('article', { name: /Odette Martin/ });
        await card.waitFor();
        assert.equal(await card.getByRole('link', { name: '+33611223344' }).getAttribute('href'), 'tel:+33611223344');
        assert.equal(await paul.getByRole('article', { name: /Henri Dubois|Lucie Petit/ }).count(), 0);
        await nav.getByText('1 alertes ouvertes').waitFor();
        await paulContext.close();
      });
    });
  });
}
