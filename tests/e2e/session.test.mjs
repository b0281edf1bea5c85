// Browser tests of the web shell against the real `lien serve`:
// log in as a coordinator, switch to English, log out; a wrong password
// shows the server's French message in an alert region.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { newPage as blankPage } from './lib/session.mjs';

const MARIE = { login: 'marie.dupont', name: 'Marie Dupont', role: 'coordinator', password: 'Canicule-2020-Bethune!' };

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('web shell in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([MARIE]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    // This file tests the sign-in form itself: pages start signed out (lib/session.mjs signs in for the others).
    async function newPage() {
      const { context, page, problems } = await blankPage(browser, server);
      const apiLanguages = [];
      page.on('request', (req) => {
        if (new URL(req.url()).pathname.startsWith('/api/')) apiLanguages.push(req.headers()['accept-language']);
      });
      return { context, page, problems, apiLanguages };
    }

    test('a coordinator logs in, switches to English and logs out', async (t) => {
      const { context, page, problems, apiLanguages } = await newPage();
      t.after(() => context.close());
      try {
        await page.goto('/');
        // Not logged in: the login page, in French by default.
        await page.waitForURL(/\/login$/);
        await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

        await page.getByLabel('Identifiant').fill(MARIE.login);
        await page.getByLabel('Mot de passe').fill(MARIE.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();

        // The coordinator's home page and navigation.
        await page.getByRole('heading', { level: 1, name: 'Bonjour, Marie Dupont' }).waitFor();
        assert.equal(new URL(page.url()).pathname, '/');
        await page.getByText('Votre rôle : Coordination.').waitFor();
        for (const card of ['Campagnes d’appels', 'Listes d’appels', 'Personnes injoignables', 'Tableau de bord']) {
          await page.getByRole('heading', { level: 3, name: card }).waitFor();
        }
        // Every module of the coordinator's home page has its screen now: none is marked as coming soon.
        assert.equal(await page.getByText('Bientôt disponible').count(), 0);
        await page.getByRole('heading', { level: 3, name: 'Campagnes d’appels' }).getByRole('link').waitFor();
        assert.match(await page.title(), /Accueil/);
        await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
        assert.ok(apiLanguages.length > 0 && apiLanguages.every((l) => l === 'fr'), `Accept-Language: ${apiLanguages}`);

        // English, kept across a reload and sent to the server.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Hello, Marie Dupont' }).waitFor();
        await page.getByText('Your role: Coordination.').waitFor();
        assert.equal(await page.getByText('Coming soon').count(), 0);
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        assert.equal(await page.evaluate(() => localStorage.getItem('lien.lang')), 'en');
        apiLanguages.length = 0;
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Hello, Marie Dupont' }).waitFor();
        assert.ok(apiLanguages.length > 0 && apiLanguages.every((l) => l === 'en'), `Accept-Language: ${apiLanguages}`);

        // Log out: back on the login page, and the session is gone on the server.
        await page.getByRole('button', { name: 'Log out' }).click();
        await page.waitForURL(/\/login$/);
        await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
        const after = await page.request.get('/api/v1/session');
        assert.equal(after.status(), 401);

        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      } catch (e) {
        e.message += `\n--- lien serve output ---\n${server.log()}`;
        throw e;
      }
    });

    test('a wrong password shows the server’s French message in an alert', async (t) => {
      const { context, page, problems } = await newPage();
      t.after(() => context.close());
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await page.getByLabel('Identifiant').fill(MARIE.login);
      await page.getByLabel('Mot de passe').fill('not-the-password');

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Se connecter' }).click(),
      ]);
      assert.equal(response.status(), 401);
      assert.equal(response.request().headers()['accept-language'], 'fr');
      const body = await response.json();
      const message = body?.error?.message;
      assert.ok(typeof message === 'string' && message.length > 0, `error.message in ${JSON.stringify(body)}`);

      const alert = page.getByRole('alert').filter({ hasText: message });
      await alert.first().waitFor();
      assert.equal((await alert.first().innerText()).trim(), message);
      // Still on the login page, not logged in.
      assert.match(page.url(), /\/login$/);
      assert.deepEqual(problems, [], 'no CSP violation nor page error');
    });
  });
}
