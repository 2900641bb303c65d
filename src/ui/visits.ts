/** A resident's visits on this device, told apart by their pseudonymous reference. */
import type { Assessment } from '../domain/index.ts';

/** The visit before `later`: finished, same resident reference, earlier date (then time). */
export function previousVisit(
  later: Assessment,
  all: readonly Assessment[],
): Assessment | undefined {
  if (!later.residentRef) return undefined;
  const when = (a: Assessment) => `${a.date} ${String(a.finishedAt ?? 0).padStart(15, '0')}`;
  return all
    .filter(
      (a) =>
        a.id !== later.id &&
        a.status === 'finished' &&
        a.residentRef === later.residentRef &&
        when(a) < when(later),
    )
    .sort((a, b) => (when(a) < when(b) ? 1 : -1))[0];
}
