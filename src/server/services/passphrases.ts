// Workers' passphrases, stored only as scrypt hashes. Unlike device tokens these are chosen by
// people, so they get a salt and a slow, memory-hard function. The stored string names its
// parameters and salt, so stronger parameters can be used later without breaking older hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCHEME = 'scrypt';
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// One of OWASP's recommended scrypt settings (N = 2^15, r = 8, p = 3): about 32 MiB and a
// fifth of a second here, done off the event loop.
const PARAMETERS = { N: 2 ** 15, r: 8, p: 3 } as const;

function derive(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // NFC: the same accented letter (ŵ, ŷ) can arrive composed or not, depending on the keyboard.
  // Node refuses more than 32 MiB unless told: allow what the parameters need, and a little more.
  const maxmem = 128 * (options.N ?? 0) * (options.r ?? 0) * 2;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** "scrypt$N=32768,r=8,p=3$<salt>$<key>", salt and key base64url. */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(passphrase, salt, PARAMETERS);
  const { N, r, p } = PARAMETERS;
  return [
    SCHEME,
    `N=${N},r=${r},p=${p}`,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

interface Parsed {
  readonly options: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): Parsed | null {
  const [scheme, parameters, salt, key, ...rest] = stored.split('$');
  if (scheme !== SCHEME || !parameters || !salt || !key || rest.length > 0) return null;
  const match = /^N=(\d+),r=(\d+),p=(\d+)$/.exec(parameters);
  if (!match) return null;
  const [N, r, p] = match.slice(1).map(Number);
  if (!N || !r || !p) return null;
  return {
    options: { N, r, p },
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

/** Whether the passphrase is the one hashed; a hash this code cannot read never matches. */
export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(passphrase, parsed.salt, parsed.options);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * Does the work of checking a passphrase for a username nobody has, so that the time of the
 * answer does not tell which usernames exist. Always false.
 */
export async function verifyNobody(passphrase: string): Promise<false> {
  dummy ??= hashPassphrase(randomBytes(16).toString('base64url'));
  await verifyPassphrase(passphrase, await dummy);
  return false;
}
