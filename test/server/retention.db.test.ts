// @vitest-environment node
import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { openDatabase, rowsOf } from '../../src/server/db/database.ts';
import { assessmentHistory, assessments, auditLog } from '../../src/server/db/schema.ts';
import { startServer } from '../../src/server/server.ts';
import {
  applyRetention,
  retentionCutoff,
  scheduleRetention,
} from '../../src/server/services/retention.ts';
import {
  assessmentListResponseSchema,
  auditListResponseSchema,
  cohortResponseSchema,
  residentHistoryResponseSchema,
} from '../../src/shared/council-api.ts';
import {
  START,
  finishedAssessment,
  useTestApi,
  type TestApi,
  type TestDevice,
  pushAccepted,
} from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

const DAY = 24 * 60 * 60_000;

async function visits(api: TestApi, device: TestDevice, ref: string) {
  const response = await api.call(device, 'GET', `/api/residents/${ref}/assessments`);
  return residentHistoryResponseSchema.parse(response.json()).assessments;
}

async function settingsWithRetention(api: TestApi, coordinator: TestDevice, days: number) {
  const response = await api.call(coordinator, 'PUT', '/api/settings', {
    minGroup: 5,
    outcomeTypes: [],
    directory: null,
    healthQuestion: 'optional',
    retentionDays: days,
  });
  expect(response.statusCode, response.body).toBe(200);
}

afterEach(() => {
  vi.useRealTimers();
});

it('counts a contact on the cutoff day as exactly the retention period old', () => {
  // 2026-11-21 minus 30 days.
  expect(retentionCutoff(START, 30)).toBe('2026-10-22');
  expect(retentionCutoff(START, 730)).toBe('2024-11-21');
});

describeEachDatabase('retention', ({ kind, use }) => {
  const api = useTestApi(use());

  it("unlinks residents whose last contact is older than their organisation's period", async () => {
    const ours = await api().organisation('Ours');
    const theirs = await api().organisation('Theirs');
    const coordinator = await ours.device('coordinator');
    const worker = await ours.device('outreach-worker');
    const theirWorker = await theirs.device('outreach-worker');
    await settingsWithRetention(api(), coordinator, 30); // cutoff 2026-10-22

    const old = finishedAssessment({
      residentRef: 'OLD-1',
      date: '2026-09-01',
      programme: 'Spring',
      venueName: 'Central Library',
    });
    const olderStill = finishedAssessment({ residentRef: 'OLD-1', date: '2026-06-01' });
    const onCutoff = finishedAssessment({ residentRef: 'EDGE-1', date: '2026-10-22' });
    const dayBefore = finishedAssessment({ residentRef: 'EDGE-2', date: '2026-10-21' });
    const recent = finishedAssessment({ residentRef: 'NEW-1', date: '2026-11-01' });
    const oldVisitRecentOutcome = finishedAssessment({
      residentRef: 'OUT-1',
      date: '2026-08-01',
      outcomes: [{ type: 'banks-online', date: '2026-11-10' }],
    });
    // Old as well, but with a recent visit too: the latest contact decides.
    const returning = finishedAssessment({ residentRef: 'BACK-1', date: '2026-01-01' });
    const returned = finishedAssessment({ residentRef: 'BACK-1', date: '2026-11-15' });
    const anonymous = finishedAssessment({ residentRef: null, date: '2025-01-01' });
    await pushAccepted(api(), worker, old, olderStill, onCutoff, dayBefore, recent);
    await pushAccepted(api(), worker, oldVisitRecentOutcome, returning, returned, anonymous);
    // An outcome recorded long ago: a revision, the first kept in the history.
    const oldRevised = {
      ...old,
      revision: 2,
      outcomes: [{ type: 'got-device', date: '2026-09-10' }],
    };
    await pushAccepted(api(), worker, oldRevised);
    // Another organisation keeps data for 730 days (the default): its old visit stays linked.
    const theirOld = finishedAssessment({ residentRef: 'OLD-1', date: '2026-09-01' });
    await pushAccepted(api(), theirWorker, theirOld);

    const runs = await applyRetention(api().db, api().clock.now());
    expect(runs).toHaveLength(2);
    expect(runs.find((r) => r.organisationId === ours.id)).toEqual({
      organisationId: ours.id,
      retentionDays: 30,
      cutoff: '2026-10-22',
      residents: 2,
      assessments: 3,
      revisions: 1,
    });
    expect(runs.find((r) => r.organisationId === theirs.id)).toMatchObject({
      retentionDays: 730,
      residents: 0,
      assessments: 0,
      revisions: 0,
    });

    expect(await visits(api(), worker, 'OLD-1')).toEqual([]);
    expect(await visits(api(), worker, 'EDGE-2')).toEqual([]);
    for (const ref of ['EDGE-1', 'NEW-1', 'OUT-1']) {
      expect(await visits(api(), worker, ref), ref).toHaveLength(1);
    }
    expect(await visits(api(), worker, 'BACK-1')).toHaveLength(2);
    expect(await visits(api(), theirWorker, 'OLD-1')).toEqual([theirOld]);

    // The anonymous records stay, with their answers, scores, programme, venue and outcomes.
    const rows = await api()
      .db.select({ payload: assessments.payload, ref: assessments.residentRef })
      .from(assessments)
      .where(eq(assessments.organisationId, ours.id));
    const byId = new Map(rows.map((row) => [row.payload.id, row]));
    expect(rows).toHaveLength(9);
    expect(byId.get(old.id)).toEqual({ payload: { ...oldRevised, residentRef: null }, ref: null });
    expect(byId.get(olderStill.id)?.payload).toEqual({ ...olderStill, residentRef: null });
    expect(byId.get(dayBefore.id)?.ref).toBeNull();
    expect(byId.get(anonymous.id)?.payload).toEqual(anonymous);
    const history = await api()
      .db.select({ payload: assessmentHistory.payload })
      .from(assessmentHistory);
    expect(history.map((h) => h.payload)).toEqual([{ ...old, residentRef: null }]);

    const list = await api().call(coordinator, 'GET', '/api/assessments');
    const summary = assessmentListResponseSchema
      .parse(list.json())
      .assessments.find((a) => a.id === old.id);
    expect(summary).toMatchObject({
      residentRef: null,
      sections: { basics: { answered: expect.any(Number) } },
    });
    const cohort = cohortResponseSchema.parse(
      (await api().call(coordinator, 'GET', '/api/cohort?programme=Spring')).json(),
    );
    expect(cohort.records).toEqual([
      expect.objectContaining({
        id: old.id,
        residentRef: null,
        outcomes: [{ type: 'got-device', date: '2026-09-10' }],
      }),
    ]);

    // Once done, another run finds nothing more to do.
    const again = await applyRetention(api().db, api().clock.now());
    expect(again.map((r) => r.residents)).toEqual([0, 0]);
  });

  it('records each run in the audit log of each organisation, with its counts', async () => {
    const ours = await api().organisation('Ours');
    const admin = await ours.device('administrator');
    const worker = await ours.device('outreach-worker');
    await settingsWithRetention(api(), admin, 30);
    await pushAccepted(
      api(),
      worker,
      finishedAssessment({ residentRef: 'OLD-1', date: '2026-01-01' }),
    );

    await applyRetention(api().db, api().clock.now());
    api().clock.advance(DAY);
    await applyRetention(api().db, api().clock.now());

    const response = await api().call(admin, 'GET', '/api/audit');
    const runs = auditListResponseSchema
      .parse(response.json())
      .entries.filter((e) => e.action === 'retention-run');
    expect(runs).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-22T10:00:00.000Z',
        action: 'retention-run',
        device: null,
        person: null,
        detail: {
          retentionDays: 30,
          cutoff: '2026-10-23',
          residents: 0,
          assessments: 0,
          revisions: 0,
        },
      },
      expect.objectContaining({
        at: '2026-11-21T10:00:00.000Z',
        detail: {
          retentionDays: 30,
          cutoff: '2026-10-22',
          residents: 1,
          assessments: 1,
          revisions: 0,
        },
      }),
    ]);
  });

  it('runs again every day until stopped', async () => {
    const organisation = await api().organisation();
    const clock = api().clock;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const errors: unknown[] = [];
    const schedule = scheduleRetention({
      db: api().db,
      now: clock.now,
      onError: (error) => errors.push(error),
    });
    const runs = async () =>
      (
        await api()
          .db.select({ at: auditLog.at })
          .from(auditLog)
          .where(eq(auditLog.organisationId, organisation.id))
          .orderBy(asc(auditLog.id))
      ).map((row) => row.at.toISOString());

    clock.advance(DAY);
    vi.advanceTimersByTime(DAY);
    await schedule.stop();
    // Stopped: a day more runs nothing.
    clock.advance(DAY);
    vi.advanceTimersByTime(DAY);
    expect(errors).toEqual([]);
    expect(await runs()).toEqual(['2026-11-21T10:00:00.000Z', '2026-11-22T10:00:00.000Z']);
  });

  it('runs when a whole server starts', async () => {
    const location = await kind.location();
    try {
      const server = await startServer({ database: location.options, now: () => START });
      await server.close();
      const opened = await openDatabase(location.options);
      try {
        const rows = await opened.db
          .select({ action: auditLog.action, at: auditLog.at, detail: auditLog.detail })
          .from(auditLog)
          .where(eq(auditLog.action, 'retention-run'));
        expect(rows).toEqual([
          {
            action: 'retention-run',
            at: START,
            detail: {
              retentionDays: 730,
              cutoff: '2024-11-21',
              residents: 0,
              assessments: 0,
              revisions: 0,
            },
          },
        ]);
        const count = rowsOf(
          await opened.db.execute(sql`select count(*)::int as n from audit_log`),
        );
        // The first start's administrator code, then the run.
        expect(count).toEqual([{ n: 2 }]);
      } finally {
        await opened.close();
      }
    } finally {
      await location.remove();
    }
  }, 60_000);
});
