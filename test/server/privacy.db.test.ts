// @vitest-environment node
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/db/database.ts';
import { assessmentHistory, assessments } from '../../src/server/db/schema.ts';
import {
  auditListResponseSchema,
  organisationSettingsSchema,
  residentErasureResponseSchema,
  residentExportSchema,
  type AuditEntry,
  type OrganisationSettings,
} from '../../src/shared/council-api.ts';
import {
  finishedAssessment,
  useTestApi,
  type TestApi,
  type TestDevice,
  pushAccepted,
  errorOf,
} from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

async function auditLog(api: TestApi, admin: TestDevice, query = ''): Promise<AuditEntry[]> {
  const response = await api.call(admin, 'GET', `/api/audit${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return auditListResponseSchema.parse(response.json()).entries;
}

const only = (entries: AuditEntry[], action: AuditEntry['action']) =>
  entries.filter((e) => e.action === action);

const SETTINGS: OrganisationSettings = {
  minGroup: 5,
  outcomeTypes: [],
  directory: null,
  healthQuestion: 'separate-consent',
  retentionDays: 365,
  lockMinutes: 10,
};

describeEachDatabase('privacy duties', ({ use }) => {
  const api = useTestApi(use());

  describe('the health question and retention settings', () => {
    it('are stored, given to every device, and checked', async () => {
      const organisation = await api().organisation();
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');

      const put = await api().call(coordinator, 'PUT', '/api/settings', SETTINGS);
      expect(put.statusCode, put.body).toBe(200);
      const read = await api().call(worker, 'GET', '/api/settings');
      expect(organisationSettingsSchema.parse(read.json())).toEqual(SETTINGS);

      const bad = await api().call(coordinator, 'PUT', '/api/settings', {
        ...SETTINGS,
        healthQuestion: 'always',
        retentionDays: 29,
      });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad)).toMatchObject({
        code: 'invalid_request',
        problems: [
          'healthQuestion: expected "separate-consent" or "optional"',
          'retentionDays: expected at least 30',
        ],
      });
      const tooLong = await api().call(coordinator, 'PUT', '/api/settings', {
        ...SETTINGS,
        retentionDays: 3651,
      });
      expect(errorOf(tooLong).problems).toEqual(['retentionDays: expected at most 3650']);
      const missing = await api().call(coordinator, 'PUT', '/api/settings', {
        minGroup: 5,
        outcomeTypes: [],
        directory: null,
      });
      expect(errorOf(missing).problems).toEqual([
        'healthQuestion: expected "separate-consent" or "optional"',
        'retentionDays: missing field',
      ]);
      expect((await api().call(worker, 'GET', '/api/settings')).json()).toEqual(SETTINGS);
    });
  });

  describe('the audit log', () => {
    it('is read by administrators only', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');

      for (const device of [coordinator, worker]) {
        const refused = await api().call(device, 'GET', '/api/audit');
        expect(refused.statusCode).toBe(403);
        expect(errorOf(refused)).toEqual({
          code: 'forbidden',
          message: 'Only administrators can do this.',
        });
      }
      const welsh = await api().inject({
        method: 'GET',
        url: '/api/audit',
        headers: {
          'doorstep-protocol': '1',
          authorization: `Bearer ${coordinator.token}`,
          'accept-language': 'cy',
        },
      });
      expect(errorOf(welsh).message).toBe("Dim ond gweinyddwyr sy'n gallu gwneud hyn.");
      expect((await api().call(null, 'GET', '/api/audit')).statusCode).toBe(401);
      expect((await api().call(admin, 'GET', '/api/audit')).statusCode).toBe(200);
    });

    it('records each enrolment with the new device and its person, newest first', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator', 'Ada');
      api().clock.advance(60_000);
      const worker = await organisation.device('outreach-worker', 'Wyn');

      const entries = await auditLog(api(), admin);
      expect(only(entries, 'enrolment')).toEqual([
        {
          id: expect.any(String),
          at: '2026-11-21T10:01:00.000Z',
          action: 'enrolment',
          device: { id: worker.device.id, name: "Wyn's tablet" },
          person: { id: worker.person.id, name: 'Wyn', role: 'outreach-worker' },
          detail: { enrolmentCodeId: expect.any(String) },
        },
        expect.objectContaining({
          at: '2026-11-21T10:00:00.000Z',
          device: { id: admin.device.id, name: "Ada's tablet" },
        }),
      ]);
    });

    it('records enrolment codes created and devices signed out, once each', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');

      const code = await api().call(coordinator, 'POST', '/api/enrolment-codes', {
        personName: 'Nia',
        role: 'outreach-worker',
      });
      expect(code.statusCode).toBe(201);
      const personId = code.json().person.id;
      const refused = await api().call(coordinator, 'POST', '/api/enrolment-codes', {
        personName: 'Boss',
        role: 'administrator',
      });
      expect(refused.statusCode).toBe(403);

      const url = `/api/devices/${worker.device.id}/revoke`;
      expect((await api().call(coordinator, 'POST', url)).statusCode).toBe(200);
      expect((await api().call(coordinator, 'POST', url)).statusCode).toBe(200);
      expect((await api().call(admin, 'POST', '/api/devices/self/revoke')).statusCode).toBe(200);

      const newAdmin = await organisation.device('administrator');
      const entries = await auditLog(api(), newAdmin);
      expect(only(entries, 'enrolment-code-created')).toEqual([
        expect.objectContaining({
          device: { id: coordinator.device.id, name: expect.any(String) },
          person: expect.objectContaining({ id: coordinator.person.id, role: 'coordinator' }),
          detail: { personId, role: 'outreach-worker' },
        }),
      ]);
      expect(only(entries, 'device-revoked').map((e) => [e.device?.id, e.detail])).toEqual([
        [coordinator.device.id, { deviceId: worker.device.id }],
      ]);
      // A device revoking its own token is signing out.
      expect(only(entries, 'sign-out').map((e) => [e.device?.id, e.detail])).toEqual([
        [admin.device.id, { deviceId: admin.device.id }],
      ]);
    });

    it("records a request for another organisation's device as a refusal", async () => {
      const ours = await api().organisation('Ours');
      const theirs = await api().organisation('Theirs');
      const admin = await ours.device('administrator');
      const coordinator = await ours.device('coordinator');
      const stranger = await theirs.device('outreach-worker');
      const theirAdmin = await theirs.device('administrator');

      const attempt = await api().call(
        coordinator,
        'POST',
        `/api/devices/${stranger.device.id}/revoke`,
      );
      expect(attempt.statusCode).toBe(404);
      expect(errorOf(attempt).code).toBe('not_found');
      // A device that exists nowhere is simply not found.
      const nowhere = await api().call(
        coordinator,
        'POST',
        '/api/devices/6f1c1a4e-0000-4000-8000-000000000000/revoke',
      );
      expect(nowhere.statusCode).toBe(404);

      const entries = await auditLog(api(), admin);
      expect(only(entries, 'cross-organisation-refusal')).toEqual([
        expect.objectContaining({
          device: expect.objectContaining({ id: coordinator.device.id }),
          detail: { target: 'device', deviceId: stranger.device.id },
        }),
      ]);
      expect(only(entries, 'device-revoked')).toEqual([]);
      // Each organisation sees its own log only.
      const theirLog = await auditLog(api(), theirAdmin);
      expect(theirLog.map((e) => e.device?.id)).not.toContain(coordinator.device.id);
      expect(new Set(theirLog.map((e) => e.action))).toEqual(new Set(['enrolment']));
    });

    it('records the CSV exports', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      const coordinator = await organisation.device('coordinator');
      expect((await api().call(coordinator, 'GET', '/api/assessments.csv')).statusCode).toBe(200);
      const outcomes = await api().call(
        coordinator,
        'GET',
        '/api/outcomes.csv?period=year&programme=Spring',
      );
      expect(outcomes.statusCode).toBe(200);
      // A refused export is no export.
      const worker = await organisation.device('outreach-worker');
      expect((await api().call(worker, 'GET', '/api/assessments.csv')).statusCode).toBe(403);

      const exports = only(await auditLog(api(), admin), 'export');
      expect(exports.map((e) => [e.person?.id, e.detail])).toEqual([
        [coordinator.person.id, { kind: 'outcomes-csv', period: 'year', programme: 'Spring' }],
        [coordinator.person.id, { kind: 'assessments-csv' }],
      ]);
    });

    it('pages newest first with limit and before', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      for (let i = 0; i < 4; i += 1) await organisation.device('outreach-worker');

      const all = await auditLog(api(), admin);
      expect(all).toHaveLength(5);
      const ids = all.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(all.at(-1)?.device?.id).toBe(admin.device.id);

      const first = await api().call(admin, 'GET', '/api/audit?limit=2');
      const page1 = auditListResponseSchema.parse(first.json());
      expect(page1.entries).toEqual(all.slice(0, 2));
      expect(page1.next).toBe(all[1]?.id);
      const page2 = auditListResponseSchema.parse(
        (await api().call(admin, 'GET', `/api/audit?limit=2&before=${page1.next}`)).json(),
      );
      expect(page2.entries).toEqual(all.slice(2, 4));
      const page3 = auditListResponseSchema.parse(
        (await api().call(admin, 'GET', `/api/audit?limit=2&before=${page2.next}`)).json(),
      );
      expect(page3).toEqual({ entries: all.slice(4), next: null });

      for (const query of ['?limit=0', '?limit=201', '?limit=ten', '?before=x', '?colour=blue']) {
        const bad = await api().call(admin, 'GET', `/api/audit${query}`);
        expect(bad.statusCode, query).toBe(400);
        expect(errorOf(bad).code).toBe('invalid_request');
      }
    });
  });

  describe('subject access', () => {
    it('gives a coordinator everything held about one reference, as a download, audited', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');
      const first = finishedAssessment({ residentRef: 'LIB/0042', date: '2026-03-01' });
      const second = finishedAssessment({ residentRef: 'LIB/0042', date: '2026-06-01' });
      const other = finishedAssessment({ residentRef: 'LIB-0043' });
      await pushAccepted(api(), worker, first, second, other);
      // An outcome later: revision 2 replaces the first, which goes to the history.
      const revised = {
        ...first,
        revision: 2,
        outcomes: [{ type: 'banks-online', date: '2026-04-01' }],
      };
      await pushAccepted(api(), worker, revised);

      const url = `/api/residents/${encodeURIComponent('LIB/0042')}/export`;
      const response = await api().call(coordinator, 'GET', url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="doorstep-resident-LIB_0042-2026-11-21.json"',
      );
      const exported = residentExportSchema.parse(response.json());
      expect(exported).toMatchObject({
        residentRef: 'LIB/0042',
        organisation: { id: organisation.id, name: organisation.name },
        exportedAt: '2026-11-21T10:00:00.000Z',
      });
      expect(exported.assessments.map((a) => a.assessment)).toEqual([revised, second]);
      expect(exported.assessments[0]).toMatchObject({
        device: { id: worker.device.id },
        person: { id: worker.person.id },
        scores: { sections: { basics: { answered: expect.any(Number) } } },
      });
      expect(exported.history.map((h) => h.assessment)).toEqual([first]);

      const exports = only(await auditLog(api(), admin), 'export');
      expect(exports).toEqual([
        expect.objectContaining({
          person: expect.objectContaining({ id: coordinator.person.id }),
          detail: { kind: 'subject-access', residentRef: 'LIB/0042', assessments: 2, revisions: 1 },
        }),
      ]);
      // The log says whose data was exported, never what it holds.
      expect(JSON.stringify(exports)).not.toMatch(/answers|basics|banks-online/);
    });

    it('is for coordinators, and refuses unknown, invalid and foreign references', async () => {
      const ours = await api().organisation('Ours');
      const theirs = await api().organisation('Theirs');
      const admin = await ours.device('administrator');
      const coordinator = await ours.device('coordinator');
      const worker = await ours.device('outreach-worker');
      await pushAccepted(api(), worker, finishedAssessment({ residentRef: 'OURS-1' }));
      await pushAccepted(
        api(),
        await theirs.device('outreach-worker'),
        finishedAssessment({ residentRef: 'THEIRS-1' }),
      );

      const forbidden = await api().call(worker, 'GET', '/api/residents/OURS-1/export');
      expect(forbidden.statusCode).toBe(403);
      expect(errorOf(forbidden).code).toBe('forbidden');

      const unknown = await api().call(coordinator, 'GET', '/api/residents/NOBODY/export');
      expect(unknown.statusCode).toBe(404);
      expect(errorOf(unknown)).toEqual({
        code: 'not_found',
        message: 'Your organisation holds no assessment with this resident reference.',
      });
      const foreign = await api().call(coordinator, 'GET', '/api/residents/THEIRS-1/export');
      expect(foreign.statusCode).toBe(404);
      expect(errorOf(foreign)).toEqual(errorOf(unknown));
      const invalid = await api().call(coordinator, 'GET', '/api/residents/%20bad/export');
      expect(invalid.statusCode).toBe(400);
      expect(errorOf(invalid).code).toBe('invalid_request');

      const entries = await auditLog(api(), admin);
      expect(only(entries, 'export')).toEqual([]);
      expect(only(entries, 'cross-organisation-refusal')).toEqual([
        expect.objectContaining({
          device: expect.objectContaining({ id: coordinator.device.id }),
          detail: { target: 'resident', residentRef: 'THEIRS-1', attempted: 'export' },
        }),
      ]);
    });
  });

  describe('erasure', () => {
    it("erases a resident's assessments and history, and nothing else, audited", async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');
      const first = finishedAssessment({ residentRef: 'LIB-0042' });
      const second = finishedAssessment({ residentRef: 'LIB-0042', date: '2026-11-01' });
      const other = finishedAssessment({ residentRef: 'LIB-0043' });
      const otherRevised = { ...other, revision: 2, programme: 'Spring' };
      await pushAccepted(api(), worker, first, second, other);
      await pushAccepted(
        api(),
        worker,
        { ...first, revision: 2, programme: 'Spring' },
        otherRevised,
      );

      const response = await api().call(coordinator, 'DELETE', '/api/residents/LIB-0042');
      expect(response.statusCode, response.body).toBe(200);
      expect(residentErasureResponseSchema.parse(response.json())).toEqual({
        residentRef: 'LIB-0042',
        assessments: 2,
        revisions: 1,
      });

      const held = await api()
        .db.select({ id: assessments.id, ref: assessments.residentRef })
        .from(assessments);
      expect(held).toEqual([{ id: other.id, ref: 'LIB-0043' }]);
      const history = await api()
        .db.select({ id: assessmentHistory.id, revision: assessmentHistory.revision })
        .from(assessmentHistory);
      expect(history).toEqual([{ id: other.id, revision: 1 }]);
      const gone = await api().call(coordinator, 'GET', '/api/residents/LIB-0042/export');
      expect(gone.statusCode).toBe(404);

      const again = await api().call(coordinator, 'DELETE', '/api/residents/LIB-0042');
      expect(again.statusCode).toBe(404);
      expect(errorOf(again).code).toBe('not_found');

      expect(only(await auditLog(api(), admin), 'erasure')).toEqual([
        expect.objectContaining({
          device: expect.objectContaining({ id: coordinator.device.id }),
          detail: { residentRef: 'LIB-0042', assessments: 2, revisions: 1 },
        }),
      ]);
    });

    it('changes nothing when any part of it fails', async () => {
      const organisation = await api().organisation();
      const admin = await organisation.device('administrator');
      const coordinator = await organisation.device('coordinator');
      const worker = await organisation.device('outreach-worker');
      const first = finishedAssessment({ residentRef: 'LIB-0042' });
      await pushAccepted(api(), worker, first, finishedAssessment({ residentRef: 'LIB-0042' }));
      await pushAccepted(api(), worker, { ...first, revision: 2 });
      // The last step, the audit entry, fails: the deletions before it must not stay.
      await api().db.execute(sql`
        CREATE FUNCTION refuse_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.action = 'erasure' THEN RAISE EXCEPTION 'refused for the test'; END IF;
          RETURN NEW;
        END $$`);
      await api().db.execute(sql`
        CREATE TRIGGER refuse_erasure BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION refuse_erasure()`);

      const response = await api().call(coordinator, 'DELETE', '/api/residents/LIB-0042');
      expect(response.statusCode).toBe(500);
      expect(errorOf(response).code).toBe('internal_error');
      const counts = rowsOf(
        await api().db.execute(sql`
          SELECT (SELECT count(*) FROM assessments)::int AS assessments,
                 (SELECT count(*) FROM assessment_history)::int AS history`),
      );
      expect(counts).toEqual([{ assessments: 2, history: 1 }]);
      expect(only(await auditLog(api(), admin), 'erasure')).toEqual([]);
    });

    it('is for coordinators, and refuses foreign references without touching them', async () => {
      const ours = await api().organisation('Ours');
      const theirs = await api().organisation('Theirs');
      const admin = await ours.device('administrator');
      const coordinator = await ours.device('coordinator');
      const worker = await ours.device('outreach-worker');
      const theirWorker = await theirs.device('outreach-worker');
      await pushAccepted(api(), worker, finishedAssessment({ residentRef: 'OURS-1' }));
      await pushAccepted(api(), theirWorker, finishedAssessment({ residentRef: 'THEIRS-1' }));

      const forbidden = await api().call(worker, 'DELETE', '/api/residents/OURS-1');
      expect(forbidden.statusCode).toBe(403);
      const foreign = await api().call(coordinator, 'DELETE', '/api/residents/THEIRS-1');
      expect(foreign.statusCode).toBe(404);
      expect(errorOf(foreign).code).toBe('not_found');
      const invalid = await api().call(coordinator, 'DELETE', `/api/residents/${'x'.repeat(41)}`);
      expect(invalid.statusCode).toBe(400);

      const theirs1 = await api().call(theirWorker, 'GET', '/api/residents/THEIRS-1/assessments');
      expect(theirs1.json().assessments).toHaveLength(1);
      const ours1 = await api().call(worker, 'GET', '/api/residents/OURS-1/assessments');
      expect(ours1.json().assessments).toHaveLength(1);
      const entries = await auditLog(api(), admin);
      expect(only(entries, 'erasure')).toEqual([]);
      expect(only(entries, 'cross-organisation-refusal')).toEqual([
        expect.objectContaining({
          detail: { target: 'resident', residentRef: 'THEIRS-1', attempted: 'erasure' },
        }),
      ]);
    });
  });
});
