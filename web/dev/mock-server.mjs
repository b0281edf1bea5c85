// Development-only mock of the session/accounts/audit API contract
// (docs/api-contract-auth.md), in memory, plus static files from web/dist
// with the same strict CSP the real server sends. NOT the real server:
// tests/e2e run against `lien serve`.
//
//   node dev/mock-server.mjs [--listen 127.0.0.1:8099] [--web-root dist]
//
// Seeded accounts (standalone mode): admin / admin-motdepasse-1 (admin, must set up two-factor),
// dpo / dpo-motdepasse-1, marie.dupont / marie-motdepasse-1 (coordinator).
import http from 'node:http';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const PERMISSIONS = {
  admin: ['users.manage'],
  dpo: ['audit.read'],
};
const ROLES = ['admin', 'coordinator', 'social_worker', 'caller', 'intake', 'logistics', 'driver', 'partner', 'dpo'];
const TOTP_REQUIRED = new Set(['admin', 'dpo']);
const MAX_FAILURES = 5;
const LOCK_MS = 60_000;

const MESSAGES = {
  'auth.bad_credentials': ['Identifiant ou mot de passe incorrect.', 'Wrong login or password.'],
  'auth.totp_needed': ['Saisissez le code de votre application d’authentification.', 'Enter the code from your authenticator app.'],
  'auth.totp_wrong': ['Code à usage unique incorrect.', 'Wrong one-time code.'],
  'auth.throttled': ['Trop de tentatives. Réessayez dans une minute.', 'Too many attempts. Try again in a minute.'],
  'auth.disabled': ['Ce compte est désactivé.', 'This account is disabled.'],
  'auth.unauthenticated': ['Connectez-vous.', 'Please log in.'],
  'auth.csrf': ['Jeton CSRF manquant ou invalide.', 'Missing or invalid CSRF token.'],
  'auth.forbidden': ['Accès refusé.', 'Access denied.'],
  'auth.totp_setup_required': ['Configurez d’abord la double authentification.', 'Set up two-factor authentication first.'],
  'auth.totp_code_wrong': ['Ce code ne correspond pas. Vérifiez l’heure de votre téléphone.', 'This code does not match. Check your phone’s clock.'],
  'auth.totp_keep': ['La double authentification est obligatoire pour votre rôle.', 'Two-factor authentication is mandatory for your role.'],
  'password.too_short': ['Le mot de passe doit comporter au moins 12 caractères.', 'The password must be at least 12 characters long.'],
  'password.wrong_current': ['Le mot de passe actuel est incorrect.', 'The current password is wrong.'],
  'users.login_taken': ['Cet identifiant est déjà utilisé.', 'This login is already taken.'],
  'users.invalid': ['Valeur invalide.', 'Invalid value.'],
  'users.not_found': ['Compte introuvable.', 'Account not found.'],
  'users.stale': ['Ce compte a été modifié entre-temps.', 'This account was changed in the meantime.'],
  'http.not_found': ['Introuvable.', 'Not found.'],
  'http.bad_request': ['Requête invalide.', 'Bad request.'],
};

function langOf(req) {
  return /^\s*en\b/i.test(req.headers['accept-language'] ?? '') ? 1 : 0;
}

// --- TOTP (RFC 6238, SHA-1, 6 digits, 30 s) -------------------------------
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32Encode(buf) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}
function base32Decode(s) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of s.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | B32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
export function totpCode(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = h[19] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
function totpValid(secret, code) {
  const now = Date.now();
  return [-30_000, 0, 30_000].some((d) => totpCode(secret, now + d) === String(code ?? '').trim());
}

// --- Server -----------------------------------------------------------------
export function startMockServer({ host = '127.0.0.1', port = 8099, webRoot, users: seed = [] } = {}) {
  let nextId = 1;
  const users = [];
  const sessions = new Map(); // token -> {userId, csrf, expires}
  const audit = [];
  let lastHash = '0'.repeat(64);

  function addUser({ login, display_name, role, password }) {
    const now = Date.now();
    const u = {
      id: nextId++,
      login,
      display_name,
      role,
      disabled: false,
      totp_enabled: false,
      locked_until: 0,
      created_at: now,
      updated_at: now,
      version: 1,
      password,
      totp_secret: null,
      pending_secret: null,
      failures: 0,
    };
    users.push(u);
    return u;
  }
  for (const s of seed) addUser(s);

  const publicUser = (u) => {
    const { password, totp_secret, pending_secret, failures, ...rest } = u;
    return rest;
  };
  const touch = (u) => {
    u.updated_at = Date.now();
    u.version += 1;
  };
  const endSessions = (userId, except) => {
    for (const [token, s] of sessions) if (s.userId === userId && token !== except) sessions.delete(token);
  };

  function record(req, actor, action, subject_type, subject_id, outcome = 'ok', details = {}) {
    const entry = {
      id: audit.length + 1,
      at: Date.now(),
      actor_id: actor?.id ?? null,
      actor_login: actor?.login ?? null,
      actor_role: actor?.role ?? null,
      action,
      subject_type,
      subject_id: subject_id === null || subject_id === undefined ? null : String(subject_id),
      client_address: req.socket.remoteAddress ?? null,
      request_id: randomBytes(8).toString('hex'),
      purpose: null,
      outcome,
      details,
    };
    lastHash = createHash('sha256').update(lastHash + JSON.stringify(entry)).digest('hex');
    audit.push(entry);
  }

  function sessionInfo(u, s) {
    return {
      user: publicUser(u),
      csrf_token: s.csrf,
      permissions: PERMISSIONS[u.role] ?? [],
      totp_setup_required: TOTP_REQUIRED.has(u.role) && !u.totp_enabled,
      idle_timeout_s: 1800,
      expires_at: s.expires,
    };
  }

  function send(res, status, body, headers = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(text);
  }
  function fail(req, res, status, code, key, field = null) {
    send(res, status, { error: { code, message: MESSAGES[key][langOf(req)], field } });
  }

  async function readJson(req) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    return JSON.parse(text);
  }

  function currentSession(req) {
    const m = /(?:^|;\s*)lien_session=([^;]+)/.exec(req.headers.cookie ?? '');
    if (!m) return null;
    const s = sessions.get(m[1]);
    if (!s || s.expires < Date.now()) return null;
    const u = users.find((x) => x.id === s.userId);
    if (!u || u.disabled) return null;
    return { token: m[1], s, u };
  }

  async function api(req, res, url) {
    const p = url.pathname.replace(/^\/api\/v1/, '');
    const method = req.method;
    let body = {};
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readJson(req);
      } catch {
        return fail(req, res, 400, 'bad_request', 'http.bad_request');
      }
    }

    // Login
    if (p === '/session' && method === 'POST') {
      if (!/application\/json/.test(req.headers['content-type'] ?? '')) {
        return fail(req, res, 415, 'bad_request', 'http.bad_request');
      }
      const u = users.find((x) => x.login === body.login);
      const now = Date.now();
      if (u && u.locked_until > now) return fail(req, res, 429, 'throttled', 'auth.throttled');
      if (!u || u.password !== body.password) {
        if (u && ++u.failures >= MAX_FAILURES) {
          u.locked_until = now + LOCK_MS;
          u.failures = 0;
        }
        record(req, u ?? null, 'session.login', 'user', u?.id, 'denied', { login: String(body.login ?? '') });
        return fail(req, res, 401, 'unauthenticated', 'auth.bad_credentials');
      }
      if (u.disabled) return fail(req, res, 401, 'unauthenticated', 'auth.disabled');
      if (u.totp_enabled) {
        if (!body.totp) return fail(req, res, 401, 'unauthenticated', 'auth.totp_needed', 'totp');
        if (!totpValid(u.totp_secret, body.totp)) {
          record(req, u, 'session.login', 'user', u.id, 'denied', { reason: 'totp' });
          return fail(req, res, 401, 'unauthenticated', 'auth.totp_wrong', 'totp');
        }
      }
      u.failures = 0;
      const token = randomBytes(24).toString('base64url');
      const s = { userId: u.id, csrf: randomBytes(24).toString('base64url'), expires: now + 8 * 3600_000 };
      sessions.set(token, s);
      record(req, u, 'session.login', 'user', u.id);
      return send(res, 200, sessionInfo(u, s), {
        'Set-Cookie': `lien_session=${token}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }

    const cur = currentSession(req);
    if (!cur) return fail(req, res, 401, 'unauthenticated', 'auth.unauthenticated');
    const { u: me, s, token } = cur;
    if (method !== 'GET' && method !== 'HEAD' && req.headers['x-csrf-token'] !== s.csrf) {
      return fail(req, res, 403, 'csrf', 'auth.csrf');
    }

    if (p === '/session') {
      if (method === 'GET') return send(res, 200, sessionInfo(me, s));
      if (method === 'DELETE') {
        sessions.delete(token);
        record(req, me, 'session.logout', 'user', me.id);
        res.writeHead(204, { 'Set-Cookie': 'lien_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0' });
        return res.end();
      }
    }
    if (p === '/me/password' && method === 'POST') {
      if (body.current_password !== me.password)
        return fail(req, res, 400, 'invalid', 'password.wrong_current', 'current_password');
      if (String(body.new_password ?? '').length < 12)
        return fail(req, res, 400, 'invalid', 'password.too_short', 'new_password');
      me.password = body.new_password;
      touch(me);
      endSessions(me.id, token);
      record(req, me, 'user.password_changed', 'user', me.id);
      res.writeHead(204);
      return res.end();
    }
    if (p === '/me/totp' && method === 'POST') {
      me.pending_secret = base32Encode(randomBytes(20));
      const label = encodeURIComponent(`Lien:${me.login}`);
      return send(res, 200, {
        secret: me.pending_secret,
        otpauth_uri: `otpauth://totp/${label}?secret=${me.pending_secret}&issuer=Lien&algorithm=SHA1&digits=6&period=30`,
      });
    }
    if (p === '/me/totp/confirm' && method === 'POST') {
      if (!me.pending_secret || !totpValid(me.pending_secret, body.code))
        return fail(req, res, 400, 'invalid', 'auth.totp_code_wrong', 'code');
      me.totp_secret = me.pending_secret;
      me.pending_secret = null;
      me.totp_enabled = true;
      touch(me);
      record(req, me, 'user.totp_enabled', 'user', me.id);
      return send(res, 200, sessionInfo(me, s));
    }
    if (p === '/me/totp' && method === 'DELETE') {
      if (TOTP_REQUIRED.has(me.role)) return fail(req, res, 403, 'forbidden', 'auth.totp_keep');
      if (body.password !== me.password) return fail(req, res, 400, 'invalid', 'password.wrong_current', 'password');
      me.totp_enabled = false;
      me.totp_secret = null;
      touch(me);
      record(req, me, 'user.totp_disabled', 'user', me.id);
      res.writeHead(204);
      return res.end();
    }

    if (TOTP_REQUIRED.has(me.role) && !me.totp_enabled) {
      return fail(req, res, 403, 'auth.totp_setup_required', 'auth.totp_setup_required');
    }
    const can = (perm) => (PERMISSIONS[me.role] ?? []).includes(perm);

    if (p === '/roles' && method === 'GET') {
      if (!can('users.manage')) return fail(req, res, 403, 'forbidden', 'auth.forbidden');
      return send(res, 200, {
        roles: ROLES.map((name) => ({ name, permissions: PERMISSIONS[name] ?? [], totp_required: TOTP_REQUIRED.has(name) })),
        permissions: ['users.manage', 'audit.read'],
      });
    }

    if (p.startsWith('/users')) {
      if (!can('users.manage')) return fail(req, res, 403, 'forbidden', 'auth.forbidden');
      if (p === '/users' && method === 'GET') {
        const q = (url.searchParams.get('q') ?? '').toLowerCase();
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 200);
        const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
        const all = users.filter(
          (x) => !q || x.login.toLowerCase().includes(q) || x.display_name.toLowerCase().includes(q),
        );
        const items = all.slice(offset, offset + limit).map(publicUser);
        return send(res, 200, { items, next_cursor: offset + limit < all.length ? String(offset + limit) : null });
      }
      if (p === '/users' && method === 'POST') {
        const login = String(body.login ?? '').trim();
        if (!/^[a-z0-9._-]{2,64}$/.test(login)) return fail(req, res, 400, 'invalid', 'users.invalid', 'login');
        if (users.some((x) => x.login === login)) return fail(req, res, 409, 'conflict', 'users.login_taken', 'login');
        if (!String(body.display_name ?? '').trim())
          return fail(req, res, 400, 'invalid', 'users.invalid', 'display_name');
        if (!ROLES.includes(body.role)) return fail(req, res, 400, 'invalid', 'users.invalid', 'role');
        if (String(body.password ?? '').length < 12)
          return fail(req, res, 400, 'invalid', 'password.too_short', 'password');
        const u = addUser({ login, display_name: body.display_name.trim(), role: body.role, password: body.password });
        record(req, me, 'user.created', 'user', u.id, 'ok', { role: u.role });
        return send(res, 201, publicUser(u));
      }
      const m = /^\/users\/(\d+)(\/.*)?$/.exec(p);
      const target = m ? users.find((x) => x.id === Number(m[1])) : null;
      if (!target) return fail(req, res, 404, 'not_found', 'users.not_found');
      const sub = m[2] ?? '';
      if (sub === '' && method === 'GET') return send(res, 200, publicUser(target));
      if (sub === '' && method === 'PATCH') {
        if (String(req.headers['if-match'] ?? '') !== String(target.version))
          return fail(req, res, 412, 'stale', 'users.stale');
        if (body.role !== undefined && !ROLES.includes(body.role))
          return fail(req, res, 400, 'invalid', 'users.invalid', 'role');
        if (body.display_name !== undefined && !String(body.display_name).trim())
          return fail(req, res, 400, 'invalid', 'users.invalid', 'display_name');
        if (body.display_name !== undefined) target.display_name = String(body.display_name).trim();
        if (body.role !== undefined) target.role = body.role;
        touch(target);
        record(req, me, 'user.updated', 'user', target.id, 'ok', body);
        return send(res, 200, publicUser(target));
      }
      if (method === 'POST' && sub === '/disable') {
        target.disabled = true;
        touch(target);
        endSessions(target.id);
        record(req, me, 'user.disabled', 'user', target.id);
        return send(res, 200, publicUser(target));
      }
      if (method === 'POST' && sub === '/enable') {
        target.disabled = false;
        target.locked_until = 0;
        target.failures = 0;
        touch(target);
        record(req, me, 'user.enabled', 'user', target.id);
        return send(res, 200, publicUser(target));
      }
      if (method === 'POST' && sub === '/password') {
        if (String(body.new_password ?? '').length < 12)
          return fail(req, res, 400, 'invalid', 'password.too_short', 'new_password');
        target.password = body.new_password;
        touch(target);
        endSessions(target.id);
        record(req, me, 'user.password_reset', 'user', target.id);
        res.writeHead(204);
        return res.end();
      }
      if (method === 'POST' && sub === '/totp/reset') {
        target.totp_enabled = false;
        target.totp_secret = null;
        touch(target);
        record(req, me, 'user.totp_reset', 'user', target.id);
        return send(res, 200, publicUser(target));
      }
    }

    if (p === '/audit' && method === 'GET') {
      if (!can('audit.read')) return fail(req, res, 403, 'forbidden', 'auth.forbidden');
      const q = url.searchParams;
      const time = (v) => (v === null ? null : /^\d+$/.test(v) ? Number(v) : Date.parse(v));
      const from = time(q.get('from'));
      const to = time(q.get('to'));
      const all = audit
        .filter(
          (e) =>
            (!q.get('actor') || e.actor_login === q.get('actor')) &&
            (!q.get('subject_type') || e.subject_type === q.get('subject_type')) &&
            (!q.get('subject_id') || e.subject_id === q.get('subject_id')) &&
            (!q.get('action') || e.action === q.get('action')) &&
            (from === null || e.at >= from) &&
            (to === null || e.at <= to),
        )
        .reverse();
      const limit = Math.min(Number(q.get('limit') ?? 50) || 50, 200);
      const offset = Number(q.get('cursor') ?? 0) || 0;
      return send(res, 200, {
        items: all.slice(offset, offset + limit),
        next_cursor: offset + limit < all.length ? String(offset + limit) : null,
      });
    }
    if (p === '/audit/verify' && method === 'GET') {
      if (!can('audit.read')) return fail(req, res, 403, 'forbidden', 'auth.forbidden');
      return send(res, 200, { ok: true, checked: audit.length, first_broken_id: null });
    }
    return fail(req, res, 404, 'not_found', 'http.not_found');
  }

  const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
  };
  async function serveStatic(req, res, url) {
    const root = path.resolve(webRoot);
    let file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) file = path.join(root, 'index.html');
    let isFile = false;
    try {
      isFile = (await stat(file)).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      // Assets that do not exist are 404; any other path is a client route (SPA fallback).
      if (url.pathname.startsWith('/assets/')) {
        res.writeHead(404, { 'Content-Security-Policy': CSP });
        return res.end();
      }
      file = path.join(root, 'index.html');
    }
    const data = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(data);
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
      if (url.pathname.startsWith('/api/')) return await api(req, res, url);
      if (webRoot && (req.method === 'GET' || req.method === 'HEAD')) return await serveStatic(req, res, url);
      return send(res, 404, { error: { code: 'not_found', message: 'Not found', field: null } });
    } catch (e) {
      console.error(e);
      if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: 'Erreur interne.', field: null } });
      else res.end();
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => resolve({ server, port: server.address().port, totpSecretOf: (login) => users.find((x) => x.login === login)?.totp_secret }));
  });
}

// Standalone: `npm run mock`
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const [host, port] = opt('--listen', '127.0.0.1:8099').split(':');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const webRoot = opt('--web-root', path.join(here, '..', 'dist'));
  const seed = [
    { login: 'admin', display_name: 'Alice Admin', role: 'admin', password: 'admin-motdepasse-1' },
    { login: 'dpo', display_name: 'Denis DPO', role: 'dpo', password: 'dpo-motdepasse-1' },
    { login: 'marie.dupont', display_name: 'Marie Dupont', role: 'coordinator', password: 'marie-motdepasse-1' },
  ];
  for (const r of ROLES.filter((r) => !['admin', 'dpo', 'coordinator'].includes(r))) {
    seed.push({ login: r, display_name: `Compte ${r}`, role: r, password: `${r}-motdepasse-1` });
  }
  startMockServer({ host, port: Number(port), webRoot, users: seed }).then(({ port: p }) => {
    console.log(`mock Lien API on http://${host}:${p}/ (web root ${webRoot})`);
  });
}
