import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/storage/assessment-store.ts';
import { cy } from '../../src/ui/i18n/cy.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';
import { failureText } from '../../src/ui/errors.ts';

const tEn = translator('en', en);
const tCy = translator('cy', cy);

/** As Dexie reports a transaction the browser aborted for want of space. */
const aborted = Object.assign(new Error('AbortError Transaction aborted'), {
  name: 'AbortError',
  inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
});

describe('a problem with storage on the device, in plain words', () => {
  it('words a full disk from any store, in the language shown', () => {
    expect(failureText(tEn, 'en', aborted)).toBe(en['error.store.quota']);
    expect(failureText(tCy, 'cy', aborted)).toBe(cy['error.store.quota']);
    expect(failureText(tCy, 'cy', new StoreError('quota', 'full'))).toBe(cy['error.store.quota']);
  });

  it('words a database let go of for a newer version in another tab', () => {
    const closed = Object.assign(new Error('DatabaseClosedError Database has been closed'), {
      name: 'DatabaseClosedError',
      inner: Object.assign(new Error('Database has been closed'), {
        name: 'DatabaseClosedError',
        inner: null,
      }),
    });
    expect(failureText(tEn, 'en', closed)).toBe(en['error.store.updated']);
    expect(failureText(tCy, 'cy', new StoreError('updated', 'closed'))).toBe(
      cy['error.store.updated'],
    );
  });
});
