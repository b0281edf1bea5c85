// Browser test of the DPO's rights pages against the real `lien serve`: find a person, download everything
// held about them (JSON), and erase them for good once their last name is typed again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { apiAs, signedInPage, withServerLog } from './lib/session.mjs';

const CLAIRE = { login: 'claire.dpo', name: 'Claire Lemoine', role: 'dpo', password: 'Protection-Donnees-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };

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
      await withServerLog(server, async () => {
        // A person recorded by a social worker.
        const sophie = await apiAs(browser, server, SOPHIE);
        t.after(() => sophie.close());
        const created = await sophie.call('POST', '/api/v1/persons', {
          last_name: 'Vasseur',
          first_names: 'Odette',
          birth_date: '1936-09-14',
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id = created.body.person.id;

        const { context, page, problems } = await signedInPage(browser, server, CLAIRE);
        t.after(() => context.close());

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

        const gone = await sophie.call('GET', `/api/v1/persons/${id}`);
        assert.equal(gone.status, 404);
        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      });
    });
  });
}
