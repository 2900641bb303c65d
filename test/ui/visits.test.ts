import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { earlierVisit, latestVisit, previousVisit } from '../../src/ui/visits.ts';

const visit = (
  id: string,
  date: string,
  finishedAt: number | null,
  patch: Partial<Assessment> = {},
): Assessment => ({
  ...newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date, set: 'full', language: 'en' },
    { id, now: 1 },
  ),
  status: finishedAt === null ? 'in-progress' : 'finished',
  finishedAt,
  ...patch,
});

const now = visit('now', '2026-11-21', 9000);

describe('the visit before this one', () => {
  it('is the latest earlier one by date, whether made here or fetched from the server', () => {
    const hereOld = visit('here-old', '2026-03-02', 5000);
    const serverNewer = visit('server-newer', '2026-10-01', 1000);
    expect(earlierVisit(now, [now, hereOld], [serverNewer])).toEqual({
      assessment: serverNewer,
      from: 'server',
    });
    const hereNewest = visit('here-newest', '2026-11-01', 2000);
    expect(earlierVisit(now, [now, hereOld, hereNewest], [serverNewer])).toEqual({
      assessment: hereNewest,
      from: 'device',
    });
    expect(previousVisit(now, [now, hereOld], [serverNewer])).toBe(serverNewer);
  });

  it('on the same date, is the one finished earlier than this one', () => {
    const morning = visit('morning', '2026-11-21', 3000);
    const evening = visit('evening', '2026-11-21', 12_000);
    expect(previousVisit(now, [now, evening], [morning])).toBe(morning);
  });

  it("counts this device's own copy when a visit was sent and fetched back", () => {
    const sent = visit('sent', '2026-10-01', 1000, { programme: 'Spring' });
    const fetchedBack = { ...sent, programme: undefined };
    expect(earlierVisit(now, [now, sent], [fetchedBack])).toEqual({
      assessment: sent,
      from: 'device',
    });
  });

  it("leaves out unfinished visits, other residents' and this one itself", () => {
    const unfinished = visit('draft', '2026-10-01', null);
    const other = visit('other', '2026-10-02', 1000, { residentRef: 'LIB-0043' });
    const itself = { ...now };
    expect(earlierVisit(now, [now, unfinished], [other, itself])).toBeUndefined();
    expect(previousVisit({ ...now, residentRef: null }, [], [visit('x', '2026-01-01', 1)])).toBe(
      undefined,
    );
  });

  it('gives a revisit the latest visit of all to carry its tags over', () => {
    const older = visit('older', '2026-03-02', 1000, { programme: 'Winter' });
    const newer = visit('newer', '2026-10-01', 2000, { programme: 'Spring' });
    expect(latestVisit('LIB-0042', [older], [newer])?.programme).toBe('Spring');
    expect(latestVisit('LIB-0043', [older], [newer])).toBeUndefined();
  });
});
