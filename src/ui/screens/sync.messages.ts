/**
 * The sending screen's own messages, in English and Welsh: what signing out would lose and the
 * worker's choices about it, and the encrypted file (export and import). They load with the
 * screen, not with the app.
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'lost.caption': 'Assessments not on the server',
  'lost.date': 'Date',
  'lost.status.unfinished': 'Not finished',
  'lost.status.waiting': 'Finished, waiting to send',
  'lost.status.rejected': 'Not accepted by the server',
  'lost.status.damaged': 'Could not be read on this device',
  'choices.title': 'What you can do',
  'choices.wait':
    'Keep working and send later: you do not have to sign out. Your assessments stay on this device, locked with your PIN, and are sent when there is a connection.',
  'choices.send': 'Send them now, if this device has a connection.',
  'choices.export': 'Export them to an encrypted file, to import on another device later.',
  'send.button': 'Send them now',
  'send.allSent': 'Everything has reached the server. You can sign out.',
  'send.left': {
    one: '{count} assessment is still not on the server.',
    other: '{count} assessments are still not on the server.',
  },
  'export.open': 'Export an encrypted file',
  'export.title': 'Export an encrypted file',
  'export.intro':
    'Choose a passphrase for the file, of at least 10 characters. Anyone with the file and its passphrase can read these assessments, so keep them apart. Without the passphrase nobody can open the file.',
  'export.passphrase': 'Passphrase for the file',
  'export.passphraseHint': 'At least 10 characters',
  'export.repeat': 'Type the passphrase again',
  'export.submit': 'Download the encrypted file',
  'export.busy': 'Encrypting…',
  'export.tooShort': 'Enter a passphrase of at least 10 characters',
  'export.mismatch': 'Type the same passphrase twice',
  'export.done': {
    one: '{count} assessment is in the file {file}. Keep the file and its passphrase apart.',
    other: '{count} assessments are in the file {file}. Keep the file and its passphrase apart.',
  },
  'import.title': 'Import an exported file',
  'import.intro':
    'Assessments exported from a device in an encrypted file. They are added to this device and sent to the server like any other.',
  'import.file': 'File',
  'import.passphrase': 'The file’s passphrase',
  'import.submit': 'Import',
  'import.busy': 'Opening the file…',
  'import.noFile': 'Choose a file to import',
  'import.noPassphrase': 'Enter the file’s passphrase',
  'import.wrongPassphrase': 'This passphrase does not open the file. Check it and try again.',
  'import.notExport': 'This is not an encrypted file exported from Doorstep.',
  'import.newer':
    'This file was exported by a newer version of Doorstep. Update this app, then try again.',
  'import.otherOrganisation':
    'This file was exported for another organisation, so it cannot be imported here.',
  'import.added': {
    one: '{count} assessment added to this device. It is sent to the server like any other.',
    other: '{count} assessments added to this device. They are sent to the server like any other.',
  },
  'import.skipped': {
    one: '{count} assessment was on this device already and was left as it was: {list}.',
    other: '{count} assessments were on this device already and were left as they were: {list}.',
  },
  'import.refused': {
    one: '{count} record in the file is not a valid assessment and was not imported: {list}.',
    other: '{count} records in the file are not valid assessments and were not imported: {list}.',
  },
};

export type SyncKey = keyof typeof en;

/** Counts come after a label in Welsh, so one wording serves every plural form. */
const same = (text: string) => ({
  zero: text,
  one: text,
  two: text,
  few: text,
  many: text,
  other: text,
});

const cy: Readonly<Record<SyncKey, Message>> = {
  'lost.caption': 'Asesiadau nad ydynt ar y gweinydd',
  'lost.date': 'Dyddiad',
  'lost.status.unfinished': 'Heb ei orffen',
  'lost.status.waiting': 'Wedi’i orffen, yn aros i’w anfon',
  'lost.status.rejected': 'Heb ei dderbyn gan y gweinydd',
  'lost.status.damaged': 'Ni ellid ei ddarllen ar y ddyfais hon',
  'choices.title': 'Beth allwch chi ei wneud',
  'choices.wait':
    'Dal ati i weithio ac anfon yn nes ymlaen: does dim rhaid i chi allgofnodi. Mae eich asesiadau’n aros ar y ddyfais hon, wedi’u cloi â’ch PIN, ac yn cael eu hanfon pan fydd cysylltiad.',
  'choices.send': 'Eu hanfon nawr, os oes gan y ddyfais hon gysylltiad.',
  'choices.export':
    'Eu hallforio i ffeil wedi’i hamgryptio, i’w mewnforio ar ddyfais arall yn nes ymlaen.',
  'send.button': 'Eu hanfon nawr',
  'send.allSent': 'Mae popeth wedi cyrraedd y gweinydd. Gallwch allgofnodi.',
  'send.left': same('Asesiadau sydd heb gyrraedd y gweinydd o hyd: {count}.'),
  'export.open': 'Allforio ffeil wedi’i hamgryptio',
  'export.title': 'Allforio ffeil wedi’i hamgryptio',
  'export.intro':
    'Dewiswch gyfrinymadrodd ar gyfer y ffeil, o leiaf 10 nod. Gall unrhyw un sydd â’r ffeil a’i chyfrinymadrodd ddarllen yr asesiadau hyn, felly cadwch nhw ar wahân. Heb y cyfrinymadrodd ni all neb agor y ffeil.',
  'export.passphrase': 'Cyfrinymadrodd ar gyfer y ffeil',
  'export.passphraseHint': 'O leiaf 10 nod',
  'export.repeat': 'Teipiwch y cyfrinymadrodd eto',
  'export.submit': 'Lawrlwytho’r ffeil wedi’i hamgryptio',
  'export.busy': 'Wrthi’n amgryptio…',
  'export.tooShort': 'Rhowch gyfrinymadrodd o 10 nod o leiaf',
  'export.mismatch': 'Teipiwch yr un cyfrinymadrodd ddwywaith',
  'export.done': same(
    'Asesiadau yn y ffeil {file}: {count}. Cadwch y ffeil a’i chyfrinymadrodd ar wahân.',
  ),
  'import.title': 'Mewnforio ffeil a allforiwyd',
  'import.intro':
    'Asesiadau a allforiwyd o ddyfais mewn ffeil wedi’i hamgryptio. Maen nhw’n cael eu hychwanegu at y ddyfais hon a’u hanfon i’r gweinydd fel unrhyw asesiad arall.',
  'import.file': 'Ffeil',
  'import.passphrase': 'Cyfrinymadrodd y ffeil',
  'import.submit': 'Mewnforio',
  'import.busy': 'Wrthi’n agor y ffeil…',
  'import.noFile': 'Dewiswch ffeil i’w mewnforio',
  'import.noPassphrase': 'Rhowch gyfrinymadrodd y ffeil',
  'import.wrongPassphrase':
    'Nid yw’r cyfrinymadrodd hwn yn agor y ffeil. Gwiriwch ef a rhowch gynnig arall arni.',
  'import.notExport': 'Nid yw hon yn ffeil wedi’i hamgryptio a allforiwyd o Doorstep.',
  'import.newer':
    'Cafodd y ffeil hon ei hallforio gan fersiwn mwy newydd o Doorstep. Diweddarwch yr ap hwn, yna rhowch gynnig arall arni.',
  'import.otherOrganisation':
    'Cafodd y ffeil hon ei hallforio ar gyfer sefydliad arall, felly ni ellir ei mewnforio yma.',
  'import.added': same(
    'Asesiadau a ychwanegwyd at y ddyfais hon: {count}. Maen nhw’n cael eu hanfon i’r gweinydd fel unrhyw asesiad arall.',
  ),
  'import.skipped': same(
    'Asesiadau a oedd ar y ddyfais hon yn barod, wedi’u gadael fel yr oeddent: {count} ({list}).',
  ),
  'import.refused': same(
    'Cofnodion yn y ffeil nad ydynt yn asesiadau dilys, heb eu mewnforio: {count} ({list}).',
  ),
};

export const syncMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live: all of it, new wording. */
export const NEEDS_REVIEW_CY: readonly SyncKey[] = Object.keys(en) as SyncKey[];
