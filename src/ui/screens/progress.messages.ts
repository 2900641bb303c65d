/**
 * The progress screen's own messages, in English and Welsh. They load with the screen, not with
 * the app: the start screen's first download stays small. Same keys and placeholders in both
 * (test/ui/catalogue.test.ts checks every screen catalogue as it checks the main one).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  title: 'Progress since the last visit',
  caption: '{who}, {from} to {to}',
  noEarlier: 'There is no earlier finished assessment for {who} on this device to compare with.',
  'from.device': 'The earlier visit was made on this device, recorded on {date}.',
  'from.server': 'The earlier visit is from the server, recorded on {date}.',
  'sections.title': 'Change in each section',
  'sections.intro':
    'Only questions answered with a score at both visits are compared. Interest is shown apart from skill.',
  'table.section': 'Section',
  'table.gain': 'Change',
  'table.basis': 'Based on',
  'basis.basics': {
    one: '{answered} of {count} question answered both times',
    other: '{answered} of {count} questions answered both times',
  },
  'basis.blockers': {
    one: '{answered} of {count} blocker answered both times',
    other: '{answered} of {count} blockers answered both times',
  },
  'basis.skills': {
    one: '{answered} of {count} skill answered both times',
    other: '{answered} of {count} skills answered both times',
  },
  'gain.up': 'Up {points} points',
  'gain.down': 'Down {points} points',
  'gain.same': 'No change',
  'gain.none': 'Nothing to compare',
  'headline.title': 'At a glance',
  independent: {
    one: '{count} skill now done without help',
    other: '{count} skills now done without help',
  },
  prioritiesMet: {
    one: '{count} high priority met',
    other: '{count} high priorities met',
  },
  blockersEased: {
    one: '{count} blocker eased',
    other: '{count} blockers eased',
  },
  items: 'Answers that went up: {improved}. Stayed the same: {unchanged}. Went down: {declined}.',
  'declined.title': 'Answers that went down',
  'declined.intro':
    'People often rate themselves lower once they know more about what a skill involves. This is worth talking about, not hiding.',
  'declined.item': '{item}: from {before} to {after}',
  interest:
    'Interest went up for {improved}, stayed the same for {unchanged} and went down for {declined}.',
  'headings.title': 'Skills by heading, then and now',
  'headings.chartTitle': 'Skills and confidence at the earlier visit and at this one',
  earlier: 'Earlier visit',
  later: 'This visit',
} as const;

export type ProgressKey = keyof typeof en;

const cy: Readonly<Record<ProgressKey, Message>> = {
  title: 'Cynnydd ers yr ymweliad diwethaf',
  caption: '{who}, {from} i {to}',
  noEarlier:
    "Does dim asesiad cynharach wedi'i orffen ar gyfer {who} ar y ddyfais hon i'w gymharu ag ef.",
  'from.device': "Cafodd yr ymweliad cynharach ei wneud ar y ddyfais hon, a'i gofnodi ar {date}.",
  'from.server': "Mae'r ymweliad cynharach o'r gweinydd, wedi'i gofnodi ar {date}.",
  'sections.title': 'Newid ym mhob adran',
  'sections.intro':
    "Dim ond cwestiynau a gafodd sgôr ar y ddau ymweliad sy'n cael eu cymharu. Mae diddordeb yn cael ei ddangos ar wahân i sgiliau.",
  'table.section': 'Adran',
  'table.gain': 'Newid',
  'table.basis': 'Yn seiliedig ar',
  'basis.basics': {
    zero: "{answered} o {count} cwestiwn wedi'u hateb y ddwy waith",
    one: "{answered} o {count} cwestiwn wedi'i ateb y ddwy waith",
    two: "{answered} o {count} gwestiwn wedi'u hateb y ddwy waith",
    few: "{answered} o {count} chwestiwn wedi'u hateb y ddwy waith",
    many: "{answered} o {count} chwestiwn wedi'u hateb y ddwy waith",
    other: "{answered} o {count} cwestiwn wedi'u hateb y ddwy waith",
  },
  'basis.blockers': {
    zero: "{answered} o {count} rhwystr wedi'u hateb y ddwy waith",
    one: "{answered} o {count} rhwystr wedi'i ateb y ddwy waith",
    two: "{answered} o {count} rwystr wedi'u hateb y ddwy waith",
    few: "{answered} o {count} rhwystr wedi'u hateb y ddwy waith",
    many: "{answered} o {count} rhwystr wedi'u hateb y ddwy waith",
    other: "{answered} o {count} rhwystr wedi'u hateb y ddwy waith",
  },
  'basis.skills': {
    zero: "{answered} o {count} sgìl wedi'u hateb y ddwy waith",
    one: "{answered} o {count} sgìl wedi'i ateb y ddwy waith",
    two: "{answered} o {count} sgìl wedi'u hateb y ddwy waith",
    few: "{answered} o {count} sgìl wedi'u hateb y ddwy waith",
    many: "{answered} o {count} sgìl wedi'u hateb y ddwy waith",
    other: "{answered} o {count} sgìl wedi'u hateb y ddwy waith",
  },
  'gain.up': 'I fyny {points} pwynt',
  'gain.down': 'I lawr {points} pwynt',
  'gain.same': 'Dim newid',
  'gain.none': "Dim i'w gymharu",
  'headline.title': 'Yn gryno',
  independent: {
    zero: '{count} sgìl yn cael eu gwneud heb help erbyn hyn',
    one: '{count} sgìl yn cael ei wneud heb help erbyn hyn',
    two: '{count} sgìl yn cael eu gwneud heb help erbyn hyn',
    few: '{count} sgìl yn cael eu gwneud heb help erbyn hyn',
    many: '{count} sgìl yn cael eu gwneud heb help erbyn hyn',
    other: '{count} sgìl yn cael eu gwneud heb help erbyn hyn',
  },
  prioritiesMet: {
    zero: "{count} blaenoriaeth uchel wedi'u cyflawni",
    one: "{count} flaenoriaeth uchel wedi'i chyflawni",
    two: "{count} flaenoriaeth uchel wedi'u cyflawni",
    few: "{count} blaenoriaeth uchel wedi'u cyflawni",
    many: "{count} blaenoriaeth uchel wedi'u cyflawni",
    other: "{count} blaenoriaeth uchel wedi'u cyflawni",
  },
  blockersEased: {
    zero: '{count} rhwystr wedi lleihau',
    one: '{count} rhwystr wedi lleihau',
    two: '{count} rwystr wedi lleihau',
    few: '{count} rhwystr wedi lleihau',
    many: '{count} rhwystr wedi lleihau',
    other: '{count} rhwystr wedi lleihau',
  },
  items:
    'Atebion a aeth i fyny: {improved}. Atebion a arhosodd yr un fath: {unchanged}. Atebion a aeth i lawr: {declined}.',
  'declined.title': 'Atebion a aeth i lawr',
  'declined.intro':
    "Mae pobl yn aml yn rhoi sgôr is iddyn nhw'u hunain unwaith y byddan nhw'n gwybod mwy am beth mae sgìl yn ei olygu. Mae'n werth siarad am hyn, nid ei guddio.",
  'declined.item': '{item}: o {before} i {after}',
  interest:
    'Aeth diddordeb i fyny ar gyfer {improved}, arhosodd yr un fath ar gyfer {unchanged} ac aeth i lawr ar gyfer {declined}.',
  'headings.title': 'Sgiliau fesul pennawd, bryd hynny a nawr',
  'headings.chartTitle': 'Sgiliau a hyder yn yr ymweliad cynharach ac yn yr un yma',
  earlier: 'Ymweliad cynharach',
  later: 'Yr ymweliad hwn',
};

export const progressMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly ProgressKey[] = [
  'basis.basics',
  'prioritiesMet',
  'declined.intro',
  'from.device',
];
