// Browser tests of the register's administration against the real `lien serve`:
// an admin designates a social worker, who must acknowledge professional secrecy first, then registers a
// person (a third party's written request) and records the acknowledgement from the due list; a coordinator
// declares an alert plan, which every role then sees in the banner.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer } from './lib/harness.mjs';
import { apiAs, signedInPage, withServerLog as withLog } from './lib/session.mjs';

const ADMIN = { login: 'admin.mairie', name: 'Admin Mairie', role: 'admin', password: 'Administration-2026!' };
const SOPHIE = { login: 'sophie.bernard', name: 'Sophie Bernard', role: 'social_worker', password: 'Suivi-Social-2026!' };
const PAUL = { login: 'paul.durand', name: 'Paul Durand', role: 'coordinator', password: 'Coordination-2026!' };
const LEA = { login: 'lea.martin', name: 'Léa Martin', role: 'intake', password: 'Accueil-Mairie-2026!' };
// A second admin, driven through the API only, to set the scene of the alert test.
const ADMIN_API = { login: 'admin.api', name: 'Admin API', role: 'admin', password: 'Administration-API-2026!' };

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('register administration browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('register administration in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([ADMIN, ADMIN_API, SOPHIE, PAUL, LEA]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    const loggedInPage = (account) => signedInPage(browser, server, account);
    const withServerLog = (body) => withLog(server, body);

    /** Designates `account` as a register agent through the API, as ADMIN_API (two-factor set up on the way). */
    async function designateByApi(account) {
      const admin = await apiAs(browser, server, ADMIN_API);
      try {
        const users = await admin.call('GET', `/api/v1/users?q=${encodeURIComponent(account.login)}`);
        const user = users.body.items.find((u) => u.login === account.login);
        const designated = await admin.call('PUT', `/api/v1/register/agents/${user.id}`, {});
        assert.equal(designated.status, 200, JSON.stringify(designated.body));
      } finally {
        await admin.close();
      }
    }

    test('an admin designates an agent, who acknowledges secrecy, registers a person and acknowledges the request', async (t) => {
      await withServerLog(async () => {
        const admin = await loggedInPage(ADMIN);
        t.after(() => admin.context.close());
        const { page } = admin;
        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agents du registre' }).click();
        await page.getByRole('heading', { level: 1, name: 'Agents du registre' }).waitFor();
        await page.getByText('Aucun agent désigné.').waitFor();
        // Only the roles that may hold the register are offered.
        const account = page.getByLabel(/^Compte/);
        const offered = await account.locator('option').allInnerTexts();
        assert.ok(offered.some((o) => o.includes(SOPHIE.login)), offered.join(' | '));
        assert.ok(!offered.some((o) => o.includes(ADMIN.login)), offered.join(' | '));
        await account.selectOption({ label: `${SOPHIE.name} (${SOPHIE.login}, Travail social)` });
        await page.getByRole('button', { name: 'Désigner', exact: true }).click();
        const row = page.getByRole('row').filter({ hasText: SOPHIE.name });
        await row.getByText('Pas encore signé').waitFor();
        assert.deepEqual(admin.problems, [], 'no CSP violation nor page error');

        const agent = await loggedInPage(SOPHIE);
        t.after(() => agent.context.close());
        const p = agent.page;
        await p.getByText('Vous êtes désigné·e pour le registre des personnes vulnérables.').waitFor();
        await p.getByRole('link', { name: 'Signer l’engagement de confidentialité' }).click();
        await p.getByRole('heading', { level: 1, name: 'Engagement de confidentialité' }).waitFor();
        // Not without ticking the box.
        await p.getByRole('button', { name: 'Enregistrer mon engagement' }).click();
        await p.getByText('Cochez la case pour prendre l’engagement.').waitFor();
        await p.getByLabel('Je m’engage à respecter le secret professionnel').check();
        await p.getByRole('button', { name: 'Enregistrer mon engagement' }).click();
        await p.getByRole('heading', { level: 1, name: 'Accusés de réception à envoyer' }).waitFor();
        await p.getByText('Votre engagement est enregistré : vous avez accès au registre.').waitFor();
        assert.equal(await p.getByText('Vous êtes désigné·e pour le registre').count(), 0);
        assert.deepEqual(agent.problems, [], 'no CSP violation nor page error');

        // The admin sees the date of the acknowledgement.
        await page.reload();
        await row.waitFor();
        assert.equal(await row.getByText('Pas encore signé').count(), 0);

        // The agent registers a person at a neighbour's written request.
        const session = await p.request.get('/api/v1/session');
        const csrf = (await session.json()).csrf_token;
        const created = await p.request.post('/api/v1/persons', {
          data: { last_name: 'Roussel', first_names: 'Marcelle', birth_date: '1939-11-05' },
          headers: { 'X-CSRF-Token': csrf },
        });
        assert.equal(created.status(), 201, await created.text());
        const id = String((await created.json()).person.id);
        await p.goto(`/persons/${id}`);
        const panel = p.locator('section', { has: p.getByRole('heading', { level: 2, name: 'Registre des personnes vulnérables' }) });
        await panel.getByText('Cette personne n’est pas inscrite au registre.').waitFor();
        await panel.getByRole('button', { name: 'Inscrire au registre' }).click();
        await panel.getByLabel('Motif de l’inscription').selectOption('age_65');
        await panel.getByLabel('Demande faite par').selectOption('third_party');
        await panel.getByLabel('Nom du demandeur').fill('Gérard Petit');
        await panel.getByLabel('Lien avec la personne').selectOption('neighbour');
        // A third party's request must be written: the server's message lands on the field.
        await panel.getByRole('button', { name: 'Inscrire au registre' }).click();
        await p.locator('#re-request_evidence[aria-invalid="true"]').waitFor();
        await p.getByLabel('Demande écrite').fill('Courrier reçu le 20/11/2026');
        await panel.getByRole('button', { name: 'Inscrire au registre' }).click();
        await p.getByText('La personne est inscrite au registre.').waitFor();
        await panel.getByText('Inscrite au registre').waitFor();
        await panel.getByText(/à envoyer au plus tard le \d{2}\/\d{2}\/\d{4}/).waitFor();

        // The due list holds it until the acknowledgement is recorded as sent.
        await p.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Registre : accusés de réception' }).click();
        const due = p.getByRole('row').filter({ hasText: 'Marcelle Roussel' });
        await due.waitFor();
        const letter = due.getByRole('link', { name: /Lettre d’accusé de réception/ });
        const pdf = await p.request.get(await letter.getAttribute('href'));
        assert.equal(pdf.status(), 200);
        assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/);
        await due.getByRole('button', { name: /Noter l’accusé de réception comme envoyé/ }).click();
        await p.getByText('Aucun accusé de réception en attente.').waitFor();
        assert.deepEqual(agent.problems, [], 'no CSP violation nor page error');
      });
    });

    test('a coordinator declares an alert plan that everyone sees, downloads the prefect’s list, then ends the plan', async (t) => {
      await withServerLog(async () => {
        // The prefect's list is register data: the coordinator is a designated agent bound by secrecy.
        await designateByApi(PAUL);
        const coordinator = await loggedInPage(PAUL);
        t.after(() => coordinator.context.close());
        const { page } = coordinator;
        await page.getByRole('link', { name: 'Signer l’engagement de confidentialité' }).click();
        await page.getByLabel('Je m’engage à respecter le secret professionnel').check();
        await page.getByRole('button', { name: 'Enregistrer mon engagement' }).click();
        await page.getByText('Votre engagement est enregistré : vous avez accès au registre.').waitFor();
        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Plans d’alerte' }).click();
        await page.getByRole('heading', { level: 1, name: 'Plans d’alerte' }).waitFor();
        await page.getByLabel('Type d’alerte').selectOption('heatwave');
        await page.getByLabel('Zone concernée').fill('Béthune');
        await page.getByLabel(/Référence de l’arrêté/).fill('Arrêté 2026-123');
        await page.getByRole('button', { name: 'Déclarer le plan d’alerte' }).click();
        const banner = page.getByRole('region', { name: 'Plan d’alerte en cours' });
        await banner.getByText('Plan d’alerte déclenché : Canicule').waitFor();

        const intake = await loggedInPage(LEA);
        t.after(() => intake.context.close());
        await intake.page
          .getByRole('region', { name: 'Plan d’alerte en cours' })
          .getByText('Plan d’alerte déclenché : Canicule')
          .waitFor();
        // The prefect's list is for coordinators only.
        assert.equal(await intake.page.getByRole('link', { name: 'Préparer la liste pour le préfet' }).count(), 0);

        // The prefect's list, from the banner: the password again (a wrong one is refused on its field).
        await banner.getByRole('link', { name: 'Préparer la liste pour le préfet' }).click();
        await page.getByRole('heading', { level: 1, name: 'Liste pour le préfet' }).waitFor();
        await page.getByLabel('Destinataire').fill('Préfecture du Pas-de-Calais, SIDPC');
        await page.getByLabel('Objet de la demande').fill('Plan canicule : appel des personnes inscrites');
        await page.getByLabel('Votre mot de passe').fill('not-the-password');
        await page.getByRole('button', { name: 'Télécharger la liste' }).click();
        await page.locator('#px-password[aria-invalid="true"]').waitFor();
        await page.getByLabel('Votre mot de passe').fill(PAUL.password);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Télécharger la liste' }).click(),
        ]);
        assert.match(download.suggestedFilename(), /\.xlsx$/);
        await page.getByText('La liste est téléchargée ; la transmission est inscrite au journal d’audit.').waitFor();

        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Plans d’alerte' }).click();
        await page.getByRole('button', { name: 'Clore le plan' }).click();
        await page.getByText('Le plan d’alerte est clos.').waitFor();
        await banner.waitFor({ state: 'detached' });
        assert.deepEqual(coordinator.problems, [], 'no CSP violation nor page error');
        assert.deepEqual(intake.problems, [], 'no CSP violation nor page error');
      });
    });
  });
}
