/**
 * Resident mode's own messages, in English and Welsh: the worker's form that starts it, and what
 * the resident reads on the device. The questions keep the interview's wording.
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'home.start': 'Hand this device to a resident',
  'home.hint':
    'The resident reads the privacy notice and answers the questions on their own. Only your PIN ends it.',
  'start.title': 'Hand this device to a resident',
  'start.intro':
    'Fill in these details, then give the device to the resident. They read the privacy notice, agree to take part and answer one question at a time. They cannot see any other record or any of your screens.',
  'start.noContact': 'Resident mode does not ask for a name or contact details.',
  'start.submit': 'Hand the device over',
  'start.saveError': 'Resident mode could not start on this device: {reason}',
  'header.label': 'Resident mode',
  'leave.open': 'Worker: leave resident mode',
  'leave.title': 'Leave resident mode',
  'leave.pin': 'Worker’s PIN',
  'leave.submit': 'Leave resident mode',
  'leave.cancel': 'Cancel',
  'leave.empty': 'Enter your PIN',
  'leave.wrong': {
    one: 'That PIN is not right. {count} more wrong PIN and the app locks.',
    other: 'That PIN is not right. {count} more wrong PINs and the app locks.',
  },
  'welcome.title': 'Welcome',
  'welcome.intro':
    'These questions are about using the internet. There are no right or wrong answers. Please read this first.',
  'agree.label': 'I have read this and I agree to take part',
  'agree.error': 'Tick the box to say you agree to take part',
  'agree.submit': 'Start',
  progress: 'Question {number} of {count}',
  next: 'Next',
  back: 'Back',
  'check.title': 'Check and send your answers',
  'check.answered': {
    one: 'You answered {answered} of {count} question.',
    other: 'You answered {answered} of {count} questions.',
  },
  'check.intro':
    'You can go back to change an answer. When you send your answers, they cannot be changed.',
  'check.submit': 'Send my answers',
  'check.error': 'Your answers could not be saved: {reason} Please try again.',
  'done.thanks': 'Thank you. Your answers are saved and will be sent to the council.',
  'done.scores': 'Your scores',
  'done.handBack': 'When you have finished, please give the device back.',
  'done.sent': 'Thank you. Your answers have been sent. Please give the device back.',
};

export type ResidentKey = keyof typeof en;

const cy: Record<ResidentKey, Message> = {
  'home.start': "Rhoi'r ddyfais hon i breswylydd",
  'home.hint':
    "Mae'r preswylydd yn darllen yr hysbysiad preifatrwydd ac yn ateb y cwestiynau ar ei ben ei hun. Dim ond eich PIN chi sy'n ei orffen.",
  'start.title': "Rhoi'r ddyfais hon i breswylydd",
  'start.intro':
    "Llenwch y manylion hyn, yna rhowch y ddyfais i'r preswylydd. Bydd yn darllen yr hysbysiad preifatrwydd, yn cytuno i gymryd rhan ac yn ateb un cwestiwn ar y tro. Ni all weld unrhyw gofnod arall nac unrhyw un o'ch sgriniau chi.",
  'start.noContact': 'Nid yw modd preswylydd yn gofyn am enw na manylion cyswllt.',
  'start.submit': "Rhoi'r ddyfais",
  'start.saveError': 'Nid oedd modd dechrau modd preswylydd ar y ddyfais hon: {reason}',
  'header.label': 'Modd preswylydd',
  'leave.open': 'Gweithiwr: gadael modd preswylydd',
  'leave.title': 'Gadael modd preswylydd',
  'leave.pin': 'PIN y gweithiwr',
  'leave.submit': 'Gadael modd preswylydd',
  'leave.cancel': 'Canslo',
  'leave.empty': 'Rhowch eich PIN',
  'leave.wrong': {
    zero: "Nid yw'r PIN hwnnw'n iawn. {count} PIN anghywir arall ac mae'r ap yn cloi.",
    one: "Nid yw'r PIN hwnnw'n iawn. {count} PIN anghywir arall ac mae'r ap yn cloi.",
    two: "Nid yw'r PIN hwnnw'n iawn. {count} PIN anghywir arall ac mae'r ap yn cloi.",
    few: "Nid yw'r PIN hwnnw'n iawn. {count} PIN anghywir arall ac mae'r ap yn cloi.",
    many: "Nid yw'r PIN hwnnw'n iawn. {count} PIN anghywir arall ac mae'r ap yn cloi.",
    other: "Nid yw'r PIN hwnnw'n iawn. {count} PIN anghywir arall ac mae'r ap yn cloi.",
  },
  'welcome.title': 'Croeso',
  'welcome.intro':
    "Mae'r cwestiynau hyn yn ymwneud â defnyddio'r rhyngrwyd. Does dim atebion cywir nac anghywir. Darllenwch hwn yn gyntaf.",
  'agree.label': "Rydw i wedi darllen hwn ac rydw i'n cytuno i gymryd rhan",
  'agree.error': 'Ticiwch y blwch i ddweud eich bod yn cytuno i gymryd rhan',
  'agree.submit': 'Dechrau',
  progress: 'Cwestiwn {number} o {count}',
  next: 'Nesaf',
  back: 'Yn ôl',
  'check.title': 'Gwirio ac anfon eich atebion',
  'check.answered': {
    zero: 'Fe ateboch chi {answered} o {count} cwestiwn.',
    one: 'Fe ateboch chi {answered} o {count} cwestiwn.',
    two: 'Fe ateboch chi {answered} o {count} gwestiwn.',
    few: 'Fe ateboch chi {answered} o {count} chwestiwn.',
    many: 'Fe ateboch chi {answered} o {count} chwestiwn.',
    other: 'Fe ateboch chi {answered} o {count} cwestiwn.',
  },
  'check.intro':
    'Gallwch fynd yn ôl i newid ateb. Ar ôl i chi anfon eich atebion, does dim modd eu newid.',
  'check.submit': 'Anfon fy atebion',
  'check.error': 'Nid oedd modd cadw eich atebion: {reason} Rhowch gynnig arall arni.',
  'done.thanks': "Diolch. Mae eich atebion wedi'u cadw a byddant yn cael eu hanfon at y cyngor.",
  'done.scores': 'Eich sgorau',
  'done.handBack': 'Pan fyddwch wedi gorffen, rhowch y ddyfais yn ôl.',
  'done.sent': "Diolch. Mae eich atebion wedi'u hanfon. Rhowch y ddyfais yn ôl.",
};

export const residentMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly ResidentKey[] = [
  'home.hint',
  'start.intro',
  'start.noContact',
  'leave.wrong',
  'welcome.intro',
  'agree.label',
  'check.answered',
  'check.intro',
  'done.thanks',
  'done.handBack',
];
