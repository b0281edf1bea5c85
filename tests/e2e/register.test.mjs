// Browser tests of the register's pages against the real `lien serve`:
// - an intake agent registers a person, sees the duplicate warning for a person already recorded (with the
//   reasons in plain French) and opens the existing record instead of creating a second one;
// - a social worker edits a person while someone else changes the same record: the save answers 412 and the
//   page shows what changed (who, field: before → after); the user puts their change back and saves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer, watchPage } from './lib/harness.mjs';

const LEA = { login: 'lea.martin', name: 'Léa Martin', role: 'intake', password: 'Accueil-Mairie-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };
const PAUL = { login: 'paul.durand', name: 'Paul Durand', role: 'coordinator', password: 'Coordination-2026!' };
const TIMEOUT = 15_000;

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('register browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('register pages in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([LEA, SOPHIE, PAUL]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** A logged-in API client (its own cookie jar) for setting the scene and checking the outcome. */
    async function apiAs(account) {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const login = await context.request.post('/api/v1/session', {
        data: { login: account.login, password: account.password },
      });
      assert.equal(login.status(), 200, await login.text());
      const csrf = (await login.json()).csrf_token;
      const call = async (method, path, body, headers = {}) => {
        const r = await context.request.fetch(path, {
          method,
          data: body,
          headers: { 'X-CSRF-Token': csrf, 'Accept-Language': 'fr', ...headers },
        });
        const text = await r.text();
        return { status: r.status(), body: text ? JSON.parse(text) : null };
      };
      return { call, close: () => context.close() };
    }

    async function loggedInPage(account) {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      const problems = watchPage(page);
      await page.goto('/login');
      await page.getByLabel('Identifiant').fill(account.login);
      await page.getByLabel('Mot de passe').fill(account.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { level: 1, name: `Bonjour, ${account.name}` }).waitFor();
      return { context, page, problems };
    }

    async function withServerLog(body) {
      try {
        await body();
      } catch (e) {
        e.message += `\n--- lien serve output ---\n${server.log()}`;
        throw e;
      }
    }

    test('an intake agent is warned of a duplicate and opens the existing record', async (t) => {
      await withServerLog(async () => {
        // Already recorded by a social worker.
        const sophie = await apiAs(SOPHIE);
        t.after(() => sophie.close());
        const created = await sophie.call('POST', '/api/v1/persons', {
          civility: 'mme',
          last_name: 'Lefèvre',
          first_names: 'Jeanne',
          birth_date: '1941-03-12',
          address: { number: '12', street: 'rue Victor Hugo', postcode: '62400', town: 'Béthune' },
          phones: [{ number: '03 21 01 63 10', label: 'fixe' }],
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const existingId = String(created.body.person.id);

        const { context, page, problems } = await loggedInPage(LEA);
        t.after(() => context.close());

        // From the navigation to the search, then to the form.
        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes' }).click();
        await page.getByRole('heading', { level: 1, name: 'Personnes' }).waitFor();
        await page.getByRole('link', { name: 'Nouvelle personne' }).click();
        await page.getByRole('heading', { level: 1, name: 'Nouvelle personne' }).waitFor();
        // Intake agents write identity and contact only: no situation fields.
        assert.equal(await page.getByRole('group', { name: 'Situation' }).count(), 0);

        await page.getByLabel('Nom d’usage').fill('LEFEVRE');
        await page.getByLabel('Prénoms', { exact: true }).fill('jeanne');
        await page.getByLabel('Date de naissance').fill('1941-03-12');

        // A phone the server cannot read: its message lands on the field.
        const phone = page.getByLabel('Téléphone 1', { exact: true });
        await phone.fill('12');
        await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
        await page.locator('#new-phone-0[aria-invalid="true"]').waitFor();
        const phoneError = (await page.locator('#new-phone-0-error').innerText()).trim();
        assert.ok(phoneError.length > 0, 'the server’s message under the phone field');
        await page.waitForFunction(() => document.activeElement?.id === 'new-phone-0');

        // The same phone in another notation: the duplicate warning, with the reasons in plain French.
        await phone.fill('+33 3 21 01 63 10');
        await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
        const warning = page.getByRole('heading', { level: 2, name: 'Cette personne est peut-être déjà enregistrée' });
        await warning.waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'duplicates-heading');
        await page.getByText('même date de naissance et nom proche').waitFor();
        await page.getByText('même téléphone').waitFor();
        await page.getByText(/Ressemblance : \d+ %/).waitFor();
        await page.getByRole('button', { name: 'Ce n’est pas la même personne, créer quand même' }).waitFor();

        // Open the existing record instead of creating a second one.
        await page.getByRole('link', { name: /Ouvrir la fiche existante/ }).click();
        await page.waitForURL(new RegExp(`/persons/${existingId}$`));
        await page.getByRole('heading', { level: 1, name: 'Jeanne Lefèvre' }).waitFor();
        await page.getByText('03 21 01 63 10').waitFor();
        // The intake agent's view has no situation.
        assert.equal(await page.getByRole('heading', { name: 'Situation' }).count(), 0);

        // Nothing was created.
        const found = await sophie.call('GET', '/api/v1/persons?q=lefevre');
        assert.equal(found.status, 200);
        assert.deepEqual(
          found.body.items.map((p) => String(p.id)),
          [existingId],
        );
        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      });
    });

    test('a concurrent edit shows what changed and the user reapplies their change', async (t) => {
      await withServerLog(async () => {
        const paul = await apiAs(PAUL);
        t.after(() => paul.close());
        const created = await paul.call('POST', '/api/v1/persons', {
          last_name: 'Moreau',
          first_names: 'Henri',
          birth_date: '1938-07-02',
          address: { number: '4', street: 'place Clemenceau', postcode: '62400', town: 'Béthune' },
          phones: [{ number: '0612345678' }],
          ignore_duplicates: true,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id = String(created.body.person.id);

        const { context, page, problems } = await loggedInPage(SOPHIE);
        t.after(() => context.close());
        await page.goto(`/persons/${id}`);
        await page.getByRole('heading', { level: 1, name: 'Henri Moreau' }).waitFor();
        await page.getByRole('button', { name: 'Modifier' }).click();
        const floor = page.getByLabel('Étage');
        await floor.waitFor();
        await floor.fill('3e');

        // Meanwhile the coordinator corrects the first names.
        const current = await paul.call('GET', `/api/v1/persons/${id}`);
        const changed = await paul.call(
          'PATCH',
          `/api/v1/persons/${id}`,
          { first_names: 'Henri Louis' },
          { 'If-Match': String(current.body.version) },
        );
        assert.equal(changed.status, 200, JSON.stringify(changed.body));

        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/v1/persons/${id}`) && r.request().method() === 'PATCH'),
          page.getByRole('button', { name: 'Enregistrer les modifications' }).click(),
        ]);
        assert.equal(response.status(), 412);
        const conflict = page.getByRole('heading', { level: 2, name: 'Quelqu’un a modifié cette fiche pendant votre saisie' });
        await conflict.waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'conflict-heading');
        const panel = page.locator('section', { has: conflict });
        await panel.getByText(`par ${PAUL.login}`).waitFor();
        const line = panel.locator('.change__fields li').filter({ hasText: 'Prénoms' });
        await line.waitFor();
        assert.equal((await line.locator('del').innerText()).trim(), 'Henri');
        assert.equal((await line.locator('ins').innerText()).trim(), 'Henri Louis');

        // Put the floor back on the current record and save.
        await page.getByRole('button', { name: 'Reprendre mes modifications sur la fiche à jour' }).click();
        assert.equal(await page.getByLabel('Étage').inputValue(), '3e');
        assert.equal(await page.getByLabel('Prénoms', { exact: true }).inputValue(), 'Henri Louis');
        await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
        await page.getByText('Modifications enregistrées.').waitFor();
        await page.getByRole('heading', { level: 1, name: 'Henri Louis Moreau' }).waitFor();

        const final = await paul.call('GET', `/api/v1/persons/${id}`);
        assert.equal(final.body.first_names, 'Henri Louis');
        assert.equal(final.body.address.floor, '3e');

        // The history tab lists both changes with their authors.
        await page.getByRole('tab', { name: 'Historique' }).click();
        const history = page.getByRole('tabpanel');
        await history.getByText(`par ${SOPHIE.login}`).first().waitFor();
        await history.getByText(`par ${PAUL.login}`).first().waitFor();
        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      });
    });
  });
}
