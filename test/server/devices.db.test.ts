// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  deviceListResponseSchema,
  enrolmentCodeResponseSchema,
  revokeResponseSchema,
} from '../../src/shared/council-api.ts';
import { enrolResponseSchema, signInResponseSchema } from '../../src/shared/protocol.ts';
import { useTestApi, type TestDevice } from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

// Setting and checking a passphrase is slow on purpose (scrypt).
vi.setConfig({ testTimeout: 30_000 });

const PASSPHRASE = 'correct horse battery';

const OUT_OF_DATE =
  'This version of Doorstep is out of date. Reload the app while online to update it.';

describeEachDatabase('access and devices', ({ use }) => {
  const api = useTestApi(use());

  /** Enrols a shared tablet with a code for a new worker who sets their account with it. */
  async function account(
    by: TestDevice,
    username: string,
    personName: string,
    deviceName = 'Library tablet 3',
  ) {
    const code = await api().call(by, 'POST', '/api/enrolment-codes', {
      personName,
      role: 'outreach-worker',
    });
    expect(code.statusCode, code.body).toBe(201);
    const enrolled = await api().call(null, 'POST', '/api/enrol', {
      code: enrolmentCodeResponseSchema.parse(code.json()).code,
      deviceName,
      username,
      passphrase: PASSPHRASE,
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    return enrolResponseSchema.parse(enrolled.json());
  }

  /** A worker's session on an enrolled device. */
  async function signedIn(through: TestDevice, username: string) {
    const response = await api().call(through, 'POST', '/api/sign-in', {
      username,
      passphrase: PASSPHRASE,
    });
    expect(response.statusCode, response.body).toBe(201);
    return signInResponseSchema.parse(response.json());
  }

  describe('every route but health, the document and enrolment', () => {
    const PROTECTED = [
      ['GET', '/api/me'],
      ['GET', '/api/devices'],
      ['POST', '/api/devices/self/revoke'],
      ['POST', '/api/devices/6f1c1a4e-0000-4000-8000-000000000000/revoke'],
      ['POST', '/api/enrolment-codes'],
      ['POST', '/api/push'],
      ['GET', '/api/assessments'],
      ['GET', '/api/assessments.csv'],
      ['GET', '/api/audit'],
      ['GET', '/api/residents/R-1/export'],
      ['DELETE', '/api/residents/R-1'],
    ] as const;

    it.each(PROTECTED)('%s %s needs the protocol header (426)', async (method, url) => {
      const device = await (await api().organisation()).device('administrator');
      for (const version of [undefined, '0', '2', 'one']) {
        const response = await api().inject({
          method,
          url,
          headers: {
            authorization: `Bearer ${device.token}`,
            ...(version ? { 'doorstep-protocol': version } : {}),
          },
        });
        expect(response.statusCode).toBe(426);
        expect(response.json()).toEqual({
          error: { code: 'unsupported_protocol', message: OUT_OF_DATE },
        });
      }
    });

    it.each(PROTECTED)('%s %s needs a device token (401)', async (method, url) => {
      for (const authorization of [undefined, '', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer nope']) {
        const response = await api().inject({
          method,
          url,
          headers: {
            'doorstep-protocol': '1',
            ...(authorization === undefined ? {} : { authorization }),
          },
        });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({
          error: { code: 'unauthenticated', message: expect.stringContaining('Enrol') },
        });
      }
    });

    it.each([
      ['GET', '/api/health'],
      ['GET', '/api/openapi.json'],
    ] as const)('%s %s needs neither', async (method, url) => {
      expect((await api().inject({ method, url })).statusCode).toBe(200);
    });

    it.each([
      ['GET', '/api/devices'],
      ['POST', '/api/devices/6f1c1a4e-0000-4000-8000-000000000000/revoke'],
      ['GET', '/api/assessments'],
      ['GET', '/api/assessments.csv'],
      ['GET', '/api/residents/R-1/export'],
      ['DELETE', '/api/residents/R-1'],
      ['POST', '/api/enrolment-codes'],
    ] as const)(
      '%s %s is for coordinators: an outreach worker is refused (403)',
      async (method, url) => {
        const worker = await (await api().organisation()).device('outreach-worker');
        const response = await api().call(worker, method, url, method === 'POST' ? {} : undefined);
        expect(response.statusCode).toBe(403);
        expect(response.json()).toEqual({
          error: {
            code: 'forbidden',
            message: 'Only coordinators and administrators can do this.',
          },
        });
      },
    );

    it('never lets a browser or proxy keep an answer', async () => {
      const device = await (await api().organisation()).device('outreach-worker');
      const me = await api().call(device, 'GET', '/api/me');
      expect(me.headers['cache-control']).toBe('no-store');
      const refused = await api().call(null, 'GET', '/api/me');
      expect(refused.headers['cache-control']).toBe('no-store');
    });
  });

  describe('signing out', () => {
    it('refuses the token of a signed-out device from the very next request', async () => {
      const device = await (await api().organisation()).device('outreach-worker');
      const out = await api().call(device, 'POST', '/api/devices/self/revoke', {});
      expect(out.statusCode).toBe(200);
      expect(revokeResponseSchema.parse(out.json()).device).toMatchObject({
        id: device.device.id,
        revokedAt: api().clock.now().toISOString(),
      });

      for (const [method, url] of [
        ['GET', '/api/me'],
        ['POST', '/api/push'],
        ['POST', '/api/devices/self/revoke'],
      ] as const) {
        const response = await api().call(device, method, url, method === 'POST' ? {} : undefined);
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({
          error: { code: 'token_revoked', message: expect.stringContaining('signed out') },
        });
      }
    });

    it('accepts a POST without a body even when it says it is JSON', async () => {
      const device = await (await api().organisation()).device('outreach-worker');
      const response = await api().inject({
        method: 'POST',
        url: '/api/devices/self/revoke',
        headers: {
          authorization: `Bearer ${device.token}`,
          'doorstep-protocol': '1',
          'content-type': 'application/json',
        },
      });
      expect(response.statusCode).toBe(200);
    });

    it("lets a coordinator sign out a worker's device, which is refused at once", async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');
      const url = `/api/devices/${worker.device.id}/revoke`;
      const response = await api().call(coordinator, 'POST', url, {});
      expect(response.statusCode).toBe(200);
      expect((await api().call(worker, 'GET', '/api/me')).json().error.code).toBe('token_revoked');
      expect((await api().call(coordinator, 'GET', '/api/me')).statusCode).toBe(200);

      // Again: nothing changes, and the first time is kept.
      api().clock.advance(60_000);
      const again = await api().call(coordinator, 'POST', url, {});
      expect(again.json().device.revokedAt).toBe(response.json().device.revokedAt);
    });

    it("keeps administrators' devices for administrators to sign out", async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const administrator = await organisation.device('administrator');
      const url = `/api/devices/${administrator.device.id}/revoke`;
      const byCoordinator = await api().call(coordinator, 'POST', url, {});
      expect(byCoordinator.statusCode).toBe(403);
      expect(byCoordinator.json().error.code).toBe('forbidden');
      expect((await api().call(administrator, 'GET', '/api/me')).statusCode).toBe(200);

      const otherAdministrator = await organisation.device('administrator');
      expect((await api().call(otherAdministrator, 'POST', url, {})).statusCode).toBe(200);
    });

    it.each(['6f1c1a4e-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"])(
      'answers not_found for a device that is not there (%s)',
      async (id) => {
        const coordinator = await (await api().organisation()).device('coordinator');
        const response = await api().call(
          coordinator,
          'POST',
          `/api/devices/${encodeURIComponent(id)}/revoke`,
          {},
        );
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      },
    );
  });

  describe('listing devices', () => {
    it("shows a coordinator the organisation's devices with person, created, last seen and revoked", async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator', 'Cora');
      api().clock.advance(60_000);
      const worker = await organisation.device('outreach-worker', 'Wes');
      api().clock.advance(60_000);
      await api().call(worker, 'GET', '/api/me');
      api().clock.advance(60_000);
      await api().call(coordinator, 'POST', `/api/devices/${worker.device.id}/revoke`, {});
      const seenAt = api().clock.now().toISOString();

      const response = await api().call(coordinator, 'GET', '/api/devices');
      expect(response.statusCode).toBe(200);
      const { devices } = deviceListResponseSchema.parse(response.json());
      const start = new Date('2026-11-21T10:00:00.000Z').getTime();
      const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
      expect(devices).toEqual([
        {
          id: coordinator.device.id,
          name: "Cora's tablet",
          person: coordinator.person,
          createdAt: at(0),
          lastSeenAt: seenAt,
          revokedAt: null,
          enrolledVia: null,
        },
        {
          id: worker.device.id,
          name: "Wes's tablet",
          person: worker.person,
          createdAt: at(1),
          lastSeenAt: at(2),
          revokedAt: at(3),
          enrolledVia: null,
        },
      ]);
    });

    it("lists the workers' sessions on a physical device with that device, and signs them out with it", async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator', 'Cora');
      api().clock.advance(60_000);
      const tablet = await account(coordinator, 'sam', 'Sam Outreach');
      api().clock.advance(60_000);
      const laptop = await account(coordinator, 'nia', 'Nia Worker', 'Office laptop');
      api().clock.advance(60_000);
      const sam = await signedIn(tablet, 'sam');
      api().clock.advance(60_000);
      const nia = await signedIn(tablet, 'nia');

      const listed = async () =>
        deviceListResponseSchema.parse(
          (await api().call(coordinator, 'GET', '/api/devices')).json(),
        ).devices;
      const before = await listed();
      expect(before.map((d) => [d.id, d.name, d.person.name, d.enrolledVia])).toEqual([
        [coordinator.device.id, "Cora's tablet", 'Cora', null],
        [tablet.device.id, 'Library tablet 3', 'Sam Outreach', null],
        [laptop.device.id, 'Office laptop', 'Nia Worker', null],
        [sam.device.id, 'Library tablet 3', 'Sam Outreach', tablet.device.id],
        [nia.device.id, 'Library tablet 3', 'Nia Worker', tablet.device.id],
      ]);
      expect(before.every((d) => d.revokedAt === null)).toBe(true);

      api().clock.advance(60_000);
      const url = `/api/devices/${tablet.device.id}/revoke`;
      const revoked = await api().call(coordinator, 'POST', url, {});
      expect(revoked.statusCode).toBe(200);
      expect(revokeResponseSchema.parse(revoked.json()).device).toMatchObject({
        id: tablet.device.id,
        enrolledVia: null,
      });
      const at = api().clock.now().toISOString();
      const after = await listed();
      expect(after.map((d) => [d.id, d.enrolledVia, d.revokedAt])).toEqual([
        [coordinator.device.id, null, null],
        [tablet.device.id, null, at],
        [laptop.device.id, null, null],
        [sam.device.id, tablet.device.id, at],
        [nia.device.id, tablet.device.id, at],
      ]);
      for (const session of [sam, nia]) {
        expect((await api().call(session, 'GET', '/api/me')).json().error.code).toBe(
          'token_revoked',
        );
      }
    });

    it('signs out one session alone, leaving the device and the other session', async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const tablet = await account(coordinator, 'sam', 'Sam Outreach');
      await account(coordinator, 'nia', 'Nia Worker', 'Office laptop');
      const sam = await signedIn(tablet, 'sam');
      const nia = await signedIn(tablet, 'nia');
      const url = `/api/devices/${sam.device.id}/revoke`;
      const revoked = await api().call(coordinator, 'POST', url, {});
      expect(revokeResponseSchema.parse(revoked.json()).device).toMatchObject({
        id: sam.device.id,
        enrolledVia: tablet.device.id,
        revokedAt: api().clock.now().toISOString(),
      });
      const { devices } = deviceListResponseSchema.parse(
        (await api().call(coordinator, 'GET', '/api/devices')).json(),
      );
      const revokedAt = new Map(devices.map((d) => [d.id, d.revokedAt]));
      expect(revokedAt.get(tablet.device.id)).toBeNull();
      expect(revokedAt.get(nia.device.id)).toBeNull();
      expect((await api().call(nia, 'GET', '/api/me')).statusCode).toBe(200);
    });

    it('counts enrolling as being seen', async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      api().clock.advance(90_000);
      const worker = await organisation.device('outreach-worker');
      const enrolledAt = api().clock.now().toISOString();
      api().clock.advance(5_000);
      const { devices } = deviceListResponseSchema.parse(
        (await api().call(coordinator, 'GET', '/api/devices')).json(),
      );
      expect(devices.find((d) => d.id === worker.device.id)?.lastSeenAt).toBe(enrolledAt);
    });

    it('records last seen for every one of many devices that arrive together', async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const workers = [];
      for (let n = 0; n < 12; n++) workers.push(await organisation.device('outreach-worker'));
      api().clock.advance(120_000);
      await Promise.all(workers.map((worker) => api().call(worker, 'GET', '/api/me')));
      const response = await api().call(coordinator, 'GET', '/api/devices');
      const { devices } = deviceListResponseSchema.parse(response.json());
      const seen = new Map(devices.map((d) => [d.id, d.lastSeenAt]));
      const now = api().clock.now().toISOString();
      expect(workers.map((w) => seen.get(w.device.id))).toEqual(workers.map(() => now));
    });

    it('writes last seen at most once a minute per device', async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const seen = async () =>
        deviceListResponseSchema.parse(
          (await api().call(coordinator, 'GET', '/api/devices')).json(),
        ).devices[0]?.lastSeenAt;
      const first = await seen();
      api().clock.advance(59_000);
      expect(await seen()).toBe(first);
      api().clock.advance(1_000);
      expect(await seen()).toBe(api().clock.now().toISOString());
    });
  });

  describe('between organisations', () => {
    it('never shows or touches the devices of another organisation', async () => {
      const ours = await api().organisation('Ours');
      const theirs = await api().organisation('Theirs');
      const coordinator = await ours.device('coordinator');
      const administrator = await ours.device('administrator');
      const theirDevice = await theirs.device('outreach-worker');

      const list = await api().call(coordinator, 'GET', '/api/devices');
      const ids = deviceListResponseSchema.parse(list.json()).devices.map((d) => d.id);
      expect(ids.sort()).toEqual([coordinator.device.id, administrator.device.id].sort());

      for (const actor of [coordinator, administrator]) {
        const url = `/api/devices/${theirDevice.device.id}/revoke`;
        const response = await api().call(actor, 'POST', url, {});
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
      expect((await api().call(theirDevice, 'GET', '/api/me')).statusCode).toBe(200);
    });
  });
});
