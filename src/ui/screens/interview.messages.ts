/**
 * The interview's own messages about the health, disability or language question, in English and
 * Welsh. They load with the interview, not with the app, so the start screen's first download
 * stays small. Same keys and placeholders in both (checked in test/ui/privacy.test.tsx).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'health.optional':
    'Optional. You do not have to answer this: you can choose "Prefer not to say".',
  'health.consent.legend':
    'Are you happy to answer a question about health, disability or language?',
  'health.consent.hint':
    'This is a separate question and you can say no. If you say no, the question is not asked.',
  'health.consent.yes': 'Yes',
  'health.consent.no': 'No',
  'health.consent.declined':
    'The question about health, disability or language is not asked. Go on with the next step.',
} as const;

export type InterviewKey = keyof typeof en;

const cy: Readonly<Record<InterviewKey, Message>> = {
  'health.optional':
    'Dewisol. Nid oes rhaid i chi ateb hwn: gallwch ddewis "Gwell gen i beidio â dweud".',
  'health.consent.legend': "Ydych chi'n fodlon ateb cwestiwn am iechyd, anabledd neu iaith?",
  'health.consent.hint':
    'Mae hwn yn gwestiwn ar wahân a gallwch ddweud na. Os dywedwch na, ni chaiff y cwestiwn ei ofyn.',
  'health.consent.yes': 'Ydw',
  'health.consent.no': 'Nac ydw',
  'health.consent.declined':
    "Ni chaiff y cwestiwn am iechyd, anabledd neu iaith ei ofyn. Ewch ymlaen i'r cam nesaf.",
};

export const interviewMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly InterviewKey[] = [
  'health.consent.hint',
  'health.consent.declined',
];
