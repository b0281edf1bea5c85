// Signing in for the browser tests: a page signed in through the login form, or an API client with its own
// cookie jar to set the scene and check the outcome. Accounts whose role requires two-factor authentication
// (admin, dpo) set it up on their first sign-in; the secret is kept on the account object so that later
// sign-ins of the same account give a code.
import assert from 'node:assert/strict';
import { watchPage } from './harness.mjs';
import { setUpTotpInUi, totpCode } from './totp.mjs';

export const TIMEOUT = 15_000;

const needsTotp = (account) => account.role === 'admin' || account.role === 'dpo';

/** A new page in its own context, not signed in: {context, page, problems} (CSP violations, page errors). */
export async function newPage(browser, server) {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchPage(page);
  return { context, page, problems };
}

/** A new page signed in as `account` on its home page: {context, page, problems}. Dialogs are accepted. */
export async function signedInPage(browser, server, account) {
  const { context, page, problems } = await newPage(browser, server);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/login');
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (needsTotp(account) && account.totpSecret) {
    await page.getByLabel('Code à usage unique').fill(totpCode(account.totpSecret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
  } else if (needsTotp(account)) {
    account.totpSecret = await setUpTotpInUi(page);
  }
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${account.name}` }).waitFor();
  return { context, page, problems };
}

/**
 * An API client signed in as `account`: {call(method, path, body?, headers?) -> {status, body}, request, csrf,
 * close()}. French messages (Accept-Language: fr).
 */
export async function apiAs(browser, server, account) {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const credentials = { login: account.login, password: account.password };
  if (account.totpSecret) credentials.totp = totpCode(account.totpSecret);
  const login = await context.request.post('/api/v1/session', { data: credentials });
  assert.equal(login.status(), 200, await login.text());
  let csrf = (await login.json()).csrf_token;
  if (needsTotp(account) && !account.totpSecret) {
    const setup = await context.request.post('/api/v1/me/totp', { data: {}, headers: { 'X-CSRF-Token': csrf } });
    assert.equal(setup.status(), 200, await setup.text());
    const secret = (await setup.json()).secret;
    const confirmed = await context.request.post('/api/v1/me/totp/confirm', {
      data: { code: totpCode(secret) },
      headers: { 'X-CSRF-Token': csrf },
    });
    assert.equal(confirmed.status(), 200, await confirmed.text());
    csrf = (await confirmed.json()).csrf_token;
    account.totpSecret = secret;
  }
  const call = async (method, path, body, headers = {}) => {
    const r = await context.request.fetch(path, {
      method,
      data: body,
      headers: { 'X-CSRF-Token': csrf, 'Accept-Language': 'fr', ...headers },
    });
    const text = await r.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: r.status(), body: parsed };
  };
  return { call, request: context.request, csrf, close: () => context.close() };
}

/** Runs `body`; a failure carries the server's output. */
export async function withServerLog(server, body) {
  try {
    await body();
  } catch (e) {
    e.message += `\n--- lien serve output ---\n${server.log()}`;
    throw e;
  }
}
