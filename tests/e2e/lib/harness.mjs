// Starts the real `lien` server for the browser tests and drives Debian's
// Chromium through playwright-core (never a downloaded browser).
//
// Environment:
//   LIEN_BINARY    path to the `lien` executable (required)
//   LIEN_WEB_ROOT  the built web UI (default: <repo>/web/dist)
//   LIEN_CHROMIUM  Chromium executable (default: /usr/bin/chromium)
//
// CLI contract with the server (see tests/e2e/README.md):
//   lien migrate --db <file>
//   lien user add --db <file> --login <l> --name <n> --role <r> --password-stdin
//   lien serve --db <file> --listen 127.0.0.1:<port> --web-root <dir>
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Explains what is missing, or returns null when the environment is usable. */
export function environmentProblem() {
  const binary = process.env.LIEN_BINARY;
  if (!binary) {
    return (
      'LIEN_BINARY is not set: point it at the `lien` executable, e.g.\n' +
      '  LIEN_BINARY=build/debug/src/app/lien LIEN_WEB_ROOT=web/dist node --test tests/e2e/'
    );
  }
  if (!existsSync(binary)) return `LIEN_BINARY=${binary} does not exist`;
  const webRoot = webRootDir();
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    return `${webRoot}/index.html is missing: build the web UI first (cd web && npm ci && npm run build) or set LIEN_WEB_ROOT`;
  }
  const chromium = chromiumPath();
  if (!existsSync(chromium)) return `Chromium not found at ${chromium} (apt-get install chromium, or set LIEN_CHROMIUM)`;
  return null;
}

export function webRootDir() {
  return path.resolve(process.env.LIEN_WEB_ROOT || path.join(repoRoot, 'web', 'dist'));
}

export function chromiumPath() {
  return process.env.LIEN_CHROMIUM || '/usr/bin/chromium';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs `lien <args>` to completion, with `input` on stdin; throws with its output on failure. */
function run(binary, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`\`lien ${args.join(' ')}\` failed (${signal ?? 'exit ' + code}):\n${out}`));
    });
    child.stdin.end(input ?? '');
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates a fresh database with the given accounts and starts `lien serve` (with `serveArgs` after its own
 * options, e.g. ['--retention-interval', '0'] or ['--test-clock']).
 * Returns {baseUrl, db, stop(), log()}; `db` is the SQLite file, for scenes set in tables.
 */
export async function startServer(accounts, { serveArgs = [] } = {}) {
  const binary = path.resolve(process.env.LIEN_BINARY);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lien-e2e-'));
  const db = path.join(dir, 'lien.db');
  await run(binary, ['migrate', '--db', db]);
  for (const a of accounts) {
    await run(
      binary,
      ['user', 'add', '--db', db, '--login', a.login, '--name', a.name, '--role', a.role, '--password-stdin'],
      a.password + '\n',
    );
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web-root', webRootDir(), ...serveArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const deadline = Date.now() + 5000;
      while (exited === null && Date.now() < deadline) await sleep(50);
      if (exited === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`\`lien serve\` stopped before answering /healthz (${exited}):\n${output}`);
    }
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`\`lien serve\` did not answer GET /healthz with 200 within 20 s:\n${output}`);
    }
    await sleep(100);
  }
  return { baseUrl, db, stop, log: () => output };
}

/** Runs SQL on the server's SQLite file with Debian's sqlite3 (scripts/bootstrap installs it). */
export function sqlite(db, sql) {
  return run('sqlite3', ['-bail', '-cmd', '.timeout 5000', db, sql]);
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** Records CSP violations and page errors, to assert that there are none. */
export function watchPage(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}
