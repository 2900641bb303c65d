// @vitest-environment node
import { deflateSync, gzipSync } from 'node:zlib';
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bankV1, scaleV1, scoreAssessment, type Assessment } from '../../src/domain/index.ts';
import { assessmentHistory, assessments } from '../../src/server/db/schema.ts';
import {
  MAX_BATCH,
  MAX_BODY_BYTES,
  pushResponseSchema,
  type PushRecord,
  type PushResult,
} from '../../src/shared/protocol.ts';
import {
  answersWith,
  deviceHeaders,
  finishedAssessment,
  rawRecord,
  record,
  useTestApi,
  type TestApi,
  type TestDevice,
} from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

async function push(api: TestApi, device: TestDevice, records: readonly PushRecord[]) {
  const response = await api.call(device, 'POST', '/api/push', { records });
  expect(response.statusCode, response.body).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

const accepted = (assessment: Assessment, revision: number, receivedAt: Date): PushResult => ({
  id: assessment.id,
  status: 'accepted',
  receipt: { id: assessment.id, revision, receivedAt: receivedAt.toISOString() },
});

const stored = (api: TestApi) =>
  api.db.select().from(assessments).orderBy(asc(assessments.receivedAt), asc(assessments.id));
const history = (api: TestApi) =>
  api.db.select().from(assessmentHistory).orderBy(asc(assessmentHistory.revision));

describeEachDatabase('pushing assessments', ({ use }) => {
  const api = useTestApi(use());

  describe('exactly once', () => {
    it('stores a finished assessment with the scores the server computes', async () => {
      const organisation = await api().organisation();
      const worker = await organisation.device('outreach-worker');
      const assessment = finishedAssessment();
      const now = api().clock.now();
      expect(await push(api(), worker, [record(assessment)])).toEqual([
        accepted(assessment, 1, now),
      ]);
      const { sections, plan } = scoreAssessment(assessment.answers, bankV1, scaleV1);
      expect(await stored(api())).toEqual([
        {
          organisationId: organisation.id,
          id: assessment.id,
          revision: 1,
          payload: assessment,
          scores: { sections, plan },
          deviceId: worker.device.id,
          personId: worker.person.id,
          receivedAt: now,
          firstReceivedAt: now,
          // Read from the payload by the database itself.
          residentRef: 'LIB-0042',
          programme: '',
        },
      ]);
    });

    it('keeps one copy of a record sent twice, and answers with the first receipt', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const assessment = finishedAssessment();
      const first = api().clock.now();
      await push(api(), worker, [record(assessment)]);
      api().clock.advance(15_000);
      expect(await push(api(), worker, [record(assessment)])).toEqual([
        accepted(assessment, 1, first),
      ]);
      expect(await stored(api())).toHaveLength(1);
    });

    it('keeps one copy of each record of a replayed batch', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const batch = [finishedAssessment(), finishedAssessment(), finishedAssessment()].map(record);
      const results = await push(api(), worker, batch);
      for (let i = 0; i < 10; i++) {
        api().clock.advance(15_000);
        expect(await push(api(), worker, batch)).toEqual(results);
      }
      expect(await stored(api())).toHaveLength(3);
    });

    it('replaces a revision with a higher one and keeps the replaced one in the history', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const first = finishedAssessment();
      const firstAt = api().clock.now();
      await push(api(), worker, [record(first)]);
      api().clock.advance(60_000);
      const second = { ...first, revision: 2, venue: 'home-visit' as const };
      const secondAt = api().clock.now();
      expect(await push(api(), worker, [record(second)])).toEqual([accepted(second, 2, secondAt)]);

      const [row] = await stored(api());
      expect(row).toMatchObject({
        revision: 2,
        payload: second,
        receivedAt: secondAt,
        firstReceivedAt: firstAt,
      });
      expect(await history(api())).toEqual([
        expect.objectContaining({
          id: first.id,
          revision: 1,
          payload: first,
          receivedAt: firstAt,
          replacedAt: secondAt,
          deviceId: worker.device.id,
        }),
      ]);
    });

    it.each([
      ['lower', 2],
      ['equal', 3],
    ])(
      'changes nothing for a %s revision and answers with the receipt it holds',
      async (_, rev) => {
        const worker = await (await api().organisation()).device('outreach-worker');
        const held = finishedAssessment({ revision: 3 });
        const heldAt = api().clock.now();
        await push(api(), worker, [record(held)]);
        api().clock.advance(60_000);
        const other = { ...held, revision: rev, residentRef: 'CHANGED-1' };
        expect(await push(api(), worker, [record(other)])).toEqual([accepted(other, 3, heldAt)]);
        expect((await stored(api()))[0]?.payload).toEqual(held);
        expect(await history(api())).toEqual([]);
      },
    );

    it('treats the same id twice in one batch like two pushes, in order', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const first = finishedAssessment();
      const second = { ...first, revision: 2 };
      const now = api().clock.now();
      expect(await push(api(), worker, [record(first), record(second), record(first)])).toEqual([
        accepted(first, 1, now),
        accepted(second, 2, now),
        accepted(first, 2, now),
      ]);
      expect((await history(api())).map((h) => h.revision)).toEqual([1]);
    });

    it('stores one copy when the same record arrives on several connections at once', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const assessment = finishedAssessment();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => push(api(), worker, [record(assessment)])),
      );
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(await stored(api())).toHaveLength(1);
    });

    it('stores each of two overlapping batches sent at once, in any order, exactly once', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const held = finishedAssessment();
      await push(api(), worker, [record(held)]);
      const fresh = Array.from({ length: 12 }, () => finishedAssessment());
      const newer = { ...held, revision: 2 };
      // The same records, one batch in reverse order: rows locked in opposite orders would deadlock.
      const batch = [held, ...fresh.slice(0, 8), newer].map((a) => record(a));
      const reversed = [...fresh.slice(4).reverse(), held].map((a) => record(a));
      const [a, b] = await Promise.all([push(api(), worker, batch), push(api(), worker, reversed)]);
      expect(a.map((r) => r.status)).toEqual(batch.map(() => 'accepted'));
      expect(b.map((r) => r.status)).toEqual(reversed.map(() => 'accepted'));
      const rows = await stored(api());
      expect(rows.map((row) => row.id).sort()).toEqual([held, ...fresh].map((x) => x.id).sort());
      expect(rows.find((row) => row.id === held.id)?.revision).toBe(2);
      expect((await history(api())).map((h) => h.revision)).toEqual([1]);
    });

    it('answers pushes that arrive together each for its own records, from its own device', async () => {
      // More pushes at once than statements run at once, so that they are joined.
      const organisation = await api().organisation();
      const other = await api().organisation();
      const first = await organisation.device('outreach-worker');
      const second = await organisation.device('outreach-worker');
      const elsewhere = await other.device('outreach-worker');
      const workers = [first, second, elsewhere];
      const sent = Array.from({ length: 30 }, (_, i) => ({
        worker: workers[i % workers.length] ?? first,
        batch: [finishedAssessment(), finishedAssessment()],
      }));
      // The same id in two organisations is two assessments.
      const shared = finishedAssessment();
      sent.push({ worker: first, batch: [shared] }, { worker: elsewhere, batch: [shared] });
      const answers = await Promise.all(
        sent.map(({ worker, batch }) =>
          push(
            api(),
            worker,
            batch.map((a) => record(a)),
          ),
        ),
      );
      answers.forEach((results, i) => {
        expect(results.map((r) => (r.status === 'accepted' ? r.receipt.id : r.status))).toEqual(
          sent[i]?.batch.map((a) => a.id),
        );
      });
      const rows = await stored(api());
      expect(rows).toHaveLength(2 * 30 + 2);
      for (const { worker, batch } of sent) {
        for (const assessment of batch) {
          const row = rows.find(
            (r) => r.id === assessment.id && r.organisationId === worker.organisation.id,
          );
          expect(row?.deviceId).toBe(worker.device.id);
        }
      }
    });

    it('ends with the highest revision when revisions race, each replaced one kept once', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const base = finishedAssessment();
      await Promise.all(
        [1, 2, 3, 4, 5].map((revision) => push(api(), worker, [record({ ...base, revision })])),
      );
      expect((await stored(api())).map((row) => row.revision)).toEqual([5]);
      const replaced = (await history(api())).map((h) => h.revision);
      expect(new Set(replaced).size).toBe(replaced.length);
      expect(replaced.every((revision) => revision < 5)).toBe(true);
    });
  });

  describe('one record at a time', () => {
    it('rejects bad records with their reason and still accepts the good ones', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const good = [finishedAssessment(), finishedAssessment()] as const;
      const bad: [PushRecord, string][] = [
        [rawRecord(finishedAssessment(), { scores: { basics: 100 } }), 'unknown_field'],
        [
          record(finishedAssessment({ answers: answersWith((a) => (a.skill['ZZ99'] = 1)) })),
          'unknown_item',
        ],
        [
          rawRecord(finishedAssessment(), {
            answers: answersWith((a) => (a.basics['B1'] = 5 as never)),
          }),
          'answer_out_of_scale',
        ],
        [rawRecord(finishedAssessment(), { bankVersion: 2 }), 'unsupported_bank_version'],
        [record(finishedAssessment({ status: 'in-progress' })), 'not_finished'],
        [rawRecord(finishedAssessment(), { date: 'yesterday' }), 'invalid_record'],
        [{ ...record(finishedAssessment()), revision: 7 }, 'invalid_record'],
      ];
      const batch = [record(good[0]), ...bad.map(([r]) => r), record(good[1])];
      const results = await push(api(), worker, batch);

      expect(results.map((r) => r.id)).toEqual(batch.map((r) => r.id));
      expect(results.map((r) => (r.status === 'accepted' ? 'accepted' : r.code))).toEqual([
        'accepted',
        ...bad.map(([, code]) => code),
        'accepted',
      ]);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.message).toMatch(/^The |^An? |^Answers /);
      }
      expect((await stored(api())).map((row) => row.id).sort()).toEqual(
        good.map((a) => a.id).sort(),
      );
    });
  });

  describe('requests it cannot read', () => {
    const pushRaw = (
      api: TestApi,
      device: TestDevice,
      payload: string,
      type = 'application/json',
    ) =>
      api.inject({
        method: 'POST',
        url: '/api/push',
        headers: { ...deviceHeaders(device), 'content-type': type },
        payload,
      });

    it.each([
      ['malformed JSON', '{"records": [', 400, 'invalid_json'],
      ['JSON that poisons prototypes', '{"__proto__": {"admin": true}}', 400, 'invalid_json'],
      ['no records', '{}', 400, 'invalid_request'],
      ['an empty batch', '{"records": []}', 400, 'invalid_request'],
      ['an unknown top-level field', '{"records": [], "since": 0}', 400, 'invalid_request'],
      [
        'a record without a revision',
        '{"records": [{"id": "a", "assessment": {}}]}',
        400,
        'invalid_request',
      ],
      ['an array', '[]', 400, 'invalid_request'],
      [
        `more than ${MAX_BATCH} records`,
        JSON.stringify({
          records: Array.from({ length: MAX_BATCH + 1 }, () => record(finishedAssessment())),
        }),
        400,
        'invalid_request',
      ],
      [
        'a body over the limit',
        JSON.stringify({
          records: [{ id: 'a', revision: 1, assessment: 'x'.repeat(MAX_BODY_BYTES) }],
        }),
        413,
        'body_too_large',
      ],
    ])('refuses %s, writes nothing and keeps serving', async (_, payload, status, code) => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const response = await pushRaw(api(), worker, payload);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
      expect(await stored(api())).toEqual([]);

      const assessment = finishedAssessment();
      expect(await push(api(), worker, [record(assessment)])).toHaveLength(1);
    });

    it('names what is wrong with a request', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const response = await pushRaw(api(), worker, '{"records": [], "since": 0}');
      expect(response.json().error.message).toMatch(/unknown field "since"/);
    });

    it('refuses a body that is not JSON', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const response = await pushRaw(
        api(),
        worker,
        'records=1',
        'application/x-www-form-urlencoded',
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    });
  });

  describe('compressed pushes', () => {
    const pushGzip = (api: TestApi, device: TestDevice, body: Buffer, encoding = 'gzip') =>
      api.inject({
        method: 'POST',
        url: '/api/push',
        headers: {
          ...deviceHeaders(device),
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        payload: body,
      });

    it('accepts a gzipped push, as devices send it', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const assessment = finishedAssessment();
      const response = await pushGzip(
        api(),
        worker,
        gzipSync(JSON.stringify({ records: [record(assessment)] })),
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(pushResponseSchema.parse(response.json()).results[0]?.status).toBe('accepted');
      expect(await stored(api())).toHaveLength(1);
    });

    it('applies the body limit to the decompressed size, so a small bomb is refused', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const bomb = gzipSync(
        JSON.stringify({
          records: [{ id: 'a', revision: 1, assessment: 'x'.repeat(3 * MAX_BODY_BYTES) }],
        }),
      );
      expect(bomb.length).toBeLessThan(MAX_BODY_BYTES / 100);
      const response = await pushGzip(api(), worker, bomb);
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('body_too_large');
      expect(await stored(api())).toEqual([]);
    });
    it('refuses a body that says it is gzipped but is not, and stores nothing', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const plain = Buffer.from(JSON.stringify({ records: [record(finishedAssessment())] }));
      const response = await pushGzip(api(), worker, plain);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'invalid_request',
        message: 'The request body says it is gzipped but is not.',
      });
      expect(await stored(api())).toEqual([]);
    });

    it('names an encoding it does not take', async () => {
      const worker = await (await api().organisation()).device('outreach-worker');
      const body = deflateSync(JSON.stringify({ records: [record(finishedAssessment())] }));
      const response = await pushGzip(api(), worker, body, 'deflate');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('"deflate"');
      expect(await stored(api())).toEqual([]);
    });
  });

  describe('between organisations', () => {
    it('keeps a record with an id another organisation used apart, and theirs untouched', async () => {
      const ours = await api().organisation('Ours');
      const theirs = await api().organisation('Theirs');
      const ourWorker = await ours.device('outreach-worker');
      const theirWorker = await theirs.device('outreach-worker');
      const theirAssessment = finishedAssessment({ id: 'same-id', revision: 1 });
      await push(api(), theirWorker, [record(theirAssessment)]);

      api().clock.advance(60_000);
      const ourAssessment = finishedAssessment({
        id: 'same-id',
        revision: 4,
        residentRef: 'OURS-1',
      });
      expect(await push(api(), ourWorker, [record(ourAssessment)])).toEqual([
        accepted(ourAssessment, 4, api().clock.now()),
      ]);

      const rows = await stored(api());
      expect(rows.map((r) => [r.organisationId, r.revision, r.payload.residentRef])).toEqual([
        [theirs.id, 1, 'LIB-0042'],
        [ours.id, 4, 'OURS-1'],
      ]);
      expect(await history(api())).toEqual([]);
    });
  });
});
