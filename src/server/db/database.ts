// One Database type for both engines: the embedded PGlite (default, a folder on disk) and a
// PostgreSQL server (DATABASE_URL). Everything above this file is written once, with Drizzle.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<PgQueryResultHKT>;
/** Where a query can run: the database, or inside a transaction of it. */
export type Executor = Database | Transaction;

export interface OpenedDatabase {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Always call it: an open PGlite keeps Node running, an open pool keeps connections. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string. Without it, the embedded database is used. */
  url?: string;
  /** The embedded database's folder; without it (and without url), it lives in memory. */
  dataDir?: string;
}

const POOL_SIZE = 10;

export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenedDatabase> {
  if (options.url) {
    // Connections are kept once made: opening one (a new server process, a password exchange)
    // costs more than a push, so closing idle ones made every quiet spell end in a slow burst.
    return fromPool(new pg.Pool({ connectionString: options.url, max: POOL_SIZE, min: POOL_SIZE }));
  }
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  return fromPglite(await PGlite.create(options.dataDir ?? 'memory://'));
}

export function fromPglite(client: PGlite): OpenedDatabase {
  return { db: drizzlePglite({ client }), kind: 'pglite', close: () => client.close() };
}

export function fromPool(pool: pg.Pool): OpenedDatabase {
  // An idle connection dropped by the server is reported here; without a listener it would
  // crash the process. The pool replaces it on the next query.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  return { db: drizzleNodePg({ client: pool }), kind: 'postgres', close: () => pool.end() };
}

/**
 * The rows of a raw `execute`: both drivers answer with `{ rows }`, but the shared Database
 * type cannot say so.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('The database answered without rows.');
  return rows as Row[];
}
