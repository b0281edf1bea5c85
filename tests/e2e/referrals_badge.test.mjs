// Browser test of the overdue referrals badge against the real `lien serve`: a coordinator's referral whose due
// day has passed is counted on the "Orientations" navigation entry, with a label for screen readers, and the badge
// goes once the referral is done.
//
// The due day is moved into the past with the sqlite3 client: the API refuses a due day already past.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { apiAs, signedInPage, withServerLog } from './lib/session.mjs';

const PAUL = { login: 'paul.durand', name: 'Paul Durand', role: 'coordinator', password: 'Coordination-2026!' };

function sql(server, statement) {
  return execFileSync('sqlite3', [server.db, statement], { encoding: 'utf8' }).trim();
}

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('referrals badge browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('the overdue referrals badge in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([PAUL]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('a coordinator sees how many referrals are overdue in the navigation', async (t) => {
      await withServerLog(server, async () => {
        const paulApi = await apiAs(browser, server, PAUL);
        t.after(() => paulApi.close());
        const created = await paulApi.call('POST', '/api/v1/persons', {
          last_name: 'Lefèvre',
          first_names: 'Jeanne',
          address: { number: '4', street: 'rue des Lilas', postcode: '80000', town: 'Amiens' },
          ignore_duplicates: true,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const need = await paulApi.call('POST', `/api/v1/persons/${created.body.person.id}/needs`, {
          kind: 'groceries',
          urgency: 'high',
          notes: '',
        });
        assert.equal(need.status, 201, JSON.stringify(need.body));
        const referral = await paulApi.call('POST', `/api/v1/needs/${need.body.id}/referrals`, {
          service: 'charity',
          send: true,
        });
        assert.equal(referral.status, 201, JSON.stringify(referral.body));
        sql(server, `UPDATE referrals SET due_on = '2020-01-06' WHERE id = ${referral.body.id};`);

        const { page: paul } = await signedInPage(browser, server, PAUL);
        const nav = paul.getByRole('navigation', { name: 'Navigation principale' });
        await nav.getByRole('link', { name: /^Orientations\s*1 orientations en retard$/ }).waitFor();
        assert.equal(await nav.locator('.nav-count [aria-hidden="true"]').innerText(), '1');

        await paul.getByRole('button', { name: 'English' }).click();
        const navEn = paul.getByRole('navigation', { name: 'Main navigation' });
        await navEn.getByRole('link', { name: /^Referrals\s*1 overdue referrals$/ }).waitFor();

        sql(server, `UPDATE referrals SET state = 'done' WHERE id = ${referral.body.id};`);
        // The badge is read again when the session changes: sign in afresh.
        const { page: again } = await signedInPage(browser, server, PAUL);
        await again.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Orientations', exact: true }).waitFor();
        assert.equal(await again.locator('.nav-count').count(), 0, 'no badge once done');
      });
    });
  });
}
