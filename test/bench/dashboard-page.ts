/**
 * The dashboard's computation as the browser runs it, for test/bench/dashboard.ts: the same
 * domain functions the dashboard calls on a cohort it has loaded, over generated assessments
 * sent as the server sends them (answers in their compact form). Bundled with the app's own
 * bundler and run in Chromium.
 */
import {
  BUILT_IN_OUTCOMES,
  FACETS,
  MISSING,
  bankV1,
  cohortFigures,
  decodeAnswers,
  emptyAnswers,
  encodeAnswers,
  outcomeCounts,
  residentsOf,
  scaleV1,
  type Answer,
  type Answers,
} from '../../src/domain/index.ts';
import { cohortResponseSchema, type CohortResponse } from '../../src/shared/council-api.ts';

/** As the dashboard holds it once loaded: the answers decoded. */
interface Cohort {
  readonly minGroup: number;
  readonly records: readonly (Omit<CohortResponse['records'][number], 'answers'> & {
    readonly answers: Answers;
  })[];
}

/** A fixed sequence, so every run measures the same cohort. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `residents` people with 1 to 4 visits each, a quarter of them each: 2.5 visits on average,
 * so 4,000 residents make 10,000 assessments. Every question answered (one in twenty "don't
 * know"), scores drifting up between visits; one in twenty people has no reference; about one
 * assessment in three records an outcome. In the server's order: by date.
 */
function generate(residents: number): Cohort {
  const next = random(20261121);
  const items = {
    basics: bankV1.basics.map((i) => i.id),
    blockers: bankV1.blockers.map((i) => i.id),
    skill: bankV1.skills.map((s) => s.id),
    interest: bankV1.skills.map((s) => s.id),
  };
  const records: Cohort['records'][number][] = [];
  for (let r = 0; r < residents; r += 1) {
    const visits = (r % 4) + 1;
    const ref = next() < 0.05 && visits === 1 ? null : `R-${r}`;
    const level = Math.floor(next() * 4);
    for (let v = 0; v < visits; v += 1) {
      const answers = emptyAnswers();
      for (const facet of FACETS) {
        for (const id of items[facet]) {
          const score = Math.min(4, Math.max(0, level + v + Math.floor(next() * 3) - 1));
          answers[facet][id] = (next() < 0.05 ? MISSING[2] : score) as Answer;
        }
      }
      const month = String(1 + ((r + v * 3) % 12)).padStart(2, '0');
      const day = String(1 + (r % 28)).padStart(2, '0');
      const date = `2026-${month}-${day}`;
      const outcomes =
        next() < 0.33
          ? [{ type: BUILT_IN_OUTCOMES[Math.floor(next() * BUILT_IN_OUTCOMES.length)] ?? '', date }]
          : [];
      records.push({ id: `a-${r}-${v}`, residentRef: ref, date, answers, outcomes });
    }
  }
  records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { minGroup: 5, records };
}

/** What the server sends: the same records, their answers encoded as it does. */
function response(cohort: Cohort): CohortResponse {
  return {
    minGroup: cohort.minGroup,
    records: cohort.records.map((r) => ({ ...r, answers: encodeAnswers(r.answers, bankV1) })),
  };
}

/** What the dashboard does with a loaded cohort: people, their figures, the outcome counts. */
function compute(cohort: Cohort) {
  const t0 = performance.now();
  const residents = residentsOf(cohort.records);
  const t1 = performance.now();
  const figures = cohortFigures(residents, bankV1, scaleV1, cohort.minGroup);
  const t2 = performance.now();
  const outcomes = outcomeCounts(cohort.records, 'quarter');
  const t3 = performance.now();
  return {
    residents: residents.length,
    figures,
    outcomes: outcomes.length,
    parts: { groupMs: t1 - t0, figuresMs: t2 - t1, outcomesMs: t3 - t2 },
  };
}

/**
 * As the dashboard receives a cohort: the server's JSON parsed, checked with the protocol's
 * schema and its answers decoded, as DashboardScreen does.
 */
function load(text: string) {
  const t0 = performance.now();
  const json: unknown = JSON.parse(text);
  const t1 = performance.now();
  const parsed = cohortResponseSchema.parse(json);
  const t2 = performance.now();
  const cohort: Cohort = {
    minGroup: parsed.minGroup,
    records: parsed.records.map((r) => ({ ...r, answers: decodeAnswers(r.answers, bankV1) })),
  };
  const t3 = performance.now();
  return { cohort, times: { jsonMs: t1 - t0, schemaMs: t2 - t1, decodeMs: t3 - t2 } };
}

declare global {
  interface Window {
    doorstepBench: (residents: number, runs: number, loads: number) => unknown;
  }
}

window.doorstepBench = (residents, runs, loads) => {
  const text = JSON.stringify(response(generate(residents)));
  // Timed apart from the figures: a cohort is loaded once, its figures worked out again on
  // every change of period or baseline.
  const loadTimes: ReturnType<typeof load>['times'][] = [];
  let loaded = load(text);
  loadTimes.push(loaded.times);
  for (let i = 1; i < loads; i += 1) {
    loaded = load(text);
    loadTimes.push(loaded.times);
  }
  const { cohort } = loaded;
  const durations: number[] = [];
  const parts: ReturnType<typeof compute>['parts'][] = [];
  let last: ReturnType<typeof compute> | null = null;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    last = compute(cohort);
    durations.push(performance.now() - start);
    parts.push(last.parts);
  }
  return {
    assessments: cohort.records.length,
    residents: last?.residents ?? 0,
    revisited: last?.figures.revisited.n ?? 0,
    outcomeRows: last?.outcomes ?? 0,
    durations,
    parts,
    loads: loadTimes,
    bytes: text.length,
  };
};
