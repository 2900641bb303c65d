/**
 * Encryption at rest: a Dexie DBCore middleware that seals every row of every table under the
 * worker's data key (vault.ts). A sealed row keeps in the clear only what IndexedDB needs to
 * find it, its primary key and the values of the table's indexes (read from the schema, so an
 * index added later is kept in the clear too), and holds the rest in `$sealed`: a 12-byte random nonce followed by
 * AES-256-GCM of the JSON of the whole row, with the table's name and the row's key as
 * additional data, so a row copied to another key or table does not open.
 *
 * Synchronous (@noble/ciphers): an IndexedDB transaction commits by itself while a WebCrypto
 * promise is pending, so a read-then-write transaction could not await one. Rows are JSON data
 * (every store parses them with a schema of JSON types), so a row's JSON is the whole row.
 * Nonces are random: AES-GCM allows about 2^23 of them under one key for a 2^-50 chance of a
 * repeat, far more writes than one worker's database sees.
 *
 * Rows without `$sealed` (written before encryption) are read as they are; `sealAll` seals
 * them. A version that adds an index to a table must re-put its rows in its upgrade, as sealed
 * rows only carry in the clear the fields that were indexed when they were written.
 */
import { cmac, gcm } from '@noble/ciphers/aes.js';
import Dexie, {
  type DBCore,
  type DBCoreCursor,
  type DBCoreIndex,
  type DBCoreKeyRange,
  type DBCoreTable,
  type Middleware,
} from 'dexie';

const SEALED = '$sealed';
const UNREADABLE = '$unreadable';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'doorstep-row-1';

/**
 * What a read returns for a sealed row that does not open (another key, or altered): its clear
 * fields and ciphertext as stored, and why. Not thrown, because the stores parse every row and
 * list one that fails as damaged and keep it: this fails every store's schema, so it is listed
 * as damaged, never taken for data, and never crashes a list. Writing it back is refused.
 */
export interface UnreadableRow {
  readonly [UNREADABLE]: string;
  readonly [SEALED]: unknown;
  readonly [clearField: string]: unknown;
}

export function isUnreadable(row: unknown): row is UnreadableRow {
  return typeof row === 'object' && row !== null && UNREADABLE in row;
}

const sealedDatabases = new WeakSet<Dexie>();

/**
 * Key paths, per table, whose values would say who a row is about (a resident's reference).
 * They are kept in the clear only as a keyed hash (AES-CMAC under a key derived from the data
 * key): a blind index, which finds a row by exact value and reveals nothing while locked.
 */
export type BlindIndexes = Readonly<Record<string, readonly string[]>>;

/** Seals every row of `db` under `key` (32 bytes). Call before the database opens. */
export function sealWith(db: Dexie, key: Uint8Array, blind: BlindIndexes = {}): void {
  db.use(sealingMiddleware(key, blind));
  sealedDatabases.add(db);
}

function sealingMiddleware(key: Uint8Array, blind: BlindIndexes): Middleware<DBCore> {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  const blindKey = cmac(new TextEncoder().encode('doorstep-blind-index-1'), key);
  return {
    stack: 'dbcore',
    name: 'Sealing',
    // Below Dexie's own middlewares (the lowest is -1): they see rows as the app wrote them.
    level: -2,
    create(down) {
      const tables = new Map<string, DBCoreTable>();
      return {
        ...down,
        table(name) {
          let table = tables.get(name);
          if (!table) {
            const blinder = blinding(blindKey, blind[name] ?? []);
            tables.set(name, (table = sealedTable(down.table(name), key, blinder)));
          }
          return table;
        },
      };
    },
  };
}

/**
 * Seals every row written before the database had a key: once, when a worker's vault adopts the
 * device's earlier, unencrypted data. Each such row is deleted under its old key and put again
 * sealed, in one transaction (where the key is a blind index it changes). Rows already sealed,
 * and rows that do not open, are left as they are.
 */
export async function sealAll(db: Dexie): Promise<void> {
  if (!sealedDatabases.has(db)) throw new Error('This database has no key to seal rows with');
  await db.transaction('rw', db.tables, async (tx) => {
    for (const table of db.tables) {
      // Read past the middleware: which rows are plain, and under which key they are stored.
      const store = tx.idbtrans.objectStore(table.name);
      const [rows, keys] = await Promise.all([
        done<unknown[]>(store.getAll()),
        done<IDBValidKey[]>(store.getAllKeys()),
      ]);
      const plain = rows.flatMap((row, i) =>
        typeof row === 'object' && row !== null && !(SEALED in row) ? [{ row, key: keys[i] }] : [],
      );
      for (const { key } of plain) if (key !== undefined) await done(store.delete(key));
      await table.bulkPut(plain.map(({ row }) => row));
    }
  });
}

function done<T>(request: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

// Dexie's DBCoreRangeType, a const enum the compiler cannot read from here: Equal and Any.
const RANGE_EQUAL = 1;
const RANGE_ANY = 3;

const BLINDED = /^blind:[A-Za-z0-9_-]{22}$/;

interface Blinder {
  readonly has: (path: string | string[] | null) => boolean;
  /** A value's blind form; a blind form stays as it is (keys read back may be used again). */
  readonly value: (value: unknown) => unknown;
}

function blinding(blindKey: Uint8Array, paths: readonly string[]): Blinder {
  return {
    has: (path) => typeof path === 'string' && paths.includes(path),
    value(value) {
      if (typeof value === 'string' && BLINDED.test(value)) return value;
      const mac = cmac(new TextEncoder().encode(JSON.stringify(value)), blindKey);
      let binary = '';
      for (const byte of mac) binary += String.fromCharCode(byte);
      return `blind:${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
    },
  };
}

function sealedTable(table: DBCoreTable, key: Uint8Array, blind: Blinder): DBCoreTable {
  const { primaryKey, indexes } = table.schema;
  const extractKey = primaryKey.extractKey;
  if (!extractKey || primaryKey.autoIncrement) {
    // The key is bound into the ciphertext, so it must be in the row before it is written.
    throw new Error(`Table ${table.name}: sealed rows need an inbound, given primary key`);
  }
  const paths = [
    ...new Set(
      [primaryKey, ...indexes].flatMap((index) => (index.keyPath === null ? [] : index.keyPath)),
    ),
  ];
  const clearValue = (path: string, value: unknown) =>
    value !== undefined && blind.has(path) ? blind.value(value) : value;
  const clearPart = (row: object) => {
    const clear: Record<string, unknown> = {};
    for (const path of paths) {
      const value = clearValue(path, Dexie.getByKeyPath(row, path));
      if (value !== undefined) Dexie.setByKeyPath(clear, path, value);
    }
    return clear;
  };
  const primaryBlind = blind.has(primaryKey.keyPath);
  const clearKey = (rowKey: unknown) => (primaryBlind ? blind.value(rowKey) : rowKey);
  // Only an exact value can be found by its blind form.
  const clearQuery = <Q extends { index: DBCoreIndex; range: DBCoreKeyRange }>(query: Q): Q => {
    if (!blind.has(query.index.keyPath) || (query.range.type as number) === RANGE_ANY) return query;
    if ((query.range.type as number) !== RANGE_EQUAL) {
      throw new Error(
        `Table ${table.name}: ${String(query.index.keyPath)} is found by exact value only`,
      );
    }
    const value = blind.value(query.range.lower);
    return { ...query, range: { ...query.range, lower: value, upper: value } };
  };
  const additionalData = (rowKey: unknown) =>
    new TextEncoder().encode(JSON.stringify([FORMAT, table.name, rowKey]));

  const seal = (row: unknown): object => {
    if (typeof row !== 'object' || row === null) {
      throw new Error(`Table ${table.name}: only objects can be sealed`);
    }
    if (isUnreadable(row)) {
      throw new Error(`Table ${table.name}: a row that could not be opened cannot be written back`);
    }
    if (extractKey(row) === undefined)
      throw new Error(`Table ${table.name}: a row without its key`);
    const clear = clearPart(row);
    const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const plain = new TextEncoder().encode(JSON.stringify(row));
    // Bound to the key as stored (blind where the key is a blind index).
    const cipher = gcm(key, nonce, additionalData(extractKey(clear))).encrypt(plain);
    const sealed = new Uint8Array(NONCE_BYTES + cipher.length);
    sealed.set(nonce);
    sealed.set(cipher, NONCE_BYTES);
    return { ...clear, [SEALED]: sealed };
  };

  const open = (stored: unknown): unknown => {
    if (typeof stored !== 'object' || stored === null || !(SEALED in stored)) return stored;
    try {
      const bytes = stored[SEALED];
      if (!ArrayBuffer.isView(bytes) || bytes.byteLength < NONCE_BYTES + TAG_BYTES) {
        throw new Error('not a sealed row');
      }
      const sealed = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const cipher = gcm(key, sealed.subarray(0, NONCE_BYTES), additionalData(extractKey(stored)));
      const row: unknown = JSON.parse(
        new TextDecoder().decode(cipher.decrypt(sealed.subarray(NONCE_BYTES))),
      );
      if (typeof row !== 'object' || row === null) throw new Error('not a row');
      // The clear fields are only an index: each must be the row's own (a row written before an
      // index was added lacks that field, which is no contradiction).
      for (const path of paths) {
        const held: unknown = Dexie.getByKeyPath(stored, path);
        if (
          held !== undefined &&
          JSON.stringify(held) !== JSON.stringify(clearValue(path, Dexie.getByKeyPath(row, path)))
        ) {
          throw new Error('clear fields altered');
        }
      }
      return row;
    } catch {
      return {
        ...stored,
        [UNREADABLE]: `This row of ${table.name} could not be opened with this key: it was sealed under another key, or altered.`,
      };
    }
  };

  return {
    ...table,
    mutate(req) {
      switch (req.type) {
        case 'add':
        case 'put':
          return table.mutate({ ...req, values: req.values.map(seal) });
        case 'delete':
          return table.mutate({ ...req, keys: req.keys.map(clearKey) });
        case 'deleteRange':
          return table.mutate({
            ...req,
            range: clearQuery({ index: primaryKey, range: req.range }).range,
          });
      }
    },
    get: (req) => table.get({ ...req, key: clearKey(req.key) }).then(open),
    getMany: (req) =>
      table.getMany({ ...req, keys: req.keys.map(clearKey) }).then((rows) => rows.map(open)),
    query: (req) =>
      table
        .query({ ...req, query: clearQuery(req.query) })
        .then((response) =>
          req.values ? { ...response, result: response.result.map(open) } : response,
        ),
    openCursor: (req) =>
      table
        .openCursor({ ...req, query: clearQuery(req.query) })
        .then((cursor) => cursor && openingCursor(cursor, open)),
    count: (req) => table.count({ ...req, query: clearQuery(req.query) }),
  };
}

/**
 * The cursor with its value opened. Key and primary key are forwarded by getters: an IDBCursor's
 * own getters refuse another `this` in browsers. Dexie's methods (continue, start…) are the
 * cursor's own properties and work through the prototype.
 */
function openingCursor(cursor: DBCoreCursor, open: (stored: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const value: unknown = cursor.value;
        if (value !== raw) {
          raw = value;
          opened = open(value);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}
