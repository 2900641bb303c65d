/**
 * How long to wait before the next attempt after `failures` failures in a row: exponential, capped,
 * with "full jitter" so that many tablets coming back online at once do not push in step.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  // Never less than the base: a server that has just failed gets a moment.
  return BACKOFF_BASE_MS + Math.floor(random() * (ceiling - BACKOFF_BASE_MS + 1));
}
