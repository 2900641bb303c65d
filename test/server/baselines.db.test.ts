// @vitest-environment node
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { bankV1, type Baseline, type Score } from '../../src/domain/index.ts';
import {
  baselineListResponseSchema,
  type BaselineImportRequest,
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
import { describeEachDatabase } from './support/databases.ts';

async function held(api: TestApi, device: TestDevice): Promise<Baseline[]> {
  const response = await api.call(device, 'GET', '/api/baselines');
  expect(response.statusCode, response.body).toBe(200);
  return baselineListResponseSchema.parse(response.json()).baselines;
}

const importFile = (api: TestApi, device: TestDevice, body: BaselineImportRequest) =>
  api.call(device, 'POST', '/api/baselines', body);

const [SKILL = ''] = bankV1.skills.map((s) => s.id);

const council = (id: string, value = 2): Omit<Baseline, 'provenance'> => ({
  id,
  name: { en: 'Older residents, 2025 survey', cy: 'Preswylwyr hŷn, arolwg 2025' },
  source: 'Council residents survey 2025',
  values: { basics: { B1: value }, blockers: {}, skill: { [SKILL]: 1.5 }, interest: {} },
});

const CSV = [
  'baseline_id,name_en,name_cy,source,facet,item,value',
  `survey-2025,Older residents,Preswylwyr hŷn,"Survey, 2025",basics,B1,2`,
  `survey-2025,Older residents,Preswylwyr hŷn,"Survey, 2025",skill,${SKILL},1.5`,
  `young-2025,Young people,Pobl ifanc,Survey 2025,basics,B2,3.25`,
].join('\r\n');

describeEachDatabase('baselines', ({ use }) => {
  const api = useTestApi(use());

  it('imports JSON as imported, lists it for any device and replaces it when imported again', async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    const worker = await organisation.device('outreach-worker');
    expect(await held(api(), worker)).toEqual([]);

    const response = await importFile(api(), coordinator, {
      format: 'json',
      content: JSON.stringify([
        council('survey-2025'),
        { ...council('cohort-x'), provenance: 'local-cohort' },
      ]),
    });
    expect(response.statusCode, response.body).toBe(200);
    const imported = baselineListResponseSchema.parse(response.json()).baselines;
    expect(imported.map((b) => [b.id, b.provenance])).toEqual([
      ['survey-2025', 'imported'],
      ['cohort-x', 'local-cohort'],
    ]);
    // Stored together, so listed by id.
    expect(await held(api(), worker)).toEqual([imported[1], imported[0]]);

    api().clock.advance(1_000);
    await importFile(api(), coordinator, {
      format: 'json',
      content: JSON.stringify([council('survey-2025', 3)]),
    });
    const after = await held(api(), worker);
    expect(after.map((b) => b.id).sort()).toEqual(['cohort-x', 'survey-2025']);
    expect(after.find((b) => b.id === 'survey-2025')?.values.basics).toEqual({ B1: 3 });
  });

  it('imports the CSV layout, one row per item', async () => {
    const coordinator = await (await api().organisation()).device('coordinator');
    const response = await importFile(api(), coordinator, {
      format: 'csv',
      content: `\uFEFF${CSV}\r\n`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(baselineListResponseSchema.parse(response.json()).baselines).toEqual([
      {
        id: 'survey-2025',
        name: { en: 'Older residents', cy: 'Preswylwyr hŷn' },
        provenance: 'imported',
        source: 'Survey, 2025',
        values: { basics: { B1: 2 }, blockers: {}, skill: { [SKILL]: 1.5 }, interest: {} },
      },
      {
        id: 'young-2025',
        name: { en: 'Young people', cy: 'Pobl ifanc' },
        provenance: 'imported',
        source: 'Survey 2025',
        values: { basics: { B2: 3.25 }, blockers: {}, skill: {}, interest: {} },
      },
    ]);
  });

  it('refuses a bad JSON file, naming every problem, and writes nothing', async () => {
    const coordinator = await (await api().organisation()).device('coordinator');
    await importFile(api(), coordinator, {
      format: 'json',
      content: JSON.stringify([council('keep-me')]),
    });
    const before = await held(api(), coordinator);

    const bad = await importFile(api(), coordinator, {
      format: 'json',
      content: JSON.stringify([
        council('fine-one'),
        { ...council('not-for-me') },
        { ...council('made-up'), provenance: 'illustrative' },
        {
          ...council('unknown-item'),
          values: { basics: { B9: 2 }, blockers: {}, skill: {}, interest: {} },
        },
      ]),
    });
    expect(bad.statusCode).toBe(400);
    const error = errorOf(bad);
    expect(error.code).toBe('invalid_baselines');
    expect(error.problems).toEqual(['3 (unknown-item): basics.B9 is not in the question bank']);
    // Once the items are right, the other problems are named together.
    const again = await importFile(api(), coordinator, {
      format: 'json',
      content: JSON.stringify([
        council('fine-one'),
        council('not-for-me'),
        { ...council('made-up'), provenance: 'illustrative' },
      ]),
    });
    expect(errorOf(again).problems).toEqual([
      '1 (not-for-me): the id is taken by a baseline shipped with Doorstep',
      expect.stringMatching(/^2 \(made-up\): provenance "illustrative" is only for/),
    ]);
    const schemaProblems = await importFile(api(), coordinator, {
      format: 'json',
      content: JSON.stringify([{ ...council('Bad Id'), source: '' }, { id: 'x' }]),
    });
    expect(errorOf(schemaProblems).problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^0\.id: does not match/),
        expect.stringMatching(/^0\.source: /),
        '1.name: missing field',
      ]),
    );
    const notJson = await importFile(api(), coordinator, { format: 'json', content: '[{' });
    expect(errorOf(notJson)).toMatchObject({
      code: 'invalid_baselines',
      problems: ['the file is not valid JSON'],
    });
    expect(await held(api(), coordinator)).toEqual(before);
  });

  it('refuses a bad CSV file, naming every problem by row, and writes nothing', async () => {
    const coordinator = await (await api().organisation()).device('coordinator');
    const bad = await importFile(api(), coordinator, {
      format: 'csv',
      content: [
        'baseline_id,name_en,name_cy,source,facet,item,value',
        'good-one,Good,Da,Survey,basics,B1,2',
        'good-one,Other name,Da,Survey,basics,B2,2',
        'Bad Id,x,y,z,basics,B1,2',
        'good-one,Good,Da,Survey,colour,B1,2',
        'good-one,Good,Da,Survey,basics,B9,2',
        'good-one,Good,Da,Survey,blockers,K1,5',
        'good-one,Good,Da,Survey,basics,B1,1',
        'good-one,Good,Da,Survey',
      ].join('\n'),
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({
      code: 'invalid_baselines',
      problems: [
        'row 3: name_en of good-one is "Other name", but "Good" on row 2',
        'row 4: the baseline_id "Bad Id" is not 1 to 60 of a–z, 0–9 and -',
        'row 5: the facet "colour" is not one of basics, blockers, skill, interest',
        'row 6: basics.B9 is not in the question bank',
        'row 7: the value "5" is not a number from 0 to 4',
        'row 8: good-one has basics.B1 twice',
        'row 9: 4 fields where the header has 7',
      ],
    });
    const missing = await importFile(api(), coordinator, {
      format: 'csv',
      content: 'baseline_id,name,facet,item,value\nx,y,basics,B1,2',
    });
    expect(errorOf(missing).problems).toEqual([
      'row 1: unknown column "name"',
      'row 1: the column "name_en" is missing',
      'row 1: the column "name_cy" is missing',
      'row 1: the column "source" is missing',
    ]);
    const shipped = await importFile(api(), coordinator, {
      format: 'csv',
      content:
        'baseline_id,name_en,name_cy,source,provenance,facet,item,value\nnot-for-me,a,b,c,illustrative,basics,B1,2',
    });
    expect(errorOf(shipped).problems).toEqual([
      'not-for-me (from row 2): the id is taken by a baseline shipped with Doorstep',
      expect.stringMatching(/^not-for-me \(from row 2\): provenance "illustrative"/),
    ]);
    const emptyName = await importFile(api(), coordinator, {
      format: 'csv',
      content:
        'baseline_id,name_en,name_cy,source,facet,item,value\nsurvey,,Arolwg,Survey,basics,B1,2',
    });
    expect(errorOf(emptyName).problems).toEqual([
      'survey (from row 2): name.en: expected at least 1',
    ]);
    expect(await held(api(), coordinator)).toEqual([]);
  });

  it("makes a local-cohort baseline from a programme's first visits", async () => {
    const organisation = await api().organisation();
    const coordinator = await organisation.device('coordinator');
    await api().call(coordinator, 'PUT', '/api/settings', {
      minGroup: 3,
      outcomeTypes: [],
      directory: null,
      healthQuestion: 'optional',
      retentionDays: 730,
    });
    const visit = (ref: string, date: string, b1: Score) =>
      finishedAssessment({
        programme: 'Spring',
        residentRef: ref,
        date,
        answers: answersWith((a) => {
          a.basics['B1'] = b1;
        }),
      });
    // R-1's later visit is not a first visit; the other programme is not counted.
    await pushAccepted(
      api(),
      coordinator,
      visit('R-1', '2026-03-01', 0),
      visit('R-1', '2026-06-01', 4),
      visit('R-2', '2026-03-05', 1),
      visit('R-3', '2026-04-01', 2),
      finishedAssessment({ programme: 'Autumn', residentRef: 'R-4' }),
    );

    const response = await api().call(coordinator, 'POST', '/api/baselines/from-programme', {
      programme: 'Spring',
      name: { en: 'Spring starters', cy: 'Dechreuwyr y gwanwyn' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [made] = baselineListResponseSchema.parse(response.json()).baselines;
    expect(made).toMatchObject({
      name: { en: 'Spring starters', cy: 'Dechreuwyr y gwanwyn' },
      provenance: 'local-cohort',
      source: 'Local cohort: first visits of 3 residents in Spring, 2026-03-01–2026-04-01',
    });
    expect(made?.values.basics['B1']).toBe(1);
    expect(await held(api(), coordinator)).toEqual([made]);

    const tooSmall = await api().call(coordinator, 'POST', '/api/baselines/from-programme', {
      programme: 'Autumn',
      name: { en: 'Autumn', cy: 'Hydref' },
    });
    expect(tooSmall.statusCode).toBe(422);
    expect(errorOf(tooSmall).code).toBe('baseline_too_small');
    expect(await held(api(), coordinator)).toHaveLength(1);
  });

  it('deletes a baseline of its own organisation only', async () => {
    const ours = await (await api().organisation('Ours')).device('coordinator');
    const theirs = await (await api().organisation('Theirs')).device('coordinator');
    await importFile(api(), theirs, {
      format: 'json',
      content: JSON.stringify([council('survey-2025')]),
    });

    expect(await held(api(), ours)).toEqual([]);
    const notOurs = await api().call(ours, 'DELETE', '/api/baselines/survey-2025');
    expect(notOurs.statusCode).toBe(404);
    expect(errorOf(notOurs).code).toBe('not_found');
    expect(await held(api(), theirs)).toHaveLength(1);

    const deleted = await api().call(theirs, 'DELETE', '/api/baselines/survey-2025');
    expect(deleted.statusCode).toBe(204);
    expect(await held(api(), theirs)).toEqual([]);
  });

  it.each([
    ['POST', '/api/baselines', { format: 'json', content: '[]' }],
    ['POST', '/api/baselines/from-programme', { programme: 'x', name: { en: 'a', cy: 'b' } }],
    ['DELETE', '/api/baselines/survey-2025', undefined],
  ] as const)('refuses outreach workers %s %s', async (method, url, body) => {
    const worker = await (await api().organisation()).device('outreach-worker');
    const response = await api().call(worker, method, url, body);
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
  });

  it.each(['json', 'csv'] as const)('imports the %s example of the README', async (format) => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Baseline files'));
    const content = new RegExp(`\`\`\`${format}\n([^]*?)\`\`\``).exec(section)?.[1] ?? '';
    const coordinator = await (await api().organisation()).device('coordinator');
    const response = await importFile(api(), coordinator, { format, content });
    expect(response.statusCode, response.body).toBe(200);
    expect(baselineListResponseSchema.parse(response.json()).baselines).toMatchObject([
      { id: 'survey-2025-over-65', provenance: 'imported' },
    ]);
  });
});
