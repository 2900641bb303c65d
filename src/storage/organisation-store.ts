/**
 * The copy of the organisation's own settings (outcome kinds, services directory) and baselines
 * kept on the device for offline use. Apart from the enrolment (settings-store.ts) so that the
 * start screen does not download their schemas: it is loaded when first needed.
 */
import * as z from 'zod/mini';
import { baselineSchema, type Baseline } from '../domain/index.ts';
import { organisationSettingsSchema, type OrganisationSettings } from '../shared/council-api.ts';
import type { DoorstepDb } from './db.ts';

const ORGANISATION_KEY = 'organisation';
const BASELINES_KEY = 'baselines';

// Kept under `value`: the stored row also carries its key, which a strict schema would refuse.
const organisationRowSchema = z.object({ value: organisationSettingsSchema });
const baselinesRowSchema = z.object({ value: z.array(baselineSchema) });

export class OrganisationStore {
  constructor(private readonly db: DoorstepDb) {}

  /** The organisation's settings as last fetched; null before the first fetch or if unreadable. */
  async settings(): Promise<OrganisationSettings | null> {
    const parsed = organisationRowSchema.safeParse(await this.db.settings.get(ORGANISATION_KEY));
    return parsed.success ? parsed.data.value : null;
  }

  /** The organisation's own baselines as last fetched (the shipped ones are not stored). */
  async baselines(): Promise<Baseline[]> {
    const parsed = baselinesRowSchema.safeParse(await this.db.settings.get(BASELINES_KEY));
    return parsed.success ? parsed.data.value : [];
  }

  /** Both at once: the copy on the device is never half new. */
  async save(settings: OrganisationSettings, baselines: readonly Baseline[]): Promise<void> {
    const rows = [
      { key: ORGANISATION_KEY, value: organisationSettingsSchema.parse(settings) },
      { key: BASELINES_KEY, value: z.array(baselineSchema).parse(baselines) },
    ];
    await this.db.settings.bulkPut(rows);
  }
}
