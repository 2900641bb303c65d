// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/server/db/migrate.ts';
import * as schema from '../../src/server/db/schema.ts';

async function latestSnapshot() {
  const journal = JSON.parse(
    await readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { idx: number }[] };
  const idx = journal.entries.at(-1)?.idx ?? 0;
  const file = `${String(idx).padStart(4, '0')}_snapshot.json`;
  return JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, 'meta', file), 'utf8'));
}

describe('the database schema', () => {
  it('has a migration for every change (run npm run db:generate after editing schema.ts)', async () => {
    const snapshot = await latestSnapshot();
    const pending = await generateMigration(snapshot, generateDrizzleJson(schema, snapshot.id));
    expect(pending).toEqual([]);
  });

  it('would notice a change without a migration', async () => {
    const snapshot = await latestSnapshot();
    const withoutPeople = Object.fromEntries(
      Object.entries(schema).filter(([name]) => name !== 'people'),
    );
    const pending = await generateMigration(
      snapshot,
      generateDrizzleJson(withoutPeople, snapshot.id),
    );
    expect(pending.join('\n')).toContain('DROP TABLE "people"');
  });
});
