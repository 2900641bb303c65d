/**
 * Signing a device out: tell the server to revoke this device's token (when it can be reached),
 * then remove everything from the device. The screen asks before anything unsent is lost.
 */
import type { SettingsStore } from '../storage/settings-store.ts';
import type { SyncClient } from './client.ts';

export async function signOut(deps: {
  settings: SettingsStore;
  client: SyncClient;
  clearDevice: () => Promise<void>;
}): Promise<void> {
  const enrolment = await deps.settings.enrolment();
  if (enrolment) {
    // Offline, the token dies with the data on this device; a coordinator can still revoke it.
    await deps.client.revokeSelf(enrolment.token).catch(() => undefined);
  }
  await deps.clearDevice();
}
