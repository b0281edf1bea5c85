// Browser tests of the register's pages against the real `lien serve`:
// - an intake agent registers a person, sees the duplicate warning for a person already recorded (with the
//   reasons in plain French) and opens the existing record instead of creating a second one;
// - a social worker edits a person while someone else changes the same record: the save answers 412 and the
//   page shows what changed (who, field: before → after); the user puts their change back and saves;
// - a designated register agent corrects a register entry while another agent corrects it too: the same 412
//   story on the register panel.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { apiAs as signInApi, signedInPage, withServerLog as withLog } from './lib/session.mjs';

const LEA = { login: 'lea.martin', name: 'Léa Martin', role: 'intake', password: 'Accueil-Mairie-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };
const PAUL = { login: 'paul.durand', name: 'Paul Durand', role: 'coordinator', password: 'Coordination-2026!' };
const ADMIN = { login: 'admin.mairie', name: 'Admin Mairie', role: 'admin', password: 'Administration-2026!' };

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
      server = await startServer([LEA, SOPHIE, PAUL, ADMIN]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    const apiAs = (account) => signInApi(browser, server, account);
    const loggedInPage = (account) => signedInPage(browser, server, account);
    const withServerLog = (body) => withLog(server, body);

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

    test('a register agent corrects an entry, loses a race, sees what changed and reapplies', async (t) => {
      await withServerLog(async () => {
        // Sophie (social worker) and Paul (coordinator) are designated and acknowledged secrecy.
        const admin = await apiAs(ADMIN);
        t.after(() => admin.close());
        const users = await admin.call('GET', '/api/v1/users');
        for (const account of [SOPHIE, PAUL]) {
          const user = users.body.items.find((u) => u.login === account.login);
          assert.equal((await admin.call('PUT', `/api/v1/register/agents/${user.id}`, {})).status, 200);
        }
        const paul = await apiAs(PAUL);
        t.after(() => paul.close());
        assert.equal((await paul.call('POST', '/api/v1/register/me/secrecy', {})).status, 200);
        const created = await paul.call('POST', '/api/v1/persons', {
          last_name: 'Caron',
          first_names: 'Lucienne',
          birth_date: '1937-02-20',
          ignore_duplicates: true,
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id = String(created.body.person.id);
        const entryPath = `/api/v1/persons/${id}/register-entry`;
        const registered = await paul.call('POST', entryPath, {
          ground: 'age_65',
          requested_by: 'self',
          requested_on: new Date().toISOString().slice(0, 10),
          home_care_service: 'ADMR',
        });
        assert.equal(registered.status, 201, JSON.stringify(registered.body));

        const sophie = await apiAs(SOPHIE);
        t.after(() => sophie.close());
        assert.equal((await sophie.call('POST', '/api/v1/register/me/secrecy', {})).status, 200);
        const { context, page, problems } = await loggedInPage(SOPHIE);
        t.after(() => context.close());
        await page.goto(`/persons/${id}`);
        await page.getByRole('heading', { level: 1, name: 'Lucienne Caron' }).waitFor();
        const panel = page.getByRole('region', { name: 'Registre des personnes vulnérables' });
        await panel.getByText('ADMR').waitFor();

        // A first correction goes through.
        await panel.getByRole('button', { name: 'Corriger l’inscription' }).click();
        await page.waitForFunction(() => document.activeElement?.id === 're-edit-ground');
        await panel.getByLabel('Service d’aide à domicile').fill('SSIAD du Béthunois');
        await panel.getByRole('button', { name: 'Enregistrer la correction' }).click();
        await page.getByText('L’inscription est corrigée.').waitFor();
        await panel.getByText('SSIAD du Béthunois').waitFor();

        // A second one loses a race against Paul, who changes the ground meanwhile.
        await panel.getByRole('button', { name: 'Corriger l’inscription' }).click();
        await panel.getByLabel('Personne à prévenir en cas d’urgence').fill('Marc Caron');
        await panel.getByLabel('Téléphone de la personne à prévenir').fill('06 11 22 33 44');
        const now = await paul.call('GET', entryPath);
        const changed = await paul.call('PATCH', entryPath, { ground: 'disabled_card' }, { 'If-Match': String(now.body.version) });
        assert.equal(changed.status, 200, JSON.stringify(changed.body));
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(entryPath) && r.request().method() === 'PATCH'),
          panel.getByRole('button', { name: 'Enregistrer la correction' }).click(),
        ]);
        assert.equal(response.status(), 412);
        const heading = page.getByRole('heading', { level: 3, name: 'Quelqu’un a modifié cette inscription pendant votre saisie' });
        await heading.waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 're-conflict-heading');
        const conflict = page.locator('section', { has: heading });
        await conflict.getByText(`par ${PAUL.login}`).waitFor();
        const line = conflict.locator('.change__fields li').filter({ hasText: 'Motif de l’inscription' });
        assert.equal((await line.locator('del').innerText()).trim(), 'Personne âgée de 65 ans et plus');
        assert.equal(
          (await line.locator('ins').innerText()).trim(),
          'Adulte handicapé : carte d’invalidité ou carte mobilité inclusion',
        );

        // Her emergency contact goes back on the current entry, Paul's ground stays.
        await conflict.getByRole('button', { name: 'Reprendre ma correction sur l’inscription à jour' }).click();
        assert.equal(await panel.getByLabel('Personne à prévenir en cas d’urgence').inputValue(), 'Marc Caron');
        assert.equal(await panel.getByLabel('Motif de l’inscription').inputValue(), 'disabled_card');
        await panel.getByRole('button', { name: 'Enregistrer la correction' }).click();
        await page.getByText('L’inscription est corrigée.').waitFor();
        await panel.getByText(/Marc Caron/).waitFor();

        const final = await paul.call('GET', entryPath);
        assert.equal(final.body.ground, 'disabled_card');
        assert.equal(final.body.emergency_contact_name, 'Marc Caron');
        assert.equal(final.body.emergency_contact_phone, '+33611223344');
        assert.equal(final.body.home_care_service, 'SSIAD du Béthunois');
        assert.deepEqual(problems, [], 'no CSP violation nor page error');
      });
    });
  });
}
