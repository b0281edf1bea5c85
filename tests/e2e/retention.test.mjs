// Browser test of the DPO's retention page against the real `lien serve`: register entries ended by a
// removal and by the person's death are past their time at once; the DPO sees them counted by purpose,
// confirms, and they are erased (the persons stay: only the register purpose ended).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { apiAs, signedInPage, withServerLog } from './lib/session.mjs';

const CLAIRE = { login: 'claire.dpo', name: 'Claire Lemoine', role: 'dpo', password: 'Protection-Donnees-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };
const ADMIN = { login: 'admin.mairie', name: 'Admin Mairie', role: 'admin', password: 'Administration-2026!' };

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('retention browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('retention page in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      // No retention job in this server: the DPO purges by hand.
      server = await startServer([CLAIRE, SOPHIE, ADMIN], { serveArgs: ['--retention-interval', '0'] });
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the DPO sees what is due by purpose and purges it after confirming', async (t) => {
      await withServerLog(server, async () => {
        // Sophie, a designated register agent, registers two persons; one asks to be removed, the other dies.
        const admin = await apiAs(browser, server, ADMIN);
        t.after(() => admin.close());
        const users = await admin.call('GET', '/api/v1/users');
        const sophieUser = users.body.items.find((u) => u.login === SOPHIE.login);
        assert.equal((await admin.call('PUT', `/api/v1/register/agents/${sophieUser.id}`, {})).status, 200);
        const sophie = await apiAs(browser, server, SOPHIE);
        t.after(() => sophie.close());
        assert.equal((await sophie.call('POST', '/api/v1/register/me/secrecy', {})).status, 200);
        const ids = [];
        for (const [last, first] of [['Lagache', 'Odette'], ['Dufour', 'Raymond']]) {
          const created = await sophie.call('POST', '/api/v1/persons', { last_name: last, first_names: first, ignore_duplicates: true });
          assert.equal(created.status, 201, JSON.stringify(created.body));
          const id = created.body.person.id;
          const entry = await sophie.call('POST', `/api/v1/persons/${id}/register-entry`, {
            ground: 'age_65',
            requested_by: 'self',
            requested_on: new Date().toISOString().slice(0, 10),
          });
          assert.equal(entry.status, 201, JSON.stringify(entry.body));
          ids.push({ id, version: entry.body.version, personVersion: created.body.person.version });
        }
        const removed = await sophie.call('POST', `/api/v1/persons/${ids[0].id}/register-entry/remove`, { reason: 'à sa demande' }, {
          'If-Match': String(ids[0].version),
        });
        assert.equal(removed.status, 200, JSON.stringify(removed.body));
        const deceased = await sophie.call('PATCH', `/api/v1/persons/${ids[1].id}`, { status: 'deceased' }, {
          'If-Match': String(ids[1].personVersion),
        });
        assert.equal(deceased.status, 200, JSON.stringify(deceased.body));

        const { context, page, problems } = await signedInPage(browser, server, CLAIRE);
        t.after(() => context.close());
        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Durées de conservation' }).click();
        await page.getByRole('heading', { level: 1, name: 'Durées de conservation' }).waitFor();
        const table = page.getByRole('table', { name: 'Données à effacer aujourd’hui, par finalité' });
        const registerRow = table.getByRole('row', { name: /Registre des personnes vulnérables/ });
        await registerRow.waitFor();
        assert.equal((await registerRow.getByRole('cell').last().innerText()).trim(), '2');
        const householdRow = table.getByRole('row', { name: /Livraisons/ });
        assert.equal((await householdRow.getByRole('cell').last().innerText()).trim(), '0');
        assert.match(await table.innerText(), /730 jours/);
        // No names on this page.
        assert.equal(await page.getByText('Lagache').count(), 0);

        // The purge asks first; cancelling erases nothing and gives the focus back.
        await page.getByRole('button', { name: 'Effacer ce qui est échu…' }).click();
        await page.getByRole('heading', { level: 2, name: 'Confirmer l’effacement' }).waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'purge-heading');
        await page.getByRole('button', { name: 'Annuler' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 'purge-button');
        assert.equal(await page.getByRole('heading', { name: 'Confirmer l’effacement' }).count(), 0);

        // With the keyboard this time.
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 2, name: 'Confirmer l’effacement' }).waitFor();
        await page.getByText('2 élément(s) listé(s) ci-dessus seront effacés définitivement.', { exact: false }).waitFor();
        await page.getByRole('button', { name: 'Effacer définitivement' }).click();
        await page.getByText('Effacement fait : 2 inscription(s) au registre, 0 foyer(s), 0 personne(s).').waitFor();
        await page.getByText('Rien n’est à effacer aujourd’hui.').waitFor();

        // The entries are gone, the persons stay.
        for (const { id } of ids) {
          assert.equal((await sophie.call('GET', `/api/v1/persons/${id}/register-entry`)).status, 404);
          assert.equal((await sophie.call('GET', `/api/v1/persons/${id}`)).status, 200);
        }
        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      });
    });
  });
}
