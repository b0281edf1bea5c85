#!/usr/bin/env node
// Development-only stand-in for the `lien` executable, accepting the CLI
// subcommands the browser tests use, backed by dev/mock-server.mjs:
//   migrate --db FILE
//   user add --db FILE --login L --name N --role R --password-stdin
//   serve --db FILE --listen HOST:PORT --web-root DIR
// Lets `LIEN_BINARY=web/dev/lien-shim.mjs node --test tests/e2e/` run before
// the real server exists. The "database" is a JSON file of seed accounts.
import { readFileSync, writeFileSync } from 'node:fs';
import { startMockServer } from './mock-server.mjs';

const args = process.argv.slice(2);
function opt(name) {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) {
    console.error(`lien-shim: missing ${name}`);
    process.exit(2);
  }
  return args[i + 1];
}
function readStdin() {
  return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
}

const db = opt('--db');
if (args[0] === 'migrate') {
  writeFileSync(db, JSON.stringify({ users: [] }));
} else if (args[0] === 'user' && args[1] === 'add') {
  const state = JSON.parse(readFileSync(db, 'utf8'));
  if (!args.includes('--password-stdin')) {
    console.error('lien-shim: --password-stdin is required');
    process.exit(2);
  }
  state.users.push({ login: opt('--login'), display_name: opt('--name'), role: opt('--role'), password: readStdin() });
  writeFileSync(db, JSON.stringify(state));
} else if (args[0] === 'serve') {
  const state = JSON.parse(readFileSync(db, 'utf8'));
  const [host, port] = opt('--listen').split(':');
  const { port: p } = await startMockServer({ host, port: Number(port), webRoot: opt('--web-root'), users: state.users });
  console.log(`lien-shim serving on ${host}:${p}`);
  const stop = () => process.exit(0);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  console.error('lien-shim: unknown command: ' + args.join(' '));
  process.exit(2);
}
