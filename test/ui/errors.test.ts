import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/storage/assessment-store.ts';
import { ApiError } from '../../src/sync/client.ts';
import { cy } from '../../src/ui/i18n/cy.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';
import { failureText } from '../../src/ui/errors.ts';

const tEn = translator('en', en);
const tCy = translator('cy', cy);

describe('what went wrong, in the language shown', () => {
  it('words what the app found itself from the catalogue', () => {
    const offline = new ApiError('network', 'The server could not be reached.', 0);
    expect(failureText(tEn, 'en', offline)).toBe(en['error.network']);
    expect(failureText(tCy, 'cy', offline)).toBe(cy['error.network']);
    expect(failureText(tCy, 'cy', new StoreError('finished', 'Assessment x is finished'))).toBe(
      cy['error.store.finished'],
    );
    expect(failureText(tCy, 'cy', { code: 'unreadable', message: 'x' })).toBe(
      cy['error.unreadable'],
    );
    expect(failureText(tCy, 'cy', new Error('disk full'))).toBe(cy['error.unexpected']);
  });

  it("shows the server's own words when they are in the language shown", () => {
    const welsh = { code: 'unknown_item', message: 'Neges y gweinydd', language: 'cy' };
    expect(failureText(tCy, 'cy', welsh)).toBe('Neges y gweinydd');
    const refused = new ApiError('enrolment_code_invalid', 'Code refused.', 400, 'en');
    expect(failureText(tEn, 'en', refused)).toBe('Code refused.');
  });

  it('tells a refusal kept in the other language by its reason code instead', () => {
    const english = { code: 'unknown_item', message: 'The server said so.', language: 'en' };
    expect(failureText(tCy, 'cy', english)).toBe(cy['reason.unknown_item']);
    // Kept before the language was noted: English.
    expect(failureText(tCy, 'cy', { code: 'not_finished', message: 'Not finished.' })).toBe(
      cy['reason.not_finished'],
    );
    expect(failureText(tEn, 'en', { code: 'not_finished', message: 'Not finished.' })).toBe(
      'Not finished.',
    );
  });
});
