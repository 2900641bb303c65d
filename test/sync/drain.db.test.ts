import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import type { PushRecord, PushResponse, Receipt } from '../../src/shared/protocol.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { BACKOFF_BASE_MS } from '../../src/sync/backoff.ts';
import { ApiError, type SyncClient } from '../../src/sync/client.ts';
import { drainOutbox } from '../../src/sync/drain.ts';
import { freshStore } from '../support/store.ts';

/**
 * A server double with the ingest rules of the real one (idempotent on id, higher revision
 * wins), and switches for the ways a network fails.
 */
function serverDouble() {
  const held = new Map<string, { revision: number; receivedAt: string }>();
  const server = {
    held,
    deliveries: 0,
    /** The next push fails before reaching the server. */
    dropRequest: false,
    /** The next push is committed, then the response is lost. */
    loseResponse: false,
    reject: new Set<string>(),
    failWith: null as ApiError | null,
    client: {
      async push(_token: string, records: readonly PushRecord[]): Promise<PushResponse> {
        if (server.failWith) throw server.failWith;
        if (server.dropRequest) {
          server.dropRequest = false;
          throw new ApiError('network', 'The server could not be reached.', 0);
        }
        server.deliveries += 1;
        const results = records.map((r): PushResponse['results'][number] => {
          if (server.reject.has(r.id)) {
            return {
              id: r.id,
              status: 'rejected',
              code: 'unknown_item',
              message: 'Unknown item X9',
            };
          }
          const current = held.get(r.id);
          if (!current || current.revision < r.revision) {
            held.set(r.id, { revision: r.revision, receivedAt: `2026-11-21T10:00:0${held.size}Z` });
          }
          const now = held.get(r.id) as { revision: number; receivedAt: string };
          const receipt: Receipt = { id: r.id, ...now };
          return { id: r.id, status: 'accepted', receipt };
        });
        if (server.loseResponse) {
          server.loseResponse = false;
          throw new ApiError('network', 'The connection was lost.', 0);
        }
        return { results };
      },
    } as unknown as SyncClient,
  };
  return server;
}

async function deviceWithFinished(count: number) {
  const device = freshStore();
  const outbox = new OutboxStore(device.db);
  const settings = new SettingsStore(device.db);
  await settings.saveEnrolment({
    token: 'token-1',
    device: { id: 'd1', name: 'Tablet' },
    person: { id: 'p1', name: 'Sam', role: 'outreach-worker' },
    organisation: { id: 'o1', name: 'Council' },
    enrolledAt: 1,
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const a: Assessment = newAssessment(
      {
        residentRef: `LIB-${i}`,
        venue: 'library',
        date: '2026-11-21',
        set: 'short',
        language: 'en',
      },
      { id: `a-${i}`, now: device.clock.now },
    );
    await device.store.create(a);
    await device.store.saveAnswer(a.id, { facet: 'skill', itemId: 'TR05' }, 1);
    await device.store.finish(a.id, []);
    ids.push(a.id);
  }
  return { ...device, outbox, settings, ids };
}

function drain(device: Awaited<ReturnType<typeof deviceWithFinished>>, client: SyncClient) {
  return drainOutbox({
    outbox: device.outbox,
    assessments: device.store,
    client,
    token: async () => (await device.settings.enrolment())?.token ?? null,
    now: () => device.clock.now,
    random: () => 0,
    batchSize: 2,
  });
}

describe('draining the outbox', () => {
  it('sends every finished assessment in batches and empties the outbox once receipts are stored', async () => {
    const device = await deviceWithFinished(5);
    const server = serverDouble();
    expect(await drain(device, server.client)).toEqual({ kind: 'done', accepted: 5, rejected: 0 });
    expect(server.deliveries).toBe(3);
    expect(await device.outbox.entries()).toEqual([]);
    expect((await device.outbox.receipts()).map((r) => r.id).sort()).toEqual(device.ids);
  });

  it('keeps records after a request that never reached the server, and sends them after the backoff', async () => {
    const device = await deviceWithFinished(2);
    const server = serverDouble();
    server.dropRequest = true;
    const outcome = await drain(device, server.client);
    expect(outcome).toMatchObject({ kind: 'postponed', accepted: 0 });
    const waiting = await device.outbox.entries();
    expect(waiting.map((e) => [e.id, e.attempts, e.nextAttemptAt - device.clock.now])).toEqual([
      ['a-0', 1, BACKOFF_BASE_MS],
      ['a-1', 1, BACKOFF_BASE_MS],
    ]);
    expect(await drain(device, server.client)).toEqual({ kind: 'done', accepted: 0, rejected: 0 });
    device.clock.now += BACKOFF_BASE_MS;
    expect(await drain(device, server.client)).toMatchObject({ kind: 'done', accepted: 2 });
    expect(server.held.size).toBe(2);
  });

  it('holds each record once when the response was lost after the server committed', async () => {
    const device = await deviceWithFinished(2);
    const server = serverDouble();
    server.loseResponse = true;
    await drain(device, server.client);
    expect(server.held.size).toBe(2);
    expect(await device.outbox.entries()).toHaveLength(2);
    device.clock.now += BACKOFF_BASE_MS;
    await drain(device, server.client);
    expect(server.deliveries).toBe(2);
    expect(server.held.size).toBe(2);
    expect(await device.outbox.entries()).toEqual([]);
  });

  it('keeps a rejected record with its reason, sends the rest, and sends it again when asked', async () => {
    const device = await deviceWithFinished(3);
    const server = serverDouble();
    server.reject.add('a-1');
    expect(await drain(device, server.client)).toEqual({ kind: 'done', accepted: 2, rejected: 1 });
    expect(await device.outbox.entries()).toMatchObject([
      {
        id: 'a-1',
        state: 'rejected',
        lastError: { code: 'unknown_item', message: 'Unknown item X9' },
      },
    ]);
    // Rejected records are not retried by themselves.
    expect(await drain(device, server.client)).toEqual({ kind: 'done', accepted: 0, rejected: 0 });
    server.reject.clear();
    await device.outbox.retry('a-1');
    expect(await drain(device, server.client)).toEqual({ kind: 'done', accepted: 1, rejected: 0 });
    expect(await device.outbox.entries()).toEqual([]);
  });

  it('stops and says so when the device token was revoked, keeping every record', async () => {
    const device = await deviceWithFinished(2);
    const server = serverDouble();
    server.failWith = new ApiError('token_revoked', 'This device was signed out.', 401);
    expect(await drain(device, server.client)).toMatchObject({ kind: 'signed-out' });
    expect(await device.outbox.entries()).toHaveLength(2);
  });

  it('stops and asks for an update when the server speaks a newer protocol', async () => {
    const device = await deviceWithFinished(1);
    const server = serverDouble();
    server.failWith = new ApiError('unsupported_protocol', 'Please update.', 426);
    expect(await drain(device, server.client)).toMatchObject({ kind: 'update-needed' });
    expect(await device.outbox.entries()).toHaveLength(1);
  });

  it('sends nothing from a device that is not enrolled', async () => {
    const device = await deviceWithFinished(1);
    await device.settings.clearEnrolment();
    const server = serverDouble();
    expect(await drain(device, server.client)).toEqual({ kind: 'not-enrolled' });
    expect(server.deliveries).toBe(0);
  });
});
