// The encrypted file of unsent assessments: only its passphrase opens it, and it says what it is.
import { describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/domain/index.ts';
import {
  EXPORT_FORMAT,
  EXPORT_ITERATIONS,
  ExportFileError,
  openExport,
  sealExport,
} from '../../src/storage/export-file.ts';

const assessment = newAssessment(
  {
    residentRef: 'LIB-0042',
    venue: 'library',
    date: '2026-11-21',
    set: 'short',
    language: 'en',
  },
  { id: 'a-secret-id', now: 1 },
);
const contents = { organisationId: 'org-7f3a9c', exportedAt: 5, assessments: [assessment] };
const passphrase = 'correct horse battery';

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportFileError);
  return (error as ExportFileError).problem;
}

describe('the encrypted export file', () => {
  it('gives back exactly what was sealed, with the passphrase', async () => {
    const text = await sealExport(contents, passphrase);
    expect(await openExport(text, passphrase)).toEqual(contents);
  });

  it('is a small self-describing envelope: format, version, PBKDF2-SHA-256, AES-GCM', async () => {
    const envelope = JSON.parse(await sealExport(contents, passphrase));
    expect(envelope).toMatchObject({
      format: EXPORT_FORMAT,
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      cipher: { name: 'AES-GCM' },
    });
    expect(EXPORT_ITERATIONS).toBe(600_000);
    expect(atob(envelope.kdf.salt)).toHaveLength(16);
    expect(atob(envelope.cipher.nonce)).toHaveLength(12);
  });

  it('holds nothing in the clear: no reference, id, answer field or passphrase', async () => {
    const text = await sealExport(contents, passphrase);
    for (const plain of [
      'LIB-0042',
      'a-secret-id',
      'library',
      'answers',
      'org-7f3a9c',
      passphrase,
    ]) {
      expect(text).not.toContain(plain);
    }
  });

  it('uses a new salt and nonce every time', async () => {
    const [one, two] = await Promise.all([
      sealExport(contents, passphrase),
      sealExport(contents, passphrase),
    ]);
    const a = JSON.parse(one);
    const b = JSON.parse(two);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.nonce).not.toBe(b.cipher.nonce);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses a wrong passphrase clearly', async () => {
    const text = await sealExport(contents, passphrase);
    expect(await refusal(openExport(text, 'correct horse battery!'))).toBe('wrong-passphrase');
  });

  it('refuses a file whose header was changed, as if the passphrase were wrong', async () => {
    const envelope = JSON.parse(await sealExport(contents, passphrase));
    envelope.kdf.iterations = 700_000;
    expect(await refusal(openExport(JSON.stringify(envelope), passphrase))).toBe(
      'wrong-passphrase',
    );
  });

  it('says when a file is not an export, or comes from a newer version', async () => {
    expect(await refusal(openExport('not json', passphrase))).toBe('not-export');
    expect(await refusal(openExport(JSON.stringify([assessment]), passphrase))).toBe('not-export');
    const envelope = JSON.parse(await sealExport(contents, passphrase));
    expect(await refusal(openExport(JSON.stringify({ ...envelope, version: 2 }), passphrase))).toBe(
      'newer-version',
    );
    // A work factor below the one written is not this app's, and a huge one is not tried.
    envelope.kdf.iterations = 1_000;
    expect(await refusal(openExport(JSON.stringify(envelope), passphrase))).toBe('not-export');
    envelope.kdf.iterations = 1e12;
    expect(await refusal(openExport(JSON.stringify(envelope), passphrase))).toBe('not-export');
  });

  it('needs a passphrase of at least 10 characters', async () => {
    await expect(sealExport(contents, 'too short')).rejects.toThrow('at least 10');
  });
});
