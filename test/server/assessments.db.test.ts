// @vitest-environment node
import { expect, it } from 'vitest';
import {
  bankV1,
  scaleV1,
  scoreAssessment,
  type Assessment,
  type FacetAnswers,
} from '../../src/domain/index.ts';
import {
  assessmentListResponseSchema,
  type AssessmentSummary,
} from '../../src/shared/council-api.ts';
import {
  START,
  answersWith,
  finishedAssessment,
  useTestApi,
  type TestApi,
  type TestDevice,
  pushAccepted,
} from './support/api.ts';
import { assessmentsCsv } from '../../src/server/services/assessments-csv.ts';
import { parseCsv } from './support/csv.ts';
import { describeEachDatabase } from './support/databases.ts';

async function list(api: TestApi, device: TestDevice): Promise<AssessmentSummary[]> {
  const response = await api.call(device, 'GET', '/api/assessments');
  expect(response.statusCode).toBe(200);
  return assessmentListResponseSchema.parse(response.json()).assessments;
}

async function csvOf(api: TestApi, device: TestDevice) {
  const response = await api.call(device, 'GET', '/api/assessments.csv');
  expect(response.statusCode).toBe(200);
  const [header = [], ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
  const records = rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
  return { response, header, records };
}

const shortSkills = bankV1.skills.filter((s) => s.short).map((s) => s.id);
const [SHORT_A = '', SHORT_B = ''] = shortSkills;
const NOT_ASKED = bankV1.skills.find((s) => !s.short)?.id ?? '';

/** Not asked, non-answers and scores side by side. */
const mixed = () =>
  finishedAssessment({
    set: 'short',
    venue: 'community-hub',
    residentRef: 'HUB-7',
    language: 'cy',
    answers: answersWith((a) => {
      // A short set asks only the short skills: the others are not asked at all.
      const asked = (answers: FacetAnswers) =>
        Object.fromEntries(Object.entries(answers).filter(([id]) => shortSkills.includes(id)));
      a.skill = asked(a.skill);
      a.interest = asked(a.interest);
      a.basics['B2'] = 'prefer-not-to-say';
      a.blockers['K5'] = 'not-applicable';
      a.skill[SHORT_A] = 'dont-know';
      a.interest[SHORT_B] = 'skipped';
    }),
  });

describeEachDatabase('received assessments', ({ use }) => {
  const api = useTestApi(use());

  it('shows coordinators what was received, most recent first, with server scores', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator', 'Cora');
    const worker = await organisation.device('outreach-worker', 'Wes');
    const older = finishedAssessment();
    await pushAccepted(api(), worker, older);
    api().clock.advance(60_000);
    const newer = mixed();
    await pushAccepted(api(), coordinator, newer);

    const scores = scoreAssessment(newer.answers, bankV1, scaleV1);
    const summaries = await list(api(), coordinator);
    expect(summaries.map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(summaries[0]).toEqual({
      id: newer.id,
      revision: 1,
      receivedAt: new Date(START.getTime() + 60_000).toISOString(),
      firstReceivedAt: new Date(START.getTime() + 60_000).toISOString(),
      device: coordinator.device,
      person: { id: coordinator.person.id, name: 'Cora' },
      residentRef: 'HUB-7',
      date: newer.date,
      venue: 'community-hub',
      set: 'short',
      sections: scores.sections,
      plan: scores.plan.map(({ skillId, headingId, priority, band }) => ({
        skillId,
        headingId,
        priority,
        band,
      })),
    });
    expect(summaries[1]?.person).toEqual({ id: worker.person.id, name: 'Wes' });
  });

  it('exports one CSV row per assessment with every answer, section score and plan item', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const full = finishedAssessment();
    const short = mixed();
    await pushAccepted(api(), coordinator, full, short);
    // A newer revision replaces the row rather than adding one.
    api().clock.advance(60_000);
    await pushAccepted(api(), coordinator, { ...short, revision: 2 });

    const { response, header, records } = await csvOf(api(), coordinator);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="doorstep-assessments-2026-11-21.csv"',
    );
    expect(response.body.startsWith('\uFEFF')).toBe(true);

    const sections = ['basics', 'blockers', 'skill', 'interest'];
    expect(header).toEqual([
      'assessment_id',
      'revision',
      'device_id',
      'device_name',
      'person_id',
      'person_name',
      'received_at',
      'first_received_at',
      'resident_ref',
      'date',
      'venue',
      'programme',
      'venue_name',
      'set',
      'language',
      'bank_version',
      'scale_version',
      'outcomes',
      'privacy_agreed_at',
      'health_question_mode',
      'health_consent',
      'B1',
      'B2',
      'B3',
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      ...bankV1.skills.map((s) => `skill_${s.id}`),
      ...bankV1.skills.map((s) => `interest_${s.id}`),
      ...sections.flatMap((s) => [`${s}_score`, `${s}_answered`, `${s}_low_coverage`]),
      ...[1, 2, 3, 4, 5].flatMap((n) => [`plan_${n}`, `plan_${n}_priority`, `plan_${n}_band`]),
    ]);
    expect(records).toHaveLength(2);

    for (const assessment of [full, { ...short, revision: 2 }]) {
      const row = records.find((r) => r['assessment_id'] === assessment.id);
      const scores = scoreAssessment(assessment.answers, bankV1, scaleV1);
      expect(row).toMatchObject({
        revision: String(assessment.revision),
        device_id: coordinator.device.id,
        person_name: coordinator.person.name,
        resident_ref: assessment.residentRef,
        venue: assessment.venue,
        set: assessment.set,
        language: assessment.language ?? '',
      });
      const answer = (facet: keyof Assessment['answers'], id: string) =>
        String(assessment.answers[facet][id] ?? '');
      for (const item of bankV1.basics) expect(row?.[item.id]).toBe(answer('basics', item.id));
      for (const item of bankV1.blockers) expect(row?.[item.id]).toBe(answer('blockers', item.id));
      for (const skill of bankV1.skills) {
        expect(row?.[`skill_${skill.id}`]).toBe(answer('skill', skill.id));
        expect(row?.[`interest_${skill.id}`]).toBe(answer('interest', skill.id));
      }
      for (const [facet, section] of Object.entries(scores.sections)) {
        expect(row?.[`${facet}_score`]).toBe(String(section.score ?? ''));
        expect(row?.[`${facet}_answered`]).toBe(String(section.answered));
        expect(row?.[`${facet}_low_coverage`]).toBe(section.lowCoverage ? 'yes' : 'no');
      }
      for (let i = 0; i < 5; i++) {
        const item = scores.plan[i];
        expect(row?.[`plan_${i + 1}`]).toBe(item?.skillId ?? '');
        expect(row?.[`plan_${i + 1}_priority`]).toBe(String(item?.priority ?? ''));
        expect(row?.[`plan_${i + 1}_band`]).toBe(item?.band ?? '');
      }
    }
    const shortRow = records.find((r) => r['assessment_id'] === short.id);
    expect(shortRow).toMatchObject({
      language: 'cy',
      B2: 'prefer-not-to-say',
      K5: 'not-applicable',
      [`skill_${SHORT_A}`]: 'dont-know',
      [`interest_${SHORT_B}`]: 'skipped',
      [`skill_${NOT_ASKED}`]: '',
    });
  });

  it('exports when the resident agreed and how the health question was asked', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const agreedAt = START.getTime() - 3_600_000;
    const declined = finishedAssessment({
      answers: answersWith((a) => {
        delete a.blockers['K5'];
      }),
    });
    const separate = {
      ...declined,
      privacy: { agreedAt, healthQuestion: 'separate-consent' as const, healthConsent: false },
    };
    const optional = {
      ...finishedAssessment(),
      privacy: { agreedAt, healthQuestion: 'optional' as const, healthConsent: null },
    };
    const older = finishedAssessment();
    await pushAccepted(api(), coordinator, separate, optional, older);

    const { records } = await csvOf(api(), coordinator);
    const row = (id: string) => records.find((r) => r['assessment_id'] === id);
    expect(row(separate.id)).toMatchObject({
      privacy_agreed_at: new Date(agreedAt).toISOString(),
      health_question_mode: 'separate-consent',
      health_consent: 'no',
      // Not agreed to, so not asked: empty, not a non-answer.
      K5: '',
    });
    expect(row(optional.id)).toMatchObject({
      privacy_agreed_at: new Date(agreedAt).toISOString(),
      health_question_mode: 'optional',
      health_consent: '',
    });
    // Made before the notice was shown: nothing claimed.
    expect(row(older.id)).toMatchObject({
      privacy_agreed_at: '',
      health_question_mode: '',
      health_consent: '',
    });
  });

  it('keeps names that look like formulas as text in a spreadsheet', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator', '=HYPERLINK("http://x")');
    await pushAccepted(api(), coordinator, finishedAssessment());
    const { records } = await csvOf(api(), coordinator);
    expect(records[0]?.['person_name']).toBe(`'=HYPERLINK("http://x")`);
    expect(records[0]?.['device_name']).toBe(`'=HYPERLINK("http://x")'s tablet`);
  });

  it('exports names in any language intact', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator', 'Siân Ó Dónaill');
    await pushAccepted(api(), coordinator, finishedAssessment());
    const { records } = await csvOf(api(), coordinator);
    expect(records[0]?.['person_name']).toBe('Siân Ó Dónaill');
  });

  it('exports just the header when nothing was received', async () => {
    const coordinator = await (await api().organisation()).device('coordinator');
    const { header, records } = await csvOf(api(), coordinator);
    expect(header[0]).toBe('assessment_id');
    expect(records).toEqual([]);
  });

  it("never shows another organisation's assessments, as a list or as CSV", async () => {
    const ours = await api().organisation('Ours');
    const theirs = await api().organisation('Theirs');
    const ourCoordinator = await ours.device('coordinator');
    const theirWorker = await theirs.device('outreach-worker');
    const theirCoordinator = await theirs.device('administrator');
    await pushAccepted(
      api(),
      theirWorker,
      finishedAssessment({ id: 'shared-id' }),
      finishedAssessment(),
    );
    await pushAccepted(
      api(),
      ourCoordinator,
      finishedAssessment({ id: 'shared-id', residentRef: 'OURS-1' }),
    );

    const ourList = await list(api(), ourCoordinator);
    expect(ourList.map((a) => [a.id, a.residentRef])).toEqual([['shared-id', 'OURS-1']]);
    expect((await csvOf(api(), ourCoordinator)).records.map((r) => r['resident_ref'])).toEqual([
      'OURS-1',
    ]);
    expect(await list(api(), theirCoordinator)).toHaveLength(2);
  });

  it('exports the programme, venue name and outcomes of each assessment', async () => {
    const coordinator = await (await api().organisation()).device('coordinator');
    const tagged = finishedAssessment({
      programme: 'Library drop-in, spring',
      venueName: 'Central Library',
      outcomes: [
        { type: 'banks-online', date: '2026-05-01' },
        { type: 'got-device', date: '2026-06-02' },
      ],
    });
    const plain = finishedAssessment();
    await pushAccepted(api(), coordinator, tagged, plain);
    const { records } = await csvOf(api(), coordinator);
    expect(records.find((r) => r['assessment_id'] === tagged.id)).toMatchObject({
      programme: 'Library drop-in, spring',
      venue_name: 'Central Library',
      outcomes: 'banks-online 2026-05-01; got-device 2026-06-02',
    });
    expect(records.find((r) => r['assessment_id'] === plain.id)).toMatchObject({
      programme: '',
      venue_name: '',
      outcomes: '',
    });
  });

  it('streams every row once across pages, most recently received first', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    // Several received at the same moment, so pages must also order by id.
    const first = [finishedAssessment(), finishedAssessment(), finishedAssessment()];
    await pushAccepted(api(), coordinator, ...first);
    api().clock.advance(1_000);
    const later = [finishedAssessment(), finishedAssessment()];
    await pushAccepted(api(), coordinator, ...later);

    const chunks: Buffer[] = [];
    const stream = assessmentsCsv(
      api().db,
      organisation.id,
      (error) => {
        throw error;
      },
      2,
    );
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const [header = [], ...rows] = parseCsv(Buffer.concat(chunks).toString('utf8').slice(1));
    const ids = rows.map((row) => row[header.indexOf('assessment_id')]);
    const byIdDesc = (list: Assessment[]) =>
      list
        .map((a) => a.id)
        .sort()
        .reverse();
    expect(ids).toEqual([...byIdDesc(later), ...byIdDesc(first)]);
  });
});
