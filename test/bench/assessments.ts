/**
 * Realistic finished full assessments for the sync benchmarks, in the app's own shape
 * (src/domain/assessment.ts): all 104 questions answered in bank order, mostly scores with a few
 * non-answers, a pseudonymous reference, a venue, the revision the interview leaves behind, and
 * epoch-millisecond times. Deterministic: the same seed gives the same bytes, so byte counts do
 * not move between runs, but the answers vary like real ones (a repeating pattern would compress
 * unrealistically well).
 */
import {
  MISSING,
  VENUES,
  bankV1,
  emptyAnswers,
  interviewSteps,
  type Answer,
  type Assessment,
  type Score,
} from '../../src/domain/index.ts';
import type { PushRecord } from '../../src/shared/protocol.ts';

/** Mulberry32: a small, fast, seeded generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID v4 from the generator, in the format crypto.randomUUID gives (the app's ids). */
function uuid(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const FULL_STEPS = interviewSteps(bankV1, 'full');
const REF_PREFIX: Record<(typeof VENUES)[number], string> = {
  library: 'LIB',
  'home-visit': 'HV',
  'community-hub': 'HUB',
  other: 'OUT',
};
const NON_ANSWERS = MISSING.filter((m) => m !== 'skipped');

/** One answer: a score most of the time (people mostly answer), a non-answer now and then. */
function someAnswer(random: () => number): Answer {
  const r = random();
  if (r < 0.05) return NON_ANSWERS[Math.floor(random() * NON_ANSWERS.length)] ?? 'dont-know';
  return Math.floor(random() * 5) as Score;
}

/**
 * The n-th finished full assessment of a run (seeded by `seed` and n). Its revision is what the
 * app leaves after creating it, committing 104 answers, moving through every step and finishing.
 */
export function finishedAssessment(n: number, seed = 1): Assessment {
  const random = seededRandom(seed * 1_000_003 + n);
  const venue = VENUES[Math.floor(random() * VENUES.length)] ?? 'library';
  const answers = emptyAnswers();
  for (const item of bankV1.basics) answers.basics[item.id] = someAnswer(random);
  for (const item of bankV1.blockers) answers.blockers[item.id] = someAnswer(random);
  for (const heading of bankV1.headings) {
    for (const skill of bankV1.skills.filter((s) => s.headingId === heading.id)) {
      answers.skill[skill.id] = someAnswer(random);
      answers.interest[skill.id] = someAnswer(random);
    }
  }
  const createdAt = Date.UTC(2026, 10, 2, 9) + Math.floor(random() * 18 * 86_400_000);
  const updatedAt = createdAt + 15 * 60_000 + Math.floor(random() * 30 * 60_000);
  const date = new Date(createdAt).toISOString().slice(0, 10);
  const answered = Object.values(answers).reduce((sum, f) => sum + Object.keys(f).length, 0);
  return {
    id: uuid(random),
    bankVersion: 1,
    scaleVersion: 1,
    residentRef: `${REF_PREFIX[venue]}-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
    venue,
    date,
    set: 'full',
    // About one resident in five wants their plan in Welsh, as in a Welsh council.
    language: random() < 0.2 ? 'cy' : 'en',
    answers,
    status: 'finished',
    step: FULL_STEPS.length - 1,
    createdAt,
    updatedAt,
    // create (1) + every answer + every move to the next step + finish
    revision: 1 + answered + (FULL_STEPS.length - 1) + 1,
    finishedAt: updatedAt,
  };
}

export const ANSWERS_PER_FULL_ASSESSMENT = 104;

export function answerCount(assessment: Assessment): number {
  return Object.values(assessment.answers).reduce((sum, f) => sum + Object.keys(f).length, 0);
}

/** A record of a push, as src/sync/drain.ts builds it. */
export function pushRecord(assessment: Assessment): PushRecord {
  return { id: assessment.id, revision: assessment.revision, assessment };
}

/** The JSON text of a push, exactly as SyncClient.push serialises it. */
export function pushText(records: readonly PushRecord[]): string {
  return JSON.stringify({ records });
}
