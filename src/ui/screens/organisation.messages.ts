/**
 * The organisation settings screen's own messages, in English and Welsh. They load with the
 * screen, not with the app (test/ui/catalogue.test.ts checks them as it checks the main one).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  title: 'Organisation settings',
  intro:
    'Settings for {organisation}. Each change is saved on the server when you press its button, and devices pick it up when they next connect.',
  saved: 'Saved.',
  'threshold.title': 'Small groups',
  'threshold.label': 'Smallest group to show figures for',
  'threshold.hint':
    'Figures about fewer residents than this are not shown, to protect residents in small groups. A whole number from 2 to 100; 5 unless you change it.',
  'threshold.invalid': 'Enter a whole number from 2 to 100',
  'threshold.save': 'Save threshold',
  'privacy.title': 'Privacy',
  'privacy.health': 'How to ask about health, disability or language',
  'privacy.healthHint':
    'The question on whether health, a disability or language makes going online harder. Each assessment records how it was asked.',
  'privacy.health.separate-consent': 'Ask for separate consent first',
  'privacy.health.separate-consentHint':
    'The resident agrees to this one question before it is asked, or it is left out.',
  'privacy.health.optional': 'Ask it as an optional question',
  'privacy.health.optionalHint': 'The resident can answer “Prefer not to say”.',
  'privacy.retention': 'Days to keep residents identifiable',
  'privacy.retentionHint':
    'After this many days without contact, the server unlinks the resident’s reference from their assessments. The anonymous scores stay for your figures. From 30 to 3650; 730 (two years) unless you change it.',
  'privacy.retentionInvalid': 'Enter a whole number of days from 30 to 3650',
  'privacy.lock': 'Minutes before an unused device locks',
  'privacy.lockHint':
    'On a shared device, Doorstep locks after this many minutes without use, and the worker enters their PIN to carry on. From 1 to 60; 5 unless you change it.',
  'privacy.lockInvalid': 'Enter a whole number of minutes from 1 to 60',
  'privacy.save': 'Save privacy settings',
  'outcomes.title': 'Outcome kinds',
  'outcomes.intro':
    'Doorstep records some outcomes already (such as banking online). Add the other kinds your organisation counts.',
  'outcomes.none': 'Your organisation has not added any outcome kinds.',
  'outcomes.remove': 'Remove {name}',
  'outcomes.labelEn': 'Outcome in English',
  'outcomes.labelCy': 'Outcome in Welsh',
  'outcomes.add': 'Add outcome kind',
  'outcomes.missing': 'Enter the outcome in English and in Welsh',
  'outcomes.taken': 'There is already an outcome kind with this name',
  'directory.title': 'Services directory',
  'directory.national':
    'Plans suggest the national kinds of help. Write your own directory to suggest your local services instead.',
  'directory.own': {
    one: 'Your directory has {count} service.',
    other: 'Your directory has {count} services.',
  },
  'directory.start': 'Write your own directory',
  'directory.reset': 'Use the national suggestions instead',
  'directory.edit': 'Edit {name}',
  'directory.remove': 'Remove {name}',
  'directory.for': 'For: {needs}',
  'service.add': 'Add a service',
  'service.editing': 'Edit {name}',
  'service.nameEn': 'Name in English',
  'service.nameCy': 'Name in Welsh',
  'service.descriptionEn': 'Description in English',
  'service.descriptionCy': 'Description in Welsh',
  'service.needs': 'Needs it helps with',
  'service.contact': 'Contact (optional)',
  'service.contactHint': 'A phone number, an address or opening times',
  'service.url': 'Website (optional)',
  'service.save': 'Save service',
  'service.cancel': 'Cancel',
  'service.nameMissing': 'Enter the name in English and in Welsh (up to 120 characters)',
  'service.descriptionMissing':
    'Enter the description in English and in Welsh (up to 500 characters)',
  'service.needsMissing': 'Choose at least one need',
  'service.contactLong': 'Enter contact details of up to 200 characters',
  'service.urlInvalid': 'Enter a web address starting with https:// or http://',
  'need.device': 'No device, or the cost of one',
  'need.data-cost': 'Cost of broadband or data',
  'need.connectivity': 'No connection available',
  'need.place': 'A place to get online',
  'need.skills': 'Skills and confidence',
  'need.motivation': 'Interest and motivation',
  'need.access-needs': 'Health, disability or language',
} as const;

export type OrganisationKey = keyof typeof en;

const cy: Readonly<Record<OrganisationKey, Message>> = {
  title: 'Gosodiadau’r sefydliad',
  intro:
    "Gosodiadau ar gyfer {organisation}. Mae pob newid yn cael ei gadw ar y gweinydd pan fyddwch chi'n pwyso ei fotwm, ac mae dyfeisiau'n ei gael y tro nesaf y byddan nhw'n cysylltu.",
  saved: 'Wedi cadw.',
  'threshold.title': 'Grwpiau bach',
  'threshold.label': 'Y grŵp lleiaf i ddangos ffigurau ar ei gyfer',
  'threshold.hint':
    'Nid yw ffigurau am lai o breswylwyr na hyn yn cael eu dangos, er mwyn diogelu preswylwyr mewn grwpiau bach. Rhif cyfan o 2 i 100; 5 oni bai eich bod yn ei newid.',
  'threshold.invalid': 'Rhowch rif cyfan o 2 i 100',
  'threshold.save': 'Cadw’r trothwy',
  'privacy.title': 'Preifatrwydd',
  'privacy.health': 'Sut i ofyn am iechyd, anabledd neu iaith',
  'privacy.healthHint':
    'Y cwestiwn ynghylch a yw iechyd, anabledd neu iaith yn ei gwneud hi’n anoddach mynd ar-lein. Mae pob asesiad yn cofnodi sut y gofynnwyd y cwestiwn.',
  'privacy.health.separate-consent': 'Gofyn am gydsyniad ar wahân yn gyntaf',
  'privacy.health.separate-consentHint':
    'Mae’r preswylydd yn cytuno i’r un cwestiwn hwn cyn iddo gael ei ofyn, neu mae’n cael ei hepgor.',
  'privacy.health.optional': 'Ei ofyn fel cwestiwn dewisol',
  'privacy.health.optionalHint': 'Gall y preswylydd ateb “Gwell gen i beidio â dweud”.',
  'privacy.retention': 'Nifer y dyddiau i gadw preswylwyr yn adnabyddadwy',
  'privacy.retentionHint':
    'Ar ôl hyn o ddyddiau heb gyswllt, mae’r gweinydd yn datgysylltu cyfeirnod y preswylydd oddi wrth ei asesiadau. Mae’r sgoriau dienw yn aros ar gyfer eich ffigurau. O 30 i 3650; 730 (dwy flynedd) oni bai eich bod yn ei newid.',
  'privacy.retentionInvalid': 'Rhowch nifer cyfan o ddyddiau o 30 i 3650',
  'privacy.lock': 'Nifer y munudau cyn i ddyfais sydd heb ei defnyddio gloi',
  'privacy.lockHint':
    "Ar ddyfais a rennir, mae Doorstep yn cloi ar ôl hyn o funudau heb ei defnyddio, ac mae'r gweithiwr yn rhoi ei PIN i barhau. O 1 i 60; 5 oni bai eich bod yn ei newid.",
  'privacy.lockInvalid': 'Rhowch nifer cyfan o funudau o 1 i 60',
  'privacy.save': 'Cadw’r gosodiadau preifatrwydd',
  'outcomes.title': 'Mathau o ganlyniad',
  'outcomes.intro':
    'Mae Doorstep yn cofnodi rhai canlyniadau yn barod (fel bancio ar-lein). Ychwanegwch y mathau eraill mae eich sefydliad yn eu cyfrif.',
  'outcomes.none': 'Nid yw eich sefydliad wedi ychwanegu unrhyw fathau o ganlyniad.',
  'outcomes.remove': 'Tynnu {name}',
  'outcomes.labelEn': 'Canlyniad yn Saesneg',
  'outcomes.labelCy': 'Canlyniad yn Gymraeg',
  'outcomes.add': 'Ychwanegu math o ganlyniad',
  'outcomes.missing': 'Rhowch y canlyniad yn Saesneg ac yn Gymraeg',
  'outcomes.taken': "Mae math o ganlyniad gyda'r enw hwn yn barod",
  'directory.title': 'Cyfeiriadur gwasanaethau',
  'directory.national':
    "Mae cynlluniau'n awgrymu'r mathau cenedlaethol o help. Ysgrifennwch eich cyfeiriadur eich hun i awgrymu eich gwasanaethau lleol yn lle hynny.",
  'directory.own': {
    zero: 'Mae gan eich cyfeiriadur {count} gwasanaeth.',
    one: 'Mae gan eich cyfeiriadur {count} gwasanaeth.',
    two: 'Mae gan eich cyfeiriadur {count} wasanaeth.',
    few: 'Mae gan eich cyfeiriadur {count} gwasanaeth.',
    many: 'Mae gan eich cyfeiriadur {count} gwasanaeth.',
    other: 'Mae gan eich cyfeiriadur {count} gwasanaeth.',
  },
  'directory.start': 'Ysgrifennu eich cyfeiriadur eich hun',
  'directory.reset': "Defnyddio'r awgrymiadau cenedlaethol yn lle hynny",
  'directory.edit': 'Golygu {name}',
  'directory.remove': 'Tynnu {name}',
  'directory.for': 'Ar gyfer: {needs}',
  'service.add': 'Ychwanegu gwasanaeth',
  'service.editing': 'Golygu {name}',
  'service.nameEn': 'Enw yn Saesneg',
  'service.nameCy': 'Enw yn Gymraeg',
  'service.descriptionEn': 'Disgrifiad yn Saesneg',
  'service.descriptionCy': 'Disgrifiad yn Gymraeg',
  'service.needs': "Anghenion mae'n helpu gyda nhw",
  'service.contact': 'Cyswllt (dewisol)',
  'service.contactHint': 'Rhif ffôn, cyfeiriad neu oriau agor',
  'service.url': 'Gwefan (dewisol)',
  'service.save': 'Cadw’r gwasanaeth',
  'service.cancel': 'Canslo',
  'service.nameMissing': 'Rhowch yr enw yn Saesneg ac yn Gymraeg (hyd at 120 nod)',
  'service.descriptionMissing': 'Rhowch y disgrifiad yn Saesneg ac yn Gymraeg (hyd at 500 nod)',
  'service.needsMissing': 'Dewiswch o leiaf un angen',
  'service.contactLong': 'Rhowch fanylion cyswllt o hyd at 200 nod',
  'service.urlInvalid': "Rhowch gyfeiriad gwe sy'n dechrau gyda https:// neu http://",
  'need.device': 'Dim dyfais, neu gost dyfais',
  'need.data-cost': 'Cost band eang neu ddata',
  'need.connectivity': 'Dim cysylltiad ar gael',
  'need.place': 'Lle i fynd ar-lein',
  'need.skills': 'Sgiliau a hyder',
  'need.motivation': 'Diddordeb a chymhelliant',
  'need.access-needs': 'Iechyd, anabledd neu iaith',
};

export const organisationMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly OrganisationKey[] = [
  'intro',
  'threshold.hint',
  'privacy.health',
  'privacy.healthHint',
  'privacy.health.separate-consent',
  'privacy.health.separate-consentHint',
  'privacy.retention',
  'privacy.retentionHint',
  'privacy.lock',
  'privacy.lockHint',
  'privacy.lockInvalid',
  'outcomes.intro',
  'directory.national',
  'directory.own',
  'service.needs',
];
