// Typed client for the Lien HTTP API (docs/api-contract-auth.md).
// Framework-free so that it can be unit-tested with a fake fetch.

export type Role =
  | 'admin'
  | 'coordinator'
  | 'social_worker'
  | 'caller'
  | 'intake'
  | 'logistics'
  | 'driver'
  | 'partner'
  | 'dpo';

export const ROLES: readonly Role[] = [
  'admin',
  'coordinator',
  'social_worker',
  'caller',
  'intake',
  'logistics',
  'driver',
  'partner',
  'dpo',
];

export interface User {
  id: number | string;
  login: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  totp_enabled: boolean;
  locked_until: number;
  created_at: number;
  updated_at: number;
  version: number | string;
}

export interface SessionInfo {
  user: User;
  csrf_token: string;
  permissions: string[];
  totp_setup_required: boolean;
  idle_timeout_s: number;
  expires_at: number;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface AuditEntry {
  id: number | string;
  at: number;
  actor_id: number | string | null;
  actor_login: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | number | null;
  client_address: string | null;
  request_id: string | null;
  purpose: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

export interface AuditFilters {
  actor?: string;
  subject_type?: string;
  subject_id?: string;
  action?: string;
  from?: number;
  to?: number;
  limit?: number;
  cursor?: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  first_broken_id: number | string | null;
}

export interface RoleInfo {
  name: Role;
  permissions: string[];
  totp_required: boolean;
}

export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
}

/** An error answered by the server (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** The whole JSON answer (a 409 carries `duplicates`, a 412 `current` and `changes`). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, field: string | null, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

export interface ApiClientOptions {
  /** Language sent as Accept-Language ('fr' or 'en'). */
  language: () => string;
  /** Called when any call other than login answers 401 (session gone). */
  onUnauthenticated: () => void;
  /** Called on 403 when the session must set up two-factor authentication first. */
  onTotpSetupRequired?: () => void;
  /** Message used when the server cannot be reached or answers no JSON error. */
  fallbackMessage: (kind: 'network' | 'server') => string;
  fetch?: typeof fetch;
  base?: string;
}

interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  ifMatch?: string | number;
  /** Sent as Idempotency-Key: a retried POST gets the first reply instead of acting twice. */
  idempotencyKey?: string;
}

const SESSION_PATH = '/session';

/** A random Idempotency-Key (getRandomValues: crypto.randomUUID needs HTTPS, and Lien may be served on a LAN). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per thing being created (a form, or a form per row): the same key while its POST is
 * retried after a lost reply, so the server replays its first answer instead of creating twice; a new key once
 * the creation succeeded.
 */
export class IdempotencyKeys {
  private readonly keys = new Map<string, string>();

  for(what: string | number = ''): string {
    const id = String(what);
    let key = this.keys.get(id);
    if (!key) {
      key = newIdempotencyKey();
      this.keys.set(id, key);
    }
    return key;
  }

  done(what: string | number = ''): void {
    this.keys.delete(String(what));
  }
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createApi(options: ApiClientOptions) {
  const base = options.base ?? '/api/v1';
  let csrfToken: string | null = null;

  function remember(info: SessionInfo): SessionInfo {
    csrfToken = info.csrf_token;
    return info;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': options.language(),
    };
    if (method !== 'GET' && method !== 'HEAD') {
      headers['Content-Type'] = 'application/json';
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    }
    if (opts.ifMatch !== undefined) headers['If-Match'] = String(opts.ifMatch);
    if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;

    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(base + path + buildQuery(opts.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: opts.body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(opts.body),
      });
    } catch {
      throw new ApiError(0, 'network', options.fallbackMessage('network'), null);
    }

    if (response.status === 204) return undefined as T;
    let payload: unknown = null;
    const text = await response.text();
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = null;
      }
    }
    if (response.ok) return payload as T;

    const isLogin = method === 'POST' && path === SESSION_PATH;
    if (response.status === 401 && !isLogin) {
      csrfToken = null;
      options.onUnauthenticated();
    }
    const err0 = (payload as { error?: { code?: string } } | null)?.error;
    if (response.status === 403 && err0?.code && /totp_setup_required/.test(err0.code)) {
      options.onTotpSetupRequired?.();
    }
    const err = (payload as { error?: { code?: string; message?: string; field?: string | null } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      err?.code ?? 'http_' + response.status,
      err?.message || options.fallbackMessage('server'),
      err?.field ?? null,
      payload,
    );
  }

  /** A call answering a file (PDF, spreadsheet): its bytes and the name the server suggests. */
  async function download(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<{ blob: Blob; fileName: string | null }> {
    const headers: Record<string, string> = { 'Accept-Language': options.language() };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    }
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(base + path + buildQuery(opts.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
    } catch {
      throw new ApiError(0, 'network', options.fallbackMessage('network'), null);
    }
    if (!response.ok) {
      let payload: { error?: { code?: string; message?: string; field?: string | null } } | null = null;
      try {
        payload = JSON.parse(await response.text());
      } catch {
        payload = null;
      }
      if (response.status === 401) {
        csrfToken = null;
        options.onUnauthenticated();
      }
      throw new ApiError(
        response.status,
        payload?.error?.code ?? 'http_' + response.status,
        payload?.error?.message || options.fallbackMessage('server'),
        payload?.error?.field ?? null,
        payload,
      );
    }
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), fileName: m ? decodeURIComponent(m[1]!) : null };
  }

  return {
    request,
    download,
    get csrfToken() {
      return csrfToken;
    },

    // Session
    login: (login: string, password: string, totp?: string) =>
      request<SessionInfo>('POST', SESSION_PATH, {
        body: totp ? { login, password, totp } : { login, password },
      }).then(remember),
    session: () => request<SessionInfo>('GET', SESSION_PATH).then(remember),
    logout: () =>
      request<void>('DELETE', SESSION_PATH).finally(() => {
        csrfToken = null;
      }),
    changePassword: (current_password: string, new_password: string) =>
      request<void>('POST', '/me/password', { body: { current_password, new_password } }),
    startTotp: () => request<TotpSetup>('POST', '/me/totp', { body: {} }),
    confirmTotp: (code: string) =>
      request<SessionInfo>('POST', '/me/totp/confirm', { body: { code } }).then(remember),
    disableTotp: (password: string) => request<void>('DELETE', '/me/totp', { body: { password } }),

    // Accounts
    listUsers: (q: { q?: string; limit?: number; cursor?: string | null }) =>
      request<Page<User>>('GET', '/users', { query: q }),
    getUser: (id: User['id']) => request<User>('GET', `/users/${encodeURIComponent(String(id))}`),
    createUser: (user: { login: string; display_name: string; role: Role; password: string }) =>
      request<User>('POST', '/users', { body: user }),
    updateUser: (id: User['id'], version: User['version'], patch: { display_name?: string; role?: Role }) =>
      request<User>('PATCH', `/users/${encodeURIComponent(String(id))}`, { body: patch, ifMatch: version }),
    disableUser: (id: User['id']) => request<User>('POST', `/users/${encodeURIComponent(String(id))}/disable`),
    enableUser: (id: User['id']) => request<User>('POST', `/users/${encodeURIComponent(String(id))}/enable`),
    resetPassword: (id: User['id'], new_password: string) =>
      request<void>('POST', `/users/${encodeURIComponent(String(id))}/password`, { body: { new_password } }),
    resetTotp: (id: User['id']) =>
      request<User>('POST', `/users/${encodeURIComponent(String(id))}/totp/reset`),
    roles: () =>
      request<{ roles: RoleInfo[]; permissions: string[] }>('GET', '/roles'),

    // Audit
    audit: (filters: AuditFilters) =>
      request<Page<AuditEntry>>('GET', '/audit', { query: { ...filters } }),
    verifyAudit: () => request<AuditVerification>('GET', '/audit/verify'),
  };
}

export type Api = ReturnType<typeof createApi>;
