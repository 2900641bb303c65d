/**
 * Resident mode: a resident answers on the device by themselves. A marker in the worker's own
 * sealed database says it is on, so that a reload or a lock never opens the worker's screens to
 * whoever holds the device. The marker and the assessment it was started for are written
 * together, and cleared together when the session is abandoned.
 */
import * as z from 'zod/mini';
import type { Assessment, QuestionRef } from '../domain/index.ts';
import type { AssessmentStore } from './assessment-store.ts';
import type { DoorstepDb } from './db.ts';
import { outboxEntrySchema } from './outbox-store.ts';

const MARKER_KEY = 'resident-mode';

export const residentModeSchema = z.strictObject({
  assessmentId: z.string(),
  startedAt: z.number(),
  /** The resident submitted: finished and queued, and deleted from the device once received. */
  submitted: z.boolean(),
});
export type ResidentMode = z.infer<typeof residentModeSchema>;
/** As kept in the settings table, under its key. */
const markerRowSchema = z.extend(residentModeSchema, { key: z.literal(MARKER_KEY) });

/** What ending resident mode did with its assessment. */
export type ResidentModeEnd = 'deleted' | 'kept' | 'none';

export class ResidentModeStore {
  constructor(
    private readonly db: DoorstepDb,
    private readonly store: AssessmentStore,
    private readonly clock: () => number,
  ) {}

  /** The marker, or null when resident mode is off (or the marker cannot be read). */
  async current(): Promise<ResidentMode | null> {
    const parsed = markerRowSchema.safeParse(await this.db.settings.get(MARKER_KEY));
    if (!parsed.success) return null;
    const { assessmentId, startedAt, submitted } = parsed.data;
    return { assessmentId, startedAt, submitted };
  }

  /** Creates the assessment and turns resident mode on for it, in one transaction. */
  async start(assessment: Assessment): Promise<ResidentMode> {
    const marker: ResidentMode = {
      assessmentId: assessment.id,
      startedAt: this.clock(),
      submitted: false,
    };
    await this.db.transaction('rw', this.db.assessments, this.db.settings, async () => {
      await this.store.create(assessment);
      await this.db.settings.put({ key: MARKER_KEY, ...marker });
    });
    return marker;
  }

  /**
   * The resident submits: finished and queued exactly as any assessment (AssessmentStore.finish),
   * and in the same transaction its outbox entry is marked so that storing the server's receipt
   * deletes it (OutboxStore.accept).
   */
  async submit(id: string, skipped: readonly QuestionRef[]): Promise<Assessment> {
    const { assessments, outbox, settings } = this.db;
    return this.db.transaction('rw', assessments, outbox, settings, async () => {
      const finished = await this.store.finish(id, skipped);
      const entry = outboxEntrySchema.parse(await outbox.get(id));
      await outbox.put({ ...entry, purgeOnReceipt: true });
      const marker = await this.current();
      if (marker?.assessmentId === id) {
        await settings.put({ key: MARKER_KEY, ...marker, submitted: true });
      }
      return finished;
    });
  }

  /**
   * When the session was last used: the latest of its start and the assessment's last change
   * (every answer changes it). Null when resident mode is off.
   */
  async lastActive(): Promise<number | null> {
    const marker = await this.current();
    if (!marker) return null;
    const stored = await this.store.get(marker.assessmentId).catch(() => undefined);
    const changed = stored?.ok ? stored.assessment.updatedAt : 0;
    return Math.max(marker.startedAt, changed);
  }

  /**
   * Turns resident mode off. `abandoned`: an assessment the resident did not submit is deleted
   * with the marker, in one transaction; a submitted one stays queued. Otherwise (the worker
   * left with their PIN) an unfinished assessment the resident agreed to stays, as the worker's,
   * to carry on with; one they never agreed to is deleted, as nothing was started.
   */
  async end(options: { abandoned: boolean }): Promise<ResidentModeEnd> {
    return this.db.transaction('rw', this.db.assessments, this.db.settings, async () => {
      const marker = await this.current();
      await this.db.settings.delete(MARKER_KEY);
      if (!marker) return 'none';
      if (marker.submitted) return 'kept';
      const stored = await this.store.get(marker.assessmentId).catch(() => undefined);
      if (!stored) return 'none';
      // Finished after all, it is queued and never dropped unsent; a damaged row is never deleted.
      if (!stored.ok || stored.assessment.status === 'finished') return 'kept';
      if (!options.abandoned && stored.assessment.privacy) return 'kept';
      await this.db.assessments.delete(marker.assessmentId);
      return 'deleted';
    });
  }
}
