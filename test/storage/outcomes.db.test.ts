import { describe, expect, it } from 'vitest';
import { loadBaselines, newAssessment, bankV1 } from '../../src/domain/index.ts';
import personas from '../../src/domain/bank/personas-v1.json';
import type { OrganisationSettings } from '../../src/shared/council-api.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { OrganisationStore } from '../../src/storage/organisation-store.ts';
import { recordStatus } from '../../src/sync/status.ts';
import { freshStore } from '../support/store.ts';

async function finished(device: ReturnType<typeof freshStore>, id = 'a-1') {
  await device.store.create(
    newAssessment(
      {
        residentRef: 'LIB-0042',
        venue: 'library',
        date: '2026-11-01',
        set: 'full',
        language: 'en',
      },
      { id, now: device.clock.now },
    ),
  );
  await device.store.saveAnswer(id, { facet: 'skill', itemId: 'TR05' }, 1);
  device.tick();
  return device.store.finish(id, []);
}

describe('outcomes recorded after an assessment is finished', () => {
  it('makes a new revision with the outcomes and queues it in the same step', async () => {
    const device = freshStore();
    const outbox = new OutboxStore(device.db);
    const done = await finished(device);
    device.tick();
    const changed = await device.store.setOutcomes('a-1', [
      { type: 'banks-online', date: '2026-11-20' },
    ]);
    expect(changed.revision).toBe(done.revision + 1);
    expect(changed.outcomes).toEqual([{ type: 'banks-online', date: '2026-11-20' }]);
    expect(changed.updatedAt).toBe(device.clock.now);
    // A new connection reads what was committed.
    const reread = await device.reopen().get('a-1');
    expect(reread).toMatchObject({ ok: true, assessment: { revision: changed.revision } });
    expect(await outbox.entries()).toEqual([
      expect.objectContaining({ id: 'a-1', revision: changed.revision, state: 'waiting' }),
    ]);
  });

  it('sends a record the server already holds again, with its higher revision', async () => {
    const device = freshStore();
    const outbox = new OutboxStore(device.db);
    const done = await finished(device);
    const receipt = { id: 'a-1', revision: done.revision, receivedAt: '2026-11-21T10:00:00Z' };
    await outbox.accept(receipt);
    expect(await outbox.entries()).toEqual([]);
    expect(recordStatus(done, undefined, receipt, new Set()).kind).toBe('received');

    const changed = await device.store.setOutcomes('a-1', [
      { type: 'got-device', date: '2026-11-15' },
    ]);
    const [entry] = await outbox.entries();
    expect(entry).toMatchObject({ id: 'a-1', revision: changed.revision, state: 'waiting' });
    expect(recordStatus(changed, entry, receipt, new Set()).kind).toBe('waiting');

    // A receipt for the earlier revision, arriving late, does not let the new one go.
    await outbox.accept(receipt);
    expect(await outbox.entries()).toEqual([entry]);
  });

  it('removes one recorded by mistake as a further revision', async () => {
    const device = freshStore();
    await finished(device);
    const two = await device.store.setOutcomes('a-1', [
      { type: 'got-device', date: '2026-11-15' },
      { type: 'video-calls', date: '2026-11-16' },
    ]);
    const one = await device.store.setOutcomes('a-1', [
      { type: 'video-calls', date: '2026-11-16' },
    ]);
    expect(one.revision).toBe(two.revision + 1);
    expect(one.outcomes).toEqual([{ type: 'video-calls', date: '2026-11-16' }]);
  });

  it('refuses an outcome that is not one, or an assessment not finished, and writes nothing', async () => {
    const device = freshStore();
    const outbox = new OutboxStore(device.db);
    const done = await finished(device);
    await expect(
      device.store.setOutcomes('a-1', [{ type: 'banks-online', date: '2026-02-30' }]),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      device.store.setOutcomes('a-1', [{ type: 'Not An Id', date: '2026-02-01' }]),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await device.store.get('a-1')).toMatchObject({
      ok: true,
      assessment: { revision: done.revision },
    });
    expect((await outbox.entries()).map((e) => e.revision)).toEqual([done.revision]);

    await device.store.create(
      newAssessment(
        { residentRef: null, venue: 'library', date: '2026-11-01', set: 'short', language: 'en' },
        { id: 'open', now: device.clock.now },
      ),
    );
    await expect(
      device.store.setOutcomes('open', [{ type: 'banks-online', date: '2026-11-01' }]),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(device.store.setOutcomes('nowhere', [])).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await outbox.entries()).toHaveLength(1);
  });
});

describe("the organisation's settings kept on the device", () => {
  const organisation: OrganisationSettings = {
    minGroup: 7,
    healthQuestion: 'optional',
    retentionDays: 730,
    outcomeTypes: [
      {
        id: 'council-tax-online',
        label: { en: 'Pays council tax online', cy: 'Yn talu treth y cyngor ar-lein' },
      },
    ],
    directory: [
      {
        id: 'central-library',
        signposts: ['skills'],
        name: { en: 'Central Library', cy: 'Llyfrgell Ganolog' },
        description: { en: 'Drop-in help', cy: 'Help galw heibio' },
      },
    ],
  };

  it('has nothing before the first fetch, then the last copy saved, across connections', async () => {
    const device = freshStore();
    const store = new OrganisationStore(device.db);
    expect(await store.settings()).toBeNull();
    expect(await store.baselines()).toEqual([]);
    const baselines = loadBaselines(personas, bankV1).slice(0, 1);
    await store.save(organisation, baselines);
    const again = new OrganisationStore(new DoorstepDb(device.name));
    expect(await again.settings()).toEqual(organisation);
    expect(await again.baselines()).toEqual(baselines);
  });

  it('refuses to keep settings that are not valid', async () => {
    const device = freshStore();
    const store = new OrganisationStore(device.db);
    await expect(store.save({ ...organisation, minGroup: 1 }, [])).rejects.toThrow();
    expect(await store.settings()).toBeNull();
    expect(await store.baselines()).toEqual([]);
  });
});
