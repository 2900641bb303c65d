// Every sentence the server sends to a person, in English and Welsh. Code raises a Message (an
// id and its parameters); it is put into words only when the reply's language is known
// (render). Each language writes whole sentences, one per plural form where a count decides the
// wording: nothing here joins the two languages' fragments. Logs and the OpenAPI document stay
// English; CSV column headers are data and stay as they are.
import type { Issue } from '../domain/index.ts';
import type { Language } from './language.ts';

/** The parts of a zod issue that say what is wrong, as the domain reads them. */
export type { Issue };

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };
const pluralRules = { en: new Intl.PluralRules('en'), cy: new Intl.PluralRules('cy') };

/** The form for `count`. Welsh nouns without a numeral are only singular or plural, so its
 * zero, two, few and many fall to `other`; a sentence that shows the number needs them all. */
const byCount = (language: Language, count: number, forms: Forms) =>
  forms[pluralRules[language].select(count)] ?? forms.other;

const list = (items: readonly string[]) => items.join(', ');
const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v));

const en = {
  'request.tooLarge': 'The request is too large for the server. Send fewer assessments at a time.',
  'request.invalidJson': 'The request body is not valid JSON.',
  'request.notJson': 'Send the request body as JSON.',
  'request.unreadable': 'The server could not read the request.',
  'request.noBody': 'The request has no body: send it as JSON.',
  'request.unexpected': ({ issues }: { issues: readonly Issue[] }) =>
    `The request is not what the server expects: ${describeIssues('en', issues)}.`,
  'request.encoding': ({ encoding }: { encoding: string }) =>
    `Send the body as JSON, gzipped or not, not "${encoding}".`,
  'request.notGzip': 'The request body says it is gzipped but is not.',
  'server.notFound': 'Nothing is found at this address.',
  'server.notFoundAt': ({ method, path }: { method: string; path: string }) =>
    `Nothing is found at ${method} ${path}.`,
  'server.failed': 'Something went wrong on the server. Try again later.',

  'access.outdated':
    'This version of Doorstep is out of date. Reload the app while online to update it.',
  'access.notSignedIn':
    'This device is not signed in. Enrol it again with a code from your coordinator.',
  'access.unrecognised':
    "This device's sign-in is not recognised. Enrol it again with a code from your coordinator.",
  'access.signedOut':
    'This device has been signed out. Enrol it again with a code from your coordinator.',
  'access.coordinatorsOnly': 'Only coordinators and administrators can do this.',
  'access.administratorsOnly': 'Only administrators can do this.',
  'access.signInOnly':
    'This is a shared device’s own key: it only lets workers sign in on it. Sign in first.',
  'device.nameMissing': 'Give the device a name.',
  'device.notFound': 'There is no such device in your organisation.',
  'device.adminOnly': "Only an administrator can sign out an administrator's device.",
  'enrolment.codeInvalid':
    'This enrolment code is not valid. It may be mistyped, already used or expired: ask your ' +
    'coordinator for a new one.',
  'enrolment.adminOnly': 'Only an administrator can enrol an administrator.',
  'enrolment.credentialsIncomplete': 'Give both a username and a passphrase, or neither.',
  'account.usernameTaken':
    'Someone else in your organisation already has this username. Choose another one.',
  'signIn.failed': 'The username or passphrase is not right. Check both and try again.',
  'signIn.locked': ({ minutes }: { minutes: number }) =>
    byCount('en', minutes, {
      one: `Too many wrong passphrases: signing in with this username is paused. Try again in ${minutes} minute.`,
      other: `Too many wrong passphrases: signing in with this username is paused. Try again in ${minutes} minutes.`,
    }),

  'resident.invalidRef':
    'A resident reference is 1 to 40 letters, digits, spaces or . _ / -, starting with a letter or digit.',
  'resident.notFound': 'Your organisation holds no assessment with this resident reference.',
  'settings.invalid': "The organisation's settings are not valid. Nothing was changed.",
  'baselines.invalid': 'The baselines file has problems, listed below. Nothing was imported.',
  'baselines.tooSmall': ({ residents, minGroup }: { residents: number; minGroup: number }) =>
    byCount('en', residents, {
      one: `The programme has first visits of ${residents} resident, fewer than the ${minGroup} a figure needs. No baseline was made.`,
      other: `The programme has first visits of ${residents} residents, fewer than the ${minGroup} a figure needs. No baseline was made.`,
    }),
  'baselines.notFound': 'Your organisation has no baseline with this id.',

  'record.idMismatch': (p: {
    recordId: string;
    recordRevision: number;
    assessmentId: string;
    assessmentRevision: number;
  }) =>
    `The record says id "${p.recordId}" revision ${p.recordRevision}, but the assessment inside ` +
    `it is id "${p.assessmentId}" revision ${p.assessmentRevision}.`,
  'record.notFinished':
    'The assessment is not finished: only finished assessments are sent to the council.',
  'record.unsupportedVersion': (p: {
    versions: readonly string[];
    bankVersion: number;
    scaleVersion: number;
  }) =>
    `The assessment was made with ${list(p.versions)}, which this server does not support (it ` +
    `knows question bank ${p.bankVersion} with scale ${p.scaleVersion}).`,
  'record.unknownFields': ({ fields }: { fields: readonly string[] }) =>
    byCount('en', fields.length, {
      one: `The assessment has a field this server does not know: ${list(fields)}.`,
      other: `The assessment has fields this server does not know: ${list(fields)}.`,
    }),
  'record.unknownItems': ({
    items,
    bankVersion,
  }: {
    items: readonly string[];
    bankVersion: number;
  }) =>
    byCount('en', items.length, {
      one: `The assessment answers a question that question bank ${bankVersion} does not have: ${list(items)}.`,
      other: `The assessment answers questions that question bank ${bankVersion} does not have: ${list(items)}.`,
    }),
  'record.outOfScale': ({
    answers,
    missing,
  }: {
    answers: readonly string[];
    missing: readonly string[];
  }) =>
    byCount('en', answers.length, {
      one: `An answer is not on the scale: ${list(answers)}. An answer is a score from 0 to 4 or one of ${list(missing)}.`,
      other: `Answers are not on the scale: ${list(answers)}. An answer is a score from 0 to 4 or one of ${list(missing)}.`,
    }),
  'record.unreadable': ({ issues }: { issues: readonly Issue[] }) =>
    `The assessment could not be read: ${describeIssues('en', issues)}.`,

  // What is wrong with one value, after its path: "answers.basics: missing field".
  'issue.unknownFields': ({ keys }: { keys: readonly string[] }) =>
    `unknown field ${quoted(keys).join(', ')}`,
  'issue.missingField': 'missing field',
  'issue.expectedType': ({ expected }: { expected: string }) => `expected ${expected}`,
  'issue.expectedOtherType': 'expected another type',
  'issue.expectedValues': ({ values }: { values: readonly unknown[] }) =>
    `expected ${quoted(values).join(' or ')}`,
  'issue.noMatch': ({ pattern }: { pattern: string }) => `does not match ${pattern}`,
  'issue.wrongFormat': 'wrong format',
  'issue.exactly': ({ size }: { size: string }) => `expected exactly ${size}`,
  'issue.atLeast': ({ size }: { size: string }) => `expected at least ${size}`,
  'issue.atMost': ({ size }: { size: string }) => `expected at most ${size}`,
  'issue.notRealDate': 'not a real date (YYYY-MM-DD)',
  // Any other problem: zod's or the domain's own English words.
  'issue.other': ({ message }: { message: string }) => message,
};

type Catalogue = { readonly [Id in keyof typeof en]: (typeof en)[Id] };

// Terms, kept the same throughout and as the app's Welsh has them: dyfais (device), cod
// cofrestru (enrolment code), gosod y ddyfais (set up the device: the app's button, where the
// English says "enrol it again"), cofrestru (enrol someone), cydlynydd (coordinator), gweinyddwr
// (administrator), asesiad (assessment), gweinydd (server), cais (request), corff y cais (request
// body), diwygiad (revision), graddfa (scale), banc cwestiynau (question bank), maes (field), enw
// defnyddiwr (username), cyfrinymadrodd (passphrase). Reason codes and field names stay as they
// are.
const cy: Catalogue = {
  'request.tooLarge': "Mae'r cais yn rhy fawr i'r gweinydd. Anfonwch lai o asesiadau ar y tro.",
  'request.invalidJson': 'Nid yw corff y cais yn JSON dilys.',
  'request.notJson': 'Anfonwch gorff y cais fel JSON.',
  'request.unreadable': 'Nid oedd y gweinydd yn gallu darllen y cais.',
  'request.noBody': 'Nid oes gan y cais gorff: anfonwch ef fel JSON.',
  'request.unexpected': ({ issues }) =>
    `Nid yw'r cais yr hyn y mae'r gweinydd yn ei ddisgwyl: ${describeIssues('cy', issues)}.`,
  'request.encoding': ({ encoding }) =>
    `Anfonwch y corff fel JSON, wedi'i gywasgu â gzip neu beidio, nid "${encoding}".`,
  'request.notGzip': "Mae corff y cais yn dweud ei fod wedi'i gywasgu â gzip, ond nid yw.",
  'server.notFound': "Nid oes dim byd i'w gael yn y cyfeiriad hwn.",
  'server.notFoundAt': ({ method, path }) => `Nid oes dim byd i'w gael ar gyfer ${method} ${path}.`,
  'server.failed': "Aeth rhywbeth o'i le ar y gweinydd. Rhowch gynnig arall arni yn nes ymlaen.",

  'access.outdated':
    "Mae'r fersiwn hon o Doorstep wedi dyddio. Ail-lwythwch yr ap pan fyddwch chi ar-lein i'w ddiweddaru.",
  'access.notSignedIn':
    "Nid yw'r ddyfais hon wedi mewngofnodi. Gosodwch y ddyfais eto gyda chod cofrestru gan eich cydlynydd.",
  'access.unrecognised':
    "Nid yw manylion mewngofnodi'r ddyfais hon yn cael eu hadnabod. Gosodwch y ddyfais eto " +
    'gyda chod cofrestru gan eich cydlynydd.',
  'access.signedOut':
    "Mae'r ddyfais hon wedi cael ei hallgofnodi. Gosodwch y ddyfais eto gyda chod cofrestru gan " +
    'eich cydlynydd.',
  'access.coordinatorsOnly': "Dim ond cydlynwyr a gweinyddwyr sy'n gallu gwneud hyn.",
  'access.administratorsOnly': "Dim ond gweinyddwyr sy'n gallu gwneud hyn.",
  'access.signInOnly':
    'Dyma allwedd dyfais a rennir: dim ond gadael i weithwyr fewngofnodi arni y mae. Mewngofnodwch yn gyntaf.',
  'device.nameMissing': 'Rhowch enw ar gyfer y ddyfais.',
  'device.notFound': "Nid oes dyfais o'r fath yn eich sefydliad.",
  'device.adminOnly': "Dim ond gweinyddwr sy'n gallu allgofnodi dyfais gweinyddwr.",
  'enrolment.codeInvalid':
    "Nid yw'r cod cofrestru hwn yn ddilys. Efallai ei fod wedi'i deipio'n anghywir, wedi'i " +
    "ddefnyddio'n barod neu wedi dod i ben: gofynnwch i'ch cydlynydd am un newydd.",
  'enrolment.adminOnly': "Dim ond gweinyddwr sy'n gallu cofrestru gweinyddwr.",
  'enrolment.credentialsIncomplete':
    "Rhowch enw defnyddiwr a chyfrinymadrodd, neu ddim un o'r ddau.",
  'account.usernameTaken':
    'Mae gan rywun arall yn eich sefydliad yr enw defnyddiwr hwn yn barod. Dewiswch un arall.',
  'signIn.failed':
    "Nid yw'r enw defnyddiwr neu'r cyfrinymadrodd yn gywir. Gwiriwch y ddau a rhowch gynnig arall arni.",
  // A numeral takes the singular noun in Welsh; 2 softens it (2 funud).
  'signIn.locked': ({ minutes }) =>
    byCount('cy', minutes, {
      two: `Gormod o gyfrinymadroddion anghywir: mae mewngofnodi gyda'r enw defnyddiwr hwn wedi'i oedi. Rhowch gynnig arall arni ymhen ${minutes} funud.`,
      other: `Gormod o gyfrinymadroddion anghywir: mae mewngofnodi gyda'r enw defnyddiwr hwn wedi'i oedi. Rhowch gynnig arall arni ymhen ${minutes} munud.`,
    }),

  'resident.invalidRef':
    'Mae cyfeirnod preswylydd yn 1 i 40 o lythrennau, digidau, bylchau neu . _ / -, gan ddechrau â llythyren neu ddigid.',
  'resident.notFound': "Nid oes gan eich sefydliad asesiad gyda'r cyfeirnod preswylydd hwn.",
  'settings.invalid': "Nid yw gosodiadau'r sefydliad yn ddilys. Ni newidiwyd dim.",
  'baselines.invalid':
    "Mae problemau gyda'r ffeil llinellau sylfaen, wedi'u rhestru isod. Ni fewnforiwyd dim.",
  'baselines.tooSmall': ({ residents, minGroup }) =>
    byCount('cy', residents, {
      zero: `Mae gan y rhaglen ymweliadau cyntaf ${residents} o breswylwyr, llai na'r ${minGroup} sydd eu hangen ar ffigur. Ni wnaed llinell sylfaen.`,
      one: `Mae gan y rhaglen ymweliad cyntaf ${residents} preswylydd, llai na'r ${minGroup} sydd eu hangen ar ffigur. Ni wnaed llinell sylfaen.`,
      other: `Mae gan y rhaglen ymweliadau cyntaf ${residents} o breswylwyr, llai na'r ${minGroup} sydd eu hangen ar ffigur. Ni wnaed llinell sylfaen.`,
    }),
  'baselines.notFound': "Nid oes gan eich sefydliad linell sylfaen gyda'r id hwn.",

  'record.idMismatch': (p) =>
    `Mae'r cofnod yn nodi id "${p.recordId}", diwygiad ${p.recordRevision}, ond mae gan yr ` +
    `asesiad sydd ynddo id "${p.assessmentId}", diwygiad ${p.assessmentRevision}.`,
  'record.notFinished':
    "Nid yw'r asesiad wedi'i orffen: dim ond asesiadau sydd wedi'u gorffen sy'n cael eu hanfon " +
    "i'r cyngor.",
  'record.unsupportedVersion': (p) =>
    `Gwnaed yr asesiad gyda ${list(p.versions)}, ac nid yw'r gweinydd hwn yn cefnogi hynny ` +
    `(mae'n gwybod am fanc cwestiynau ${p.bankVersion} gyda graddfa ${p.scaleVersion}).`,
  'record.unknownFields': ({ fields }) =>
    byCount('cy', fields.length, {
      one: `Mae gan yr asesiad faes nad yw'r gweinydd hwn yn ei adnabod: ${list(fields)}.`,
      other: `Mae gan yr asesiad feysydd nad yw'r gweinydd hwn yn eu hadnabod: ${list(fields)}.`,
    }),
  'record.unknownItems': ({ items, bankVersion }) =>
    byCount('cy', items.length, {
      one: `Mae'r asesiad yn ateb cwestiwn nad yw ym manc cwestiynau ${bankVersion}: ${list(items)}.`,
      other: `Mae'r asesiad yn ateb cwestiynau nad ydyn nhw ym manc cwestiynau ${bankVersion}: ${list(items)}.`,
    }),
  'record.outOfScale': ({ answers, missing }) =>
    byCount('cy', answers.length, {
      one: `Mae ateb y tu allan i'r raddfa: ${list(answers)}. Mae ateb yn sgôr o 0 i 4 neu'n un o ${list(missing)}.`,
      other: `Mae atebion y tu allan i'r raddfa: ${list(answers)}. Mae ateb yn sgôr o 0 i 4 neu'n un o ${list(missing)}.`,
    }),
  'record.unreadable': ({ issues }) =>
    `Nid oedd modd darllen yr asesiad: ${describeIssues('cy', issues)}.`,

  'issue.unknownFields': ({ keys }) =>
    byCount('cy', keys.length, {
      one: `maes anhysbys ${quoted(keys).join(', ')}`,
      other: `meysydd anhysbys ${quoted(keys).join(', ')}`,
    }),
  'issue.missingField': 'maes ar goll',
  'issue.expectedType': ({ expected }) => `disgwylir ${WELSH_TYPES[expected] ?? expected}`,
  'issue.expectedOtherType': 'disgwylir math arall',
  'issue.expectedValues': ({ values }) => `disgwylir ${quoted(values).join(' neu ')}`,
  'issue.noMatch': ({ pattern }) => `nid yw'n cyfateb i ${pattern}`,
  'issue.wrongFormat': 'fformat anghywir',
  'issue.exactly': ({ size }) => `disgwylir ${size} yn union`,
  'issue.atLeast': ({ size }) => `disgwylir o leiaf ${size}`,
  'issue.atMost': ({ size }) => `disgwylir ${size} ar y mwyaf`,
  'issue.notRealDate': "nid yw'n ddyddiad go iawn (YYYY-MM-DD)",
  // The English words of a problem this catalogue does not know are not shown in Welsh.
  'issue.other': () => 'gwerth annilys',
};

// The JSON types zod names in "expected number".
const WELSH_TYPES: Readonly<Record<string, string>> = {
  string: 'testun',
  number: 'rhif',
  int: 'cyfanrif',
  boolean: 'gwir neu gau',
  object: 'gwrthrych',
  array: 'rhestr',
};

const catalogues: Readonly<Record<Language, Catalogue>> = { en, cy };

/**
 * Welsh wording a professional translator should check before go-live: technical wording,
 * terms chosen here (mewngofnodi for a device, diwygiad for revision, the app's name kept in
 * English) and sentences rephrased rather than followed word for word.
 */
export const needsReview: readonly MessageId[] = [
  'access.signInOnly',
  'request.noBody',
  'request.encoding',
  'request.notGzip',
  'server.notFoundAt',
  'access.outdated',
  'access.notSignedIn',
  'access.unrecognised',
  'access.signedOut',
  'enrolment.codeInvalid',
  'enrolment.credentialsIncomplete',
  'account.usernameTaken',
  'signIn.failed',
  'signIn.locked',
  'resident.invalidRef',
  'resident.notFound',
  'settings.invalid',
  'baselines.invalid',
  'baselines.tooSmall',
  'baselines.notFound',
  'record.idMismatch',
  'record.unsupportedVersion',
  'record.outOfScale',
  'issue.expectedType',
  'issue.expectedValues',
  'issue.noMatch',
  'issue.wrongFormat',
  'issue.exactly',
  'issue.atLeast',
  'issue.atMost',
  'issue.notRealDate',
  'issue.other',
];

export type MessageId = keyof typeof en;
export const messageIds = Object.keys(en) as MessageId[];
type Entry<Id extends MessageId> = (typeof en)[Id];
export type ParamsOf<Id extends MessageId> =
  Entry<Id> extends (params: infer P) => string ? P : never;
/** The ids whose wording takes parameters. */
export type ParameterisedId = {
  [Id in MessageId]: Entry<Id> extends string ? never : Id;
}[MessageId];

/** Something to say, in no language yet. */
export interface Message {
  readonly id: MessageId;
  readonly params?: unknown;
}

export const message = <Id extends MessageId>(
  id: Id,
  ...[params]: Entry<Id> extends string ? [] : [params: ParamsOf<Id>]
): Message => ({ id, params });

export function render(language: Language, { id, params }: Message): string {
  const entry: string | ((params: never) => string) = catalogues[language][id];
  // message() typed the parameters for this id.
  return typeof entry === 'string' ? entry : (entry as (params: unknown) => string)(params);
}

/** One "path: problem" per issue, joined with "; " (the domain's describeIssues, localised). */
export function describeIssues(language: Language, issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const problem = render(language, explain(issue));
      return path ? `${path}: ${problem}` : problem;
    })
    .join('; ');
}

function explain(issue: Issue): Message {
  switch (issue.code) {
    case 'unrecognized_keys':
      return message('issue.unknownFields', { keys: issue.keys ?? [] });
    case 'invalid_type':
      if ('input' in issue && issue.input === undefined) return message('issue.missingField');
      return issue.expected
        ? message('issue.expectedType', { expected: issue.expected })
        : message('issue.expectedOtherType');
    case 'invalid_value':
      return message('issue.expectedValues', { values: issue.values ?? [] });
    case 'invalid_union': {
      const values = (issue.errors ?? []).flat().flatMap((e) => e.values ?? []);
      if (values.length > 0) return message('issue.expectedValues', { values });
      break;
    }
    case 'invalid_format':
      return issue.pattern
        ? message('issue.noMatch', { pattern: issue.pattern })
        : message('issue.wrongFormat');
    case 'too_small':
      return message(issue.exact ? 'issue.exactly' : 'issue.atLeast', {
        size: String(issue.minimum),
      });
    case 'too_big':
      return message(issue.exact ? 'issue.exactly' : 'issue.atMost', {
        size: String(issue.maximum),
      });
  }
  // The domain's one refinement with words of its own (domain/assessment.ts).
  if (issue.message === en['issue.notRealDate']) return message('issue.notRealDate');
  return message('issue.other', { message: issue.message });
}
