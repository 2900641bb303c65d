// Rows sealed at rest: what IndexedDB holds, seen with a plain Dexie that has no key, and what the
// stores read back through a sealed connection.
import { gcm } from '@noble/ciphers/aes.js';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment, type Resident } from '../../src/domain/index.ts';
import { AssessmentStore, StoreError } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { HistoryStore } from '../../src/storage/history-store.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { ResidentStore } from '../../src/storage/resident-store.ts';
import { isUnreadable, sealAll, sealWith } from '../../src/storage/sealing.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';

const newKey = () => crypto.getRandomValues(new Uint8Array(32));
const uniqueName = () => `doorstep-sealed-${Math.random().toString(36).slice(2)}`;

const VENUE = 'Zephyrine Community Hall';
const PROGRAMME = 'Quillfeather spring drop-in';
const NAME = 'Megan Quillfeather-Jones';
const PHONE = '07700 900123';
const TOKEN = 'tok-Vb7sQ2xKp9';
const SECRETS = [VENUE, PROGRAMME, NAME, PHONE, TOKEN, '"B1"', 'GS01', 'CF10', 'home-visit'];

const B1 = { facet: 'basics', itemId: 'B1' } as const;

const assessment = (id: string): Assessment => ({
  ...newAssessment(
    {
      residentRef: 'LIB-0042',
      venue: 'home-visit',
      date: '2026-11-21',
      set: 'full',
      language: 'cy',
    },
    { id, now: 1000 },
  ),
  venueName: VENUE,
  programme: PROGRAMME,
});

const resident: Resident = {
  ref: 'LIB-0042',
  ageBand: '65-74',
  postcodeDistrict: 'CF10',
  language: 'cy',
  createdAt: 1,
  updatedAt: 1,
};

function stores(db: DoorstepDb) {
  let now = 10_000;
  const clock = () => (now += 1000);
  return {
    db,
    assessments: new AssessmentStore(db, clock),
    residents: new ResidentStore(db),
    outbox: new OutboxStore(db),
    history: new HistoryStore(db),
    settings: new SettingsStore(db),
  };
}

/** A device with one of everything, through the real stores. */
async function filledDevice(db: DoorstepDb) {
  const s = stores(db);
  await s.assessments.create(assessment('a-1'));
  await s.assessments.saveAnswer('a-1', B1, 3);
  await s.assessments.saveAnswer('a-1', { facet: 'skill', itemId: 'GS01' }, 'dont-know');
  await s.assessments.finish('a-1', []);
  await s.assessments.create(assessment('a-2'));
  await s.residents.save(resident);
  await s.residents.setContact('LIB-0042', { name: NAME, contact: PHONE, consentAt: 5 });
  await s.history.keep('LIB-0042', [{ ...assessment('s-1'), status: 'finished' }], 20_000);
  await s.settings.saveEnrolment({
    token: TOKEN,
    device: { id: 'dev-1', name: 'Tablet 1' },
    person: { id: 'p-1', name: 'Sam', role: 'outreach-worker' },
    organisation: { id: 'org-1', name: 'Cyngor' },
    enrolledAt: 1,
  });
  return s;
}

/** Every row as IndexedDB holds it, read with a plain Dexie: no middleware, no key. */
async function rawTables(name: string): Promise<Record<string, Record<string, unknown>[]>> {
  const raw = new Dexie(name);
  await raw.open();
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of raw.tables) tables[table.name] = await table.toArray();
  raw.close();
  return tables;
}

/** The raw rows as text, the sealed bytes included (as Latin-1), to search for plaintext. */
const asText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array || ArrayBuffer.isView(v)
      ? String.fromCharCode(...new Uint8Array((v as Uint8Array).buffer))
      : v,
  );

async function expectEverythingReadable(db: DoorstepDb) {
  const s = stores(db);
  const list = await s.assessments.list();
  expect(list.map((row) => row.ok && row.assessment.id).sort()).toEqual(['a-1', 'a-2']);
  const finished = await s.assessments.get('a-1');
  expect(finished?.ok && finished.assessment).toMatchObject({
    status: 'finished',
    venueName: VENUE,
    programme: PROGRAMME,
    answers: { basics: { B1: 3 }, skill: { GS01: 'dont-know' } },
  });
  expect(await s.residents.get('LIB-0042')).toEqual(resident);
  expect(await s.residents.contact('LIB-0042')).toMatchObject({ name: NAME, contact: PHONE });
  expect((await s.outbox.entries()).map((e) => e.id)).toEqual(['a-1']);
  expect((await s.outbox.due(Infinity, 10)).map((e) => e.id)).toEqual(['a-1']);
  expect((await s.history.forResident('LIB-0042')).map((a) => a.venueName)).toEqual([VENUE]);
  expect((await s.settings.enrolment())?.token).toBe(TOKEN);
}

describe('a sealed device database', () => {
  it('holds only keys and indexed fields in the clear, and the rest sealed', async () => {
    const name = uniqueName();
    await filledDevice(new DoorstepDb(name, { key: newKey() }));
    const raw = await rawTables(name);
    const fields = (table: string) =>
      raw[table]?.map((row) => Object.keys(row).sort().join(' ')) ?? [];
    expect(fields('assessments')).toEqual([
      '$sealed id status updatedAt',
      '$sealed id status updatedAt',
    ]);
    expect(fields('outbox')).toEqual(['$sealed id state']);
    expect(fields('residents')).toEqual(['$sealed ref']);
    expect(fields('contacts')).toEqual(['$sealed ref']);
    expect(fields('history')).toEqual(['$sealed id residentRef']);
    expect(fields('settings')).toEqual(['$sealed key']);
    expect(raw.receipts).toEqual([]);
    const text = asText(raw);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('seals each row as nonce, then AES-256-GCM of its JSON, bound to its table and key', async () => {
    const name = uniqueName();
    const key = newKey();
    await filledDevice(new DoorstepDb(name, { key }));
    const [row] = (await rawTables(name)).contacts ?? [];
    const sealed = row?.$sealed as Uint8Array;
    // The resident's reference is the key, kept in the clear only as its blind form.
    expect(row?.ref).toMatch(/^blind:[A-Za-z0-9_-]{22}$/);
    const aad = new TextEncoder().encode(JSON.stringify(['doorstep-row-1', 'contacts', row?.ref]));
    const plain = gcm(key, sealed.subarray(0, 12), aad).decrypt(sealed.subarray(12));
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual({
      ref: 'LIB-0042',
      name: NAME,
      contact: PHONE,
      consentAt: 5,
    });
  });

  it('reads everything back through the stores, on this connection and a new one', async () => {
    const name = uniqueName();
    const key = newKey();
    const db = new DoorstepDb(name, { key });
    await filledDevice(db);
    await expectEverythingReadable(db);
    await expectEverythingReadable(new DoorstepDb(name, { key }));
  });

  it('keeps transactions that read and then write working', async () => {
    const key = newKey();
    const db = new DoorstepDb(uniqueName(), { key });
    const s = stores(db);
    await s.assessments.create(assessment('a-1'));
    // saveAnswer's put and get in one transaction, then its read-modify-write after a stale view.
    await s.assessments.saveAnswer('a-1', B1, 1);
    await s.assessments.saveAnswer('a-1', B1, 2);
    await new AssessmentStore(db, () => 50_000).moveToStep('a-1', 1, []);
    const saved = await s.assessments.saveAnswer('a-1', B1, 4);
    expect(saved).toMatchObject({ revision: 5, step: 1, answers: { basics: { B1: 4 } } });
    // Finishing queues it in the same transaction; the receipt lets it go in another.
    await s.assessments.finish('a-1', []);
    expect((await s.outbox.entries()).map((e) => [e.id, e.revision])).toEqual([['a-1', 6]]);
    await s.outbox.postpone('a-1', { code: 'network', message: 'offline', at: 1 }, 500);
    expect((await s.outbox.entries())[0]).toMatchObject({ attempts: 1, nextAttemptAt: 501 });
    await s.outbox.makeAllDue();
    expect((await s.outbox.due(0, 10)).map((e) => e.id)).toEqual(['a-1']);
    await s.outbox.accept({ id: 'a-1', revision: 6, receivedAt: '2026-11-21T10:00:00.000Z' });
    expect(await s.outbox.entries()).toEqual([]);
    expect(await s.outbox.receipts()).toHaveLength(1);
  });

  it('opens rows read by cursor, modified in place, or read as keys only', async () => {
    const key = newKey();
    const db = new DoorstepDb(uniqueName(), { key });
    await filledDevice(db);
    const filtered = await db.assessments.filter(() => true).toArray();
    expect(filtered.map((row) => (row as Assessment).venueName)).toEqual([VENUE, VENUE]);
    const seen: unknown[] = [];
    await db.history
      .where('residentRef')
      .equals('LIB-0042')
      .each((row) => seen.push(row));
    expect(seen).toMatchObject([{ assessment: { venueName: VENUE } }]);
    await db.outbox.update('a-1', { attempts: 3 });
    expect((await stores(db).outbox.entries())[0]?.attempts).toBe(3);
    expect(await db.assessments.toCollection().primaryKeys()).toEqual(['a-1', 'a-2']);
    expect(await db.assessments.where('status').equals('finished').primaryKeys()).toEqual(['a-1']);
  });

  it('refuses a data key that is not 32 bytes', () => {
    expect(() => new DoorstepDb(uniqueName(), { key: new Uint8Array(16) })).toThrow('32 bytes');
  });
});

describe('a sealed row that does not open', () => {
  it('gives nothing in the clear to another key: rows are listed as damaged and kept', async () => {
    const name = uniqueName();
    const key = newKey();
    await filledDevice(new DoorstepDb(name, { key }));
    const thief = stores(new DoorstepDb(name, { key: newKey() }));
    const listed = await thief.assessments.list();
    expect(listed.map((row) => row.ok)).toEqual([false, false]);
    const [damaged] = listed;
    if (!damaged || damaged.ok) throw new Error('expected a damaged row');
    expect(['a-1', 'a-2']).toContain(damaged.id);
    expect(isUnreadable(damaged.raw)).toBe(true);
    expect(damaged.raw).toMatchObject({
      $unreadable:
        'This row of assessments could not be opened with this key: it was sealed under another key, or altered.',
    });
    const saving = thief.assessments.saveAnswer('a-2', B1, 1);
    await expect(saving).rejects.toBeInstanceOf(StoreError);
    await expect(saving).rejects.toMatchObject({ code: 'damaged' });
    expect(await thief.residents.get('LIB-0042')).toBeUndefined();
    expect(await thief.residents.contact('LIB-0042')).toBeUndefined();
    expect(await thief.outbox.entries()).toEqual([]);
    expect(await thief.history.forResident('LIB-0042')).toEqual([]);
    expect(await thief.settings.enrolment()).toBeNull();
    const everything = await Promise.all(thief.db.tables.map((t) => t.toArray()));
    const text = asText(everything);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    // What could not be opened is never written back over the row.
    const [unopened] = await thief.db.contacts.toArray();
    expect(isUnreadable(unopened)).toBe(true);
    await expect(thief.db.contacts.put(unopened)).rejects.toThrow(
      'a row that could not be opened cannot be written back',
    );
    // Nothing was changed: the right key still reads everything.
    await expectEverythingReadable(new DoorstepDb(name, { key }));
  });

  it('fails when copied to another key or table, or altered', async () => {
    const name = uniqueName();
    const key = newKey();
    const db = new DoorstepDb(name, { key });
    await filledDevice(db);
    const raw = new Dexie(name);
    await raw.open();
    const [contact] = (await raw.table('contacts').toArray()) as Record<string, unknown>[];
    await stores(db).residents.setContact('LIB-0043', {
      name: 'Other',
      contact: '1',
      consentAt: 1,
    });
    const rawContacts = (await raw.table('contacts').toArray()) as Record<string, unknown>[];
    const other = rawContacts.find((c) => c['ref'] !== contact?.['ref']);
    // LIB-0042's sealed contact, put under LIB-0043's (blind) key.
    await raw.table('contacts').put({ ...contact, ref: other?.['ref'] });
    const row = (await raw.table('assessments').get('a-2')) as Record<string, unknown>;
    await raw.table('history').put({ id: 'a-2', residentRef: 'LIB-0042', $sealed: row.$sealed });
    // The clear fields are an index only: one that says otherwise than the sealed row is altered.
    await raw.table('assessments').put({ ...row, status: 'finished' });
    const [resident] = (await raw.table('residents').toArray()) as Record<string, unknown>[];
    const flipped = new Uint8Array(resident?.$sealed as Uint8Array);
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    await raw.table('residents').put({ ref: resident?.ref, $sealed: flipped });
    raw.close();

    const s = stores(db);
    expect(await s.residents.contact('LIB-0043')).toBeUndefined();
    expect(isUnreadable(await db.contacts.get('LIB-0043'))).toBe(true);
    expect(await s.residents.contact('LIB-0042')).toMatchObject({ name: NAME });
    expect(isUnreadable(await db.history.get('a-2'))).toBe(true);
    expect(await s.history.forResident('LIB-0042')).toHaveLength(1);
    expect(await s.assessments.get('a-2')).toMatchObject({ ok: false, id: 'a-2' });
    expect(isUnreadable(await db.residents.get('LIB-0042'))).toBe(true);
    expect(await s.residents.get('LIB-0042')).toBeUndefined();
  });
});

describe('rows written before the database was sealed', () => {
  it('are read as they are, and sealed by sealAll', async () => {
    const name = uniqueName();
    // An earlier version of the app, with no key.
    const plain = new DoorstepDb(name);
    await filledDevice(plain);
    plain.close();
    const key = newKey();
    const db = new DoorstepDb(name, { key });
    // Read as they are (found by their plain keys only once sealed: sealAll runs first).
    expect(asText(await db.contacts.toArray())).toContain(NAME);
    expect(asText(await rawTables(name))).toContain(NAME);

    await sealAll(db);
    const raw = await rawTables(name);
    const rows = Object.values(raw).flat();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.$sealed).toBeDefined();
    const text = asText(raw);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await expectEverythingReadable(db);
    await expectEverythingReadable(new DoorstepDb(name, { key }));
  });

  it('sealAll leaves a row that does not open as it was, and needs a key', async () => {
    const name = uniqueName();
    await filledDevice(new DoorstepDb(name, { key: newKey() }));
    const before = await rawTables(name);
    await sealAll(new DoorstepDb(name, { key: newKey() }));
    expect(await rawTables(name)).toEqual(before);
    await expect(sealAll(new DoorstepDb(name))).rejects.toThrow('no key');
  });
});

describe('an index added by a later version', () => {
  /** A database with one table, at version 1 or at version 2, which indexes `colour`. */
  function thingsAt(name: string, key: Uint8Array, version: 1 | 2, reput: boolean) {
    const db = new Dexie(name);
    sealWith(db, key);
    db.version(1).stores({ things: 'id' });
    if (version === 2) {
      db.version(2)
        .stores({ things: 'id, colour' })
        .upgrade(async (tx) => {
          if (reput) await tx.table('things').bulkPut(await tx.table('things').toArray());
        });
    }
    return db;
  }

  it('finds rows sealed before it once its upgrade puts them again', async () => {
    const key = newKey();
    for (const reput of [false, true]) {
      const name = uniqueName();
      const before = thingsAt(name, key, 1, false);
      await before.table('things').bulkPut([
        { id: 't-1', colour: 'red' },
        { id: 't-2', colour: 'blue' },
      ]);
      before.close();
      const after = thingsAt(name, key, 2, reput);
      const red = await after.table('things').where('colour').equals('red').toArray();
      // Sealed rows carry in the clear only what was indexed when they were written.
      expect(red).toEqual(reput ? [{ id: 't-1', colour: 'red' }] : []);
      expect(await after.table('things').get('t-2')).toEqual({ id: 't-2', colour: 'blue' });
      after.close();
    }
  });
});
