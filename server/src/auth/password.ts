// Password hashing with scrypt (memory-hard, node:crypto): a per-account random salt, the
// cost parameters stored beside the hash so they can be raised later, constant-time compare.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// N = 2^14, r = 8 needs 16 MiB per hash (128·N·r bytes): about 50 ms on an idle core here, costly to
// guess at scale; the parameters are stored with each hash, so they can be raised later.
const COST = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem must exceed 128·N·r or node refuses; keep a margin over the default 32 MiB
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64) for storing in users.password_hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

// Checked against when the account does not exist or has no password, so a wrong username
// takes as long as a wrong password and timing does not tell them apart.
let decoy: Promise<string> | undefined;

/** True when `password` matches `stored`; false for a null or malformed hash (after the same work). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  const wellFormed = parts.length === 6 && scheme === 'scrypt' && [n, r, p].every((v) => /^[0-9]{1,7}$/.test(v ?? ''));
  if (!wellFormed || !salt || !hash) {
    decoy ??= hashPassword('decoy password');
    await verifyPassword(password, await decoy);
    return false;
  }
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // refuse absurd parameters rather than let a tampered row exhaust memory
  if (cost.N > 2 ** 20 || cost.N < 2 ** 10 || cost.r > 32 || cost.p > 16) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), cost);
  return expected.length === key.length && timingSafeEqual(expected, key);
}
