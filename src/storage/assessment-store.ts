/**
 * Assessments on this device. Every answer is committed the moment it is given; every row is
 * parsed when read, and a row that fails is reported, never dropped.
 */
import {
  answerSchema,
  assessmentSchema,
  describeIssues,
  type Answer,
  type Assessment,
  type QuestionRef,
} from '../domain/index.ts';
import type { DoorstepDb } from './db.ts';

export type StoredAssessment =
  | { readonly ok: true; readonly assessment: Assessment }
  | {
      readonly ok: false;
      readonly id: string;
      readonly raw: unknown;
      readonly problems: readonly string[];
    };

export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'finished' | 'invalid' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function parseStored(raw: unknown): StoredAssessment {
  const parsed = assessmentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, assessment: parsed.data };
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(no id)';
  return { ok: false, id, raw, problems: describeIssues(parsed.error.issues) };
}

export class AssessmentStore {
  constructor(
    private readonly db: DoorstepDb,
    private readonly clock: () => number,
  ) {}

  async create(assessment: Assessment): Promise<void> {
    await this.db.assessments.add(this.validated(assessment));
  }

  async get(id: string): Promise<StoredAssessment | undefined> {
    const raw = await this.db.assessments.get(id);
    return raw === undefined ? undefined : parseStored(raw);
  }

  /** Every assessment on the device, most recently changed first; damaged rows included. */
  async list(): Promise<StoredAssessment[]> {
    const rows = (await this.db.assessments.toArray()).map(parseStored);
    const time = (r: StoredAssessment) => (r.ok ? r.assessment.updatedAt : Infinity);
    return rows.sort((a, b) => time(b) - time(a));
  }

  /** Commit one answer. Resolves only when the transaction is durable. */
  async saveAnswer(id: string, question: QuestionRef, answer: Answer): Promise<Assessment> {
    if (!answerSchema.safeParse(answer).success) {
      throw new StoreError('invalid', `Not an answer: ${JSON.stringify(answer)}`);
    }
    return this.change(id, (a) => {
      a.answers[question.facet][question.itemId] = answer;
    });
  }

  /** Move to another step, recording the questions left behind unanswered as skipped. */
  async moveToStep(id: string, step: number, skipped: readonly QuestionRef[]): Promise<Assessment> {
    return this.change(id, (a) => {
      for (const q of skipped) a.answers[q.facet][q.itemId] ??= 'skipped';
      a.step = step;
    });
  }

  async finish(id: string, skipped: readonly QuestionRef[]): Promise<Assessment> {
    return this.change(id, (a) => {
      for (const q of skipped) a.answers[q.facet][q.itemId] ??= 'skipped';
      a.status = 'finished';
      a.finishedAt = this.clock();
    });
  }

  private async change(id: string, edit: (a: Assessment) => void): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, async () => {
      const stored = await this.get(id);
      if (!stored) throw new StoreError('not-found', `No assessment ${id} on this device`);
      if (!stored.ok) throw new StoreError('damaged', `Assessment ${id} could not be read`);
      const assessment = stored.assessment;
      if (assessment.status === 'finished') {
        throw new StoreError('finished', `Assessment ${id} is finished and cannot change`);
      }
      edit(assessment);
      assessment.updatedAt = this.clock();
      await this.db.assessments.put(this.validated(assessment));
      return assessment;
    });
  }

  private validated(assessment: Assessment): Assessment {
    const parsed = assessmentSchema.safeParse(assessment);
    if (!parsed.success) {
      throw new StoreError('invalid', describeIssues(parsed.error.issues).join('; '));
    }
    return parsed.data;
  }
}
