// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import * as domain from '../../src/domain/index.ts';
import type { Language } from '../../src/server/language.ts';
import {
  describeIssues,
  message,
  messageIds,
  needsReview,
  render,
  type Issue,
  type MessageId,
  type ParameterisedId,
  type ParamsOf,
} from '../../src/server/messages.ts';
import {
  enrolRequestSchema,
  pushRequestSchema,
  wireAssessmentSchema,
} from '../../src/shared/protocol.ts';
import { finishedAssessment } from './support/api.ts';

function issuesOf(schema: z.ZodMiniType, input: unknown) {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('The input was meant to fail.');
  return parsed.error.issues as readonly Issue[];
}

const assessmentIssues = (change: Record<string, unknown>) =>
  issuesOf(wireAssessmentSchema, { ...finishedAssessment(), ...change });

// Real parse failures, covering every kind of issue the server explains.
const ISSUES: readonly (readonly Issue[])[] = [
  assessmentIssues({ date: '2026-02-30' }),
  assessmentIssues({ step: undefined }),
  assessmentIssues({ step: -1 }),
  assessmentIssues({ step: 1.5, revision: 'two' }),
  assessmentIssues({ residentRef: ' no' }),
  assessmentIssues({ venue: 'moon', colour: 'blue', size: 3 }),
  assessmentIssues({ bankVersion: 2 }),
  assessmentIssues({ answers: { basics: { B1: 9 }, blockers: {}, skill: {}, interest: {} } }),
  issuesOf(wireAssessmentSchema, 'hello'),
  issuesOf(pushRequestSchema, { records: [], since: 0 }),
  issuesOf(enrolRequestSchema, { code: 'ab', deviceName: 'x'.repeat(81) }),
];

/** Parameters for every message that takes them: counts that reach each Welsh plural form. */
const counted = (n: number) => Array.from({ length: n }, (_, i) => `basics.B${i + 1}`);
const COUNTS = [1, 2, 3, 6, 7];
const SAMPLES: { readonly [Id in ParameterisedId]: readonly ParamsOf<Id>[] } = {
  'request.unexpected': [{ issues: issuesOf(pushRequestSchema, { records: [], since: 0 }) }],
  'request.encoding': [{ encoding: 'deflate' }],
  'server.notFoundAt': [{ method: 'GET', path: '/api/nothing' }],
  'record.idMismatch': [
    { recordId: 'a', recordRevision: 2, assessmentId: 'b', assessmentRevision: 1 },
  ],
  'record.unsupportedVersion': [
    { versions: ['bankVersion 2'], bankVersion: 1, scaleVersion: 1 },
    { versions: ['bankVersion 2', 'scaleVersion 3'], bankVersion: 1, scaleVersion: 1 },
  ],
  'record.unknownFields': COUNTS.map((n) => ({ fields: counted(n) })),
  'record.unknownItems': COUNTS.map((n) => ({ items: counted(n), bankVersion: 1 })),
  'record.outOfScale': COUNTS.map((n) => ({ answers: counted(n), missing: domain.MISSING })),
  'record.unreadable': [{ issues: assessmentIssues({ date: '2026-02-30', step: undefined }) }],
  'baselines.tooSmall': [0, 1, 2, 3, 6, 7].map((residents) => ({ residents, minGroup: 5 })),
  'signIn.locked': [1, 2, 3, 6, 7, 15].map((minutes) => ({ minutes })),
  'issue.unknownFields': [{ keys: ['colour'] }, { keys: ['colour', 'size'] }],
  'issue.expectedType': [{ expected: 'number' }],
  'issue.expectedValues': [{ values: ['library', 'other'] }],
  'issue.noMatch': [{ pattern: '/^a+/' }],
  'issue.exactly': [{ size: '3' }],
  'issue.atLeast': [{ size: '1' }],
  'issue.atMost': [{ size: '80' }],
  'issue.other': [{ message: 'Invalid input' }],
};

function renderings(language: Language, id: MessageId): string[] {
  const samples: readonly unknown[] | undefined = (SAMPLES as Record<string, readonly unknown[]>)[
    id
  ];
  return (samples ?? [undefined]).map((params) => render(language, { id, params }));
}

describe('the message catalogue', () => {
  it.each(messageIds)('has %s in English and in Welsh, fully filled in', (id) => {
    const english = renderings('en', id);
    const welsh = renderings('cy', id);
    for (const text of [...english, ...welsh]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/[{}]|\$\{|undefined|NaN|\[object /);
    }
    // A Welsh entry left as a copy of the English would pass everything else.
    welsh.forEach((text, i) => expect(text).not.toBe(english[i]));
  });

  it('lists for review only messages it has, each once', () => {
    expect(needsReview.filter((id) => !messageIds.includes(id))).toEqual([]);
    expect(new Set(needsReview).size).toBe(needsReview.length);
  });

  it('words Welsh with the noun form the count needs', () => {
    const fields = (n: number) =>
      render('cy', message('record.unknownFields', { fields: counted(n) }));
    expect(fields(1)).toMatch(/^Mae gan yr asesiad faes nad yw'r gweinydd hwn yn ei adnabod: /);
    for (const n of [2, 3, 6, 7]) expect(fields(n)).toMatch(/feysydd .* yn eu hadnabod/);
    const items = (n: number) =>
      render('cy', message('record.unknownItems', { items: counted(n), bankVersion: 1 }));
    expect(items(1)).toMatch(/yn ateb cwestiwn nad yw ym manc cwestiynau 1: basics\.B1\.$/);
    expect(items(2)).toMatch(/yn ateb cwestiynau nad ydyn nhw ym manc cwestiynau 1: /);
    const answers = (n: number) =>
      render('cy', message('record.outOfScale', { answers: counted(n), missing: ['dont-know'] }));
    expect(answers(1)).toMatch(/^Mae ateb y tu allan i'r raddfa: basics\.B1\./);
    expect(answers(3)).toMatch(/^Mae atebion y tu allan i'r raddfa: basics\.B1, basics\.B2, /);
  });

  it('keeps the English wording of the singular and the plural', () => {
    expect(render('en', message('record.unknownFields', { fields: ['scores'] }))).toBe(
      'The assessment has a field this server does not know: scores.',
    );
    expect(render('en', message('record.unknownFields', { fields: ['a', 'b'] }))).toBe(
      'The assessment has fields this server does not know: a, b.',
    );
  });
});

describe('describing what is wrong with a value', () => {
  it.each(ISSUES.map((issues) => [describeIssues('en', issues), issues] as const))(
    'says it in English as the domain does: %s',
    (english, issues) => {
      expect(english).toBe(domain.describeIssues(issues).join('; '));
    },
  );

  it.each(ISSUES.map((issues) => [describeIssues('cy', issues)] as const))(
    'says it in Welsh with no English words left: %s',
    (welsh) => {
      expect(welsh).not.toMatch(
        /expected|missing|unknown|real date|match|format|invalid|number|object|\bint\b/i,
      );
    },
  );

  it('names the paths and values as they are in both languages', () => {
    const issues = assessmentIssues({ venue: 'moon', colour: 'blue' });
    expect(describeIssues('cy', issues)).toBe(
      'venue: disgwylir "library" neu "home-visit" neu "community-hub" neu "other"; ' +
        'maes anhysbys "colour"',
    );
    expect(describeIssues('cy', assessmentIssues({ step: 1.5, revision: 'two' }))).toBe(
      'step: disgwylir cyfanrif; revision: disgwylir rhif',
    );
    expect(describeIssues('cy', assessmentIssues({ date: '2026-02-30' }))).toBe(
      "date: nid yw'n ddyddiad go iawn (YYYY-MM-DD)",
    );
  });
});
