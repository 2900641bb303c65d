/**
 * The resident's details on the new-assessment form, in English and Welsh. They load with the screens that use them, not with the app, so
 * the start screen's first download stays small. Checked like the main catalogue
 * (test/ui/catalogue.test.ts).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'new.age.legend': 'Age band (optional)',
  'new.age.hint': 'An age band, never a date of birth.',
  'new.age.16-24': '16 to 24',
  'new.age.25-34': '25 to 34',
  'new.age.35-49': '35 to 49',
  'new.age.50-64': '50 to 64',
  'new.age.65-74': '65 to 74',
  'new.age.75-plus': '75 or over',
  'new.age.prefer-not-to-say': 'Prefer not to say',
  'new.district.label': 'Postcode district (optional)',
  'new.district.hint': 'Only the first part of the postcode, such as CF10. Not the full address.',
  'new.district.error': 'Enter only the first part of the postcode, such as CF10',
} as const;

export type NewKey = keyof typeof en;

const cy: Readonly<Record<NewKey, Message>> = {
  'new.age.legend': 'Band oedran (dewisol)',
  'new.age.hint': 'Band oedran, nid dyddiad geni.',
  'new.age.16-24': '16 i 24',
  'new.age.25-34': '25 i 34',
  'new.age.35-49': '35 i 49',
  'new.age.50-64': '50 i 64',
  'new.age.65-74': '65 i 74',
  'new.age.75-plus': '75 neu hŷn',
  'new.age.prefer-not-to-say': 'Gwell gen i beidio â dweud',
  'new.district.label': 'Ardal cod post (dewisol)',
  'new.district.hint': 'Dim ond rhan gyntaf y cod post, fel CF10. Nid y cyfeiriad llawn.',
  'new.district.error': 'Rhowch ran gyntaf y cod post yn unig, fel CF10',
};

export const newMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly NewKey[] = [];
