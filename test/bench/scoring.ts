/**
 * Scoring benchmark: how long scoreAssessment takes for one complete full assessment (all 104
 * questions answered). Run alone with `node --import tsx test/bench/scoring.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  bankV1,
  emptyAnswers,
  scaleV1,
  scoreAssessment,
  type Answers,
  type Score,
} from '../../src/domain/index.ts';

export interface ScoringBenchResult {
  readonly name: string;
  readonly command: string;
  readonly iterations: number;
  readonly batchSize: number;
  /** Total time over all iterations, per call. */
  readonly meanMicroseconds: number;
  /** Percentiles and maximum over batches of batchSize calls, each as time per call. */
  readonly p50Microseconds: number;
  readonly p95Microseconds: number;
  readonly maxMicroseconds: number;
}

const ITERATIONS = 20_000;
const BATCH = 100;
const WARM_UP = 2_000;

/** Every Basics item, Blocker and both facets of all 48 skills scored: 104 answers. */
function completeFullAssessment(): Answers {
  const answers = emptyAnswers();
  const score = (n: number) => (n % 5) as Score;
  bankV1.basics.forEach((item, i) => (answers.basics[item.id] = score(i + 1)));
  bankV1.blockers.forEach((item, i) => (answers.blockers[item.id] = score(i)));
  bankV1.skills.forEach((skill, i) => {
    answers.skill[skill.id] = score(i);
    answers.interest[skill.id] = score(i * 3 + 2);
  });
  return answers;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function benchScoring(): Promise<ScoringBenchResult> {
  const answers = completeFullAssessment();
  const count = Object.values(answers).reduce((n, facet) => n + Object.keys(facet).length, 0);
  if (count !== 104) throw new Error(`expected 104 answers, built ${count}`);

  // Keep a result alive so the work cannot be optimised away.
  let sink = 0;
  for (let i = 0; i < WARM_UP; i++) sink += scoreAssessment(answers, bankV1, scaleV1).plan.length;

  // Time batches: one call is too short to time on its own, so each sample is a batch's mean.
  const perCall: number[] = [];
  const start = performance.now();
  for (let done = 0; done < ITERATIONS; done += BATCH) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) sink += scoreAssessment(answers, bankV1, scaleV1).plan.length;
    perCall.push(Number(process.hrtime.bigint() - t0) / 1_000 / BATCH);
  }
  const totalMicroseconds = (performance.now() - start) * 1_000;
  if (sink === 0) throw new Error('scoring produced no plan');

  perCall.sort((a, b) => a - b);
  /** Nearest-rank percentile of the sorted samples. */
  const at = (q: number) =>
    perCall[Math.min(perCall.length - 1, Math.max(0, Math.ceil(q * perCall.length) - 1))] ?? NaN;
  return {
    name: 'score-full-assessment',
    command: 'node --import tsx test/bench/scoring.ts',
    iterations: ITERATIONS,
    batchSize: BATCH,
    meanMicroseconds: round(totalMicroseconds / ITERATIONS),
    p50Microseconds: round(at(0.5)),
    p95Microseconds: round(at(0.95)),
    maxMicroseconds: round(at(1)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchScoring(), null, 2));
}
