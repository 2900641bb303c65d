/**
 * A database of its own for one e2e run: a new PostgreSQL database when TEST_DATABASE_URL is set
 * (created here, dropped by remove()), otherwise the embedded PGlite, in memory or in a temporary
 * folder. Both are what the real server opens with `database: { url }` or `{ dataDir }`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseOptions } from '../../../src/server/db/database.ts';

export interface TestDatabase {
  readonly kind: 'postgres' | 'pglite';
  /** For startServer({ database }). */
  readonly options: DatabaseOptions;
  /** For src/server/main.ts: DATABASE_URL or DOORSTEP_DATA_DIR. */
  readonly env: Readonly<Record<string, string>>;
  /** Drop the database or delete its folder. Call it after every server using it has stopped. */
  remove(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] || undefined;

/**
 * `where` matters only without PostgreSQL: 'memory' for a server in this process, 'disk' for a
 * server process that must find its data again after being killed and restarted.
 */
export async function freshDatabase(where: 'memory' | 'disk'): Promise<TestDatabase> {
  if (TEST_DATABASE_URL) return freshPostgres(TEST_DATABASE_URL);
  if (where === 'memory') {
    return { kind: 'pglite', options: {}, env: {}, remove: async () => {} };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'doorstep-e2e-pglite-'));
  return {
    kind: 'pglite',
    options: { dataDir },
    env: { DOORSTEP_DATA_DIR: dataDir },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function freshPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `doorstep_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    options: { url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    remove: () => dropDatabase(adminUrl, name),
  };
}

/**
 * A server killed with SIGKILL leaves its connections for PostgreSQL to notice, which takes a
 * moment: try again for a while before giving up (never WITH (FORCE): the app role may not end
 * other sessions, and a connection still open after this is a leak worth failing on).
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        await admin.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        const inUse = (error as { code?: string }).code === '55006';
        if (!inUse || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await admin.end();
  }
}
