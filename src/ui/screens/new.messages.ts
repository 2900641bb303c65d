/**
 * The new-assessment form's messages, in English and Welsh. They load with the screens that use
 * them, not with the app, so the start screen's first download stays small. Checked like the main catalogue
 * (test/ui/catalogue.test.ts).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'new.title': 'Start a new assessment',
  'new.ref.label': 'Resident reference (optional)',
  'new.ref.hint': 'A pseudonymous reference such as LIB-0042. Do not enter a name.',
  'new.ref.error':
    'Enter a reference using letters, numbers and hyphens only, up to 40 characters, or leave it blank',
  'new.venue.legend': 'Where is this assessment taking place?',
  'new.venue.library': 'Library',
  'new.venue.home-visit': 'Home visit',
  'new.venue.community-hub': 'Community hub',
  'new.venue.other': 'Other',
  'new.venue.error': 'Select where the assessment is taking place',
  'new.date.label': 'Date of the assessment',
  'new.date.error': 'Enter a real date that is not in the future',
  'new.set.legend': 'Which assessment?',
  'new.set.full': 'Full assessment',
  'new.set.full.hint': 'All 48 skills. Takes about 20 to 30 minutes.',
  'new.set.short': 'Short set',
  'new.set.short.hint': '14 key skills for a quick conversation. Takes about 10 minutes.',
  'new.language.legend': 'Which language would the resident like their plan in?',
  'new.language.hint':
    'Their printed plan will be in this language, whichever language the app is in.',
  'new.language.en': 'English',
  'new.language.cy': 'Welsh (Cymraeg)',
  'new.submit': 'Start assessment',
  'new.cancel': 'Cancel',
  'new.saveError': 'The assessment could not be saved on this device: {reason}',

  'new.notice.title': 'Before you start: privacy',
  'new.notice.intro': 'Read this to the resident, or let them read it, before the first question.',
  'new.notice.who':
    'Your answers are for {organisation}, to find the right help for you to get online.',
  'new.notice.who.general':
    'Your answers are for the council, to find the right help for you to get online.',
  'new.notice.what':
    'We keep a reference instead of your name, your age band, the first part of your postcode and your answers. We keep your name and how to contact you only if you agree to be contacted again.',
  'new.notice.skip': 'You can skip any question. You do not have to say why.',
  'new.notice.kept':
    'Your reference, name and contact details are kept for {days} days after your last visit. After that only your answers are kept, without anything that says who you are, for statistics.',
  'new.notice.kept.general':
    'Your reference, name and contact details are kept only as long as the council needs them to help you. After that only your answers are kept, without anything that says who you are, for statistics.',
  'new.notice.rights':
    'You can ask to see your information, or ask for it to be deleted, at any time: ask the person helping you today, or contact the council.',
  'new.agree.label': 'The resident has heard this and agrees to take part',
  'new.agree.error': 'Confirm that the resident agrees to take part before you start',
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
  'new.followUp.label': 'The resident agrees to be contacted to follow up',
  'new.followUp.hint':
    'Only then are a name and a contact detail kept, on this device and apart from the answers.',
  'new.contact.name': 'Name',
  'new.contact.detail': 'Phone number or email address',
  'new.contact.detail.hint': 'How the resident would like to be contacted.',
  'new.contact.name.error': 'Enter the name to contact',
  'new.contact.detail.error': 'Enter a phone number or email address',
  'new.contact.needsRef': 'Enter a resident reference to keep contact details with it',
  'new.programme.label': 'Programme (optional)',
  'new.programme.hint': 'The programme this visit is part of, such as Library drop-in, spring.',
  'new.venueName.label': 'Venue name (optional)',
  'new.venueName.hint': 'The name of the place, such as Central Library.',
  'new.history.lookUp': 'Find earlier visits on the server',
  'new.history.needsRef': 'Enter the resident reference to find their earlier visits',
  'new.history.title': 'Earlier visits',
  'new.history.loading': 'Looking for earlier visits of {who} on the server…',
  'new.history.found': {
    one: 'The server has {count} earlier visit of {who}, on {date}.',
    other: 'The server has {count} earlier visits of {who}, the latest on {date}.',
  },
  'new.history.none': 'The server has no earlier visits of {who}.',
  'new.history.prefilled':
    'Programme and venue name are filled in from the latest visit. Change them if this visit is different.',
  'new.history.offline':
    'Earlier visits of {who} on the server could not be fetched because this device is offline. You can go on with the assessment: progress will be compared with visits on this device only.',
  'new.history.failed':
    'Earlier visits of {who} on the server could not be fetched. {reason} You can go on with the assessment: progress will be compared with visits on this device only.',
} as const;

export type NewKey = keyof typeof en;

const cy: Readonly<Record<NewKey, Message>> = {
  'new.title': 'Dechrau asesiad newydd',
  'new.ref.label': 'Cyfeirnod preswylydd (dewisol)',
  'new.ref.hint': "Cyfeirnod nad yw'n dangos pwy yw'r person, fel LIB-0042. Peidiwch â rhoi enw.",
  'new.ref.error':
    "Rhowch gyfeirnod sy'n defnyddio llythrennau, rhifau a chysylltnodau yn unig, hyd at 40 nod, neu gadewch y blwch yn wag",
  'new.venue.legend': "Ble mae'r asesiad hwn yn cael ei gynnal?",
  'new.venue.library': 'Llyfrgell',
  'new.venue.home-visit': 'Ymweliad cartref',
  'new.venue.community-hub': 'Hyb cymunedol',
  'new.venue.other': 'Arall',
  'new.venue.error': "Dewiswch ble mae'r asesiad yn cael ei gynnal",
  'new.date.label': 'Dyddiad yr asesiad',
  'new.date.error': 'Rhowch ddyddiad go iawn nad yw yn y dyfodol',
  'new.set.legend': 'Pa asesiad?',
  'new.set.full': 'Asesiad llawn',
  'new.set.full.hint': "Pob un o'r 48 sgìl. Mae'n cymryd tua 20 i 30 munud.",
  'new.set.short': 'Set fer',
  'new.set.short.hint': "14 sgìl allweddol ar gyfer sgwrs gyflym. Mae'n cymryd tua 10 munud.",
  'new.language.legend': 'Ym mha iaith y dylai cynllun y preswylydd fod?',
  'new.language.hint': "Bydd y cynllun printiedig yn yr iaith hon, ym mha iaith bynnag y mae'r ap.",
  'new.language.en': 'Saesneg (English)',
  'new.language.cy': 'Cymraeg',
  'new.submit': "Dechrau'r asesiad",
  'new.cancel': 'Canslo',
  'new.saveError': "Nid oedd modd cadw'r asesiad ar y ddyfais hon: {reason}",

  'new.notice.title': 'Cyn i chi ddechrau: preifatrwydd',
  'new.notice.intro':
    "Darllenwch hwn i'r preswylydd, neu gadewch iddo neu iddi ei ddarllen, cyn y cwestiwn cyntaf.",
  'new.notice.who':
    "Mae eich atebion ar gyfer {organisation}, i ddod o hyd i'r help iawn i chi fynd ar-lein.",
  'new.notice.who.general':
    "Mae eich atebion ar gyfer y cyngor, i ddod o hyd i'r help iawn i chi fynd ar-lein.",
  'new.notice.what':
    "Rydyn ni'n cadw cyfeirnod yn lle eich enw, eich band oedran, rhan gyntaf eich cod post a'ch atebion. Dim ond os ydych chi'n cytuno i rywun gysylltu â chi eto y byddwn ni'n cadw eich enw a sut i gysylltu â chi.",
  'new.notice.skip': 'Gallwch hepgor unrhyw gwestiwn. Does dim rhaid i chi ddweud pam.',
  'new.notice.kept':
    "Caiff eich cyfeirnod, eich enw a'ch manylion cyswllt eu cadw am {days} diwrnod ar ôl eich ymweliad diwethaf. Wedi hynny dim ond eich atebion a gaiff eu cadw, heb ddim sy'n dweud pwy ydych chi, ar gyfer ystadegau.",
  'new.notice.kept.general':
    "Caiff eich cyfeirnod, eich enw a'ch manylion cyswllt eu cadw dim ond cyhyd ag y mae eu hangen ar y cyngor i'ch helpu. Wedi hynny dim ond eich atebion a gaiff eu cadw, heb ddim sy'n dweud pwy ydych chi, ar gyfer ystadegau.",
  'new.notice.rights':
    "Gallwch ofyn am weld eich gwybodaeth, neu ofyn iddi gael ei dileu, unrhyw bryd: gofynnwch i'r person sy'n eich helpu heddiw, neu cysylltwch â'r cyngor.",
  'new.agree.label': "Mae'r preswylydd wedi clywed hyn ac yn cytuno i gymryd rhan",
  'new.agree.error': 'Cadarnhewch fod y preswylydd yn cytuno i gymryd rhan cyn i chi ddechrau',
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
  'new.followUp.label': "Mae'r preswylydd yn cytuno i rywun gysylltu ag ef neu hi i ddilyn i fyny",
  'new.followUp.hint':
    "Dim ond wedyn y caiff enw a manylion cyswllt eu cadw, ar y ddyfais hon ac ar wahân i'r atebion.",
  'new.contact.name': 'Enw',
  'new.contact.detail': 'Rhif ffôn neu gyfeiriad e-bost',
  'new.contact.detail.hint': "Sut yr hoffai'r preswylydd i rywun gysylltu.",
  'new.contact.name.error': 'Rhowch yr enw i gysylltu ag ef',
  'new.contact.detail.error': 'Rhowch rif ffôn neu gyfeiriad e-bost',
  'new.contact.needsRef': 'Rhowch gyfeirnod preswylydd i gadw manylion cyswllt gydag ef',
  'new.programme.label': 'Rhaglen (dewisol)',
  'new.programme.hint':
    "Y rhaglen y mae'r ymweliad hwn yn rhan ohoni, fel Sesiwn galw heibio'r llyfrgell, y gwanwyn.",
  'new.venueName.label': "Enw'r lleoliad (dewisol)",
  'new.venueName.hint': "Enw'r lle, fel Llyfrgell Ganolog.",
  'new.history.lookUp': 'Chwilio am ymweliadau cynharach ar y gweinydd',
  'new.history.needsRef': "Rhowch gyfeirnod y preswylydd i ddod o hyd i'w ymweliadau cynharach",
  'new.history.title': 'Ymweliadau cynharach',
  'new.history.loading': 'Yn chwilio am ymweliadau cynharach {who} ar y gweinydd…',
  'new.history.found': {
    zero: "Mae gan y gweinydd {count} ymweliad cynharach {who}, a'r diweddaraf ar {date}.",
    one: 'Mae gan y gweinydd {count} ymweliad cynharach {who}, ar {date}.',
    two: "Mae gan y gweinydd {count} ymweliad cynharach {who}, a'r diweddaraf ar {date}.",
    few: "Mae gan y gweinydd {count} ymweliad cynharach {who}, a'r diweddaraf ar {date}.",
    many: "Mae gan y gweinydd {count} ymweliad cynharach {who}, a'r diweddaraf ar {date}.",
    other: "Mae gan y gweinydd {count} ymweliad cynharach {who}, a'r diweddaraf ar {date}.",
  },
  'new.history.none': 'Does gan y gweinydd ddim ymweliadau cynharach {who}.',
  'new.history.prefilled':
    "Mae'r rhaglen ac enw'r lleoliad wedi'u llenwi o'r ymweliad diweddaraf. Newidiwch nhw os yw'r ymweliad hwn yn wahanol.",
  'new.history.offline':
    "Doedd dim modd nôl ymweliadau cynharach {who} o'r gweinydd am fod y ddyfais hon all-lein. Gallwch fwrw ymlaen â'r asesiad: bydd y cynnydd yn cael ei gymharu ag ymweliadau ar y ddyfais hon yn unig.",
  'new.history.failed':
    "Doedd dim modd nôl ymweliadau cynharach {who} o'r gweinydd. {reason} Gallwch fwrw ymlaen â'r asesiad: bydd y cynnydd yn cael ei gymharu ag ymweliadau ar y ddyfais hon yn unig.",
};

export const newMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly NewKey[] = [
  'new.language.legend',
  'new.ref.hint',
  'new.set.short',
  'new.notice.intro',
  'new.notice.what',
  'new.notice.kept',
  'new.notice.kept.general',
  'new.notice.rights',
  'new.agree.label',
  'new.followUp.label',
  'new.contact.name.error',
  'new.programme.hint',
  'new.history.loading',
  'new.history.found',
  'new.history.none',
];
