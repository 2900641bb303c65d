// @vitest-environment node
import { expect, it } from 'vitest';
import { bankV1, decodeAnswers, encodeAnswers } from '../../src/domain/index.ts';
import {
  cohortResponseSchema,
  organisationSettingsSchema,
  programmeListResponseSchema,
  residentHistoryResponseSchema,
  type OrganisationSettings,
} from '../../src/shared/council-api.ts';
import {
  answersWith,
  finishedAssessment,
  useTestApi,
  type TestApi,
  type TestDevice,
  pushAccepted,
  errorOf,
} from './support/api.ts';
import { parseCsv } from './support/csv.ts';
import { describeEachDatabase } from './support/databases.ts';

async function history(api: TestApi, device: TestDevice, ref: string) {
  const response = await api.call(
    device,
    'GET',
    `/api/residents/${encodeURIComponent(ref)}/assessments`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return residentHistoryResponseSchema.parse(response.json()).assessments;
}

async function cohort(api: TestApi, device: TestDevice, query = '') {
  const response = await api.call(device, 'GET', `/api/cohort${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return cohortResponseSchema.parse(response.json());
}

async function outcomesCsv(api: TestApi, device: TestDevice, query = '') {
  const response = await api.call(device, 'GET', `/api/outcomes.csv${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const [header = [], ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
  return { response, header, rows };
}

const SETTINGS: OrganisationSettings = {
  minGroup: 3,
  healthQuestion: 'optional',
  retentionDays: 730,
  lockMinutes: 5,
  outcomeTypes: [
    {
      id: 'council-tax-online',
      label: { en: 'Pays council tax online', cy: 'Yn talu treth y cyngor ar-lein' },
    },
  ],
  directory: null,
};

describeEachDatabase('residents over time and programmes', ({ use }) => {
  const api = useTestApi(use());

  it("gives any device one resident's visits, earliest first, as held", async () => {
    const organisation = await api().organisation();
    const worker = await organisation.device('outreach-worker');
    const later = finishedAssessment({ residentRef: 'LIB/0042', date: '2026-06-01' });
    const earlier = finishedAssessment({ residentRef: 'LIB/0042', date: '2026-03-01' });
    const sameDayFirst = finishedAssessment({
      residentRef: 'LIB/0042',
      date: '2026-06-01',
      createdAt: later.createdAt - 1_000,
    });
    const someoneElse = finishedAssessment({ residentRef: 'LIB-0043' });
    await pushAccepted(api(), worker, later, earlier, sameDayFirst, someoneElse);
    // A newer revision is what is held.
    await pushAccepted(api(), worker, { ...earlier, revision: 2, venue: 'home-visit' });

    const visits = await history(api(), worker, 'LIB/0042');
    expect(visits.map((a) => a.id)).toEqual([earlier.id, sameDayFirst.id, later.id]);
    expect(visits[0]).toMatchObject({ revision: 2, venue: 'home-visit' });
    expect(await history(api(), worker, 'NOBODY-1')).toEqual([]);
  });

  it("refuses a reference that cannot be one, and never shows another organisation's resident", async () => {
    const ours = await (await api().organisation('Ours')).device('outreach-worker');
    const theirs = await (await api().organisation('Theirs')).device('outreach-worker');
    await pushAccepted(api(), theirs, finishedAssessment({ residentRef: 'LIB-0042' }));

    expect(await history(api(), ours, 'LIB-0042')).toEqual([]);
    expect(await history(api(), theirs, 'LIB-0042')).toHaveLength(1);
    const bad = await api().call(
      ours,
      'GET',
      `/api/residents/${encodeURIComponent(' x')}/assessments`,
    );
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('invalid_request');
    const unsigned = await api().call(null, 'GET', '/api/residents/LIB-0042/assessments');
    expect(unsigned.statusCode).toBe(401);
  });

  it('lists programmes with their counts, untagged as ""', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const spring = { programme: 'Spring', venueName: 'Central Library' };
    await pushAccepted(
      api(),
      coordinator,
      finishedAssessment({ ...spring, residentRef: 'R-1', date: '2026-03-01' }),
      finishedAssessment({ ...spring, residentRef: 'R-1', date: '2026-05-01' }),
      finishedAssessment({
        programme: 'Spring',
        venueName: 'Hub',
        residentRef: 'R-2',
        date: '2026-04-01',
      }),
      finishedAssessment({ programme: 'Spring', residentRef: null, date: '2026-04-02' }),
      finishedAssessment({ residentRef: 'R-3', date: '2026-01-05' }),
    );
    const response = await api().call(coordinator, 'GET', '/api/programmes');
    expect(response.statusCode).toBe(200);
    expect(programmeListResponseSchema.parse(response.json()).programmes).toEqual([
      {
        programme: '',
        assessments: 1,
        residents: 1,
        venueNames: [],
        firstDate: '2026-01-05',
        lastDate: '2026-01-05',
      },
      {
        programme: 'Spring',
        assessments: 4,
        residents: 3,
        venueNames: ['Central Library', 'Hub'],
        firstDate: '2026-03-01',
        lastDate: '2026-05-01',
      },
    ]);
  });

  it('gives the dashboard the records of a programme, venue and period, earliest first', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const outcomes = [{ type: 'banks-online', date: '2026-05-02' }];
    const a = finishedAssessment({
      programme: 'Spring',
      venueName: 'Hub',
      date: '2026-05-01',
      outcomes,
    });
    const b = finishedAssessment({ programme: 'Spring', venueName: 'Library', date: '2026-04-01' });
    // Every non-answer, and items not asked, come back as they were sent.
    const c = finishedAssessment({
      date: '2026-04-15',
      residentRef: null,
      answers: answersWith((x) => {
        x.basics['B1'] = 'skipped';
        x.blockers['K2'] = 'prefer-not-to-say';
        x.skill['GS01'] = 'dont-know';
        x.interest['GS01'] = 'not-applicable';
        delete x.basics['B3'];
        delete x.interest['GS02'];
      }),
    });
    await pushAccepted(api(), coordinator, a, b, c);

    const all = await cohort(api(), coordinator);
    expect(all.minGroup).toBe(5);
    expect(all.records.map((r) => r.id)).toEqual([b.id, c.id, a.id]);
    expect(all.records[2]).toEqual({
      id: a.id,
      residentRef: a.residentRef,
      date: '2026-05-01',
      answers: encodeAnswers(a.answers, bankV1),
      outcomes,
    });
    // Compact on the wire, the same answers once decoded.
    expect(all.records.map((r) => decodeAnswers(r.answers, bankV1))).toEqual([
      b.answers,
      c.answers,
      a.answers,
    ]);
    expect(all.records[1]).toMatchObject({ residentRef: null, outcomes: [] });

    const ids = async (query: string) =>
      (await cohort(api(), coordinator, query)).records.map((r) => r.id);
    expect(await ids('?programme=Spring')).toEqual([b.id, a.id]);
    expect(await ids('?programme=')).toEqual([c.id]);
    expect(await ids('?programme=Spring&venueName=Hub')).toEqual([a.id]);
    expect(await ids('?from=2026-04-15&to=2026-05-01')).toEqual([c.id, a.id]);
    expect(await ids('?programme=Autumn')).toEqual([]);

    const bad = await api().call(coordinator, 'GET', '/api/cohort?from=May&colour=blue');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('invalid_request');
  });

  it('keeps the suppression threshold the organisation sets, and gives it with the cohort', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const worker = await organisation.device('outreach-worker');

    const before = await api().call(worker, 'GET', '/api/settings');
    expect(organisationSettingsSchema.parse(before.json())).toEqual({
      minGroup: 5,
      outcomeTypes: [],
      directory: null,
      healthQuestion: 'optional',
      retentionDays: 730,
      lockMinutes: 5,
    });
    const put = await api().call(coordinator, 'PUT', '/api/settings', SETTINGS);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual(SETTINGS);
    expect((await api().call(worker, 'GET', '/api/settings')).json()).toEqual(SETTINGS);
    expect((await cohort(api(), coordinator)).minGroup).toBe(3);
  });

  it('refuses settings with any problem, naming each, and changes nothing', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const worker = await organisation.device('outreach-worker');
    await api().call(coordinator, 'PUT', '/api/settings', SETTINGS);

    const bad = await api().call(coordinator, 'PUT', '/api/settings', {
      ...SETTINGS,
      minGroup: 1,
      outcomeTypes: [{ id: 'Bad Id', label: { en: 'x', cy: 'y' } }],
    });
    expect(bad.statusCode).toBe(400);
    const error = errorOf(bad);
    expect(error.code).toBe('invalid_request');
    expect(error.problems).toEqual([
      'minGroup: expected at least 2',
      expect.stringMatching(/^outcomeTypes\.0\.id: does not match/),
    ]);
    expect((await api().call(coordinator, 'GET', '/api/settings')).json()).toEqual(SETTINGS);

    const refused = await api().call(worker, 'PUT', '/api/settings', { ...SETTINGS, minGroup: 9 });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });

  it('counts outcomes per programme and period, labelled in English', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    await api().call(coordinator, 'PUT', '/api/settings', SETTINGS);
    await pushAccepted(
      api(),
      coordinator,
      finishedAssessment({
        programme: 'Spring',
        residentRef: 'R-1',
        outcomes: [
          { type: 'banks-online', date: '2026-05-01' },
          { type: 'council-tax-online', date: '2026-07-01' },
        ],
      }),
      // The same event recorded again at a later visit counts once.
      finishedAssessment({
        programme: 'Spring',
        residentRef: 'R-1',
        outcomes: [{ type: 'banks-online', date: '2026-05-01' }],
      }),
      finishedAssessment({
        residentRef: 'R-2',
        outcomes: [{ type: 'got-device', date: '2026-02-10' }],
      }),
    );

    const { response, header, rows } = await outcomesCsv(api(), coordinator, '?period=quarter');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(header).toEqual(['programme', 'period', 'outcome', 'label', 'count']);
    expect(rows).toEqual([
      ['', '2026-Q1', 'got-device', 'Got a device', '1'],
      ['Spring', '2026-Q2', 'banks-online', 'Now banks online', '1'],
      ['Spring', '2026-Q3', 'council-tax-online', 'Pays council tax online', '1'],
    ]);
    const spring = await outcomesCsv(api(), coordinator, '?programme=Spring');
    expect(spring.rows.map((row) => row[1])).toEqual(['2026-05', '2026-07']);
    const bad = await api().call(coordinator, 'GET', '/api/outcomes.csv?period=week');
    expect(bad.statusCode).toBe(400);
  });

  it.each([
    ['GET', '/api/programmes'],
    ['GET', '/api/cohort'],
    ['GET', '/api/outcomes.csv'],
  ] as const)('refuses outreach workers %s %s', async (method, url) => {
    const worker = await (await api().organisation()).device('outreach-worker');
    const response = await api().call(worker, method, url);
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
  });

  it("never shows another organisation's programmes, cohort, outcomes or settings", async () => {
    const ours = await (await api().organisation('Ours')).device('coordinator');
    const theirs = await (await api().organisation('Theirs')).device('coordinator');
    await api().call(theirs, 'PUT', '/api/settings', SETTINGS);
    await pushAccepted(
      api(),
      theirs,
      finishedAssessment({
        programme: 'Theirs',
        outcomes: [{ type: 'got-device', date: '2026-02-10' }],
      }),
    );

    expect((await api().call(ours, 'GET', '/api/programmes')).json()).toEqual({ programmes: [] });
    expect(await cohort(api(), ours)).toEqual({ minGroup: 5, records: [] });
    expect((await outcomesCsv(api(), ours)).rows).toEqual([]);
    expect((await api().call(ours, 'GET', '/api/settings')).json()).toMatchObject({
      minGroup: 5,
      outcomeTypes: [],
    });
  });
});
