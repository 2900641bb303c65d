/**
 * The accessibility statement, after the GOV.UK sample accessibility statement, in English and
 * Welsh. Plain text only; {organisation} is the only placeholder, filled by the screen with the
 * enrolled organisation's name or, when it is not known, with `unknownOrganisation`.
 *
 * Both languages have the same blocks in the same order (same kinds, same number of list items),
 * so that a test can compare them.
 *
 * In Welsh, {organisation} only ever follows "sef": a name after "sef" takes no mutation, and the
 * unknown phrase ("y cyngor…") needs no elision of its article there, so the sentence is right
 * whatever name is filled in. Keep it that way when editing: after "â", "gan", "i" or "yn" the
 * name would need a mutation, and after a vowel "y" would need to become "'r".
 *
 * The statement describes the app as it is: when a gap listed here is closed (or a new one is
 * found), change both languages and the date in "Preparation of this accessibility statement".
 */
export type StatementBlock =
  | { readonly kind: 'h2'; readonly text: string }
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'ul'; readonly items: readonly string[] };

export interface Statement {
  readonly title: string;
  readonly blocks: readonly StatementBlock[];
  /** Fills {organisation} when the device is not enrolled, so the organisation is not known. */
  readonly unknownOrganisation: string;
}

const en: Statement = {
  title: 'Accessibility statement for Doorstep',
  unknownOrganisation: 'the council that gave you this app',
  blocks: [
    // 0
    {
      kind: 'p',
      text: 'This accessibility statement applies to Doorstep, the app used for digital inclusion assessments.',
    },
    // 1
    {
      kind: 'p',
      text: 'This app is run by {organisation}. We want as many people as possible to be able to use it. For example, that means you should be able to:',
    },
    // 2
    {
      kind: 'ul',
      items: [
        'change colours, contrast levels and fonts using the settings on your device',
        'zoom in up to 400% without the text spilling off the screen',
        'make the text up to twice as big (200%) without losing any of the content',
        'use the whole app with just a keyboard',
        'listen to most of the app using a screen reader',
        'stop in the middle of an assessment and come back to it later, because your answers are saved on the device as you go',
        'use most of the app with no internet connection, after it has been opened once with a connection',
      ],
    },
    // 3
    {
      kind: 'p',
      text: 'We have also made the text in the app as simple as possible to understand.',
    },
    // 4
    {
      kind: 'p',
      text: 'AbilityNet has advice on making your device easier to use if you have a disability.',
    },
    // 5
    { kind: 'h2', text: 'How accessible this app is' },
    // 6
    { kind: 'p', text: 'We know some parts of this app are not fully accessible:' },
    // 7
    {
      kind: 'ul',
      items: [
        'the Welsh wording has not yet been checked by a professional translator, so some of it may be unclear',
        'a reason the server gave for not accepting an assessment is shown in full only in the language the app was in when it was given; in the other language the app gives a shorter reason of its own',
        'some steps of the assessment have many questions on one page, so going through them with a screen reader or a keyboard can take a long time',
        'files that staff download, such as the spreadsheet of received assessments, have not been checked for accessibility',
        'the app has not yet been tested by disabled people, or with every screen reader',
      ],
    },
    // 8
    { kind: 'h2', text: 'Feedback and contact information' },
    // 9
    {
      kind: 'p',
      text: 'If you need the information in this app in a different format, like accessible PDF, large print, easy read, audio recording or braille, contact {organisation}, or ask the person who gave you this device or who is helping you with the assessment.',
    },
    // 10
    {
      kind: 'p',
      text: "Your council's Doorstep coordinator can give you contact details, such as a phone number or an email address. We will consider your request and get back to you.",
    },
    // 11
    { kind: 'h2', text: 'Reporting accessibility problems with this app' },
    // 12
    {
      kind: 'p',
      text: 'We are always looking to improve the accessibility of this app. If you find any problems that are not listed on this page, or you think we are not meeting accessibility requirements, contact {organisation}, or tell the person who gave you this device. You can also tell them if something in the app is hard to use or to understand.',
    },
    // 13
    { kind: 'h2', text: 'Enforcement procedure' },
    // 14
    {
      kind: 'p',
      text: 'The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the “accessibility regulations”) in England, Scotland and Wales.',
    },
    // 15
    {
      kind: 'p',
      text: 'If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS). This is the same whether you live in Wales, England or Scotland.',
    },
    // 16
    {
      kind: 'p',
      text: 'If you live in Northern Ireland and you are not happy with how we respond to your complaint, contact the Equality Commission for Northern Ireland (ECNI), which is responsible for enforcing the accessibility regulations in Northern Ireland.',
    },
    // 17
    { kind: 'h2', text: "Technical information about this app's accessibility" },
    // 18
    {
      kind: 'p',
      text: 'We are committed to making this app accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.',
    },
    // 19
    {
      kind: 'p',
      text: 'Compliance status: this app is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard: we know of no failure, but it has not yet been audited, as explained below.',
    },
    // 20
    { kind: 'h2', text: 'Non-accessible content' },
    // 21
    { kind: 'p', text: 'The content listed below is non-accessible for the following reasons.' },
    // 22
    {
      kind: 'p',
      text: 'The app has not yet been audited against WCAG 2.2 AA by an accessibility specialist, or tested by disabled people with a range of assistive technologies, so it may fail success criteria that our own checks cannot find. Until it has been, we cannot say it is fully compliant.',
    },
    // 23
    {
      kind: 'p',
      text: 'There are other gaps we know about. They may not fail WCAG 2.2 AA, but they could make the app harder to use:',
    },
    // 24
    {
      kind: 'ul',
      items: [
        'The Welsh wording of the app, including the assessment questions and this statement, has not yet been checked by a professional translator. Some of it may read unnaturally or be unclear.',
        'The app has not yet been tested by disabled people, so there may be problems that our own checks have not found.',
        'The app has not been tested with every screen reader, or with other assistive technology such as screen magnifiers, speech recognition software or switch access.',
        'So far we have tested the app with automated axe-core checks of every screen in both languages, with the keyboard alone, on a screen 320 CSS pixels wide and with text at 200%. Automated checks can only find some kinds of problem.',
      ],
    },
    // 25
    { kind: 'p', text: 'We are working to fix these problems.' },
    // 26
    { kind: 'h2', text: 'What we are doing to improve accessibility' },
    // 27
    { kind: 'p', text: 'We plan to:' },
    // 28
    {
      kind: 'ul',
      items: [
        'have the app audited against WCAG 2.2 AA by an accessibility specialist',
        'have all the Welsh wording checked by a professional translator',
        'test the app with disabled people, including people who use screen readers, screen magnifiers, speech recognition software and switch access',
        'keep checking every screen with automated accessibility tests whenever the app changes',
      ],
    },
    // 29
    {
      kind: 'p',
      text: 'We will update this statement as we fix these problems or find new ones.',
    },
    // 30
    { kind: 'h2', text: 'Preparation of this accessibility statement' },
    // 31
    { kind: 'p', text: 'This statement was prepared on 21 November 2026.' },
    // 32
    { kind: 'p', text: 'The app was tested by the team that develops Doorstep. We tested:' },
    // 33
    {
      kind: 'ul',
      items: [
        'every screen, in English and in Welsh, with automated axe-core checks against WCAG 2.2 AA, including screens that show errors',
        'every screen using the keyboard alone, with no mouse or touch screen',
        'every screen at 320 CSS pixels wide, which is the same as zooming to 400% on a screen 1,280 pixels wide, to check that nothing has to be scrolled sideways',
        'every screen with the text size set to 200%',
      ],
    },
  ],
};

const cy: Statement = {
  title: 'Datganiad hygyrchedd ar gyfer Doorstep',
  unknownOrganisation: 'y cyngor a roddodd yr ap hwn i chi',
  blocks: [
    // 0
    {
      kind: 'p',
      text: "Mae'r datganiad hygyrchedd hwn yn berthnasol i Doorstep, yr ap a ddefnyddir ar gyfer asesiadau cynhwysiant digidol.",
    },
    // 1
    {
      kind: 'p',
      text: "Mae'r ap hwn yn cael ei redeg gan gorff cyhoeddus, sef {organisation}. Rydym eisiau i gynifer o bobl â phosibl allu ei ddefnyddio. Er enghraifft, mae hynny'n golygu y dylech allu:",
    },
    // 2
    {
      kind: 'ul',
      items: [
        "newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio'r gosodiadau ar eich dyfais",
        "chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin",
        "gwneud y testun hyd at ddwywaith yn fwy (200%) heb golli dim o'r cynnwys",
        "defnyddio'r ap cyfan gyda bysellfwrdd yn unig",
        "gwrando ar y rhan fwyaf o'r ap gan ddefnyddio darllenydd sgrin",
        'stopio yng nghanol asesiad a dod yn ôl ato yn nes ymlaen, gan fod eich atebion yn cael eu cadw ar y ddyfais wrth i chi fynd yn eich blaen',
        "defnyddio'r rhan fwyaf o'r ap heb gysylltiad â'r rhyngrwyd, ar ôl iddo gael ei agor unwaith gyda chysylltiad",
      ],
    },
    // 3
    {
      kind: 'p',
      text: "Rydym hefyd wedi gwneud y testun yn yr ap mor syml â phosibl i'w ddeall.",
    },
    // 4
    {
      kind: 'p',
      text: "Mae gan AbilityNet gyngor ar wneud eich dyfais yn haws i'w defnyddio os oes gennych anabledd.",
    },
    // 5
    { kind: 'h2', text: "Pa mor hygyrch yw'r ap hwn" },
    // 6
    { kind: 'p', text: "Rydym yn gwybod nad yw rhai rhannau o'r ap hwn yn gwbl hygyrch:" },
    // 7
    {
      kind: 'ul',
      items: [
        "nid yw'r geiriad Cymraeg wedi cael ei wirio gan gyfieithydd proffesiynol eto, felly gall rhywfaint ohono fod yn aneglur",
        "dim ond yn yr iaith yr oedd yr ap ynddi pan gafodd ei roi y dangosir rheswm llawn y gweinydd dros beidio â derbyn asesiad; yn yr iaith arall mae'r ap yn rhoi rheswm byrrach ei hun",
        "mae gan rai camau o'r asesiad lawer o gwestiynau ar un dudalen, felly gall gymryd amser hir i fynd drwyddynt gyda darllenydd sgrin neu fysellfwrdd",
        "nid yw'r ffeiliau y mae staff yn eu lawrlwytho, fel y daenlen o asesiadau a dderbyniwyd, wedi cael eu gwirio ar gyfer hygyrchedd",
        "nid yw'r ap wedi cael ei brofi gan bobl anabl eto, na gyda phob darllenydd sgrin",
      ],
    },
    // 8
    { kind: 'h2', text: 'Adborth a gwybodaeth gyswllt' },
    // 9
    {
      kind: 'p',
      text: "Os oes angen y wybodaeth yn yr ap hwn arnoch mewn fformat gwahanol, fel PDF hygyrch, print bras, hawdd ei ddeall, recordiad sain neu braille, cysylltwch â'r sefydliad sy'n rhedeg yr ap, sef {organisation}, neu gofynnwch i'r person a roddodd y ddyfais hon i chi neu sy'n eich helpu gyda'r asesiad.",
    },
    // 10
    {
      kind: 'p',
      text: 'Gall cydlynydd Doorstep eich cyngor roi manylion cyswllt i chi, fel rhif ffôn neu gyfeiriad e-bost. Byddwn yn ystyried eich cais ac yn ymateb i chi.',
    },
    // 11
    { kind: 'h2', text: "Rhoi gwybod am broblemau hygyrchedd gyda'r ap hwn" },
    // 12
    {
      kind: 'p',
      text: "Rydym bob amser yn ceisio gwella hygyrchedd yr ap hwn. Os byddwch yn dod o hyd i unrhyw broblemau nad ydynt wedi'u rhestru ar y dudalen hon, neu os ydych yn credu nad ydym yn bodloni'r gofynion hygyrchedd, cysylltwch â'r sefydliad sy'n rhedeg yr ap, sef {organisation}, neu dywedwch wrth y person a roddodd y ddyfais hon i chi. Gallwch hefyd ddweud wrthynt os yw rhywbeth yn yr ap yn anodd ei ddefnyddio neu ei ddeall.",
    },
    // 13
    { kind: 'h2', text: 'Gweithdrefn orfodi' },
    // 14
    {
      kind: 'p',
      text: "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018 (y “rheoliadau hygyrchedd”) yng Nghymru, yn Lloegr ac yn yr Alban.",
    },
    // 15
    {
      kind: 'p',
      text: "Os nad ydych yn hapus â'r ffordd rydym yn ymateb i'ch cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS). Mae hyn yr un fath p'un a ydych yn byw yng Nghymru, yn Lloegr neu yn yr Alban.",
    },
    // 16
    {
      kind: 'p',
      text: "Os ydych yn byw yng Ngogledd Iwerddon ac nad ydych yn hapus â'r ffordd rydym yn ymateb i'ch cwyn, cysylltwch â Chomisiwn Cydraddoldeb Gogledd Iwerddon (ECNI), sy'n gyfrifol am orfodi'r rheoliadau hygyrchedd yng Ngogledd Iwerddon.",
    },
    // 17
    { kind: 'h2', text: 'Gwybodaeth dechnegol am hygyrchedd yr ap hwn' },
    // 18
    {
      kind: 'p',
      text: 'Rydym wedi ymrwymo i wneud yr ap hwn yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018.',
    },
    // 19
    {
      kind: 'p',
      text: "Statws cydymffurfio: mae'r ap hwn yn cydymffurfio'n rhannol â safon AA fersiwn 2.2 o Ganllawiau Hygyrchedd Cynnwys y We (WCAG): nid ydym yn gwybod am unrhyw fethiant, ond nid yw wedi cael ei archwilio eto, fel yr esbonnir isod.",
    },
    // 20
    { kind: 'h2', text: "Cynnwys nad yw'n hygyrch" },
    // 21
    { kind: 'p', text: "Nid yw'r cynnwys a restrir isod yn hygyrch am y rhesymau canlynol." },
    // 22
    {
      kind: 'p',
      text: "Nid yw'r ap wedi cael ei archwilio yn erbyn safon AA WCAG 2.2 gan arbenigwr hygyrchedd eto, na'i brofi gan bobl anabl gydag amrywiaeth o dechnolegau cynorthwyol, felly gall fethu meini prawf llwyddiant na all ein gwiriadau ein hunain ddod o hyd iddynt. Hyd nes y bydd wedi'i archwilio, ni allwn ddweud ei fod yn cydymffurfio'n llawn.",
    },
    // 23
    {
      kind: 'p',
      text: "Mae bylchau eraill rydym yn gwybod amdanynt. Efallai nad ydynt yn methu safon AA WCAG 2.2, ond gallent wneud yr ap yn anoddach i'w ddefnyddio:",
    },
    // 24
    {
      kind: 'ul',
      items: [
        "Nid yw geiriad Cymraeg yr ap, gan gynnwys cwestiynau'r asesiad a'r datganiad hwn, wedi cael ei wirio gan gyfieithydd proffesiynol eto. Gall rhywfaint ohono swnio'n annaturiol neu fod yn aneglur.",
        "Nid yw'r ap wedi cael ei brofi gan bobl anabl eto, felly gall fod problemau nad yw ein gwiriadau ein hunain wedi dod o hyd iddynt.",
        "Nid yw'r ap wedi cael ei brofi gyda phob darllenydd sgrin, na gyda thechnoleg gynorthwyol arall fel chwyddwyr sgrin, meddalwedd adnabod lleferydd neu fynediad switsh.",
        "Hyd yma, rydym wedi profi'r ap gyda gwiriadau awtomatig axe-core o bob sgrin yn y ddwy iaith, gyda bysellfwrdd yn unig, ar sgrin 320 picsel CSS o led a gyda thestun 200%. Dim ond rhai mathau o broblemau y gall gwiriadau awtomatig ddod o hyd iddynt.",
      ],
    },
    // 25
    { kind: 'p', text: 'Rydym yn gweithio i ddatrys y problemau hyn.' },
    // 26
    { kind: 'h2', text: 'Beth rydym yn ei wneud i wella hygyrchedd' },
    // 27
    { kind: 'p', text: 'Rydym yn bwriadu:' },
    // 28
    {
      kind: 'ul',
      items: [
        "cael arbenigwr hygyrchedd i archwilio'r ap yn erbyn safon AA WCAG 2.2",
        "cael cyfieithydd proffesiynol i wirio'r holl eiriad Cymraeg",
        "profi'r ap gyda phobl anabl, gan gynnwys pobl sy'n defnyddio darllenwyr sgrin, chwyddwyr sgrin, meddalwedd adnabod lleferydd a mynediad switsh",
        'parhau i wirio pob sgrin gyda phrofion hygyrchedd awtomatig bob tro y bydd yr ap yn newid',
      ],
    },
    // 29
    {
      kind: 'p',
      text: "Byddwn yn diweddaru'r datganiad hwn wrth i ni ddatrys y problemau hyn neu ddod o hyd i rai newydd.",
    },
    // 30
    { kind: 'h2', text: "Paratoi'r datganiad hygyrchedd hwn" },
    // 31
    { kind: 'p', text: 'Paratowyd y datganiad hwn ar 21 Tachwedd 2026.' },
    // 32
    {
      kind: 'p',
      text: "Cafodd yr ap ei brofi gan y tîm sy'n datblygu Doorstep. Fe wnaethom brofi:",
    },
    // 33
    {
      kind: 'ul',
      items: [
        "pob sgrin, yn Saesneg ac yn Gymraeg, gyda gwiriadau awtomatig axe-core yn erbyn safon AA WCAG 2.2, gan gynnwys sgriniau sy'n dangos gwallau",
        'pob sgrin gyda bysellfwrdd yn unig, heb lygoden na sgrin gyffwrdd',
        "pob sgrin ar 320 picsel CSS o led, sef yr un peth â chwyddo i 400% ar sgrin 1,280 picsel o led, i wneud yn siŵr nad oes angen sgrolio i'r ochr",
        "pob sgrin gyda maint y testun wedi'i osod ar 200%",
      ],
    },
  ],
};

export const statements: Readonly<Record<'en' | 'cy', Statement>> = { en, cy };

/**
 * Welsh passages a professional translator should check before go-live (indexes into cy.blocks).
 * All the Welsh wants a professional read; these most of all. `cy.unknownOrganisation` should be
 * checked too, read in each sentence that contains {organisation} (1, 9 and 12).
 *
 * - 1, 9, 12: the "…, sef {organisation}" construction, read with a real council's name and with
 *   the unknown phrase; "corff cyhoeddus" in 1.
 * - 14, 15, 16, 18: the official Welsh names of the regulations, the EASS and the ECNI.
 * - 19, 22: the Welsh name of WCAG, and "archwilio" for an accessibility audit.
 * - 24, 28: names of assistive technology ("chwyddwyr sgrin", "mynediad switsh").
 * - 33: "picsel CSS" and the zoom equivalence.
 */
export const NEEDS_REVIEW_CY: readonly number[] = [1, 9, 12, 14, 15, 16, 18, 19, 22, 24, 28, 33];
