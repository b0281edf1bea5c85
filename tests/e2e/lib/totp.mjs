// RFC 6238 codes (SHA-1, 30 s, 6 digits) for accounts whose role requires two-factor authentication.
import { createHmac } from 'node:crypto';

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${text}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totpCode(secret, now = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * On the first login of a role that requires two-factor authentication, the UI opens its set-up: read the
 * secret shown, confirm a code, and go home. Returns the secret.
 */
export async function setUpTotpInUi(page) {
  await page.getByRole('heading', { level: 1, name: 'Double authentification' }).waitFor();
  // The set-up starts by itself when the role requires it.
  await page.locator('code.secret').waitFor();
  const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('Code affiché par l’application').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await page.getByText('La double authentification est activée.').first().waitFor();
  await page.goto('/');
  return secret;
}
