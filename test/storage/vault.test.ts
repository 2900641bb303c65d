// The data key's vault: wrapped under the PIN and under the server's secret, never kept as is.
import { describe, expect, it } from 'vitest';
import {
  PIN_ITERATIONS,
  WrongPinError,
  createVault,
  openWithPin,
  openWithServerSecret,
  parseServerSecret,
  vaultRecordSchema,
  withPin,
  withoutPin,
} from '../../src/storage/vault.ts';

const secret = () => crypto.getRandomValues(new Uint8Array(32));
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const base64url = (bytes: Uint8Array) =>
  base64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

describe('the vault', () => {
  it('gives back the same 32-byte key for the PIN, and for the server secret', async () => {
    const server = secret();
    const { record, key } = await createVault('482915', server);
    expect(key).toHaveLength(32);
    expect(vaultRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(record.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBe(600_000);
    expect(await openWithPin(record, '482915')).toEqual(key);
    expect(await openWithServerSecret(record, server)).toEqual(key);
  });

  it('refuses a wrong PIN with WrongPinError, and a wrong server secret', async () => {
    const { record } = await createVault('482915', secret());
    await expect(openWithPin(record, '482916')).rejects.toBeInstanceOf(WrongPinError);
    await expect(openWithServerSecret(record, secret())).rejects.toThrow(
      'The vault secret does not open this vault',
    );
  });

  it('keeps neither the key nor the PIN in the record', async () => {
    const { record, key } = await createVault('482915', secret());
    const json = JSON.stringify(record);
    expect(json).not.toContain(base64(key));
    expect(json).not.toContain(base64url(key));
    expect(json).not.toContain('482915');
  });

  it('takes a new PIN, with a new salt, after which only the new one opens it', async () => {
    const server = secret();
    const { record, key } = await createVault('482915', server);
    const changed = await withPin(record, key, '1357');
    expect(changed.salt).not.toBe(record.salt);
    expect(await openWithPin(changed, '1357')).toEqual(key);
    await expect(openWithPin(changed, '482915')).rejects.toBeInstanceOf(WrongPinError);
    expect(await openWithServerSecret(changed, server)).toEqual(key);
  });

  it('once locked out, opens only with the server secret, then takes a new PIN', async () => {
    const server = secret();
    const { record, key } = await createVault('482915', server);
    const locked = withoutPin(record);
    expect(locked.byPin).toBeNull();
    const refused = openWithPin(locked, '482915');
    await expect(refused).rejects.toThrow('This vault has no PIN: sign in online to open it');
    await expect(refused).rejects.not.toBeInstanceOf(WrongPinError);
    const recovered = await openWithServerSecret(locked, server);
    expect(recovered).toEqual(key);
    expect(await openWithPin(await withPin(locked, recovered, '2468'), '2468')).toEqual(key);
  });

  it('opens with a passphrase however its accents were typed', async () => {
    const { record, key } = await createVault('caf\u00e9 glas', secret());
    expect(await openWithPin(record, 'cafe\u0301 glas')).toEqual(key);
  });

  it('refuses a record that is not one', () => {
    expect(vaultRecordSchema.safeParse({ version: 2 }).success).toBe(false);
  });
});

describe("the server's vault secret", () => {
  it('is 32 bytes of base64url', () => {
    const bytes = secret();
    expect(parseServerSecret(base64url(bytes))).toEqual(bytes);
    expect(() => parseServerSecret(base64url(bytes.slice(0, 16)))).toThrow('32 bytes');
    expect(() => parseServerSecret('not base64url!')).toThrow('base64url');
  });
});
