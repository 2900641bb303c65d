/**
 * The Welsh message catalogue: every key of the English catalogue, in the same order, with the
 * same placeholders. Messages with plural forms give all six Welsh categories of
 * Intl.PluralRules('cy') (zero, one, two, few, many, other), with the noun after the number in
 * the singular and mutated as the spoken number requires. Where an inserted value would follow a
 * preposition that mutates, the message is worded so that the value is never mutated.
 */
import type { Catalogue, MessageKey } from './en.ts';

export const cy = {
  'app.name': 'Doorstep',
  'app.tagline': 'Asesiad cynhwysiant digidol',
  'app.skipToContent': "Neidio i'r prif gynnwys",
  'app.version': 'Fersiwn {version}',
  'app.home': 'Pob asesiad',
  'app.notFound.title': "Heb ddod o hyd i'r dudalen",
  'app.notFound.body': 'Nid oes tudalen yn y cyfeiriad hwn.',
  'app.loading': "Wrthi'n llwytho…",
  // The switch to the other language, written in that language.
  'app.language.other': 'English',
  'app.accessibility': 'Datganiad hygyrchedd',

  'pwa.offlineReady':
    'Mae Doorstep yn barod i weithio all-lein. Gallwch chi ei ddefnyddio heb gysylltiad.',
  'pwa.updateReady': 'Mae fersiwn newydd o Doorstep yn barod.',
  'pwa.updateNow': 'Diweddaru nawr',
  'pwa.updateAfterAssessment':
    "Mae fersiwn newydd o Doorstep yn barod. Gallwch chi ddiweddaru pan fyddwch chi'n gadael yr asesiad hwn. Mae eich atebion wedi'u cadw.",
  'pwa.updating': "Wrthi'n diweddaru…",
  'network.offline':
    "Rydych chi all-lein. Mae popeth y byddwch chi'n ei nodi yn cael ei gadw ar y ddyfais hon.",

  'error.network': "Doedd dim modd cysylltu â'r gweinydd.",
  'error.badResponse': "Anfonodd y gweinydd ateb nad yw'r ap hwn yn ei ddeall.",
  'error.unexpected': "Aeth rhywbeth o'i le ar y ddyfais hon. Rhowch gynnig arall arni.",
  'error.unreadable':
    'Doedd dim modd darllen yr asesiad hwn ar y ddyfais hon, felly ni chafodd ei anfon.',
  'reason.invalid_json': 'Doedd y gweinydd ddim yn gallu darllen yr hyn a anfonodd y ddyfais hon.',
  'reason.invalid_request':
    'Doedd y gweinydd ddim yn gallu darllen yr hyn a anfonodd y ddyfais hon.',
  'reason.body_too_large': 'Anfonwyd gormod ar unwaith. Bydd Doorstep yn anfon llai ar y tro.',
  'reason.unsupported_protocol':
    "Mae'r fersiwn hon o Doorstep wedi dyddio. Ail-lwythwch yr ap pan fyddwch ar-lein i'w diweddaru.",
  'reason.unauthenticated':
    "Nid yw'r ddyfais hon wedi mewngofnodi. Gosodwch hi eto gyda chod newydd.",
  'reason.token_revoked':
    "Mae'r ddyfais hon wedi cael ei hallgofnodi. Gosodwch hi eto gyda chod newydd.",
  'reason.forbidden': "Dim ond cydlynwyr a gweinyddwyr sy'n gallu gwneud hyn.",
  'reason.not_found': "Doedd y gweinydd ddim yn gallu dod o hyd i'r hyn y gofynnwyd amdano.",
  'reason.enrolment_code_invalid':
    "Nid yw'r cod hwnnw'n ddilys. Efallai ei fod wedi cael ei ddefnyddio'n barod neu wedi dod i ben. Gofynnwch am un newydd.",
  'reason.username_taken':
    'Mae gan rywun arall yn eich sefydliad yr enw defnyddiwr hwn yn barod. Dewiswch un arall.',
  'reason.sign_in_failed':
    "Nid yw'r enw defnyddiwr neu'r cyfrinymadrodd yn gywir. Gwiriwch y ddau a rhowch gynnig arall arni.",
  'reason.sign_in_locked':
    "Gormod o gyfrinymadroddion anghywir. Mae mewngofnodi gyda'r enw defnyddiwr hwn wedi'i oedi am hyd at 15 munud.",
  'reason.invalid_baselines': "Doedd dim modd mewnforio'r ffeil. Ni newidiwyd dim.",
  'reason.baseline_too_small':
    'Mae rhy ychydig o drigolion wedi cael ymweliad cyntaf yn y rhaglen hon i wneud llinell sylfaen.',
  'reason.internal_error':
    "Aeth rhywbeth o'i le ar y gweinydd. Bydd Doorstep yn rhoi cynnig arall arni yn nes ymlaen.",
  'reason.invalid_record': 'Doedd y gweinydd ddim yn gallu darllen yr asesiad hwn.',
  'reason.unknown_field': "Mae'r asesiad yn cynnwys manylion nad yw'r gweinydd yn eu hadnabod.",
  'reason.unknown_item':
    "Mae'r asesiad yn ateb cwestiwn nad yw yng nghronfa gwestiynau'r gweinydd.",
  'reason.answer_out_of_scale': 'Mae gan yr asesiad ateb nad yw ar y raddfa.',
  'reason.unsupported_bank_version':
    "Cafodd yr asesiad ei wneud gyda chronfa gwestiynau nad yw'r gweinydd yn ei chefnogi.",
  'reason.not_finished': "Nid yw'r asesiad wedi'i orffen, felly ni chafodd ei anfon.",
  'error.store.not-found': "Nid yw'r asesiad hwn ar y ddyfais hon.",
  'error.store.finished': "Mae'r asesiad hwn wedi'i orffen ac ni ellir ei newid.",
  'error.store.invalid': "Nid yw hwnnw'n ateb y gall yr ap hwn ei gadw.",
  'error.store.damaged':
    "Mae'r asesiad hwn wedi'i ddifrodi ar y ddyfais hon ac ni ellir ei ddarllen.",
  'error.store.quota':
    "Does dim lle storio ar ôl ar y ddyfais hon. Does dim byd wedi'i gadw wedi'i golli. Rhyddhewch le ac anfonwch asesiadau wedi'u gorffen.",
  'error.store.updated':
    "Cafodd Doorstep ei ddiweddaru mewn tab arall. Ail-lwythwch y tab hwn i barhau: does dim byd wedi'i gadw wedi'i golli.",

  'nav.label': 'Prif ddewislen',
  'nav.assessments': 'Asesiadau',
  'nav.sync': 'Anfon',
  'nav.received': "Wedi'u derbyn",
  'nav.devices': 'Dyfeisiau a phobl',
  'nav.dashboard': 'Dangosfwrdd',
  'nav.baselines': 'Llinellau sylfaen',
  'nav.organisation': 'Gosodiadau’r sefydliad',

  'sync.indicator.unsent': {
    zero: '{count} asesiad heb gyrraedd y gweinydd eto',
    one: '{count} asesiad heb gyrraedd y gweinydd eto',
    two: '{count} asesiad heb gyrraedd y gweinydd eto',
    few: '{count} asesiad heb gyrraedd y gweinydd eto',
    many: '{count} asesiad heb gyrraedd y gweinydd eto',
    other: '{count} asesiad heb gyrraedd y gweinydd eto',
  },
  'sync.indicator.allSent': 'Mae pob asesiad ar y gweinydd',
  'sync.indicator.notEnrolled': 'Heb ei gosod i anfon',

  'status.saved': "Wedi'i gadw ar y ddyfais hon",
  'status.waiting': 'Yn aros i gael ei anfon',
  'status.waitingAfterError': 'Yn aros i gael ei anfon. Y cynnig diwethaf: {reason}',
  'status.sending': "Wrthi'n anfon…",
  'status.received': "Wedi'i dderbyn gan y gweinydd, {time}",
  'status.rejected': "Wedi'i wrthod gan y gweinydd: {reason}",
  'status.retry': 'Rhoi cynnig arall',
  'status.retryFor': 'Rhoi cynnig arall ar anfon yr asesiad ar gyfer {who}',
  'status.export': 'Allforio',
  'status.exportFor': "Allforio'r asesiad ar gyfer {who}",

  'sync.title': "Anfon i'r gweinydd",
  'sync.enrolled':
    "Mae'r ddyfais hon wedi'i gosod ar gyfer {person} ({organisation}), gyda'r enw “{device}”.",
  'sync.notEnrolled':
    "Nid yw'r ddyfais hon wedi'i gosod i anfon asesiadau eto. Maen nhw'n cael eu cadw'n ddiogel ar y ddyfais hon nes iddi gael ei gosod.",
  'sync.enrolLink': 'Gosod y ddyfais hon',
  'sync.sendNow': 'Anfon nawr',
  'sync.none': 'Nid oes dim yn aros i gael ei anfon.',
  'sync.queue.title': 'Heb gyrraedd y gweinydd eto',
  'sync.last.postponed':
    "Nid oedd modd anfon y tro hwn: {reason} Bydd Doorstep yn dal ati i geisio'n awtomatig.",
  'sync.last.signedOut': "Nid yw'r gweinydd yn derbyn y ddyfais hon mwyach: {reason}",
  'sync.last.updateNeeded': '{reason}',
  'sync.table.resident': 'Cyfeirnod preswylydd',
  'sync.table.finished': 'Gorffennwyd',
  'sync.table.status': 'Statws',
  'sync.table.action': 'Cam gweithredu',

  'signout.title': "Allgofnodi o'r ddyfais hon",
  'signout.body':
    "Mae allgofnodi yn dileu eich asesiadau a'ch preswylwyr o'r ddyfais hon, fel nad oes dim o'ch gwybodaeth chi ar ôl i'r person nesaf. Mae'r ddyfais yn aros wedi'i gosod ar gyfer gweithwyr eraill.",
  'signout.safe': "Mae pob asesiad sydd wedi'i orffen wedi cyrraedd y gweinydd.",
  'signout.atRisk': {
    zero: "Mae {count} asesiad heb gyrraedd y gweinydd eto. Os byddwch chi'n allgofnodi nawr, byddan nhw'n cael eu dileu o'r ddyfais hon ac ni fydd modd eu hadfer.",
    one: "Mae {count} asesiad heb gyrraedd y gweinydd eto. Os byddwch chi'n allgofnodi nawr, bydd yn cael ei ddileu o'r ddyfais hon ac ni fydd modd ei adfer.",
    two: "Mae {count} asesiad heb gyrraedd y gweinydd eto. Os byddwch chi'n allgofnodi nawr, byddan nhw'n cael eu dileu o'r ddyfais hon ac ni fydd modd eu hadfer.",
    few: "Mae {count} asesiad heb gyrraedd y gweinydd eto. Os byddwch chi'n allgofnodi nawr, byddan nhw'n cael eu dileu o'r ddyfais hon ac ni fydd modd eu hadfer.",
    many: "Mae {count} asesiad heb gyrraedd y gweinydd eto. Os byddwch chi'n allgofnodi nawr, byddan nhw'n cael eu dileu o'r ddyfais hon ac ni fydd modd eu hadfer.",
    other:
      "Mae {count} asesiad heb gyrraedd y gweinydd eto. Os byddwch chi'n allgofnodi nawr, byddan nhw'n cael eu dileu o'r ddyfais hon ac ni fydd modd eu hadfer.",
  },
  'signout.confirm': {
    zero: "Rwy'n deall y bydd {count} asesiad yn cael eu dileu",
    one: "Rwy'n deall y bydd {count} asesiad yn cael ei ddileu",
    two: "Rwy'n deall y bydd {count} asesiad yn cael eu dileu",
    few: "Rwy'n deall y bydd {count} asesiad yn cael eu dileu",
    many: "Rwy'n deall y bydd {count} asesiad yn cael eu dileu",
    other: "Rwy'n deall y bydd {count} asesiad yn cael eu dileu",
  },
  'signout.confirmError':
    'Ticiwch y blwch i gadarnhau y bydd asesiadau heb eu hanfon yn cael eu dileu',
  'signout.button': 'Allgofnodi',
  'signout.buttonDelete': 'Allgofnodi a dileu asesiadau heb eu hanfon',
  'signout.done': "Mae'r ddyfais hon wedi allgofnodi ac nid oes unrhyw asesiadau arni.",

  'enrol.title': 'Gosod y ddyfais hon',
  'enrol.intro':
    "Gofynnwch i'ch cydlynydd am god cofrestru, yna teipiwch y cod yma neu sganiwch ei god QR gyda chamera'r ddyfais hon. Mae pob cod yn gweithio unwaith yn unig, ac am gyfnod byr yn unig.",
  'enrol.code.label': 'Cod cofrestru',
  'enrol.code.hint': 'Er enghraifft, ABCD-EFGH-JKMN. Mae llythrennau bach yn iawn.',
  'enrol.code.error': 'Rhowch y cod cofrestru',
  'enrol.name.label': "Enw'r ddyfais hon",
  'enrol.name.hint':
    "Er mwyn i'ch cydlynydd allu gwahaniaethu rhwng dyfeisiau, er enghraifft “Tabled llyfrgell 2”.",
  'enrol.name.error': 'Rhowch enw ar gyfer y ddyfais hon',
  'enrol.submit': 'Gosod y ddyfais hon',

  'gate.signedInAs': 'Wedi mewngofnodi: {name}',
  'gate.lock': 'Cloi',
  'gate.unlock.title': 'Datgloi Doorstep',
  'gate.unlock.intro':
    "Mae'r cofnodion ar y ddyfais hon wedi'u cloi. Rhowch eich PIN i agor eich rhai chi. Does dim modd agor cofnodion neb arall gydag ef.",
  'gate.unlock.who': 'Pwy ydych chi?',
  'gate.unlock.as': 'Datgloi fel {name}.',
  'gate.unlock.submit': 'Datgloi',
  'gate.unlock.wrong': {
    zero: "Dydy'r PIN hwnnw ddim yn gywir. {count} PIN anghywir arall a bydd angen i chi fewngofnodi ar-lein.",
    one: "Dydy'r PIN hwnnw ddim yn gywir. {count} PIN anghywir arall a bydd angen i chi fewngofnodi ar-lein.",
    two: "Dydy'r PIN hwnnw ddim yn gywir. {count} PIN anghywir arall a bydd angen i chi fewngofnodi ar-lein.",
    few: "Dydy'r PIN hwnnw ddim yn gywir. {count} PIN anghywir arall a bydd angen i chi fewngofnodi ar-lein.",
    many: "Dydy'r PIN hwnnw ddim yn gywir. {count} PIN anghywir arall a bydd angen i chi fewngofnodi ar-lein.",
    other:
      "Dydy'r PIN hwnnw ddim yn gywir. {count} PIN anghywir arall a bydd angen i chi fewngofnodi ar-lein.",
  },
  'gate.unlock.lockedOut':
    "Gormod o PINs anghywir. Mewngofnodwch ar-lein gyda'ch enw defnyddiwr a'ch cyfrinymadrodd i gael eich cofnodion yn ôl a dewis PIN newydd.",
  'gate.pin.label': 'PIN',
  'gate.pin.error': 'Rhowch eich PIN',
  'gate.pin.tooShort': {
    zero: 'Dewiswch PIN o {count} nod o leiaf',
    one: 'Dewiswch PIN o {count} nod o leiaf',
    two: 'Dewiswch PIN o {count} nod o leiaf',
    few: 'Dewiswch PIN o {count} nod o leiaf',
    many: 'Dewiswch PIN o {count} nod o leiaf',
    other: 'Dewiswch PIN o {count} nod o leiaf',
  },
  'gate.newPin.label': 'Dewiswch PIN ar gyfer y ddyfais hon',
  'gate.newPin.hint': {
    zero: "{count} nod o leiaf. Byddwch chi'n ei ddefnyddio i ddatgloi'r ddyfais hon pan fyddwch chi'n dod yn ôl ati, hyd yn oed heb gysylltiad.",
    one: "{count} nod o leiaf. Byddwch chi'n ei ddefnyddio i ddatgloi'r ddyfais hon pan fyddwch chi'n dod yn ôl ati, hyd yn oed heb gysylltiad.",
    two: "{count} nod o leiaf. Byddwch chi'n ei ddefnyddio i ddatgloi'r ddyfais hon pan fyddwch chi'n dod yn ôl ati, hyd yn oed heb gysylltiad.",
    few: "{count} nod o leiaf. Byddwch chi'n ei ddefnyddio i ddatgloi'r ddyfais hon pan fyddwch chi'n dod yn ôl ati, hyd yn oed heb gysylltiad.",
    many: "{count} nod o leiaf. Byddwch chi'n ei ddefnyddio i ddatgloi'r ddyfais hon pan fyddwch chi'n dod yn ôl ati, hyd yn oed heb gysylltiad.",
    other:
      "{count} nod o leiaf. Byddwch chi'n ei ddefnyddio i ddatgloi'r ddyfais hon pan fyddwch chi'n dod yn ôl ati, hyd yn oed heb gysylltiad.",
  },
  'gate.username.label': 'Enw defnyddiwr',
  'gate.username.hint':
    "Eich un chi, nid un rhywun arall: mae eich cofnodion yn cael eu cadw ar wahân i'w rhai nhw.",
  'gate.username.error': 'Rhowch eich enw defnyddiwr',
  'gate.passphrase.label': 'Cyfrinymadrodd',
  'gate.passphrase.hint':
    "10 nod o leiaf. Mae ychydig o eiriau y byddwch chi'n eu cofio yn gweithio'n dda.",
  'gate.passphrase.error': 'Rhowch eich cyfrinymadrodd',
  'gate.signIn.title': 'Mewngofnodi',
  'gate.signIn.intro':
    "Mewngofnodwch gyda'ch cyfrif eich hun. Mae angen cysylltiad. Mae eich cofnodion ar y ddyfais hon i chi yn unig.",
  'gate.signIn.submit': 'Mewngofnodi',
  'gate.code.title': 'Y tro cyntaf ar y ddyfais hon',
  'gate.code.intro':
    "Defnyddiwch y cod untro a gawsoch gan eich cydlynydd i ddewis eich enw defnyddiwr a'ch cyfrinymadrodd.",
  'gate.code.submit': 'Gosod fy nghyfrif',
  'gate.earlierPin':
    "Cafodd eich cofnodion ar y ddyfais hon eu cloi cyn i'r ddyfais gael ei gosod eto. Rhowch y PIN roeddech chi'n ei ddefnyddio ar y ddyfais hon o'r blaen, fel eich PIN, i'w hagor.",
  'gate.other.title': 'Ffyrdd eraill i mewn',
  'gate.other.unlock': "Datgloi gyda'm PIN",
  'gate.other.signIn': 'Mewngofnodi ar-lein',
  'gate.other.code': 'Mae gen i god gan fy nghydlynydd',

  'online.needed': "Mae angen cysylltiad â'r gweinydd ar y dudalen hon: {reason}",
  'online.notEnrolled': 'Gosodwch y ddyfais hon fel cydlynydd i weld y dudalen hon.',

  'received.title': 'Asesiadau a dderbyniwyd',
  'received.intro':
    "Asesiadau y mae'r gweinydd wedi'u derbyn ar gyfer {organisation}, gyda'r sgoriau a gyfrifodd o'u hatebion.",
  'received.csv': "Lawrlwytho'r cyfan fel CSV",
  'received.none': "Nid oes unrhyw asesiadau wedi'u derbyn eto.",
  'received.table.resident': 'Cyfeirnod preswylydd',
  'received.table.date': 'Dyddiad',
  'received.table.sentBy': 'Anfonwyd gan',
  'received.table.received': 'Derbyniwyd',
  'received.sentBy': '{person} (dyfais: {device})',

  'devices.title': 'Dyfeisiau a phobl',
  'devices.code.title': 'Cofrestru dyfais',
  'devices.code.intro': 'Crëwch god untro, yna rhowch y cod ar y ddyfais o fewn 15 munud.',
  'devices.code.person': "Enw'r person a fydd yn defnyddio'r ddyfais",
  'devices.code.personError': "Rhowch enw'r person",
  'devices.code.role': 'Rôl y person',
  'devices.code.submit': 'Creu cod cofrestru',
  'devices.code.result': 'Cod cofrestru ar gyfer {person}',
  'devices.code.expires': "Mae'n gweithio unwaith, tan {time}.",
  'devices.code.scan':
    "Neu sganiwch y cod QR hwn gyda chamera'r ddyfais i agor Doorstep gyda'r cod wedi'i lenwi'n barod.",
  'devices.code.qr': "Cod QR sy'n agor Doorstep gyda'r cod cofrestru {code}",
  'devices.list.title': "Dyfeisiau sydd wedi'u cofrestru",
  'devices.none': "Nid oes unrhyw ddyfeisiau wedi'u cofrestru eto.",
  'devices.table.device': 'Dyfais',
  'devices.table.person': 'Person',
  'devices.table.lastSeen': 'Gwelwyd ddiwethaf',
  'devices.table.status': 'Statws',
  'devices.never': 'Erioed',
  'devices.active': 'Yn weithredol',
  'devices.revoked': 'Allgofnodwyd {time}',
  'devices.revoke': 'Allgofnodi',
  'devices.revokeFor': "Allgofnodi'r ddyfais “{device}”",
  'devices.enrolledBy': 'Cofrestrwyd gan {person} ({role})',
  'devices.session': 'Wedi mewngofnodi ar “{device}”',
  'devices.thisDevice': 'Y ddyfais hon',
  'devices.you': 'Chi, wedi mewngofnodi yma',
  'devices.revokeSession': 'Allgofnodi {person} ar “{device}”',
  'devices.confirm.title': "Allgofnodi'r ddyfais “{device}”?",
  'devices.confirm.body':
    'Bydd pob gweithiwr sydd wedi mewngofnodi arni yn cael ei allgofnodi gyda hi. Cyn y gall unrhyw un ei defnyddio eto, rhaid ei chofrestru eto gyda chod newydd.',
  'devices.confirm.yes': "Ie, allgofnodi'r ddyfais",
  'devices.confirm.cancel': 'Canslo',

  'role.outreach-worker': 'Gweithiwr allgymorth',
  'role.coordinator': 'Cydlynydd',
  'role.administrator': 'Gweinyddwr',

  'home.title': 'Asesiadau ar y ddyfais hon',
  'home.start': 'Dechrau asesiad newydd',
  'home.resume.title': "Parhau o'r lle gwnaethoch chi stopio",
  'home.resume.body': "Nid yw'r asesiad ar gyfer {who}, a ddechreuwyd ar {date}, wedi'i orffen.",
  'home.resume.action': "Parhau â'r asesiad hwn",
  'home.inProgress': 'Ar y gweill',
  'home.finished': "Wedi'u gorffen",
  'home.none': 'Nid oes unrhyw asesiadau ar y ddyfais hon eto.',
  'home.noneInProgress': 'Nid oes unrhyw asesiadau ar y gweill.',
  'home.noneFinished': "Nid oes unrhyw asesiadau wedi'u gorffen.",
  'home.continue': 'Parhau',
  'home.viewResults': 'Gweld y canlyniadau',
  'home.continueFor': "Parhau â'r asesiad ar gyfer {who}",
  'home.viewResultsFor': 'Gweld y canlyniadau ar gyfer {who}',
  'home.anonymous': 'Dim cyfeirnod',
  'home.answered': {
    zero: 'Wedi ateb {answered} o {count} cwestiwn',
    one: 'Wedi ateb {answered} o {count} cwestiwn',
    two: 'Wedi ateb {answered} o {count} gwestiwn',
    few: 'Wedi ateb {answered} o {count} chwestiwn',
    many: 'Wedi ateb {answered} o {count} chwestiwn',
    other: 'Wedi ateb {answered} o {count} cwestiwn',
  },
  'home.table.resident': 'Cyfeirnod preswylydd',
  'home.table.date': 'Dyddiad',
  'home.table.venue': 'Lleoliad',
  'home.table.set': 'Asesiad',
  'home.table.progress': 'Cynnydd',
  'home.table.action': 'Cam gweithredu',
  'home.table.server': 'Gweinydd',
  'home.damaged.title': 'Cofnodion nad oedd modd eu darllen',
  'home.damaged.body':
    "Mae'r cofnodion hyn ar y ddyfais hon wedi'u difrodi neu'n dod o fersiwn anhysbys. Maen nhw wedi'u cadw, nid eu dileu. Lawrlwythwch gopi a'i anfon at eich cydlynydd.",
  'home.damaged.download': 'Lawrlwytho cofnod {id}',
  'home.loadError': 'Nid oedd modd agor yr asesiadau ar y ddyfais hon: {reason}',

  'venue.library': 'Llyfrgell',
  'venue.home-visit': 'Ymweliad cartref',
  'venue.community-hub': 'Hyb cymunedol',
  'venue.other': 'Arall',
  'set.full': 'Llawn',
  'set.short': 'Set fer',

  'errors.summary': 'Mae problem wedi codi',

  'interview.notFound': "Nid yw'r asesiad hwn ar y ddyfais hon.",

  'section.basics': 'Hanfodion',
  'section.blockers': 'Rhwystrau',
  'section.skill': 'Sgiliau a hyder',
  'section.interest': 'Diddordeb a chymhelliant',

  'results.title': 'Canlyniadau',
  'results.caption': 'Asesiad ar gyfer {who} ar {date}',
  'results.sections.title': 'Sgoriau fesul adran',
  'results.sections.intro':
    'Mae pob sgôr allan o 100. Mae sgôr uwch bob amser yn well; ar gyfer rhwystrau, mae sgôr uwch yn golygu llai o broblemau.',
  'results.score': '{score} allan o 100',
  'results.noScore': 'Dim sgôr: dim atebion',
  'results.coverage.basics': {
    zero: 'Yn seiliedig ar {answered} o {count} eitem',
    one: 'Yn seiliedig ar {answered} o {count} eitem',
    two: 'Yn seiliedig ar {answered} o {count} eitem',
    few: 'Yn seiliedig ar {answered} o {count} eitem',
    many: 'Yn seiliedig ar {answered} o {count} eitem',
    other: 'Yn seiliedig ar {answered} o {count} eitem',
  },
  'results.coverage.blockers': {
    zero: 'Yn seiliedig ar {answered} o {count} rhwystr',
    one: 'Yn seiliedig ar {answered} o {count} rhwystr',
    two: 'Yn seiliedig ar {answered} o {count} rwystr',
    few: 'Yn seiliedig ar {answered} o {count} rhwystr',
    many: 'Yn seiliedig ar {answered} o {count} rhwystr',
    other: 'Yn seiliedig ar {answered} o {count} rhwystr',
  },
  'results.coverage.skills': {
    zero: 'Yn seiliedig ar {answered} o {count} sgìl',
    one: 'Yn seiliedig ar {answered} o {count} sgìl',
    two: 'Yn seiliedig ar {answered} o {count} sgìl',
    few: 'Yn seiliedig ar {answered} o {count} sgìl',
    many: 'Yn seiliedig ar {answered} o {count} sgìl',
    other: 'Yn seiliedig ar {answered} o {count} sgìl',
  },
  'results.lowCoverage': 'Ychydig o atebion',
  'results.lowCoverage.hint': 'Nid oes digon o atebion i ddibynnu ar y sgôr.',
  'results.flags.title': 'Pethau i edrych arnyn nhw gyntaf',
  'results.flags.none': 'Ni nodwyd unrhyw fylchau mynediad na rhwystrau sylweddol.',
  'results.flag.access-gap': 'Bwlch mynediad: {item}',
  'results.flag.significant-barrier': 'Rhwystr sylweddol: {item}',
  'results.help.title': 'Ble i gael help',
  'results.plan.title': 'Cynllun dysgu',
  'results.plan.intro':
    "Y sgiliau mae'r person hwn fwyaf eisiau eu gwneud ac yn eu cael yn anoddaf, gyda'r flaenoriaeth uchaf yn gyntaf.",
  'results.plan.none':
    'Nid oes blaenoriaethau eto. Mae sgìl yn dod yn flaenoriaeth pan fydd ateb sgìl ac ateb diddordeb ar ei gyfer, a bod y person eisiau ei wneud.',
  'results.plan.detail': 'Blaenoriaeth {priority} o 16 · {heading}',
  'results.band.high': 'Blaenoriaeth uchel',
  'results.band.medium': 'Blaenoriaeth ganolig',
  'results.band.low': 'Blaenoriaeth isel',
  'results.band.none': "Nid yw'n flaenoriaeth",
  'results.askInterest.title': 'Gofyn am ddiddordeb',
  'results.askInterest.intro':
    "Mae gan y sgiliau hyn ateb sgìl ond dim ateb diddordeb. Gofynnwch i'r person a hoffai eu gwneud.",
  'results.headings.title': 'Sgiliau fesul pennawd',
  'results.headings.chartTitle':
    'Sgiliau a hyder o gymharu â diddordeb a chymhelliant, fesul pennawd',
  'results.headings.chartNote': "Mae'r un ffigurau yn y tabl o dan y siart.",
  'results.headings.heading': 'Pennawd',
  'results.headings.notScored': 'Dim sgôr',
  'results.headings.cell': '{score} ({answered} o {count})',
  'results.headings.cellLow': '{score} ({answered} o {count}, ychydig o atebion)',
  'results.print': "Argraffu'r canlyniadau",
  'results.revisit': 'Dechrau ymweliad newydd ar gyfer {who}',
  'results.printablePlan': "Cynllun i'w roi i'r preswylydd, yn yr iaith hon: {language}",

  'plan.back': "Yn ôl i'r canlyniadau",
  'plan.language.en': 'Saesneg',
  'plan.language.cy': 'Cymraeg',
  'results.back': 'Yn ôl i bob asesiad',
  'results.notFinished': "Nid yw'r asesiad hwn wedi'i orffen eto.",
  'results.continue': "Parhau â'r asesiad",

  'progress.link': 'Cynnydd ers yr ymweliad ar {date}',
} as const satisfies Catalogue;

/**
 * Keys whose Welsh wording a professional translator should check before a council goes live.
 */
export const NEEDS_REVIEW: readonly MessageKey[] = [
  'devices.enrolledBy',
  'devices.session',
  'devices.thisDevice',
  'devices.you',
  'devices.revokeSession',
  'devices.confirm.title',
  'devices.confirm.body',
  'devices.confirm.yes',
  'devices.confirm.cancel',
  'gate.earlierPin',
  'signout.body',
  'gate.signedInAs',
  'gate.lock',
  'gate.unlock.title',
  'gate.unlock.intro',
  'gate.unlock.who',
  'gate.unlock.as',
  'gate.unlock.submit',
  'gate.unlock.wrong',
  'gate.unlock.lockedOut',
  'gate.pin.label',
  'gate.pin.error',
  'gate.pin.tooShort',
  'gate.newPin.label',
  'gate.newPin.hint',
  'gate.username.label',
  'gate.username.hint',
  'gate.username.error',
  'gate.passphrase.label',
  'gate.passphrase.hint',
  'gate.passphrase.error',
  'gate.signIn.title',
  'gate.signIn.intro',
  'gate.signIn.submit',
  'gate.code.title',
  'gate.code.intro',
  'gate.code.submit',
  'gate.other.title',
  'gate.other.unlock',
  'gate.other.signIn',
  'gate.other.code',
  'reason.username_taken',
  'reason.sign_in_failed',
  'reason.sign_in_locked',
  'reason.unknown_item',
  'reason.unsupported_bank_version',
  'nav.label',
  'nav.received',
  'nav.baselines',
  'sync.indicator.notEnrolled',
  'status.rejected',
  'set.short',
  'section.basics',
  'results.lowCoverage',
  'results.headings.cellLow',
  'results.headings.title',
  'results.headings.heading',
  'results.flag.access-gap',
  'error.store.quota',
  'error.store.updated',
];
