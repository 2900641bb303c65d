// The databases every *.db.test.ts runs on: the embedded PGlite always, and a real PostgreSQL
// when TEST_DATABASE_URL is set. Each test gets a database of its own: a clone of a migrated
// PGlite, or a PostgreSQL database created from a migrated template (about 60 ms).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import {
  fromPglite,
  fromPool,
  type DatabaseOptions,
  type OpenedDatabase,
} from '../../../src/server/db/database.ts';
import { migrate } from '../../../src/server/db/migrate.ts';

export interface TestDatabaseKind {
  readonly name: 'pglite' | 'postgres';
  /** A new database with every migration applied. */
  migrated(): Promise<OpenedDatabase>;
  /** A new database with nothing in it. */
  empty(): Promise<OpenedDatabase>;
  /** Where openDatabase would make a new database, for tests of a whole start-up. */
  location(): Promise<{ options: DatabaseOptions; remove(): Promise<void> }>;
  dispose(): Promise<void>;
}

export function testDatabaseKinds(env: NodeJS.ProcessEnv = process.env): TestDatabaseKind[] {
  const url = env['TEST_DATABASE_URL'];
  if (!url && env['CI']) {
    throw new Error(
      'CI is set but TEST_DATABASE_URL is not, so the database tests would silently skip ' +
        'PostgreSQL. Start PostgreSQL and set TEST_DATABASE_URL (see .ci/run).',
    );
  }
  return [pgliteKind(), ...(url ? [postgresKind(url)] : [])];
}

/**
 * Runs the same tests on every kind. `use()` gives each test a fresh migrated database, closed
 * (and for PostgreSQL dropped) after it.
 */
export function describeEachDatabase(
  title: string,
  body: (context: { kind: TestDatabaseKind; use: () => () => OpenedDatabase }) => void,
): void {
  const kinds = testDatabaseKinds().map((kind) => [kind.name, kind] as const);
  describe.each(kinds)(`${title} on %s`, (_, kind) => {
    afterAll(() => kind.dispose(), 30_000);
    const use = () => {
      let current: OpenedDatabase | undefined;
      beforeEach(async () => {
        current = await kind.migrated();
      }, 30_000);
      afterEach(async () => {
        await current?.close();
        current = undefined;
      });
      return () => {
        if (!current) throw new Error('The test database is used outside a test.');
        return current;
      };
    };
    body({ kind, use });
  });
}

/** Made on first use only, so a file pays only for the databases it uses. */
function lazy<T>(make: () => Promise<T>) {
  let made: Promise<T> | undefined;
  return { get: () => (made ??= make()), made: () => made };
}

function pgliteKind(): TestDatabaseKind {
  // Creating a PGlite takes seconds, cloning one well under a second.
  const blank = lazy(() => PGlite.create());
  const template = lazy(async () => {
    const copy = await clone(await blank.get());
    await migrate(fromPglite(copy).db);
    return copy;
  });
  return {
    name: 'pglite',
    migrated: async () => fromPglite(await clone(await template.get())),
    empty: async () => fromPglite(await clone(await blank.get())),
    async location() {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'doorstep-pglite-'));
      return { options: { dataDir }, remove: () => rm(dataDir, { recursive: true, force: true }) };
    },
    async dispose() {
      for (const made of [template.made(), blank.made()]) await (await made)?.close();
    },
  };
}

async function clone(source: PGlite): Promise<PGlite> {
  const copy = await source.clone();
  if (!(copy instanceof PGlite)) throw new Error('PGlite.clone() returned something else.');
  return copy;
}

function postgresKind(adminUrl: string): TestDatabaseKind {
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  const prefix = `doorstep_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  let count = 0;
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const create = async (template?: string) => {
    const name = `${prefix}_${++count}`;
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    return name;
  };
  // Not WITH (FORCE): that must terminate every backend in the database, and the app role may
  // not terminate an autovacuum worker. A plain drop cancels autovacuum itself and waits a few
  // seconds for closing connections; a connection still open after that is a leak to fix.
  const drop = (name: string) => admin.query(`drop database if exists ${name}`);
  const open = (name: string): OpenedDatabase => {
    const opened = fromPool(new pg.Pool({ connectionString: urlOf(name), max: 4 }));
    return {
      ...opened,
      close: () =>
        opened
          .close()
          .then(() => drop(name))
          .then(() => {}),
    };
  };
  const template = lazy(async () => {
    const name = await create();
    const pool = new pg.Pool({ connectionString: urlOf(name), max: 1 });
    try {
      await migrate(fromPool(pool).db);
    } finally {
      await pool.end();
    }
    return name;
  });
  return {
    name: 'postgres',
    migrated: async () => open(await create(await template.get())),
    empty: async () => open(await create()),
    async location() {
      const name = await create();
      return { options: { url: urlOf(name) }, remove: () => drop(name).then(() => {}) };
    },
    async dispose() {
      const made = template.made();
      if (made) await drop(await made);
      await admin.end();
    },
  };
}
