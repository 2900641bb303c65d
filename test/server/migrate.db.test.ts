// @vitest-environment node
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, OpenedDatabase } from '../../src/server/db/database.ts';
import {
  MIGRATIONS_FOLDER,
  MigrationDriftError,
  findDrift,
  migrate,
  readMigrations,
} from '../../src/server/db/migrate.ts';
import { organisations, people } from '../../src/server/db/schema.ts';
import { describeEachDatabase } from './support/databases.ts';

const TABLES = [
  'assessment_history',
  'assessments',
  'audit_log',
  'baselines',
  'devices',
  'enrolment_codes',
  'organisations',
  'people',
  'vault_secrets',
];

// Read through typed tables: raw results differ in shape between PGlite and pg.
const informationSchemaTables = pgSchema('information_schema').table('tables', {
  tableSchema: text('table_schema'),
  tableName: text('table_name'),
});
// drizzle-kit's own record of applied migrations, which the runner shares.
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  hash: text('hash'),
});

async function tablesOf(db: Database): Promise<string[]> {
  const rows = await db
    .select({ name: informationSchemaTables.tableName })
    .from(informationSchemaTables)
    .where(eq(informationSchemaTables.tableSchema, 'public'))
    .orderBy(asc(informationSchemaTables.tableName));
  return rows.map((row) => row.name ?? '');
}

async function appliedCount(db: Database): Promise<number> {
  return db.$count(appliedMigrations);
}

/** A copy of the migrations folder a test may change. */
async function copyOfMigrations(): Promise<string> {
  const folder = path.join(await mkdtemp(path.join(tmpdir(), 'doorstep-migrations-')), 'm');
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  return folder;
}

async function addMigration(folder: string, tag: string, text: string, when?: number) {
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };
  const last = journal.entries.at(-1)?.when ?? 0;
  journal.entries.push({ idx: journal.entries.length, when: when ?? last + 1000, tag });
  await writeFile(journalPath, JSON.stringify(journal));
  await writeFile(path.join(folder, `${tag}.sql`), text);
}

describeEachDatabase('the migration runner', ({ kind }) => {
  let opened: OpenedDatabase;
  let folder: string;
  beforeEach(async () => {
    opened = await kind.empty();
    folder = await copyOfMigrations();
  }, 30_000);
  afterEach(async () => {
    await opened.close();
    await rm(path.dirname(folder), { recursive: true, force: true });
  });

  it('applies every migration to an empty database, then nothing the next time', async () => {
    const files = await readMigrations(MIGRATIONS_FOLDER);
    expect(await migrate(opened.db)).toEqual({ applied: files.map((f) => f.tag) });
    expect(await tablesOf(opened.db)).toEqual(TABLES);
    expect(await migrate(opened.db)).toEqual({ applied: [] });
    expect(await appliedCount(opened.db)).toBe(files.length);
  });

  it('gives people and organisations from before accounts their defaults', async () => {
    // The database as it was before workers' accounts: the first three migrations.
    const journalPath = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: unknown[] };
    const later = journal.entries.splice(3);
    await writeFile(journalPath, JSON.stringify(journal));
    await migrate(opened.db, folder);
    // Raw SQL: the tables of schema.ts have columns this database does not have yet.
    const organisationId = '6f1c1a4e-0000-4000-8000-000000000001';
    await opened.db.execute(sql`insert into organisations (id, name, created_at)
      values (${organisationId}, 'Old council', now())`);
    await opened.db.execute(sql`insert into people (id, organisation_id, name, role, created_at)
      values ('6f1c1a4e-0000-4000-8000-000000000002', ${organisationId}, 'Sam',
        'outreach-worker', now())`);
    const entry = (action: string) =>
      opened.db.execute(sql`insert into audit_log (organisation_id, at, action)
        values (${organisationId}, now(), ${action})`);
    await entry('device-revoked');

    await writeFile(
      journalPath,
      JSON.stringify({ ...journal, entries: [...journal.entries, ...later] }),
    );
    expect((await migrate(opened.db, folder)).applied).toContain('0003_worker_accounts');
    const [person] = await opened.db.select().from(people);
    expect(person).toMatchObject({
      username: null,
      passphraseHash: null,
      failedSignIns: 0,
      signInLockedUntil: null,
    });
    const [organisation] = await opened.db.select().from(organisations);
    expect(organisation?.lockMinutes).toBe(5);
    // The audit log takes the new actions and keeps refusing unknown ones.
    await entry('sign-in');
    await expect(entry('sign-in-twice')).rejects.toThrow();
  });

  it('applies a migration added later', async () => {
    await migrate(opened.db, folder);
    await addMigration(folder, '0001_notes', 'ALTER TABLE "people" ADD COLUMN "notes" text;');
    expect(await migrate(opened.db, folder)).toEqual({ applied: ['0001_notes'] });
  });

  it('refuses to start when an applied migration was changed', async () => {
    await migrate(opened.db, folder);
    const [first] = await readMigrations(folder);
    await appendFile(path.join(folder, `${first?.tag}.sql`), '\n-- edited by hand\n');
    const failure = migrate(opened.db, folder);
    await expect(failure).rejects.toBeInstanceOf(MigrationDriftError);
    await expect(failure).rejects.toThrow(`${first?.tag}.sql was changed after it was applied`);
  });

  it('refuses to start when an applied migration is missing from the folder', async () => {
    await addMigration(folder, '0001_notes', 'ALTER TABLE "people" ADD COLUMN "notes" text;');
    await migrate(opened.db, folder);
    const pristine = await copyOfMigrations();
    try {
      await expect(migrate(opened.db, pristine)).rejects.toThrow(/has no file in the folder/);
    } finally {
      await rm(path.dirname(pristine), { recursive: true, force: true });
    }
  });

  it('refuses a migration older than those applied, which would otherwise never run', async () => {
    await addMigration(folder, '0002_late', 'SELECT 1;');
    await migrate(opened.db, folder);
    const [first] = await readMigrations(folder);
    await addMigration(folder, '0001_forgotten', 'SELECT 2;', (first?.when ?? 0) + 1);
    await expect(migrate(opened.db, folder)).rejects.toThrow(/0001_forgotten\.sql is older/);
  });

  it('leaves nothing behind when a migration fails half-way', async () => {
    await addMigration(
      folder,
      '0001_broken',
      'CREATE TABLE "half" ("id" int);\n--> statement-breakpoint\nSELECT * FROM "nowhere";',
    );
    await expect(migrate(opened.db, folder)).rejects.toThrow();
    expect(await tablesOf(opened.db)).toEqual([]);
    await expect(appliedCount(opened.db)).rejects.toThrow();
  });
});

describe('finding drift', () => {
  const file = (tag: string, when: number, hash = `hash-${tag}`) => ({
    tag,
    when,
    hash,
    statements: [],
  });

  it('finds none when the applied migrations are the first files', () => {
    const files = [file('a', 1), file('b', 2)];
    expect(findDrift([{ hash: 'hash-a', createdAt: 1 }], files)).toEqual([]);
  });

  it('names every problem at once', () => {
    const files = [file('a', 1), file('b', 2, 'new'), file('c', 3)];
    const applied = [
      { hash: 'hash-b', createdAt: 2 },
      { hash: 'hash-x', createdAt: 9 },
    ];
    expect(findDrift(applied, files)).toEqual([
      'b.sql was changed after it was applied to the database',
      expect.stringMatching(/created 9, hash hash-x.* has no file/),
      'a.sql is older than migrations already applied but never ran',
      'c.sql is older than migrations already applied but never ran',
    ]);
  });
});
