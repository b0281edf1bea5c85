// Browser test of the escalations of people not reached against the real `lien serve`: a person enrolled in a
// heatwave campaign three days ago was called three times without an answer; the coordinator runs the check,
// sees the escalation (with the emergency contact to call as a tel: link, and a badge in the navigation), records
// the contacts tried and assigns a home visit to a social worker, who finds her well on "My home visits".
//
// The campaign, the enrolment, the calls and the emergency contact are written into the database with the
// sqlite3 client: they are other parts of the call platform (campaigns, the caller's screen), and what this test
// checks is what the escalations make of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { apiAs, signedInPage, withServerLog } from './lib/session.mjs';

const PAUL = { login: 'paul.durand', name: 'Paul Durand', role: 'coordinator', password: 'Coordination-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };
const HOUR = 3_600_000;

function sql(server, statement) {
  return execFileSync('sqlite3', [server.db, statement], { encoding: 'utf8' }).trim();
}

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('escalation browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('escalations in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      // No sweep job in this server: the coordinator checks by hand.
      server = await startServer([PAUL, SOPHIE], { serveArgs: ['--escalation-interval', '0'] });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('a coordinator sees the escalation and assigns a visit; the agent records what it found', async (t) => {
      await withServerLog(server, async () => {
        const paulApi = await apiAs(browser, server, PAUL);
        t.after(() => paulApi.close());
        const created = await paulApi.call('POST', '/api/v1/persons', {
          last_name: 'Lefèvre',
          first_names: 'Jeanne',
          address: { number: '4', street: 'rue des Lilas', postcode: '80000', town: 'Amiens' },
          phones: [{ number: '03 22 01 63 10', label: 'fixe' }],
          ignore_duplicates: true,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const person = created.body.person.id;
        const now = Date.now();
        sql(
          server,
          `INSERT INTO campaigns (name, kind, status, starts_on, retry_delay_minutes, max_attempts_per_day,
             escalation_hours, escalation_min_attempts, created_at, updated_at)
           VALUES ('Canicule juillet', 'heatwave', 'active', '2026-07-01', 60, 3, 48, 3, ${now}, ${now});
           INSERT INTO enrolments (campaign_id, person_id, state, source, enrolled_at)
           VALUES (1, ${person}, 'active', 'target', ${now - 72 * HOUR});
           INSERT INTO calls (enrolment_id, campaign_id, person_id, outcome, started_at, created_at) VALUES
             (1, 1, ${person}, 'no_answer', ${now - 60 * HOUR}, ${now}),
             (1, 1, ${person}, 'no_answer', ${now - 58 * HOUR}, ${now}),
             (1, 1, ${person}, 'voicemail', ${now - 36 * HOUR}, ${now});
           INSERT INTO emergency_contacts (person_id, position, name, relation, phone)
           VALUES (${person}, 0, 'Luc Lefèvre', 'fils', '+33611223344');`,
        );

        const { page: paul } = await signedInPage(browser, server, PAUL);
        await paul.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes injoignables' }).click();
        await paul.getByRole('heading', { level: 1, name: 'Personnes injoignables' }).waitFor();
        await paul.getByText('Aucune alerte ouverte').waitFor();
        await paul.getByRole('button', { name: 'Vérifier maintenant' }).click();
        await paul.getByText('Vérification faite : 1 nouvelle(s) alerte(s).').waitFor();

        const card = paul.getByRole('article', { name: /Jeanne Lefèvre/ });
        await card.waitFor();
        assert.equal(await card.getByRole('link', { name: '+33611223344' }).getAttribute('href'), 'tel:+33611223344');
        await card.getByText('Messagerie').waitFor();
        await paul.getByRole('navigation', { name: 'Navigation principale' }).getByText('1 alertes ouvertes').waitFor();

        await card.getByRole('button', { name: 'Contacts appelés' }).click();
        await card.getByLabel('Ce que les contacts ont dit').fill('Le fils ne l’a pas eue depuis vendredi.');
        await card.getByRole('button', { name: 'Enregistrer' }).click();
        await paul.getByText('Appel des contacts enregistré.').waitFor();

        await card.getByRole('button', { name: 'Demander une visite' }).click();
        await card.getByLabel('Qui fait la visite').selectOption({ label: 'Sophie Bernard (Travail social)' });
        await card.getByLabel('Consignes pour la visite').fill('Code 1234B, 2e étage');
        await card.getByRole('button', { name: 'Confier la visite' }).click();
        await paul.getByText('Visite confiée.').waitFor();
        await card.getByText('Sophie Bernard —').waitFor();

        const { page: sophie } = await signedInPage(browser, server, SOPHIE);
        await sophie.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes visites à domicile' }).click();
        const visit = sophie.getByRole('article', { name: /Jeanne Lefèvre/ });
        await visit.getByText('Code 1234B, 2e étage').waitFor();
        assert.equal(await visit.getByRole('button', { name: 'Demander une visite' }).count(), 0, 'only the coordinator assigns');
        await visit.getByRole('button', { name: 'Saisir le résultat de la visite' }).click();
        await visit.getByLabel('Résultat de la visite').selectOption('found_well');
        await visit.getByLabel('Ce que la visite a constaté').fill('Téléphone débranché, va bien.');
        await visit.getByRole('button', { name: 'Enregistrer le résultat' }).click();
        await sophie.getByText('Résultat de la visite enregistré : alerte close.').waitFor();
        await sophie.getByText('Aucune visite ne vous est confiée.').waitFor();

        await paul.reload();
        await paul.getByText('Aucune alerte ouverte').waitFor();
        await paul.getByRole('button', { name: 'Alertes closes' }).click();
        await paul.getByRole('article', { name: /Jeanne Lefèvre/ }).getByText('Trouvée, va bien').waitFor();
        assert.equal(await paul.getByText('1 alertes ouvertes').count(), 0, 'no badge once closed');
        assert.notEqual(sql(server, `SELECT last_contact_at FROM persons WHERE id = ${person}`), '');
      });
    });
  });
}
