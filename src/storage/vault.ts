/**
 * The data key of a worker's database on this device, kept only wrapped: once under a key
 * derived from their PIN (PBKDF2-SHA-256), once under the server's vault secret for them on this
 * device, so that a worker locked out after too many wrong PINs gets back in by signing in
 * online. WebCrypto only: this module is in the first download.
 */
import * as z from 'zod/mini';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Kept in each record, so it can rise later. */
export const PIN_ITERATIONS = 600_000;

const wrappedSchema = z.object({ iv: z.string(), data: z.string() });
export type Wrapped = z.infer<typeof wrappedSchema>;

/** Read from IndexedDB: parse with this before use. */
export const vaultRecordSchema = z.object({
  version: z.literal(1),
  salt: z.string(),
  iterations: z.int().check(z.positive()),
  /** Null once locked out: then only the server's secret opens it. */
  byPin: z.nullable(wrappedSchema),
  byServer: wrappedSchema,
});
export type VaultRecord = z.infer<typeof vaultRecordSchema>;

/** The PIN did not open the vault (the tag did not verify). */
export class WrongPinError extends Error {
  constructor() {
    super('Wrong PIN');
    this.name = 'WrongPinError';
  }
}

/** What WebCrypto takes: bytes over an ordinary ArrayBuffer. */
type Bytes = Uint8Array<ArrayBuffer>;

const subtle = () => globalThis.crypto.subtle;
const random = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

// Each wrapped copy is bound to what wrapped it, so neither can be passed off as the other.
const PIN_AAD = new TextEncoder().encode('doorstep-vault-1:pin');
const SERVER_AAD = new TextEncoder().encode('doorstep-vault-1:server');

/**
 * A new vault: a random 32-byte data key, wrapped under the PIN and under the server's secret.
 * The key is raw bytes, not a non-extractable CryptoKey, because rows are sealed synchronously
 * (an IndexedDB transaction commits by itself while a WebCrypto promise is pending).
 */
export async function createVault(
  pin: string,
  serverSecret: Uint8Array,
): Promise<{ record: VaultRecord; key: Uint8Array }> {
  const key = random(32);
  const byServer = await wrap(await serverKey(serverSecret), key, SERVER_AAD);
  const record = await withPin(
    { version: 1, salt: '', iterations: PIN_ITERATIONS, byPin: null, byServer },
    key,
    pin,
  );
  return { record, key };
}

export async function openWithPin(record: VaultRecord, pin: string): Promise<Uint8Array> {
  if (!record.byPin) throw new Error('This vault has no PIN: sign in online to open it');
  const wrappingKey = await pinKey(pin, fromBase64(record.salt), record.iterations);
  try {
    return await unwrap(wrappingKey, record.byPin, PIN_AAD);
  } catch (error) {
    if ((error as Error | null)?.name === 'OperationError') throw new WrongPinError();
    throw error;
  }
}

export async function openWithServerSecret(
  record: VaultRecord,
  secret: Uint8Array,
): Promise<Uint8Array> {
  try {
    return await unwrap(await serverKey(secret), record.byServer, SERVER_AAD);
  } catch (error) {
    if ((error as Error | null)?.name !== 'OperationError') throw error;
    throw new Error('The vault secret does not open this vault');
  }
}

/** The same data key under a new PIN, with a new salt: after recovery or a change of PIN. */
export async function withPin(
  record: VaultRecord,
  key: Uint8Array,
  pin: string,
): Promise<VaultRecord> {
  const salt = random(16);
  const byPin = await wrap(await pinKey(pin, salt, PIN_ITERATIONS), key, PIN_AAD);
  return { ...record, salt: toBase64(salt), iterations: PIN_ITERATIONS, byPin };
}

/** The same data key under a new server secret: after the device was enrolled again. */
export async function withServerSecret(
  record: VaultRecord,
  key: Uint8Array,
  secret: Uint8Array,
): Promise<VaultRecord> {
  return { ...record, byServer: await wrap(await serverKey(secret), key, SERVER_AAD) };
}

/** Locked out: the PIN-wrapped copy is dropped, so no number of guesses can open it. */
export function withoutPin(record: VaultRecord): VaultRecord {
  return { ...record, byPin: null };
}

/** The server's vault secret, as sent (base64url): 32 bytes or an error. */
export function parseServerSecret(base64url: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(base64url)) throw new Error('Vault secret is not base64url');
  const bytes = fromBase64(base64url.replaceAll('-', '+').replaceAll('_', '/'));
  if (bytes.length !== 32) throw new Error('Vault secret must be 32 bytes');
  return bytes;
}

async function pinKey(pin: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  // One form of each letter, so an accented passphrase typed on another keyboard still opens it.
  const text = new TextEncoder().encode(pin.normalize('NFC'));
  const material = await subtle().importKey('raw', text, 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function serverKey(secret: Uint8Array): Promise<CryptoKey> {
  if (secret.length !== 32) throw new Error('Vault secret must be 32 bytes');
  return subtle().importKey('raw', new Uint8Array(secret), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

async function wrap(wrappingKey: CryptoKey, key: Uint8Array, aad: Bytes): Promise<Wrapped> {
  const iv = random(12);
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: aad },
    wrappingKey,
    new Uint8Array(key),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function unwrap(wrappingKey: CryptoKey, wrapped: Wrapped, aad: Bytes) {
  const iv = fromBase64(wrapped.iv);
  const data = fromBase64(wrapped.data);
  const key = { name: 'AES-GCM', iv, additionalData: aad };
  return new Uint8Array(await subtle().decrypt(key, wrappingKey, data));
}

/** Base64 of bytes, for the records and files that carry keys and ciphertext as text. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(base64: string): Bytes {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
