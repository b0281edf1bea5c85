import { describe, expect, it, vi } from 'vitest';
import { ApiError, IdempotencyKeys, buildQuery, createApi, type SessionInfo } from '../src/api';

interface Call {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const SESSION: SessionInfo = {
  user: {
    id: 1,
    login: 'marie.dupont',
    display_name: 'Marie Dupont',
    role: 'coordinator',
    disabled: false,
    totp_enabled: false,
    locked_until: 0,
    created_at: 0,
    updated_at: 0,
    version: 3,
  },
  csrf_token: 'csrf-123',
  permissions: [],
  totp_setup_required: false,
  idle_timeout_s: 1800,
  expires_at: 0,
};

function setup(responses: Response[], language = 'fr') {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const r = responses.shift();
    if (!r) throw new TypeError('no more responses');
    return r;
  });
  const onUnauthenticated = vi.fn();
  const onTotpSetupRequired = vi.fn();
  const api = createApi({
    language: () => language,
    onUnauthenticated,
    onTotpSetupRequired,
    fallbackMessage: (k) => `fallback:${k}`,
    fetch: fetch as unknown as typeof globalThis.fetch,
  });
  const headers = (i: number) => calls[i]!.init.headers as Record<string, string>;
  return { api, calls, headers, onUnauthenticated, onTotpSetupRequired };
}

describe('api client', () => {
  it('logs in with JSON, same-origin credentials and the language, without a CSRF token', async () => {
    const { api, calls, headers } = setup([json(200, SESSION)]);
    const info = await api.login('marie.dupont', 'secret');
    expect(info.user.login).toBe('marie.dupont');
    expect(calls[0]!.url).toBe('/api/v1/session');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(headers(0)['Content-Type']).toBe('application/json');
    expect(headers(0)['Accept-Language']).toBe('fr');
    expect(headers(0)['X-CSRF-Token']).toBeUndefined();
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ login: 'marie.dupont', password: 'secret' });
  });

  it('sends the CSRF token from the session on non-GET requests only', async () => {
    const { api, headers } = setup([json(200, SESSION), json(200, { items: [], next_cursor: null }), new Response(null, { status: 204 })]);
    await api.login('marie.dupont', 'secret');
    await api.listUsers({ q: 'dup', limit: 10 });
    expect(headers(1)['X-CSRF-Token']).toBeUndefined();
    await api.changePassword('old', 'new');
    expect(headers(2)['X-CSRF-Token']).toBe('csrf-123');
    expect(headers(2)['Content-Type']).toBe('application/json');
  });

  it('sends the one-time code only when given', async () => {
    const { api, calls } = setup([json(200, SESSION)]);
    await api.login('a', 'b', '123456');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ login: 'a', password: 'b', totp: '123456' });
  });

  it('sends If-Match on account updates', async () => {
    const { api, calls, headers } = setup([json(200, SESSION.user)]);
    await api.updateUser(7, 3, { role: 'caller' });
    expect(calls[0]!.url).toBe('/api/v1/users/7');
    expect(calls[0]!.init.method).toBe('PATCH');
    expect(headers(0)['If-Match']).toBe('3');
  });

  it('surfaces error.message, error.code and error.field', async () => {
    const { api, onUnauthenticated } = setup([
      json(401, { error: { code: 'unauthenticated', message: 'Saisissez le code.', field: 'totp' } }),
    ]);
    const err = await api.login('a', 'b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated', message: 'Saisissez le code.', field: 'totp' });
    // A 401 on login is an answer, not a lost session.
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('calls onUnauthenticated on a 401 from any other call and forgets the CSRF token', async () => {
    const { api, onUnauthenticated } = setup([
      json(200, SESSION),
      json(401, { error: { code: 'unauthenticated', message: 'Connectez-vous.', field: null } }),
    ]);
    await api.login('a', 'b');
    expect(api.csrfToken).toBe('csrf-123');
    await expect(api.listUsers({})).rejects.toMatchObject({ status: 401, message: 'Connectez-vous.' });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(api.csrfToken).toBeNull();
  });

  it('reports a required two-factor set-up', async () => {
    const { api, onTotpSetupRequired } = setup([
      json(403, { error: { code: 'auth.totp_setup_required', message: 'Configurez…', field: null } }),
    ]);
    await expect(api.listUsers({})).rejects.toMatchObject({ status: 403 });
    expect(onTotpSetupRequired).toHaveBeenCalled();
  });

  it('uses the fallback messages for network failures and non-JSON errors', async () => {
    const { api } = setup([new Response('<html>Bad gateway</html>', { status: 502 })]);
    await expect(api.session()).rejects.toMatchObject({ status: 502, message: 'fallback:server', field: null });
    await expect(api.session()).rejects.toMatchObject({ status: 0, code: 'network', message: 'fallback:network' });
  });

  it('returns undefined for 204 and parses audit pages with filters in the query', async () => {
    const { api, calls } = setup([
      new Response(null, { status: 204 }),
      json(200, { items: [], next_cursor: 'abc' }),
    ]);
    await expect(api.logout()).resolves.toBeUndefined();
    const page = await api.audit({ actor: 'marie.dupont', action: '', from: 1000, cursor: 'c1' });
    expect(page.next_cursor).toBe('abc');
    expect(calls[1]!.url).toBe('/api/v1/audit?actor=marie.dupont&from=1000&cursor=c1');
  });

  it('sends the current language on every call', async () => {
    let lang = 'fr';
    const seen: string[] = [];
    const api = createApi({
      language: () => lang,
      onUnauthenticated: () => {},
      fallbackMessage: () => '',
      fetch: (async (_u: RequestInfo | URL, init?: RequestInit) => {
        seen.push((init!.headers as Record<string, string>)['Accept-Language']!);
        return json(200, SESSION);
      }) as typeof fetch,
    });
    await api.session();
    lang = 'en';
    await api.session();
    expect(seen).toEqual(['fr', 'en']);
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ a: '', b: undefined, c: null, d: 0, e: 'x y' })).toBe('?d=0&e=x+y');
    expect(buildQuery({})).toBe('');
  });
});

describe('IdempotencyKeys', () => {
  it('keeps one key per thing until its creation is done, then makes a new one', () => {
    const keys = new IdempotencyKeys();
    const first = keys.for('need');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.for('need')).toBe(first);
    expect(keys.for(7)).not.toBe(first);
    keys.done('need');
    expect(keys.for('need')).not.toBe(first);
    expect(keys.for('7')).toBe(keys.for(7));
  });
});
