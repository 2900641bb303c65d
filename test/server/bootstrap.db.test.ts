// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { enrolmentCodes, organisations, people } from '../../src/server/db/schema.ts';
import {
  DEFAULT_ORGANISATION_NAME,
  bootstrap,
  firstStartMessage,
} from '../../src/server/services/bootstrap.ts';
import { startServer } from '../../src/server/server.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol.ts';
import { START, useTestApi } from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

const DAY = 24 * 60 * 60_000;

describeEachDatabase('the first start', ({ kind, use }) => {
  const api = useTestApi(use());

  it('creates one organisation, one administrator and a code valid for 24 hours', async () => {
    const start = await bootstrap(api().db, { now: START });
    expect(start).toEqual({
      organisation: { id: expect.any(String), name: DEFAULT_ORGANISATION_NAME },
      administrator: { id: expect.any(String), name: 'Administrator', role: 'administrator' },
      code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      expiresAt: new Date(START.getTime() + DAY),
    });
    expect(await api().db.$count(organisations)).toBe(1);
    expect(await api().db.$count(people)).toBe(1);
  });

  it('names the organisation as configured', async () => {
    const start = await bootstrap(api().db, { now: START, organisationName: ' Northshire ' });
    expect(start?.organisation.name).toBe('Northshire');
  });

  it('does nothing on any later start', async () => {
    await bootstrap(api().db, { now: START });
    expect(await bootstrap(api().db, { now: START })).toBeNull();
    expect(await api().db.$count(organisations)).toBe(1);
    expect(await api().db.$count(enrolmentCodes)).toBe(1);
  });

  it('sets up once when several servers start at the same moment', async () => {
    const starts = await Promise.all([1, 2, 3].map(() => bootstrap(api().db, { now: START })));
    expect(starts.filter((s) => s !== null)).toHaveLength(1);
    expect(await api().db.$count(organisations)).toBe(1);
  });

  it('lets the code enrol an administrator who can then enrol others', async () => {
    const start = await bootstrap(api().db, { now: api().clock.now() });
    api().clock.advance(DAY - 1);
    const enrolled = await api().call(null, 'POST', '/api/enrol', {
      code: start?.code,
      deviceName: 'Office laptop',
    });
    expect(enrolled.statusCode).toBe(201);
    expect(enrolled.json().person.role).toBe('administrator');
    const device = enrolled.json();
    const code = await api().call(device, 'POST', '/api/enrolment-codes', {
      personName: 'Cora',
      role: 'coordinator',
    });
    expect(code.statusCode).toBe(201);
  });

  it('lets the code expire after 24 hours', async () => {
    const start = await bootstrap(api().db, { now: api().clock.now() });
    api().clock.advance(DAY);
    const enrolled = await api().call(null, 'POST', '/api/enrol', {
      code: start?.code,
      deviceName: 'Office laptop',
    });
    expect(enrolled.json().error.code).toBe('enrolment_code_invalid');
  });

  it('starts a whole server: prints the code on the first start only', async () => {
    const location = await kind.location();
    try {
      const first = await startServer({ database: location.options });
      try {
        expect(first.database).toBe(kind.name);
        expect(first.firstStart?.code).toEqual(expect.any(String));
        const health = await fetch(`${first.url}/api/health`);
        expect(await health.json()).toEqual({ status: 'ok' });
        const me = await fetch(`${first.url}/api/me`, {
          headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
        });
        expect(me.status).toBe(401);
      } finally {
        await first.close();
      }
      const second = await startServer({ database: location.options });
      await second.close();
      expect(second.firstStart).toBeNull();
    } finally {
      await location.remove();
    }
  }, 60_000);
});

describe('the first start message', () => {
  it('gives the code and until when it is valid', () => {
    const message = firstStartMessage(
      {
        organisation: { id: 'o', name: 'Northshire' },
        administrator: { id: 'p', name: 'Administrator', role: 'administrator' },
        code: '7KQ2-M9XD-4RTA',
        expiresAt: new Date(START.getTime() + DAY),
      },
      'UTC',
    );
    expect(message).toContain(
      'Enrol your first device with code 7KQ2-M9XD-4RTA (valid until 22 Nov 2026, 10:00 UTC).',
    );
    expect(message).toContain('"Northshire"');
  });
});
