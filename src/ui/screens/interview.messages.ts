/**
 * The interview's own messages, in English and Welsh. They load with the interview, not with the
 * app, so the start screen's first download stays small. Checked like the main catalogue
 * (test/ui/catalogue.test.ts).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'interview.caption': 'Assessment for {who}',
  'interview.progress': 'Step {step} of {count}',
  'interview.savedHint': 'Each answer is saved on this device as soon as you choose it.',
  'interview.back': 'Back',
  'interview.next': 'Save and continue',
  'interview.later': 'Save and come back later',
  'interview.saveError': 'That answer could not be saved: {reason} Please try again.',
  'interview.finished': 'This assessment is finished.',
  'interview.or': 'or',
  'interview.optional': 'Optional. You do not have to answer this.',
  'interview.basics.title': 'Basics',
  'interview.basics.intro': 'How often do you have each of these?',
  'interview.blockers.title': 'Blockers',
  'interview.blockers.intro': 'How much does each of these get in the way of using the internet?',
  'interview.skill.intro':
    'For each skill, choose how confident you are and how much you want to do it.',
  'interview.skill.example': 'For example: {example}',
  'interview.skill.legend': '{skill}: skills and confidence',
  'interview.interest.legend': '{skill}: interest and motivation',
  'interview.review.title': 'Check and finish',
  'interview.review.intro':
    'Check how much has been answered. You can go back to any step to change an answer.',
  'interview.review.partial':
    'Questions that were not answered are kept as skipped. The results say how many answers each score is based on.',
  'interview.review.section': 'Section',
  'interview.review.answered': 'Answered',
  'interview.review.change': 'Change',
  'interview.review.changeStep': 'Change {step}',
  'interview.review.counts': { one: '{answered} of {count}', other: '{answered} of {count}' },
  'interview.finish': 'Finish and see results',

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
  'interview.caption': 'Asesiad ar gyfer {who}',
  'interview.progress': 'Cam {step} o {count}',
  'interview.savedHint':
    "Mae pob ateb yn cael ei gadw ar y ddyfais hon cyn gynted ag y byddwch chi'n ei ddewis.",
  'interview.back': 'Yn ôl',
  'interview.next': 'Cadw a pharhau',
  'interview.later': 'Cadw a dod yn ôl yn nes ymlaen',
  'interview.saveError': "Nid oedd modd cadw'r ateb hwnnw: {reason} Rhowch gynnig arall arni.",
  'interview.finished': "Mae'r asesiad hwn wedi'i orffen.",
  'interview.or': 'neu',
  'interview.optional': 'Dewisol. Nid oes rhaid i chi ateb hwn.',
  'interview.basics.title': 'Hanfodion',
  'interview.basics.intro': "Pa mor aml mae gennych chi bob un o'r rhain?",
  'interview.blockers.title': 'Rhwystrau',
  'interview.blockers.intro':
    "I ba raddau mae pob un o'r rhain yn eich rhwystro rhag defnyddio'r rhyngrwyd?",
  'interview.skill.intro':
    'Ar gyfer pob sgìl, dewiswch pa mor hyderus ydych chi, ac i ba raddau rydych chi eisiau ei wneud.',
  'interview.skill.example': 'Er enghraifft: {example}',
  'interview.skill.legend': '{skill}: sgiliau a hyder',
  'interview.interest.legend': '{skill}: diddordeb a chymhelliant',
  'interview.review.title': 'Gwirio a gorffen',
  'interview.review.intro':
    "Gwiriwch faint sydd wedi'i ateb. Gallwch chi fynd yn ôl i unrhyw gam i newid ateb.",
  'interview.review.partial':
    "Mae cwestiynau heb eu hateb yn cael eu cadw fel rhai a gafodd eu hepgor. Mae'r canlyniadau'n dangos ar faint o atebion y mae pob sgôr yn seiliedig.",
  'interview.review.section': 'Adran',
  'interview.review.answered': "Wedi'u hateb",
  'interview.review.change': 'Newid',
  'interview.review.changeStep': 'Newid {step}',
  'interview.review.counts': {
    zero: '{answered} o {count}',
    one: '{answered} o {count}',
    two: '{answered} o {count}',
    few: '{answered} o {count}',
    many: '{answered} o {count}',
    other: '{answered} o {count}',
  },
  'interview.finish': 'Gorffen a gweld y canlyniadau',

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
  'interview.basics.title',
  'health.consent.hint',
  'health.consent.declined',
];
