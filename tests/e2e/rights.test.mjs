// Browser test of the DPO's rights pages against the real `lien serve`: find a person, download everything
// held about them (JSON), and erase them for good once their last name is typed again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer, watchPage } from './lib/harness.mjs';
import { setUpTotpInUi } from './lib/totp.mjs';

const CLAIRE = { login: 'claire.dpo', name: 'Claire Lemoine', role: 'dpo', password: 'Protection-Donnees-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };
const TIMEOUT = 15_000;

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('rights browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('rights pages in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([CLAIRE, SOPHIE]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the DPO downloads a person’s data and erases them', async (t) => {
      try {
        // A person recorded by a social worker.
        const api = await browser.newContext({ baseURL: server.baseUrl });
        t.after(() => api.close());
        const login = await api.request.post('/api/v1/session', {
          data: { login: SOPHIE.login, password: SOPHIE.password },
        });
        const csrf = (await login.json()).csrf_token;
        const created = await api.request.post('/api/v1/persons', {
          data: { last_name: 'Vasseur', first_names: 'Odette', birth_date: '1936-09-14' },
          headers: { 'X-CSRF-Token': csrf },
        });
        assert.equal(created.status(), 201, await created.text());
        const id = (await created.json()).person.id;

        const context = await browser.newContext({ baseURL: server.baseUrl });
        t.after(() => context.close());
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        const problems = watchPage(page);
        await page.goto('/login');
        await page.getByLabel('Identifiant').fill(CLAIRE.login);
        await page.getByLabel('Mot de passe').fill(CLAIRE.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await setUpTotpInUi(page);
        await page.getByRole('heading', { level: 1, name: `Bonjour, ${CLAIRE.name}` }).waitFor();

        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Demandes d’exercice des droits' }).click();
        await page.getByRole('heading', { level: 1, name: 'Droits des personnes' }).waitFor();
        await page.getByLabel('Nom ou prénom').fill('vasseur');
        await page.getByRole('button', { name: 'Rechercher' }).click();
        await page.getByText('Odette Vasseur', { exact: true }).waitFor();

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: /Tout ce qui est détenu \(JSON\)/ }).click(),
        ]);
        assert.match(download.suggestedFilename(), /\.json$/);

        await page.getByRole('button', { name: /Effacer…/ }).click();
        await page.getByRole('heading', { level: 2, name: 'Effacer les données de Odette Vasseur' }).waitFor();
        const erase = page.getByRole('button', { name: 'Effacer définitivement' });
        assert.ok(await erase.isDisabled(), 'nothing is erased before the name is typed');
        await page.getByLabel(/Pour confirmer, tapez le nom/).fill('VASSEUR');
        await erase.click();
        await page.getByText('Les données de Odette Vasseur sont effacées.').waitFor();

        const gone = await api.request.get(`/api/v1/persons/${id}`);
        assert.equal(gone.status(), 404);
        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      } catch (e) {
        e.message += `\n--- lien serve output ---\n${server.log()}`;
        throw e;
      }
    });
  });
}
