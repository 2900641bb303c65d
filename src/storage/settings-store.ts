/** This device's enrolment with the council's server: the token and who it belongs to. */
import * as z from 'zod/mini';
import { enrolResponseSchema } from '../shared/protocol.ts';
import type { DoorstepDb } from './db.ts';

const ENROLMENT_KEY = 'enrolment';

export const enrolmentSchema = z.extend(enrolResponseSchema, { enrolledAt: z.number() });
export type Enrolment = z.infer<typeof enrolmentSchema>;

export class SettingsStore {
  constructor(private readonly db: DoorstepDb) {}

  async enrolment(): Promise<Enrolment | null> {
    const parsed = enrolmentSchema.safeParse(await this.db.settings.get(ENROLMENT_KEY));
    return parsed.success ? parsed.data : null;
  }

  async saveEnrolment(enrolment: Enrolment): Promise<void> {
    await this.db.settings.put({ key: ENROLMENT_KEY, ...enrolmentSchema.parse(enrolment) });
  }

  async clearEnrolment(): Promise<void> {
    await this.db.settings.delete(ENROLMENT_KEY);
  }
}
