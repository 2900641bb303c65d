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
  type Outcome,
  type QuestionRef,
} from '../domain/index.ts';
import type { DoorstepDb } from './db.ts';
import { outboxEntry } from './outbox-store.ts';
import { ResidentModeStore } from './resident-mode.ts';
import { StoreError } from './store-error.ts';

export type StoredAssessment =
  | { readonly ok: true; readonly assessment: Assessment }
  | {
      readonly ok: false;
      readonly id: string;
      readonly raw: unknown;
      readonly problems: readonly string[];
    };

// Here too, for the stores' callers; apart so that the first screen can word them without the store.
export { StoreError, asStoreError } from './store-error.ts';

export function parseStored(raw: unknown): StoredAssessment {
  const parsed = assessmentSchema.safeParse(raw);
  if (parsed.success) return { ok: true, assessment: parsed.data };
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(no id)';
  return { ok: false, id, raw, problems: describeIssues(parsed.error.issues) };
}

/** What an import did with each assessment of a file. */
export interface ImportReport {
  /** Now on this device; the finished ones queued for the server. */
  readonly added: readonly Assessment[];
  /** Already on this device: left as they are. */
  readonly skipped: readonly Assessment[];
  /** Not valid assessments: nothing of them written. */
  readonly refused: readonly { readonly id: string; readonly problems: readonly string[] }[];
}

/** The stored row moved on since this store last saw it (another tab wrote it). */
class StaleWrite extends Error {}

function isRevision(raw: unknown, revision: number): boolean {
  return typeof raw === 'object' && raw !== null && 'revision' in raw && raw.revision === revision;
}

export class AssessmentStore {
  /** The last version of each assessment this store read or wrote: the base of a fast write. */
  private readonly seen = new Map<string, Assessment>();
  /** The last answer still being committed, per assessment: the next one waits for it. */
  private readonly writing = new Map<string, Promise<Assessment>>();

  constructor(
    private readonly db: DoorstepDb,
    private readonly clock: () => number,
  ) {}

  async create(assessment: Assessment): Promise<void> {
    await this.db.assessments.add(this.validated(assessment));
    this.remember(assessment);
  }

  /** Resident mode's marker, kept and cleared with the assessment it was started for. */
  residentMode(): ResidentModeStore {
    return new ResidentModeStore(this.db, this, this.clock);
  }

  async get(id: string): Promise<StoredAssessment | undefined> {
    const raw = await this.db.assessments.get(id);
    if (raw === undefined) return undefined;
    const stored = parseStored(raw);
    if (stored.ok) this.remember(stored.assessment);
    return stored;
  }

  /** Every assessment on the device, most recently changed first; damaged rows included. */
  async list(): Promise<StoredAssessment[]> {
    const rows = (await this.db.assessments.toArray()).map(parseStored);
    const time = (r: StoredAssessment) => (r.ok ? r.assessment.updatedAt : Infinity);
    return rows.sort((a, b) => time(b) - time(a));
  }

  /**
   * Commit one answer. Resolves only when the transaction is durable.
   *
   * The answer is a tap away from the next one, so the write does not wait for a read: the new
   * row is written from the last version this store saw committed, while the same transaction
   * reads the stored row and aborts if anyone else (the page, another tab) changed it meanwhile.
   * Then the ordinary read-modify-write runs instead. Answers to one assessment are committed
   * one after another, so that each builds on a version that was really committed: building on
   * one still in flight could reuse a revision number another writer had already committed.
   */
  saveAnswer(id: string, question: QuestionRef, answer: Answer): Promise<Assessment> {
    if (!answerSchema.safeParse(answer).success) {
      return Promise.reject(new StoreError('invalid', `Not an answer: ${JSON.stringify(answer)}`));
    }
    const previous = this.writing.get(id) ?? Promise.resolve();
    const saved = previous.then(
      () => this.writeAnswer(id, question, answer),
      () => this.writeAnswer(id, question, answer),
    );
    this.writing.set(id, saved);
    const done = () => {
      if (this.writing.get(id) === saved) this.writing.delete(id);
    };
    saved.then(done, done);
    return saved;
  }

  private async writeAnswer(id: string, question: QuestionRef, answer: Answer) {
    const setAnswer = (a: Assessment) => {
      a.answers[question.facet][question.itemId] = answer;
    };
    const base = this.seen.get(id);
    if (base && base.status === 'in-progress') {
      const next = this.validated(this.edited(structuredClone(base), setAnswer));
      try {
        await this.db.transaction('rw', this.db.assessments, async () => {
          const [stored] = await Promise.all([
            this.db.assessments.get(id),
            this.db.assessments.put(next),
          ]);
          if (!isRevision(stored, base.revision)) throw new StaleWrite();
        });
        this.seen.set(id, next);
        return next;
      } catch (error) {
        this.seen.delete(id);
        if (!(error instanceof StaleWrite)) throw error;
      }
    }
    return this.change(id, setAnswer);
  }

  /** Move to another step, recording the questions left behind unanswered as skipped. */
  async moveToStep(id: string, step: number, skipped: readonly QuestionRef[]): Promise<Assessment> {
    return this.change(id, (a) => {
      for (const q of skipped) a.answers[q.facet][q.itemId] ??= 'skipped';
      a.step = step;
    });
  }

  /**
   * Change an unfinished assessment by one of the domain's rules, a pure function of it (such as
   * the answer to the separate consent to the health question, domain/health-consent.ts).
   */
  async update(id: string, rule: (a: Assessment) => Assessment): Promise<Assessment> {
    return this.change(id, (a) => Object.assign(a, rule(structuredClone(a))));
  }

  /** Finish, and queue for the server in the same transaction: a finished record is never unqueued. */
  async finish(id: string, skipped: readonly QuestionRef[]): Promise<Assessment> {
    return this.db.transaction('rw', this.db.assessments, this.db.outbox, async () => {
      const finished = await this.change(id, (a) => {
        for (const q of skipped) a.answers[q.facet][q.itemId] ??= 'skipped';
        a.status = 'finished';
        a.finishedAt = this.clock();
      });
      await this.db.outbox.put(outboxEntry(id, finished.revision, this.clock()));
      return finished;
    });
  }

  /**
   * Replace the outcomes recorded since a finished assessment, as a new revision queued for the
   * server in the same transaction: a record it already received is sent again, and the server
   * keeps the higher revision.
   */
  async setOutcomes(id: string, outcomes: readonly Outcome[]): Promise<Assessment> {
    const next = await this.db.transaction('rw', this.db.assessments, this.db.outbox, async () => {
      const stored = await this.get(id);
      if (!stored) throw new StoreError('not-found', `No assessment ${id} on this device`);
      if (!stored.ok) throw new StoreError('damaged', `Assessment ${id} could not be read`);
      if (stored.assessment.status !== 'finished') {
        // Outcomes follow a finished assessment; the screens offer them on no other.
        throw new StoreError('invalid', `Assessment ${id} is not finished yet`);
      }
      const changed = this.validated(
        this.edited(stored.assessment, (a) => {
          a.outcomes = outcomes.map((o) => ({ type: o.type, date: o.date }));
        }),
      );
      await this.db.assessments.put(changed);
      await this.db.outbox.put(outboxEntry(id, changed.revision, this.clock()));
      return changed;
    });
    this.remember(next);
    return next;
  }

  /**
   * Assessments from an exported file, in one transaction: each finished one is queued for the
   * server with it (a copy the server has already changes nothing there), an unfinished one can
   * be carried on. One already on this device is skipped; an invalid one is refused. Either way
   * each is reported, and a failure part-way writes nothing.
   */
  async importAssessments(rows: readonly unknown[]): Promise<ImportReport> {
    const valid: Assessment[] = [];
    const refused: { id: string; problems: readonly string[] }[] = [];
    for (const row of rows) {
      const parsed = parseStored(row);
      if (parsed.ok) valid.push(parsed.assessment);
      else refused.push({ id: parsed.id, problems: parsed.problems });
    }
    const report = await this.db.transaction(
      'rw',
      this.db.assessments,
      this.db.outbox,
      async () => {
        const added: Assessment[] = [];
        const skipped: Assessment[] = [];
        for (const assessment of valid) {
          const there = await this.db.assessments.get(assessment.id);
          if (there !== undefined || added.some((a) => a.id === assessment.id)) {
            skipped.push(assessment);
            continue;
          }
          await this.db.assessments.add(assessment);
          if (assessment.status === 'finished') {
            await this.db.outbox.put(outboxEntry(assessment.id, assessment.revision, this.clock()));
          }
          added.push(assessment);
        }
        return { added, skipped, refused };
      },
    );
    for (const assessment of report.added) this.remember(assessment);
    return report;
  }

  private async change(id: string, edit: (a: Assessment) => void): Promise<Assessment> {
    const next = await this.db.transaction('rw', this.db.assessments, async () => {
      const stored = await this.get(id);
      if (!stored) throw new StoreError('not-found', `No assessment ${id} on this device`);
      if (!stored.ok) throw new StoreError('damaged', `Assessment ${id} could not be read`);
      if (stored.assessment.status === 'finished') {
        throw new StoreError('finished', `Assessment ${id} is finished and cannot change`);
      }
      const changed = this.validated(this.edited(stored.assessment, edit));
      await this.db.assessments.put(changed);
      return changed;
    });
    // Remembered once committed: a fast write only ever builds on a committed version. (Inside
    // finish's transaction this is before the outer commit, but a finished one is no base.)
    this.remember(next);
    return next;
  }

  private edited(assessment: Assessment, edit: (a: Assessment) => void): Assessment {
    edit(assessment);
    assessment.updatedAt = this.clock();
    assessment.revision += 1;
    return assessment;
  }

  private remember(assessment: Assessment): void {
    this.seen.set(assessment.id, structuredClone(assessment));
  }

  private validated(assessment: Assessment): Assessment {
    const parsed = assessmentSchema.safeParse(assessment);
    if (!parsed.success) {
      throw new StoreError('invalid', describeIssues(parsed.error.issues).join('; '));
    }
    return parsed.data;
  }
}
