// @vitest-environment node
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { devices, enrolmentCodes } from '../../src/server/db/schema.ts';
import { enrolResponseSchema, type Role } from '../../src/shared/protocol.ts';
import {
  enrolmentCodeResponseSchema,
  type EnrolmentCodeResponse,
} from '../../src/shared/council-api.ts';
import { deviceHeaders, useTestApi, type TestApi, type TestDevice } from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function issueCode(
  api: TestApi,
  by: TestDevice,
  role: Role,
  personName = 'Sam Outreach',
): Promise<EnrolmentCodeResponse> {
  const response = await api.call(by, 'POST', '/api/enrolment-codes', { personName, role });
  expect(response.statusCode, response.body).toBe(201);
  return enrolmentCodeResponseSchema.parse(response.json());
}

const enrol = (api: TestApi, code: string, deviceName = 'Library tablet 3') =>
  api.call(null, 'POST', '/api/enrol', { code, deviceName });

describeEachDatabase('enrolment', ({ use }) => {
  const api = useTestApi(use());

  describe('issuing codes', () => {
    it('gives a coordinator a short typeable code for a new outreach worker, valid 15 minutes', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const created = await issueCode(api(), coordinator, 'outreach-worker', '  Sam Outreach ');
      expect(created.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(created.person).toEqual({
        id: expect.any(String),
        name: 'Sam Outreach',
        role: 'outreach-worker',
      });
      expect(Date.parse(created.expiresAt) - api().clock.now().getTime()).toBe(FIFTEEN_MINUTES);
    });

    it.each([
      ['coordinator', 'outreach-worker', 201],
      ['coordinator', 'coordinator', 201],
      ['coordinator', 'administrator', 403],
      ['administrator', 'outreach-worker', 201],
      ['administrator', 'coordinator', 201],
      ['administrator', 'administrator', 201],
      ['outreach-worker', 'outreach-worker', 403],
    ] as const)('%s enrolling a new %s: %i', async (actor, role, status) => {
      const device = await (await api().organisation()).device(actor);
      const response = await api().call(device, 'POST', '/api/enrolment-codes', {
        personName: 'New person',
        role,
      });
      expect(response.statusCode).toBe(status);
      if (status === 403) {
        expect(response.json()).toEqual({
          error: { code: 'forbidden', message: expect.stringMatching(/^Only/) },
        });
      }
    });

    it.each([
      ['no name', { personName: '   ', role: 'coordinator' }],
      ['an unknown role', { personName: 'Sam', role: 'mayor' }],
      ['an unknown field', { personName: 'Sam', role: 'coordinator', email: 'sam@example.org' }],
    ])('refuses a request with %s', async (_, body) => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const response = await api().call(coordinator, 'POST', '/api/enrolment-codes', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    });

    it('stores only the hash of the code', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const { code } = await issueCode(api(), coordinator, 'outreach-worker');
      const rows = await api().db.select().from(enrolmentCodes);
      expect(JSON.stringify(rows)).not.toContain(code);
      expect(JSON.stringify(rows)).not.toContain(code.replaceAll('-', ''));
      expect(rows.map((r) => r.codeHash)).toContain(sha256(code.replaceAll('-', '')));
    });
  });

  describe('exchanging a code', () => {
    it('enrols a device for the person of the code, without a protocol header', async () => {
      const organisation = await api().organisation('Northshire');
      const coordinator = await organisation.device('coordinator');
      const { code, person } = await issueCode(api(), coordinator, 'outreach-worker');
      const response = await api().inject({
        method: 'POST',
        url: '/api/enrol',
        payload: { code, deviceName: ' Library tablet 3 ' },
      });
      expect(response.statusCode, response.body).toBe(201);
      const enrolled = enrolResponseSchema.parse(response.json());
      expect(enrolled).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        device: { id: expect.any(String), name: 'Library tablet 3' },
        person,
        organisation: { id: organisation.id, name: 'Northshire' },
      });

      const me = await api().call(enrolled, 'GET', '/api/me');
      expect(me.json()).toEqual({
        device: enrolled.device,
        person: enrolled.person,
        organisation: enrolled.organisation,
      });
    });

    it('accepts the code in lower case, without hyphens', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const { code } = await issueCode(api(), coordinator, 'outreach-worker');
      const response = await enrol(api(), code.replaceAll('-', '').toLowerCase());
      expect(response.statusCode).toBe(201);
    });

    it('stores only the hash of the token', async () => {
      const device = await (await api().organisation()).device('outreach-worker');
      const [row] = await api().db.select().from(devices).where(eq(devices.id, device.device.id));
      expect(row?.tokenHash).toBe(sha256(device.token));
      expect(JSON.stringify(row)).not.toContain(device.token);
    });

    it('refuses unknown, used and expired codes alike', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const used = await issueCode(api(), coordinator, 'outreach-worker');
      expect((await enrol(api(), used.code)).statusCode).toBe(201);
      const expiring = await issueCode(api(), coordinator, 'outreach-worker');
      api().clock.advance(FIFTEEN_MINUTES);

      const answers = await Promise.all(
        ['ABCD-EFGH-JKMN', 'not a code', used.code, expiring.code].map((code) =>
          enrol(api(), code),
        ),
      );
      const bodies = answers.map((a) => ({ status: a.statusCode, body: a.json() }));
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(bodies[0]).toEqual({
        status: 400,
        body: { error: { code: 'enrolment_code_invalid', message: expect.any(String) } },
      });
    });

    it('accepts a code until a moment before it expires', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const { code } = await issueCode(api(), coordinator, 'outreach-worker');
      api().clock.advance(FIFTEEN_MINUTES - 1);
      expect((await enrol(api(), code)).statusCode).toBe(201);
    });

    it('lets exactly one of two devices racing with one code enrol', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const { code, person } = await issueCode(api(), coordinator, 'outreach-worker');
      const answers = await Promise.all([
        enrol(api(), code, 'First'),
        enrol(api(), code, 'Second'),
        enrol(api(), code, 'Third'),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
      const enrolled = await api().db.select().from(devices).where(eq(devices.personId, person.id));
      expect(enrolled).toHaveLength(1);
    });

    it.each([
      ['no device name', { code: 'ABCD-EFGH-JKMN' }],
      ['a blank device name', { code: 'ABCD-EFGH-JKMN', deviceName: '   ' }],
      ['an unknown field', { code: 'ABCD-EFGH-JKMN', deviceName: 'Tablet', pin: '1234' }],
    ])('refuses a request with %s', async (_, body) => {
      const response = await api().call(null, 'POST', '/api/enrol', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    });

    it('tells a client of another protocol version to update, even here', async () => {
      const response = await api().inject({
        method: 'POST',
        url: '/api/enrol',
        headers: { ...deviceHeaders(null), 'doorstep-protocol': '0' },
        payload: { code: 'ABCD-EFGH-JKMN', deviceName: 'Tablet' },
      });
      expect(response.statusCode).toBe(426);
      expect(response.json().error.code).toBe('unsupported_protocol');
    });
  });
});
