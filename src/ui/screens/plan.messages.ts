/**
 * The printable plan's own messages, and the places to get help that the results and the plan show, in English and Welsh. They load with the screens that use them, not with the app, so
 * the start screen's first download stays small. Checked like the main catalogue
 * (test/ui/catalogue.test.ts).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  'plan.title': 'Your digital skills plan',
  'plan.caption': '{who}, {date}',
  'plan.intro':
    'These are the things you most want to do online and could do with some help with. Start at the top.',
  'plan.none':
    'There is nothing to add to your plan today. Ask the person who did this with you about next steps.',
  'plan.example': 'For example: {example}',
  'plan.canDo.title': 'What you can already do',
  'plan.help.title': 'Where to get help',
  'plan.help.none': 'Ask at your library or community hub about free help to get online.',
  'plan.help.contact': 'Contact: {contact}',
  'plan.print': 'Print this plan',
  'help.device':
    'Device loan or donation schemes, such as a national device bank through a local digital inclusion hub, and library device loans.',
  'help.data-cost':
    'Broadband social tariffs (people on Universal Credit and some other benefits qualify), free SIM cards and data from a national databank, and free library Wi-Fi.',
  'help.connectivity':
    'Coverage checkers, a broadband Universal Service Obligation request, mobile or fixed-wireless alternatives, and library access meanwhile.',
  'help.place':
    'A quiet place to get online: the library, a community hub or a digital champion session.',
  'help.skills':
    'Library and digital champion sessions, free online basic skills courses, and free Essential Digital Skills qualifications (England).',
  'help.motivation':
    'Start from the skills this person wants to do most: their "hooks" in the learning plan.',
  'help.access-needs':
    'Device accessibility settings, free disability technology support charities, ESOL classes, and Welsh-language support in Wales.',
} as const;

export type PlanKey = keyof typeof en;

const cy: Readonly<Record<PlanKey, Message>> = {
  'plan.title': 'Eich cynllun sgiliau digidol',
  'plan.caption': '{who}, {date}',
  'plan.intro':
    "Dyma'r pethau rydych chi eisiau eu gwneud ar-lein fwyaf, ac y byddai help yn ddefnyddiol gyda nhw. Dechreuwch ar y brig.",
  'plan.none':
    "Does dim i'w ychwanegu at eich cynllun heddiw. Gofynnwch i'r person a wnaeth hyn gyda chi am y camau nesaf.",
  'plan.example': 'Er enghraifft: {example}',
  'plan.canDo.title': "Beth rydych chi'n gallu ei wneud yn barod",
  'plan.help.title': 'Ble i gael help',
  'plan.help.none':
    'Gofynnwch yn eich llyfrgell neu eich hyb cymunedol am help am ddim i fynd ar-lein.',
  'plan.help.contact': 'Cysylltu: {contact}',
  'plan.print': "Argraffu'r cynllun hwn",
  'help.device':
    "Cynlluniau benthyg neu roi dyfeisiau, fel banc dyfeisiau cenedlaethol drwy hyb cynhwysiant digidol lleol, a benthyg dyfeisiau o'r llyfrgell.",
  'help.data-cost':
    "Tariffau cymdeithasol band eang (mae pobl sy'n cael Credyd Cynhwysol a rhai budd-daliadau eraill yn gymwys), cardiau SIM a data am ddim o fanc data cenedlaethol, a Wi-Fi am ddim yn y llyfrgell.",
  'help.connectivity':
    "Gwirwyr darpariaeth, cais o dan y Rhwymedigaeth Gwasanaeth Cyffredinol ar gyfer band eang, dewisiadau eraill fel rhwydwaith symudol neu fand eang di-wifr sefydlog, a defnyddio'r llyfrgell yn y cyfamser.",
  'help.place':
    'Lle tawel i fynd ar-lein: y llyfrgell, hyb cymunedol neu sesiwn gyda hyrwyddwr digidol.',
  'help.skills':
    'Sesiynau yn y llyfrgell a gyda hyrwyddwyr digidol, cyrsiau sgiliau sylfaenol ar-lein am ddim, a chymwysterau Sgiliau Digidol Hanfodol am ddim (Lloegr).',
  'help.motivation':
    "Dechreuwch gyda'r sgiliau mae'r person hwn eisiau eu gwneud fwyaf: y “bachau” yn y cynllun dysgu.",
  'help.access-needs':
    "Gosodiadau hygyrchedd ar ddyfeisiau, elusennau sy'n rhoi cymorth technoleg am ddim i bobl anabl, dosbarthiadau ESOL, a chymorth Cymraeg yng Nghymru.",
};

export const planMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly PlanKey[] = [
  'plan.intro',
  'help.device',
  'help.data-cost',
  'help.connectivity',
  'help.skills',
  'help.motivation',
  'help.access-needs',
];
