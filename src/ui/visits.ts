/**
 * A resident's visits, told apart by their pseudonymous reference: those finished on this device
 * and those fetched from the server (HistoryStore).
 */
import type { Assessment } from '../domain/index.ts';

/** Where an earlier visit was found. */
export type VisitSource = 'device' | 'server';

export interface EarlierVisit {
  readonly assessment: Assessment;
  readonly from: VisitSource;
}

const when = (a: Assessment) => `${a.date} ${String(a.finishedAt ?? 0).padStart(15, '0')}`;

/**
 * The visit before `later`: finished, same resident reference, the latest by date (then time)
 * of those earlier, whether finished here or fetched. A record both here and fetched (this
 * device's own, sent and fetched back) counts as this device's, whose copy is the newest.
 */
export function earlierVisit(
  later: Assessment,
  own: readonly Assessment[],
  fetched: readonly Assessment[] = [],
): EarlierVisit | undefined {
  if (!later.residentRef) return undefined;
  const ownIds = new Set(own.map((a) => a.id));
  const candidates: EarlierVisit[] = [
    ...own.map((assessment) => ({ assessment, from: 'device' as const })),
    ...fetched
      .filter((a) => !ownIds.has(a.id))
      .map((assessment) => ({ assessment, from: 'server' as const })),
  ];
  return candidates
    .filter(
      ({ assessment: a }) =>
        a.id !== later.id &&
        a.status === 'finished' &&
        a.residentRef === later.residentRef &&
        when(a) < when(later),
    )
    .sort((a, b) => (when(a.assessment) < when(b.assessment) ? 1 : -1))[0];
}

/** The visit before `later` (see earlierVisit), wherever it was found. */
export function previousVisit(
  later: Assessment,
  own: readonly Assessment[],
  fetched: readonly Assessment[] = [],
): Assessment | undefined {
  return earlierVisit(later, own, fetched)?.assessment;
}

/**
 * The resident's most recent visit of all, for what a revisit carries over (programme and venue
 * name, never answers): finished or not, here or fetched.
 */
export function latestVisit(
  ref: string,
  own: readonly Assessment[],
  fetched: readonly Assessment[] = [],
): Assessment | undefined {
  return [...own, ...fetched]
    .filter((a) => a.residentRef === ref)
    .sort((a, b) => (when(a) < when(b) ? 1 : -1))[0];
}
