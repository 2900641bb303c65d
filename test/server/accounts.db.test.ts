// @vitest-environment node
// Workers' accounts on shared devices: a username and passphrase set with an enrolment code, and
// signing in on an enrolled device, which makes a session of the worker's own and gives the vault
// secret they keep for that device.
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { devices, enrolmentCodes, people, vaultSecrets } from '../../src/server/db/schema.ts';
import { createEnrolmentCode } from '../../src/server/services/enrolment.ts';
import {
  auditListResponseSchema,
  enrolmentCodeResponseSchema,
  organisationSettingsSchema,
  type AuditEntry,
  type EnrolmentCodeResponse,
  type OrganisationSettings,
} from '../../src/shared/council-api.ts';
import {
  enrolResponseSchema,
  signInResponseSchema,
  type EnrolResponse,
  type Role,
  type SignInResponse,
} from '../../src/shared/protocol.ts';
import {
  errorOf,
  finishedAssessment,
  pushAccepted,
  useTestApi,
  type TestApi,
  type TestDevice,
  type TestOrganisation,
} from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

// Hashing a passphrase is slow on purpose (scrypt), and some tests sign in a dozen times.
vi.setConfig({ testTimeout: 30_000 });

const PASSPHRASE = 'correct horse battery';
const FIFTEEN_MINUTES = 15 * 60_000;

async function issueCode(
  api: TestApi,
  by: TestDevice,
  role: Role = 'outreach-worker',
  personName = 'Sam Outreach',
): Promise<EnrolmentCodeResponse> {
  const response = await api.call(by, 'POST', '/api/enrolment-codes', { personName, role });
  expect(response.statusCode, response.body).toBe(201);
  return enrolmentCodeResponseSchema.parse(response.json());
}

const enrol = (api: TestApi, body: Record<string, unknown>) =>
  api.call(null, 'POST', '/api/enrol', { deviceName: 'Library tablet 3', ...body });

const signIn = (api: TestApi, through: TestDevice, username: string, passphrase = PASSPHRASE) =>
  api.call(through, 'POST', '/api/sign-in', { username, passphrase });

async function signedIn(
  api: TestApi,
  through: TestDevice,
  username: string,
  passphrase = PASSPHRASE,
): Promise<SignInResponse> {
  const response = await signIn(api, through, username, passphrase);
  expect(response.statusCode, response.body).toBe(201);
  return signInResponseSchema.parse(response.json());
}

/** An organisation with a coordinator, and a shared tablet enrolled by a worker with an account. */
async function sharedTablet(api: TestApi, name = 'Test council') {
  const organisation = await api.organisation(name);
  const coordinator = await organisation.device('coordinator');
  const admin = await organisation.device('administrator');
  const tablet = await account(api, coordinator, 'sam', 'Sam Outreach');
  return { organisation, coordinator, admin, tablet };
}

/** Enrols a device for a new worker with this username (and PASSPHRASE). */
async function account(
  api: TestApi,
  coordinator: TestDevice,
  username: string,
  personName = username,
): Promise<EnrolResponse> {
  const { code } = await issueCode(api, coordinator, 'outreach-worker', personName);
  const response = await enrol(api, { code, username, passphrase: PASSPHRASE });
  expect(response.statusCode, response.body).toBe(201);
  return enrolResponseSchema.parse(response.json());
}

async function auditLog(api: TestApi, admin: TestDevice): Promise<AuditEntry[]> {
  const response = await api.call(admin, 'GET', '/api/audit?limit=200');
  expect(response.statusCode, response.body).toBe(200);
  return auditListResponseSchema.parse(response.json()).entries;
}

const only = (entries: AuditEntry[], action: AuditEntry['action']) =>
  entries.filter((e) => e.action === action);

describeEachDatabase('worker accounts', ({ use }) => {
  const api = useTestApi(use());

  const personRow = async (id: string) => {
    const [row] = await api().db.select().from(people).where(eq(people.id, id));
    return row;
  };

  describe('enrolling with a username and passphrase', () => {
    it('sets the account with the code: the username normalised, the passphrase only as scrypt', async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const { code, person } = await issueCode(api(), coordinator);
      const response = await enrol(api(), {
        code,
        username: '  Sam.Jones@North ',
        passphrase: PASSPHRASE,
      });
      expect(response.statusCode, response.body).toBe(201);
      const tablet = enrolResponseSchema.parse(response.json());
      expect(tablet.person).toEqual(person);

      const row = await personRow(person.id);
      expect(row).toMatchObject({ username: 'sam.jones@north', failedSignIns: 0 });
      expect(row?.passphraseHash).toMatch(/^scrypt\$N=32768,r=8,p=3\$[\w-]{22}\$[\w-]{43}$/);
      expect(JSON.stringify(row)).not.toContain(PASSPHRASE);
      // The way it was typed does not matter when signing in either.
      expect((await signIn(api(), tablet, ' SAM.jones@north')).statusCode).toBe(201);
    });

    it.each([
      ['a username alone', { username: 'sam' }],
      ['a passphrase alone', { passphrase: PASSPHRASE }],
      ['a username too short', { username: ' ab ', passphrase: PASSPHRASE }],
      ['a username too long', { username: 'a'.repeat(65), passphrase: PASSPHRASE }],
      ['a username with a space', { username: 'sam jones', passphrase: PASSPHRASE }],
      ['a username starting with a dot', { username: '.sam', passphrase: PASSPHRASE }],
      ['a passphrase too short', { username: 'sam', passphrase: 'nine char' }],
      ['a passphrase too long', { username: 'sam', passphrase: 'x'.repeat(201) }],
    ])('refuses %s, and the code stays usable', async (_, credentials) => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const { code } = await issueCode(api(), coordinator);
      const refused = await enrol(api(), { code, ...credentials });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(errorOf(refused).code).toBe('invalid_request');
      expect((await enrol(api(), { code })).statusCode).toBe(201);
    });

    it('accepts usernames of 3 and 64 characters with . _ @ -', async () => {
      const coordinator = await (await api().organisation()).device('coordinator');
      for (const username of ['s.m', `1_a@b-c${'x'.repeat(57)}`]) {
        const { code } = await issueCode(api(), coordinator);
        const response = await enrol(api(), { code, username, passphrase: 'x'.repeat(200) });
        expect(response.statusCode, response.body).toBe(201);
      }
    });

    it('refuses a username another person has: nothing is written and the code stays unused', async () => {
      const { coordinator } = await sharedTablet(api());
      const { code, person } = await issueCode(api(), coordinator, 'outreach-worker', 'Other');
      const devicesBefore = await api().db.$count(devices);

      const refused = await enrol(api(), { code, username: ' SAM ', passphrase: PASSPHRASE });
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused)).toEqual({
        code: 'username_taken',
        message: 'Someone else in your organisation already has this username. Choose another one.',
      });
      expect(await api().db.$count(devices)).toBe(devicesBefore);
      expect(await personRow(person.id)).toMatchObject({ username: null, passphraseHash: null });
      const [codeRow] = await api()
        .db.select()
        .from(enrolmentCodes)
        .where(eq(enrolmentCodes.personId, person.id));
      expect(codeRow).toMatchObject({ usedAt: null, deviceId: null });

      const retried = await enrol(api(), { code, username: 'sam2', passphrase: PASSPHRASE });
      expect(retried.statusCode, retried.body).toBe(201);
    });

    it('lets another organisation use the same username', async () => {
      await sharedTablet(api(), 'Ours');
      const theirs = await sharedTablet(api(), 'Theirs');
      expect(theirs.tablet.person.name).toBe('Sam Outreach');
    });

    it('resets the account with a new code for the same person, lock included', async () => {
      const { organisation, tablet } = await sharedTablet(api());
      for (let i = 0; i < 5; i += 1) await signIn(api(), tablet, 'sam', 'wrong passphrase');
      expect(errorOf(await signIn(api(), tablet, 'sam')).code).toBe('sign_in_locked');

      const { code } = await createEnrolmentCode(
        api().db,
        { organisationId: organisation.id, personId: tablet.person.id, createdByDeviceId: null },
        api().clock.now(),
        60_000,
      );
      const again = await enrol(api(), { code, username: 'sam', passphrase: 'a new passphrase' });
      expect(again.statusCode, again.body).toBe(201);
      expect(errorOf(await signIn(api(), tablet, 'sam')).code).toBe('sign_in_failed');
      expect((await signIn(api(), tablet, 'sam', 'a new passphrase')).statusCode).toBe(201);
    });
  });

  describe('signing in on an enrolled device', () => {
    it('makes a session of the worker on that device, with its own token', async () => {
      const { coordinator, tablet } = await sharedTablet(api());
      const nia = await account(api(), coordinator, 'nia', 'Nia Worker');

      const session = await signedIn(api(), tablet, 'NIA');
      expect(session).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        device: { id: expect.any(String), name: tablet.device.name },
        person: nia.person,
        organisation: tablet.organisation,
        vaultSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      expect(session.device.id).not.toBe(tablet.device.id);
      expect(session.token).not.toBe(tablet.token);

      const me = await api().call(session, 'GET', '/api/me');
      expect(me.json()).toEqual({
        device: session.device,
        person: nia.person,
        organisation: tablet.organisation,
      });
      await pushAccepted(api(), session, finishedAssessment());

      const rows = await api().db.select().from(devices);
      expect(rows.find((r) => r.id === session.device.id)).toMatchObject({
        personId: nia.person.id,
        enrolledVia: tablet.device.id,
      });
      expect(rows.find((r) => r.id === tablet.device.id)?.enrolledVia).toBeNull();
    });

    it('gives the same vault secret to the same person on the same device, and only to them', async () => {
      const { coordinator, tablet } = await sharedTablet(api());
      const nia = await account(api(), coordinator, 'nia');

      const first = await signedIn(api(), tablet, 'sam');
      const second = await signedIn(api(), tablet, 'sam');
      expect(second.vaultSecret).toBe(first.vaultSecret);
      expect(second.token).not.toBe(first.token);
      // Through another worker's session on the same device it is still this device.
      const niaHere = await signedIn(api(), tablet, 'nia');
      expect((await signedIn(api(), niaHere, 'sam')).vaultSecret).toBe(first.vaultSecret);

      expect(niaHere.vaultSecret).not.toBe(first.vaultSecret);
      const samOnNiasDevice = await signedIn(api(), nia, 'sam');
      expect(samOnNiasDevice.vaultSecret).not.toBe(first.vaultSecret);

      const secrets = await api().db.select().from(vaultSecrets);
      expect(secrets).toHaveLength(3);
      expect(
        secrets.find((s) => s.deviceId === tablet.device.id && s.personId === nia.person.id),
      ).toMatchObject({ secret: niaHere.vaultSecret });
    });

    it('answers a wrong passphrase and an unknown username alike', async () => {
      const { tablet } = await sharedTablet(api());
      const answers = await Promise.all([
        signIn(api(), tablet, 'sam', 'wrong passphrase'),
        signIn(api(), tablet, 'nobody', PASSPHRASE),
        signIn(api(), tablet, 'nobody', 'wrong passphrase'),
      ]);
      const bodies = answers.map((a) => ({ status: a.statusCode, body: a.json() }));
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(bodies[0]).toEqual({
        status: 401,
        body: {
          error: {
            code: 'sign_in_failed',
            message: 'The username or passphrase is not right. Check both and try again.',
          },
        },
      });
    });

    it('refuses a body that is not a username and passphrase', async () => {
      const { tablet } = await sharedTablet(api());
      for (const body of [
        { username: 'sam' },
        { username: 'sam', passphrase: PASSPHRASE, pin: 1 },
      ]) {
        const response = await api().call(tablet, 'POST', '/api/sign-in', body);
        expect(response.statusCode).toBe(400);
        expect(errorOf(response).code).toBe('invalid_request');
      }
      expect((await api().call(null, 'POST', '/api/sign-in', { username: 'sam' })).statusCode).toBe(
        401,
      );
    });

    it('pauses signing in as a person after 5 wrong passphrases in a row, for 15 minutes', async () => {
      const { tablet } = await sharedTablet(api());
      for (let i = 0; i < 4; i += 1) {
        expect(errorOf(await signIn(api(), tablet, 'sam', 'wrong passphrase')).code).toBe(
          'sign_in_failed',
        );
      }
      const fifth = await signIn(api(), tablet, 'sam', 'wrong passphrase');
      expect(fifth.statusCode).toBe(429);
      expect(errorOf(fifth)).toEqual({
        code: 'sign_in_locked',
        message:
          'Too many wrong passphrases: signing in with this username is paused. Try again in 15 minutes.',
      });

      api().clock.advance(FIFTEEN_MINUTES - 60_001);
      const right = await signIn(api(), tablet, 'sam');
      expect(right.statusCode).toBe(429);
      expect(errorOf(right).message).toMatch(/Try again in 2 minutes\.$/);
      api().clock.advance(60_000);
      expect(errorOf(await signIn(api(), tablet, 'sam')).message).toMatch(/in 1 minute\.$/);

      api().clock.advance(1);
      expect((await signIn(api(), tablet, 'sam')).statusCode).toBe(201);
    });

    it('counts only wrong passphrases in a row: signing in starts the count again', async () => {
      const { tablet } = await sharedTablet(api());
      for (let i = 0; i < 4; i += 1) await signIn(api(), tablet, 'sam', 'wrong passphrase');
      await signedIn(api(), tablet, 'sam');
      for (let i = 0; i < 4; i += 1) {
        expect((await signIn(api(), tablet, 'sam', 'wrong passphrase')).statusCode).toBe(401);
      }
      await signedIn(api(), tablet, 'sam');
    });

    it('gives another 5 tries once a pause is over', async () => {
      const { tablet } = await sharedTablet(api());
      for (let i = 0; i < 5; i += 1) await signIn(api(), tablet, 'sam', 'wrong passphrase');
      api().clock.advance(FIFTEEN_MINUTES);
      const answers = [];
      for (let i = 0; i < 5; i += 1) {
        answers.push((await signIn(api(), tablet, 'sam', 'wrong passphrase')).statusCode);
      }
      expect(answers).toEqual([401, 401, 401, 401, 429]);
    });

    it('pauses only the person whose passphrase was wrong', async () => {
      const { coordinator, tablet } = await sharedTablet(api());
      await account(api(), coordinator, 'nia');
      for (let i = 0; i < 5; i += 1) await signIn(api(), tablet, 'sam', 'wrong passphrase');
      expect((await signIn(api(), tablet, 'nia')).statusCode).toBe(201);
      // Unknown usernames are never paused: there is no one to pause.
      for (let i = 0; i < 6; i += 1) {
        expect((await signIn(api(), tablet, 'nobody', 'wrong passphrase')).statusCode).toBe(401);
      }
    });

    it("finds only people of the device's own organisation", async () => {
      await sharedTablet(api(), 'Ours');
      const theirs = await api().organisation('Theirs');
      const theirDevice = await theirs.device('outreach-worker');
      const response = await signIn(api(), theirDevice, 'sam');
      expect(response.statusCode).toBe(401);
      expect(errorOf(response).code).toBe('sign_in_failed');
    });

    it('refuses a device that was signed out, and signs out the sessions on it', async () => {
      const { coordinator, admin, tablet } = await sharedTablet(api());
      const session = await signedIn(api(), tablet, 'sam');
      const elsewhere = await signedIn(api(), coordinator, 'sam');
      const revoked = await api().call(
        coordinator,
        'POST',
        `/api/devices/${tablet.device.id}/revoke`,
      );
      expect(revoked.statusCode).toBe(200);

      for (const through of [tablet, session]) {
        const response = await signIn(api(), through, 'sam');
        expect(response.statusCode).toBe(401);
        expect(errorOf(response).code).toBe('token_revoked');
      }
      expect(errorOf(await api().call(session, 'GET', '/api/me')).code).toBe('token_revoked');
      expect((await api().call(elsewhere, 'GET', '/api/me')).statusCode).toBe(200);
      expect(only(await auditLog(api(), admin), 'device-revoked')).toEqual([
        expect.objectContaining({ detail: { deviceId: tablet.device.id, sessions: 1 } }),
      ]);
    });

    it('signs a session out on its own, leaving the device and other sessions signed in', async () => {
      const { coordinator, tablet } = await sharedTablet(api());
      await account(api(), coordinator, 'nia');
      const sam = await signedIn(api(), tablet, 'sam');
      const nia = await signedIn(api(), tablet, 'nia');
      expect((await api().call(sam, 'POST', '/api/devices/self/revoke')).statusCode).toBe(200);

      expect(errorOf(await api().call(sam, 'GET', '/api/me')).code).toBe('token_revoked');
      expect((await api().call(nia, 'GET', '/api/me')).statusCode).toBe(200);
      expect((await signIn(api(), tablet, 'sam')).statusCode).toBe(201);
    });
  });

  describe("a shared device's own token", () => {
    it('only signs workers in and signs the device out: it opens nothing else', async () => {
      const { tablet, coordinator } = await sharedTablet(api());
      // Kept in the clear on the device, so it must not stand in for the worker who set it up.
      for (const [method, path] of [
        ['GET', '/api/me'],
        ['GET', '/api/settings'],
        ['GET', '/api/residents/LIB-0001/assessments'],
      ] as const) {
        const response = await api().call(tablet, method, path);
        expect(response.statusCode, `${method} ${path}`).toBe(403);
        expect(errorOf(response).code).toBe('forbidden');
      }
      const record = finishedAssessment();
      const push = await api().call(tablet, 'POST', '/api/push', {
        records: [{ id: record.id, revision: record.revision, assessment: record }],
      });
      expect(push.statusCode).toBe(403);

      // The session a worker gets by signing in does what a worker may.
      const session = await signedIn(api(), tablet, 'sam');
      await pushAccepted(api(), session, finishedAssessment());
      // A device enrolled without an account (before accounts) keeps its token's full use.
      expect((await api().call(coordinator, 'GET', '/api/me')).statusCode).toBe(200);
      // And the device's own token can still sign the device out.
      const out = await api().call(tablet, 'POST', '/api/devices/self/revoke', {});
      expect(out.statusCode, out.body).toBe(200);
    });
  });

  describe('the audit log', () => {
    it('records sign-ins, refused sign-ins and sign-outs', async () => {
      const { admin, tablet } = await sharedTablet(api());
      const wrong = await signIn(api(), tablet, ' SAM ', 'wrong passphrase');
      expect(wrong.statusCode).toBe(401);
      expect((await signIn(api(), tablet, 'Nobody')).statusCode).toBe(401);
      api().clock.advance(60_000);
      const session = await signedIn(api(), tablet, 'sam');
      expect((await api().call(session, 'POST', '/api/devices/self/revoke')).statusCode).toBe(200);

      const entries = await auditLog(api(), admin);
      const sam = { id: tablet.person.id, name: 'Sam Outreach', role: 'outreach-worker' };
      expect(only(entries, 'sign-in')).toEqual([
        {
          id: expect.any(String),
          at: '2026-11-21T10:01:00.000Z',
          action: 'sign-in',
          device: session.device,
          person: sam,
          detail: { enrolledVia: tablet.device.id },
        },
      ]);
      expect(only(entries, 'sign-in-failed').map((e) => [e.device, e.person, e.detail])).toEqual([
        [tablet.device, null, { username: 'nobody', reason: 'unknown-username' }],
        [tablet.device, sam, { username: 'sam', reason: 'passphrase' }],
      ]);
      expect(only(entries, 'sign-out')).toEqual([
        expect.objectContaining({
          device: session.device,
          person: sam,
          detail: { deviceId: session.device.id },
        }),
      ]);
      expect(only(entries, 'device-revoked')).toEqual([]);
      const enrolment = only(entries, 'enrolment').find((e) => e.device?.id === tablet.device.id);
      expect(enrolment?.detail).toEqual({ enrolmentCodeId: expect.any(String), username: 'sam' });
    });

    it('records the attempt that starts a pause, and those refused during it', async () => {
      const { admin, tablet } = await sharedTablet(api());
      for (let i = 0; i < 6; i += 1) await signIn(api(), tablet, 'sam', 'wrong passphrase');
      const reasons = only(await auditLog(api(), admin), 'sign-in-failed')
        .map((e) => e.detail['reason'])
        .reverse();
      expect(reasons).toEqual([
        'passphrase',
        'passphrase',
        'passphrase',
        'passphrase',
        'passphrase-locked',
        'locked',
      ]);
    });
  });

  describe('the lock setting', () => {
    const SETTINGS: OrganisationSettings = {
      minGroup: 5,
      outcomeTypes: [],
      directory: null,
      healthQuestion: 'optional',
      retentionDays: 730,
    };
    const settingsOf = async (device: TestDevice) =>
      organisationSettingsSchema.parse((await api().call(device, 'GET', '/api/settings')).json());

    it('is 5 minutes unless set, stored, and kept when a body leaves it out', async () => {
      const organisation: TestOrganisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');
      expect((await settingsOf(worker)).lockMinutes).toBe(5);

      for (const lockMinutes of [1, 60, 12]) {
        const put = await api().call(coordinator, 'PUT', '/api/settings', {
          ...SETTINGS,
          lockMinutes,
        });
        expect(put.statusCode, put.body).toBe(200);
        expect(put.json()).toEqual({ ...SETTINGS, lockMinutes });
      }
      expect(await settingsOf(worker)).toEqual({ ...SETTINGS, lockMinutes: 12 });

      const without = await api().call(coordinator, 'PUT', '/api/settings', {
        ...SETTINGS,
        minGroup: 7,
      });
      expect(without.json()).toEqual({ ...SETTINGS, minGroup: 7, lockMinutes: 12 });
    });

    it.each([
      [0, 'lockMinutes: expected at least 1'],
      [61, 'lockMinutes: expected at most 60'],
      [1.5, 'lockMinutes: expected int'],
      ['5', 'lockMinutes: expected number'],
    ])('refuses %j', async (lockMinutes, problem) => {
      const coordinator = await (await api().organisation()).device('coordinator');
      const response = await api().call(coordinator, 'PUT', '/api/settings', {
        ...SETTINGS,
        lockMinutes,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: 'invalid_request', problems: [problem] });
      expect((await settingsOf(coordinator)).lockMinutes).toBe(5);
    });
  });
});
