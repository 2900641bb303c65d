// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from './support/databases.ts';

describe('the databases the tests run on', () => {
  const kindsFor = async (env: NodeJS.ProcessEnv) => {
    const kinds = testDatabaseKinds(env);
    await Promise.all(kinds.map((kind) => kind.dispose()));
    return kinds.map((kind) => kind.name);
  };

  it('are the embedded database alone by default', async () => {
    expect(await kindsFor({})).toEqual(['pglite']);
  });

  it('include PostgreSQL when TEST_DATABASE_URL is set', async () => {
    const env = { TEST_DATABASE_URL: 'postgres://app:app@127.0.0.1:5432/app' };
    expect(await kindsFor(env)).toEqual(['pglite', 'postgres']);
  });

  it('fail loudly on CI without PostgreSQL rather than skip it', () => {
    expect(() => testDatabaseKinds({ CI: 'true' })).toThrow(/TEST_DATABASE_URL/);
  });
});
