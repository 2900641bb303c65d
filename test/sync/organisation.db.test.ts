// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankV1 } from '../../src/domain/index.ts';
import { enrolmentCodeResponseSchema } from '../../src/shared/council-api.ts';
import {
  baselineListResponseSchema,
  organisationSettingsSchema,
  type OrganisationSettings,
} from '../../src/shared/council-api.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { OrganisationStore } from '../../src/storage/organisation-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { createSyncClient } from '../../src/sync/client.ts';
import { refreshOrganisation } from '../../src/sync/organisation.ts';
import { freshStore } from '../support/store.ts';

/** The device's copy of the organisation's settings, fetched from the real server over HTTP. */
let server: RunningServer;
let coordinatorToken: string;
const client = () => createSyncClient((input, init) => fetch(input, init), server.url);

beforeAll(async () => {
  server = await startServer();
  const code = server.firstStart?.code;
  if (!code) throw new Error('The first start should print an administrator code');
  coordinatorToken = (await client().enrol({ code, deviceName: 'Coordinator laptop' })).token;
});
afterAll(async () => {
  await server.close();
});

async function enrolledDevice(role: 'outreach-worker' | 'coordinator' = 'outreach-worker') {
  const { code } = await client().post(
    coordinatorToken,
    '/api/enrolment-codes',
    { personName: 'Sam Jones', role },
    enrolmentCodeResponseSchema,
  );
  const device = freshStore();
  const settings = new SettingsStore(device.db);
  const enrolment = await client().enrol({ code, deviceName: 'Test tablet' });
  await settings.saveEnrolment({ ...enrolment, enrolledAt: device.clock.now });
  return { ...device, settings, organisation: new OrganisationStore(device.db) };
}

const settings: OrganisationSettings = {
  minGroup: 8,
  healthQuestion: 'optional',
  retentionDays: 730,
  lockMinutes: 10,
  outcomeTypes: [
    {
      id: 'council-tax-online',
      label: { en: 'Pays council tax online', cy: 'Yn talu treth y cyngor ar-lein' },
    },
  ],
  directory: [
    {
      id: 'device-bank',
      signposts: ['device'],
      name: { en: 'Device Bank', cy: 'Banc Dyfeisiau' },
      description: { en: 'Free tablets on loan.', cy: 'Tabledi am ddim ar fenthyg.' },
      url: 'https://example.org/devices',
    },
  ],
};

const cohort = {
  id: 'spring-cohort',
  name: { en: 'Spring drop-in', cy: 'Galw heibio’r gwanwyn' },
  provenance: 'local-cohort',
  source: 'Library drop-in, 40 people, 2026',
  values: {
    basics: {},
    blockers: {},
    skill: Object.fromEntries(bankV1.skills.map((s) => [s.id, 2])),
    interest: {},
  },
};

describe("the organisation's settings on the device", () => {
  it('fetches the settings and baselines a coordinator set, and keeps them for offline use', async () => {
    await client().put(coordinatorToken, '/api/settings', settings, organisationSettingsSchema);
    await client().post(
      coordinatorToken,
      '/api/baselines',
      { format: 'json', content: JSON.stringify([cohort]) },
      baselineListResponseSchema,
    );
    const device = await enrolledDevice();
    const outcome = await refreshOrganisation({
      client: client(),
      settings: device.settings,
      organisation: device.organisation,
    });
    expect(outcome.kind).toBe('refreshed');
    expect(await device.organisation.settings()).toEqual(settings);
    expect(await device.organisation.baselines()).toEqual([cohort]);

    // Offline: the refresh fails and the copy on the device stays as it was.
    const offline = createSyncClient(() => Promise.reject(new TypeError('Failed to fetch')));
    const failed = await refreshOrganisation({
      client: offline,
      settings: device.settings,
      organisation: device.organisation,
    });
    expect(failed).toMatchObject({ kind: 'failed', error: { code: 'network' } });
    expect(await device.organisation.settings()).toEqual(settings);
    expect(await device.organisation.baselines()).toEqual([cohort]);
  });

  it('asks nothing of the server before the device is enrolled', async () => {
    const device = freshStore();
    const settingsStore = new SettingsStore(device.db);
    const organisation = new OrganisationStore(device.db);
    let asked = 0;
    const counting = createSyncClient((input, init) => {
      asked += 1;
      return fetch(input, init);
    }, server.url);
    expect(
      await refreshOrganisation({ client: counting, settings: settingsStore, organisation }),
    ).toEqual({
      kind: 'not-enrolled',
    });
    expect(asked).toBe(0);
    expect(await organisation.settings()).toBeNull();
  });
});
