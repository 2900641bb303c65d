// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankV1, newAssessment, scaleV1, scoreAssessment } from '../../src/domain/index.ts';
import { assessmentListResponseSchema } from '../../src/shared/council-api.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { createSyncClient } from '../../src/sync/client.ts';
import { drainOutbox } from '../../src/sync/drain.ts';
import { startFaultProxy, type Fault } from '../e2e/support/fault-proxy.ts';
import { freshStore } from '../support/store.ts';

/** The device side against the real server over real HTTP, on an in-memory embedded database. */
let server: RunningServer;
/** The first administrator's token, for creating codes for further devices. */
let adminToken: string;
beforeAll(async () => {
  server = await startServer();
  const code = server.firstStart?.code;
  if (!code) throw new Error('The first start should print an administrator code');
  const client = createSyncClient((input, init) => fetch(input, init), server.url);
  adminToken = (await client.enrol({ code, deviceName: 'Coordinator laptop' })).token;
});
afterAll(async () => {
  await server.close();
});

async function enrolledDevice(baseUrl: string, code: string, language = 'en') {
  const device = freshStore();
  const client = createSyncClient(
    (input, init) => fetch(input, init),
    baseUrl,
    () => language,
  );
  const settings = new SettingsStore(device.db);
  const enrolment = await client.enrol({ code, deviceName: 'Test tablet' });
  await settings.saveEnrolment({ ...enrolment, enrolledAt: device.clock.now });
  const outbox = new OutboxStore(device.db);
  const drain = () =>
    drainOutbox({
      outbox,
      assessments: device.store,
      client,
      token: async () => (await settings.enrolment())?.token ?? null,
      now: () => device.clock.now,
      random: () => 0,
    });
  return { ...device, client, settings, outbox, drain, token: enrolment.token };
}

async function finish(
  device: Awaited<ReturnType<typeof enrolledDevice>>,
  id: string,
  skill: 0 | 1 | 2,
) {
  await device.store.create(
    newAssessment(
      {
        residentRef: `REF-${id}`,
        venue: 'home-visit',
        date: '2026-11-20',
        set: 'full',
        language: 'en',
      },
      { id, now: device.clock.now },
    ),
  );
  await device.store.saveAnswer(id, { facet: 'basics', itemId: 'B1' }, 4);
  await device.store.saveAnswer(id, { facet: 'skill', itemId: 'TR05' }, skill);
  await device.store.saveAnswer(id, { facet: 'interest', itemId: 'TR05' }, 4);
  return device.store.finish(id, []);
}

describe('sending to the real server', () => {
  it('delivers finished assessments, compressed, and the server scores them as the device does', async () => {
    const device = await enrolledDevice(server.url, await newCode());
    const finished = [
      await finish(device, crypto.randomUUID(), 0),
      await finish(device, crypto.randomUUID(), 1),
      await finish(device, crypto.randomUUID(), 2),
    ];
    expect(await device.drain()).toEqual({ kind: 'done', accepted: 3, rejected: 0 });
    expect(await device.outbox.entries()).toEqual([]);

    const { assessments } = await device.client.get(
      device.token,
      '/api/assessments',
      assessmentListResponseSchema,
    );
    for (const a of finished) {
      const received = assessments.filter((r) => r.id === a.id);
      expect(received).toHaveLength(1);
      const onDevice = scoreAssessment(a.answers, bankV1, scaleV1);
      expect(received[0]?.sections).toEqual(onDevice.sections);
      expect(received[0]?.plan.map((p) => [p.skillId, p.priority, p.band])).toEqual(
        onDevice.plan.map((p) => [p.skillId, p.priority, p.band]),
      );
    }
  });

  it('keeps a refusal in the language the app asked in, with that language noted', async () => {
    const device = await enrolledDevice(server.url, await newCode(), 'cy');
    const id = crypto.randomUUID();
    const finished = await finish(device, id, 1);
    // A question this bank does not have, as from another bank.
    await device.db.assessments.put({
      ...finished,
      answers: { ...finished.answers, basics: { ...finished.answers.basics, B9: 2 } },
    });
    expect(await device.drain()).toEqual({ kind: 'done', accepted: 0, rejected: 1 });
    const [entry] = await device.outbox.entries();
    expect(entry?.lastError).toMatchObject({ code: 'unknown_item', language: 'cy' });
    expect(entry?.lastError?.message).toContain('basics.B9');
    expect(entry?.lastError?.message).not.toContain('question bank');
  });

  it('holds each assessment exactly once through dropped requests, lost responses and duplicates', async () => {
    const plan: Fault['kind'][] = [
      'drop',
      'lose-response',
      'duplicate',
      'replay-later',
      'pass',
      'pass',
    ];
    const proxy = await startFaultProxy({
      target: server.url,
      fault: ({ path, index }) => {
        if (!path.startsWith('/api/push')) return { kind: 'pass' };
        const kind = plan[index] ?? 'pass';
        return kind === 'delay' || kind === 'during' ? { kind: 'pass' } : { kind };
      },
    });
    try {
      const admin = await enrolledDevice(server.url, await newCode());
      const device = await enrolledDevice(proxy.url, await newCode());
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await finish(device, crypto.randomUUID(), 1)).id);
      // Small batches so that every fault meets a push.
      for (let pass = 0; pass < 10 && (await device.outbox.entries()).length > 0; pass++) {
        await device.drain();
        device.clock.now += 10 * 60_000;
      }
      expect(await device.outbox.entries()).toEqual([]);
      const { assessments } = await admin.client.get(
        admin.token,
        '/api/assessments',
        assessmentListResponseSchema,
      );
      const counts = ids.map((id) => assessments.filter((a) => a.id === id).length);
      expect({
        lost: counts.filter((c) => c === 0).length,
        duplicated: counts.filter((c) => c > 1).length,
      }).toEqual({
        lost: 0,
        duplicated: 0,
      });
      expect(proxy.stats.drop + proxy.stats['lose-response'] + proxy.stats.duplicate).toBe(3);
    } finally {
      await proxy.close();
    }
  });
});

/** A code for a further device, created through the API by the first administrator. */
async function newCode(): Promise<string> {
  const response = await fetch(`${server.url}/api/enrolment-codes`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
      'doorstep-protocol': '1',
    },
    body: JSON.stringify({ personName: 'Sam Jones', role: 'coordinator' }),
  });
  return ((await response.json()) as { code: string }).code;
}
