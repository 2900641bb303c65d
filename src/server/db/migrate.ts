// Applies the drizzle-kit migrations at start-up, and refuses to start on drift: a database whose
// applied migrations are not the files in the folder was built by other code, and running this
// code on it could lose data. It keeps its record in drizzle-kit's own table
// (drizzle.__drizzle_migrations: hash of the SQL file, journal timestamp), so `drizzle-kit migrate`
// and this runner agree about what is applied.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, sql } from 'drizzle-orm';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import * as z from 'zod/mini';
import type { Database } from './database.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

// Any constant shared by every Doorstep server: two starting at once take turns.
const MIGRATION_LOCK = 0x646f6f72;

export interface MigrationFile {
  readonly tag: string;
  /** The journal's timestamp, which drizzle-kit records as created_at. */
  readonly when: number;
  /** SHA-256 of the file, as drizzle-kit computes it. */
  readonly hash: string;
  readonly statements: readonly string[];
}

export class MigrationDriftError extends Error {
  constructor(
    readonly folder: string,
    readonly problems: readonly string[],
  ) {
    super(
      `The database's migrations do not match the files in ${folder}:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nDoorstep will not run on it: restore the migration files this database was built ' +
        'with (or point it at the right database).',
    );
    this.name = 'MigrationDriftError';
  }
}

const journalSchema = z.object({
  entries: z.array(z.object({ tag: z.string(), when: z.number() })),
});

export async function readMigrations(folder: string): Promise<MigrationFile[]> {
  const journalText = await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8');
  const journal = journalSchema.parse(JSON.parse(journalText));
  return Promise.all(
    journal.entries.map(async ({ tag, when }) => {
      const text = await readFile(path.join(folder, `${tag}.sql`), 'utf8');
      return {
        tag,
        when,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text.split('--> statement-breakpoint').filter((s) => s.trim() !== ''),
      };
    }),
  );
}

interface AppliedMigration {
  readonly hash: string;
  readonly createdAt: number | null;
}

/** What is wrong between what the database has applied and the files; empty when nothing. */
export function findDrift(
  applied: readonly AppliedMigration[],
  files: readonly MigrationFile[],
): string[] {
  const problems: string[] = [];
  const ran = new Set<MigrationFile>();
  for (const row of applied) {
    const file = files.find((f) => f.when === row.createdAt);
    if (!file) {
      problems.push(
        `a migration applied to the database (created ${row.createdAt ?? 'at an unknown time'}, ` +
          `hash ${row.hash.slice(0, 12)}…) has no file in the folder`,
      );
      continue;
    }
    ran.add(file);
    if (file.hash !== row.hash) {
      problems.push(`${file.tag}.sql was changed after it was applied to the database`);
    }
  }
  const lastApplied = Math.max(-Infinity, ...applied.map((row) => row.createdAt ?? -Infinity));
  for (const file of files) {
    if (!ran.has(file) && file.when < lastApplied) {
      problems.push(`${file.tag}.sql is older than migrations already applied but never ran`);
    }
  }
  return problems;
}

/** Brings the database up to date; returns the tags it applied (none when already current). */
export async function migrate(
  db: Database,
  folder: string = MIGRATIONS_FOLDER,
): Promise<{ applied: string[] }> {
  const files = await readMigrations(folder);
  // One transaction: a migration that fails half-way leaves nothing behind.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint)`);
    const applied = await tx
      .select({ hash: appliedMigrations.hash, createdAt: appliedMigrations.createdAt })
      .from(appliedMigrations)
      .orderBy(asc(appliedMigrations.id));

    const problems = findDrift(applied, files);
    if (problems.length > 0) throw new MigrationDriftError(folder, problems);

    const appliedTimes = new Set(applied.map((row) => row.createdAt));
    const pending = files.filter((file) => !appliedTimes.has(file.when));
    for (const file of pending) {
      for (const statement of file.statements) await tx.execute(sql.raw(statement));
      await tx.insert(appliedMigrations).values({ hash: file.hash, createdAt: file.when });
    }
    return { applied: pending.map((file) => file.tag) };
  });
}
