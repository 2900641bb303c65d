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
  'new.followUp.label',
  'new.contact.name.error',
  'new.programme.hint',
  'new.history.loading',
  'new.history.found',
  'new.history.none',
];
