import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_OUTCOMES,
  BUILT_IN_OUTCOME_LABELS,
  outcomeCounts,
  outcomeLabel,
  outcomeSchema,
  periodOf,
} from '../../src/domain/index.ts';

describe('periods of an outcome date', () => {
  it('names the month, the quarter and the year, at their edges', () => {
    expect(periodOf('2026-03-31', 'month')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-12-31', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-12-31', 'year')).toBe('2026');
  });
});

describe('outcome counts', () => {
  it('counts per programme, period and kind, each event once per resident', () => {
    const counts = outcomeCounts(
      [
        // The same event recorded at two visits of one resident counts once.
        {
          id: 'a1',
          residentRef: 'LIB-1',
          programme: 'Spring',
          outcomes: [{ type: 'banks-online', date: '2026-02-10' }],
        },
        {
          id: 'a2',
          residentRef: 'LIB-1',
          programme: 'Spring',
          outcomes: [
            { type: 'banks-online', date: '2026-02-10' },
            { type: 'got-device', date: '2026-04-02' },
          ],
        },
        // Another resident, same kind and quarter.
        {
          id: 'a3',
          residentRef: 'LIB-2',
          programme: 'Spring',
          outcomes: [{ type: 'banks-online', date: '2026-03-30' }],
        },
        // No reference: each assessment is a person of its own.
        { id: 'a4', residentRef: null, outcomes: [{ type: 'banks-online', date: '2026-01-05' }] },
        { id: 'a5', residentRef: null, outcomes: [{ type: 'banks-online', date: '2026-01-05' }] },
        { id: 'a6', residentRef: 'LIB-3', programme: 'Spring' },
      ],
      'quarter',
    );
    expect(counts).toEqual([
      { programme: '', period: '2026-Q1', type: 'banks-online', count: 2 },
      { programme: 'Spring', period: '2026-Q1', type: 'banks-online', count: 2 },
      { programme: 'Spring', period: '2026-Q2', type: 'got-device', count: 1 },
    ]);
  });

  it('counts the same kind again on another date', () => {
    const counts = outcomeCounts(
      [
        {
          id: 'a1',
          residentRef: 'LIB-1',
          outcomes: [
            { type: 'gp-appointment-online', date: '2026-05-01' },
            { type: 'gp-appointment-online', date: '2026-05-20' },
          ],
        },
      ],
      'month',
    );
    expect(counts).toEqual([
      { programme: '', period: '2026-05', type: 'gp-appointment-online', count: 2 },
    ]);
  });
});

describe('outcome kinds in words', () => {
  const own = [
    {
      id: 'council-tax-online',
      label: { en: 'Pays council tax online', cy: 'Yn talu treth y cyngor ar-lein' },
    },
  ];

  it('words every built-in kind in both languages, and the organisation’s own', () => {
    for (const kind of BUILT_IN_OUTCOMES) {
      expect(BUILT_IN_OUTCOME_LABELS[kind].en).not.toBe('');
      expect(BUILT_IN_OUTCOME_LABELS[kind].cy).not.toBe(BUILT_IN_OUTCOME_LABELS[kind].en);
    }
    expect(outcomeLabel('banks-online', 'cy', own)).toBe('Bellach yn bancio ar-lein');
    expect(outcomeLabel('council-tax-online', 'en', own)).toBe('Pays council tax online');
  });

  it('shows a kind the organisation has since removed by its id', () => {
    expect(outcomeLabel('library-card', 'en', own)).toBe('library-card');
  });
});

describe('an outcome on the record', () => {
  it('needs a kind named like the others and a real date', () => {
    expect(outcomeSchema.safeParse({ type: 'banks-online', date: '2026-02-28' }).success).toBe(
      true,
    );
    expect(outcomeSchema.safeParse({ type: 'banks-online', date: '2026-02-30' }).success).toBe(
      false,
    );
    expect(outcomeSchema.safeParse({ type: 'Banks Online', date: '2026-02-28' }).success).toBe(
      false,
    );
  });
});
