// Browser test of the inbound line against the real `lien serve`: an intake agent answers a neighbour calling
// about someone not in the register, answers the urgency questions, routes the request to the food platform's
// queue, and finds it there, qualified "Forte" (high), oldest first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentProblem, launchBrowser, startServer, watchPage } from './lib/harness.mjs';

const LEA = { login: 'lea.accueil', name: 'Léa Accueil', role: 'intake', password: 'Accueil-Numero-2026!' };
const TIMEOUT = 15_000;

const problem = environmentProblem();
if (problem) {
  console.error(`\n*** tests/e2e cannot run: ${problem}\n`);
  test('inbound browser tests need LIEN_BINARY and a built web UI', () => {
    assert.fail(problem);
  });
} else {
  describe('the inbound line in Chromium against lien serve', { timeout: 120_000 }, () => {
    let server;
    let browser;

    before(async () => {
      server = await startServer([LEA]);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('an intake agent records a request and routes it to a queue', async (t) => {
      try {
        const context = await browser.newContext({ baseURL: server.baseUrl });
        t.after(() => context.close());
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        const problems = watchPage(page);
        await page.goto('/login');
        await page.getByLabel('Identifiant').fill(LEA.login);
        await page.getByLabel('Mot de passe').fill(LEA.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByRole('heading', { level: 1, name: `Bonjour, ${LEA.name}` }).waitFor();

        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Numéro unique' }).click();
        await page.getByRole('heading', { level: 1, name: 'Numéro unique : nouvel appel' }).waitFor();

        // Nobody in the register: the caller is a neighbour.
        await page.getByLabel('Rechercher la personne concernée dans le fichier').fill('Introuvable');
        await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
        await page.getByText('Aucune personne trouvée : saisissez l’appelant ci-dessous.').waitFor();
        await page.getByLabel('L’appelant est').selectOption('neighbour');
        await page.getByLabel('Nom de l’appelant').fill('M. Bernard');
        await page.getByLabel('Téléphone de l’appelant').fill('06 1');
        await page.getByLabel('Motif', { exact: true }).fill('Sa voisine n’a plus de courses');

        // The questions: alone and without food today → high.
        const answer = async (question, label) =>
          page.getByRole('group', { name: question }).getByLabel(label, { exact: true }).check();
        await answer(/en danger en ce moment/, 'Non');
        await answer(/seule, sans personne/, 'Oui');
        await answer(/nourriture ou de médicaments/, 'Oui');
        await answer(/santé se dégrade/, 'Non');
        await answer(/chaleur ou du froid/, 'Ne sait pas');
        await page.getByLabel('File', { exact: true }).selectOption('food');

        // A phone the server cannot read: the message lands on the field.
        await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
        await page.locator('#in-phone[aria-invalid="true"]').waitFor();
        await page.getByLabel('Téléphone de l’appelant').fill('06 12 34 56 78');
        await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
        await page.getByText('Demande enregistrée (urgence : Forte).').waitFor();

        await page.getByRole('link', { name: 'Files du numéro unique' }).click();
        await page.getByRole('heading', { level: 1, name: 'Files du numéro unique' }).waitFor();
        await page.getByLabel(/Plateforme alimentaire \(1\)/).waitFor();
        const request = page.getByRole('heading', { level: 2, name: /Sa voisine n’a plus de courses/ });
        await request.waitFor();
        assert.match(await request.innerText(), /Forte/);
        await page.getByText('06 12 34 56 78').waitFor();
        assert.deepEqual(problems, []);
      } catch (e) {
        e.message += `\n--- lien serve output ---\n${server.log()}`;
        throw e;
      }
    });
  });
}
