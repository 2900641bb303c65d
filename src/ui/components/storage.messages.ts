/**
 * Messages about keeping records on this device, in English and Welsh: the notices shown on
 * every screen when something is at risk, and the storage section of the sync screen. They load
 * with those, not with the app. Same keys and placeholders in both languages.
 */
import type { Message } from '../i18n/en.ts';

const en = {
  atRisk: {
    one: 'This browser may not keep records on this device: it may be a private or guest window, or it has not agreed to keep them. {count} finished assessment is not on the server yet. Send it now.',
    other:
      'This browser may not keep records on this device: it may be a private or guest window, or it has not agreed to keep them. {count} finished assessments are not on the server yet. Send them now.',
  },
  updated:
    'Doorstep was updated in another tab. This tab has stopped saving, so that nothing is saved the old way. Everything already saved is kept. Reload this tab to carry on.',
  reload: 'Reload this tab',
  reloading: 'Finishing saving, then reloading…',
  blocked:
    'Doorstep cannot open the records on this device while an older version of it is open in another tab or window. Close the other Doorstep tabs to carry on. Nothing is lost.',
  'sync.title': 'Keeping records on this device',
  'sync.granted':
    'This browser has agreed to keep Doorstep’s records on this device, even when space runs low.',
  'sync.refused':
    'This browser has not agreed to keep Doorstep’s records on this device. It may remove them when space runs low, or when the window is closed if it is a private or guest window. Send finished assessments as soon as you can.',
  'sync.unknown':
    'This browser cannot say whether it will keep Doorstep’s records on this device. Send finished assessments as soon as you can.',
} as const;

export type StorageKey = keyof typeof en;

const cy: Readonly<Record<StorageKey, Message>> = {
  atRisk: {
    zero: "Efallai na fydd y porwr hwn yn cadw cofnodion ar y ddyfais hon: gallai fod yn ffenestr breifat neu westai, neu nid yw wedi cytuno i'w cadw. Mae {count} asesiad wedi'u gorffen heb gyrraedd y gweinydd eto. Anfonwch nhw nawr.",
    one: "Efallai na fydd y porwr hwn yn cadw cofnodion ar y ddyfais hon: gallai fod yn ffenestr breifat neu westai, neu nid yw wedi cytuno i'w cadw. Mae {count} asesiad wedi'i orffen heb gyrraedd y gweinydd eto. Anfonwch ef nawr.",
    two: "Efallai na fydd y porwr hwn yn cadw cofnodion ar y ddyfais hon: gallai fod yn ffenestr breifat neu westai, neu nid yw wedi cytuno i'w cadw. Mae {count} asesiad wedi'u gorffen heb gyrraedd y gweinydd eto. Anfonwch nhw nawr.",
    few: "Efallai na fydd y porwr hwn yn cadw cofnodion ar y ddyfais hon: gallai fod yn ffenestr breifat neu westai, neu nid yw wedi cytuno i'w cadw. Mae {count} asesiad wedi'u gorffen heb gyrraedd y gweinydd eto. Anfonwch nhw nawr.",
    many: "Efallai na fydd y porwr hwn yn cadw cofnodion ar y ddyfais hon: gallai fod yn ffenestr breifat neu westai, neu nid yw wedi cytuno i'w cadw. Mae {count} asesiad wedi'u gorffen heb gyrraedd y gweinydd eto. Anfonwch nhw nawr.",
    other:
      "Efallai na fydd y porwr hwn yn cadw cofnodion ar y ddyfais hon: gallai fod yn ffenestr breifat neu westai, neu nid yw wedi cytuno i'w cadw. Mae {count} asesiad wedi'u gorffen heb gyrraedd y gweinydd eto. Anfonwch nhw nawr.",
  },
  updated:
    "Cafodd Doorstep ei ddiweddaru mewn tab arall. Mae'r tab hwn wedi peidio â chadw, fel nad oes dim yn cael ei gadw yn yr hen ffordd. Mae popeth sydd wedi'i gadw'n barod yn ddiogel. Ail-lwythwch y tab hwn i barhau.",
  reload: "Ail-lwytho'r tab hwn",
  reloading: "Wrthi'n gorffen cadw, yna'n ail-lwytho…",
  blocked:
    "Does dim modd i Doorstep agor y cofnodion ar y ddyfais hon tra bo fersiwn hŷn ohono ar agor mewn tab neu ffenestr arall. Caewch y tabiau Doorstep eraill i barhau. Does dim byd wedi'i golli.",
  'sync.title': 'Cadw cofnodion ar y ddyfais hon',
  'sync.granted':
    "Mae'r porwr hwn wedi cytuno i gadw cofnodion Doorstep ar y ddyfais hon, hyd yn oed pan fydd lle'n brin.",
  'sync.refused':
    "Nid yw'r porwr hwn wedi cytuno i gadw cofnodion Doorstep ar y ddyfais hon. Gallai eu dileu pan fydd lle'n brin, neu pan fydd y ffenestr yn cael ei chau os yw'n ffenestr breifat neu westai. Anfonwch asesiadau sydd wedi'u gorffen cyn gynted ag y gallwch.",
  'sync.unknown':
    "Does dim modd i'r porwr hwn ddweud a fydd yn cadw cofnodion Doorstep ar y ddyfais hon. Anfonwch asesiadau sydd wedi'u gorffen cyn gynted ag y gallwch.",
};

export const storageMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly StorageKey[] = [
  'atRisk',
  'updated',
  'blocked',
  'sync.refused',
];
