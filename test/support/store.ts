/** A fresh device database per test, on fake-indexeddb, with a clock the test controls. */
import { AssessmentStore } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';

let counter = 0;

export function freshStore(start = Date.UTC(2026, 10, 21, 10, 0, 0)) {
  const name = `doorstep-test-${++counter}-${Math.random().toString(36).slice(2)}`;
  const db = new DoorstepDb(name);
  const clock = { now: start };
  const tick = () => (clock.now += 1000);
  const store = new AssessmentStore(db, () => clock.now);
  return {
    db,
    name,
    store,
    clock,
    tick,
    reopen: () => new AssessmentStore(new DoorstepDb(name), () => clock.now),
  };
}
