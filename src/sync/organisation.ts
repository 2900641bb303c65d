/**
 * The organisation's own settings (its outcome kinds and services directory) and baselines,
 * fetched whenever the server can be reached and kept on the device, so that the screens work
 * the same offline from the last copy.
 */
import {
  baselineListResponseSchema,
  organisationSettingsSchema,
  type OrganisationSettings,
} from '../shared/council-api.ts';
import type { Baseline } from '../domain/index.ts';
import type { OrganisationStore } from '../storage/organisation-store.ts';
import type { SettingsStore } from '../storage/settings-store.ts';
import { ApiError, type SyncClient } from './client.ts';

export type RefreshOutcome =
  | {
      readonly kind: 'refreshed';
      readonly settings: OrganisationSettings;
      readonly baselines: Baseline[];
    }
  | { readonly kind: 'not-enrolled' }
  /** Not reachable or refused: the copy already on the device stays as it was. */
  | { readonly kind: 'failed'; readonly error: ApiError };

export async function refreshOrganisation(deps: {
  readonly client: SyncClient;
  readonly settings: SettingsStore;
  readonly organisation: OrganisationStore;
}): Promise<RefreshOutcome> {
  const token = (await deps.settings.enrolment())?.token;
  if (!token) return { kind: 'not-enrolled' };
  try {
    // Both fetched before either is kept: the copy on the device is never half new.
    const [settings, { baselines }] = await Promise.all([
      deps.client.get(token, '/api/settings', organisationSettingsSchema),
      deps.client.get(token, '/api/baselines', baselineListResponseSchema),
    ]);
    await deps.organisation.save(settings, baselines);
    return { kind: 'refreshed', settings, baselines };
  } catch (error) {
    if (error instanceof ApiError) return { kind: 'failed', error };
    throw error;
  }
}
