import { useServices } from './services.ts';
import { useAsync, type AsyncState } from './use-async.ts';
import type { Enrolment } from '../storage/settings-store.ts';

/**
 * Loads something from the server for an enrolled device; `null` when the device is not
 * enrolled. Coordinator screens are online-only: they say so plainly when they cannot load.
 */
export function useOnlineData<T>(
  load: (enrolment: Enrolment) => Promise<T>,
  deps: readonly unknown[],
): AsyncState<{ enrolment: Enrolment; data: T } | null> {
  const { settings } = useServices();
  return useAsync(async () => {
    const enrolment = await settings.enrolment();
    return enrolment ? { enrolment, data: await load(enrolment) } : null;
  }, deps);
}
