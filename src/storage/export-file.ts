/**
 * An encrypted file of assessments not yet on the server, for a worker who must sign out before
 * they can be sent. The worker chooses a passphrase for the file; the assessments are sealed with
 * AES-256-GCM under a key derived from it with PBKDF2-SHA-256 (WebCrypto). The file is a small
 * JSON envelope that says what it is, so another device (or a later version) can read it.
 */
import * as z from 'zod/mini';
import { fromBase64, toBase64 } from './vault.ts';

export const EXPORT_FORMAT = 'doorstep-encrypted-export';
export const EXPORT_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256, as for the PIN. */
export const EXPORT_ITERATIONS = 600_000;
/** Shortest passphrase for a file: it may travel further than the device. */
export const MIN_EXPORT_PASSPHRASE = 10;
// A file names its own work factor; one that asks for absurdly many rounds is not worth trying.
const MAX_ITERATIONS = 10_000_000;

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number(),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().check(z.gte(EXPORT_ITERATIONS), z.lte(MAX_ITERATIONS)),
    salt: z.string(),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), nonce: z.string() }),
  data: z.string(),
});
type Envelope = z.infer<typeof envelopeSchema>;

/** What the file holds once opened. Each assessment is checked by the store that imports it. */
const contentsSchema = z.object({
  organisationId: z.string(),
  exportedAt: z.number(),
  assessments: z.array(z.unknown()),
});
export type ExportContents = z.infer<typeof contentsSchema>;

export type ExportFileProblem =
  /** Not a file this app wrote (or damaged beyond reading). */
  | 'not-export'
  /** Written by a newer version of the app. */
  | 'newer-version'
  /** The passphrase does not open it (or the file was changed after it was written). */
  | 'wrong-passphrase';

export class ExportFileError extends Error {
  constructor(readonly problem: ExportFileProblem) {
    super(`Export file refused: ${problem}`);
    this.name = 'ExportFileError';
  }
}

/** What WebCrypto takes: bytes over an ordinary ArrayBuffer. */
type Bytes = Uint8Array<ArrayBuffer>;

const subtle = () => globalThis.crypto.subtle;
const random = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** The file as text (JSON), ready to download. */
export async function sealExport(contents: ExportContents, passphrase: string): Promise<string> {
  if (passphrase.length < MIN_EXPORT_PASSPHRASE) {
    throw new Error(`A file's passphrase has at least ${MIN_EXPORT_PASSPHRASE} characters`);
  }
  const salt = random(16);
  const nonce = random(12);
  const header: Omit<Envelope, 'data'> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: EXPORT_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', nonce: toBase64(nonce) },
  };
  const key = await passphraseKey(passphrase, salt, EXPORT_ITERATIONS);
  const plain = new TextEncoder().encode(JSON.stringify(contents));
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: headerAad(header) },
    key,
    plain,
  );
  const envelope: Envelope = { ...header, data: toBase64(new Uint8Array(sealed)) };
  return JSON.stringify(envelope, null, 2);
}

/** Opens a file written by `sealExport`, or throws ExportFileError saying why not. */
export async function openExport(text: string, passphrase: string): Promise<ExportContents> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExportFileError('not-export');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (
    (json as { format?: unknown } | null)?.format === EXPORT_FORMAT &&
    typeof version === 'number' &&
    version > EXPORT_VERSION
  ) {
    throw new ExportFileError('newer-version');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success || parsed.data.version !== EXPORT_VERSION) {
    throw new ExportFileError('not-export');
  }
  const { data, ...header } = parsed.data;
  let salt: Bytes, nonce: Bytes, sealed: Bytes;
  try {
    [salt, nonce, sealed] = [
      fromBase64(header.kdf.salt),
      fromBase64(header.cipher.nonce),
      fromBase64(data),
    ];
  } catch {
    throw new ExportFileError('not-export');
  }
  const key = await passphraseKey(passphrase, salt, header.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: headerAad(header) },
      key,
      sealed,
    );
  } catch (error) {
    if ((error as Error | null)?.name === 'OperationError') {
      throw new ExportFileError('wrong-passphrase');
    }
    throw error;
  }
  let opened: unknown;
  try {
    opened = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new ExportFileError('not-export');
  }
  const contents = contentsSchema.safeParse(opened);
  if (!contents.success) throw new ExportFileError('not-export');
  return contents.data;
}

// The header is authenticated with the data: a file whose salt, work factor or format was
// changed does not open, rather than opening as something else.
function headerAad(header: Omit<Envelope, 'data'>): Bytes {
  return new TextEncoder().encode(
    JSON.stringify([
      header.format,
      header.version,
      header.kdf.name,
      header.kdf.hash,
      header.kdf.iterations,
      header.kdf.salt,
      header.cipher.name,
      header.cipher.nonce,
    ]),
  );
}

async function passphraseKey(passphrase: string, salt: Bytes, iterations: number) {
  // One form of each letter, so a passphrase typed on another keyboard still opens the file.
  const text = new TextEncoder().encode(passphrase.normalize('NFC'));
  const material = await subtle().importKey('raw', text, 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
