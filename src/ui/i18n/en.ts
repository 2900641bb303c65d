/**
 * The English message catalogue: every string the interface shows. Placeholders are {name};
 * a message with plural forms selects on {count} through Intl.PluralRules, so that Welsh can
 * add its own forms. Never build a sentence by joining messages.
 */
export const en = {
  'app.name': 'Doorstep',
  'app.tagline': 'Digital inclusion assessment',
  'app.skipToContent': 'Skip to main content',
  'app.version': 'Version {version}',
  'app.home': 'All assessments',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'There is no page at this address.',
  'app.loading': 'Loading…',
  // The switch to the other language, written in that language.
  'app.language.other': 'Cymraeg',
  'app.accessibility': 'Accessibility statement',

  'pwa.offlineReady': 'Doorstep is ready to work offline. You can use it without a connection.',
  'pwa.updateReady': 'A new version of Doorstep is ready.',
  'pwa.updateNow': 'Update now',
  'pwa.updateAfterAssessment':
    'A new version of Doorstep is ready. You can update when you leave this assessment. Your answers are saved.',
  'pwa.updating': 'Updating…',
  'network.offline': 'You are offline. Everything you enter is saved on this device.',

  'error.network': 'The server could not be reached.',
  'error.badResponse': 'The server sent an answer this app does not understand.',
  'error.unexpected': 'Something went wrong on this device. Try again.',
  'error.unreadable': 'This assessment could not be read on this device, so it was not sent.',
  'reason.invalid_json': 'The server could not read what this device sent.',
  'reason.invalid_request': 'The server could not read what this device sent.',
  'reason.body_too_large': 'Too much was sent at once. Doorstep will send less at a time.',
  'reason.unsupported_protocol':
    'This version of Doorstep is out of date. Reload the app while online to update it.',
  'reason.unauthenticated': 'This device is not signed in. Set it up again with a new code.',
  'reason.token_revoked': 'This device has been signed out. Set it up again with a new code.',
  'reason.forbidden': 'Only coordinators and administrators can do this.',
  'reason.not_found': 'The server could not find what was asked for.',
  'reason.enrolment_code_invalid':
    'That code is not valid. It may have been used already or run out. Ask for a new one.',
  'reason.username_taken':
    'Someone else in your organisation already has this username. Choose another one.',
  'reason.sign_in_failed': 'The username or passphrase is not right. Check both and try again.',
  'reason.sign_in_locked':
    'Too many wrong passphrases. Signing in with this username is paused for up to 15 minutes.',
  'reason.invalid_baselines': 'The file could not be imported. Nothing was changed.',
  'reason.baseline_too_small':
    'Too few residents have had a first visit in this programme to make a baseline.',
  'reason.internal_error': 'Something went wrong on the server. Doorstep will try again later.',
  'reason.invalid_record': 'The server could not read this assessment.',
  'reason.unknown_field': 'The assessment holds details the server does not know.',
  'reason.unknown_item':
    'The assessment answers a question the server’s question bank does not have.',
  'reason.answer_out_of_scale': 'The assessment has an answer that is not on the scale.',
  'reason.unsupported_bank_version':
    'The assessment was made with a question bank the server does not support.',
  'reason.not_finished': 'The assessment is not finished, so it was not sent.',
  'error.store.not-found': 'This assessment is not on this device.',
  'error.store.finished': 'This assessment is finished and cannot be changed.',
  'error.store.invalid': 'That is not an answer this app can keep.',
  'error.store.damaged': 'This assessment is damaged on this device and cannot be read.',
  'error.store.quota':
    'This device is out of storage space. Nothing saved is lost. Free some space and send finished assessments.',
  'error.store.updated':
    'Doorstep was updated in another tab. Reload this tab to carry on: nothing saved is lost.',

  'nav.label': 'Main',
  'nav.assessments': 'Assessments',
  'nav.sync': 'Sending',
  'nav.received': 'Received',
  'nav.devices': 'Devices and people',
  'nav.dashboard': 'Dashboard',
  'nav.baselines': 'Baselines',
  'nav.organisation': 'Organisation settings',

  'sync.indicator.unsent': {
    one: '{count} assessment not yet on the server',
    other: '{count} assessments not yet on the server',
  },
  'sync.indicator.allSent': 'All assessments are on the server',
  'sync.indicator.notEnrolled': 'Not set up to send',

  'status.saved': 'Saved on this device',
  'status.waiting': 'Waiting to send',
  'status.waitingAfterError': 'Waiting to send. Last try: {reason}',
  'status.sending': 'Sending…',
  'status.received': 'Received by the server, {time}',
  'status.rejected': 'Not accepted by the server: {reason}',
  'status.retry': 'Try again',
  'status.retryFor': 'Try sending the assessment for {who} again',
  'status.export': 'Export',
  'status.exportFor': 'Export the assessment for {who}',

  'sync.title': 'Sending to the server',
  'sync.enrolled': 'This device is set up for {person} at {organisation}, as “{device}”.',
  'sync.notEnrolled':
    'This device is not set up to send assessments yet. They are kept safely on this device until it is.',
  'sync.enrolLink': 'Set up this device',
  'sync.sendNow': 'Send now',
  'sync.none': 'There is nothing waiting to send.',
  'sync.queue.title': 'Not yet on the server',
  'sync.last.postponed': 'Could not send just now: {reason} Doorstep will keep trying by itself.',
  'sync.last.signedOut': 'The server no longer accepts this device: {reason}',
  'sync.last.updateNeeded': '{reason}',
  'sync.table.resident': 'Resident reference',
  'sync.table.finished': 'Finished',
  'sync.table.status': 'Status',
  'sync.table.action': 'Action',

  'signout.title': 'Sign out of this device',
  'signout.body':
    'Signing out removes your assessments and residents from this device, so that nothing of yours is left for the next person. The device stays set up for other workers.',
  'signout.safe': 'Every finished assessment has reached the server.',
  'signout.atRisk': {
    one: '{count} assessment is not on the server yet. If you sign out now it will be deleted from this device and cannot be recovered.',
    other:
      '{count} assessments are not on the server yet. If you sign out now they will be deleted from this device and cannot be recovered.',
  },
  'signout.confirm': {
    one: 'I understand that {count} assessment will be deleted',
    other: 'I understand that {count} assessments will be deleted',
  },
  'signout.confirmError': 'Tick the box to confirm that unsent assessments will be deleted',
  'signout.button': 'Sign out',
  'signout.buttonDelete': 'Sign out and delete unsent assessments',
  'signout.done': 'This device is signed out and holds no assessments.',

  'enrol.title': 'Set up this device',
  'enrol.intro':
    'Ask your coordinator for an enrolment code, then type it here or scan its QR code with the camera of this device. Each code works once, and only for a short time.',
  'enrol.code.label': 'Enrolment code',
  'enrol.code.hint': 'For example, ABCD-EFGH-JKMN. Small letters are fine.',
  'enrol.code.error': 'Enter the enrolment code',
  'enrol.name.label': 'Name for this device',
  'enrol.name.hint':
    'So that your coordinator can tell devices apart, for example “Library tablet 2”.',
  'enrol.name.error': 'Enter a name for this device',
  'enrol.submit': 'Set up this device',

  'gate.signedInAs': 'Signed in: {name}',
  'gate.lock': 'Lock',
  'gate.unlock.title': 'Unlock Doorstep',
  'gate.unlock.intro':
    'Records on this device are locked. Enter your PIN to open yours. Nobody else’s records can be opened with it.',
  'gate.unlock.who': 'Who are you?',
  'gate.unlock.as': 'Unlocking as {name}.',
  'gate.unlock.submit': 'Unlock',
  'gate.unlock.wrong': {
    one: 'That PIN is not right. {count} more wrong PIN and you will need to sign in online.',
    other: 'That PIN is not right. {count} more wrong PINs and you will need to sign in online.',
  },
  'gate.unlock.lockedOut':
    'Too many wrong PINs. Sign in online with your username and passphrase to get your records back and set a new PIN.',
  'gate.pin.label': 'PIN',
  'gate.pin.error': 'Enter your PIN',
  'gate.pin.tooShort': {
    one: 'Choose a PIN of at least {count} character',
    other: 'Choose a PIN of at least {count} characters',
  },
  'gate.newPin.label': 'Choose a PIN for this device',
  'gate.newPin.hint': {
    one: 'At least {count} character. You use it to unlock this device when you come back to it, even with no connection.',
    other:
      'At least {count} characters. You use it to unlock this device when you come back to it, even with no connection.',
  },
  'gate.username.label': 'Username',
  'gate.username.hint': 'Your own, not someone else’s: your records are kept apart from theirs.',
  'gate.username.error': 'Enter your username',
  'gate.passphrase.label': 'Passphrase',
  'gate.passphrase.hint': 'At least 10 characters. A few words you will remember works well.',
  'gate.passphrase.error': 'Enter your passphrase',
  'gate.signIn.title': 'Sign in',
  'gate.signIn.intro':
    'Sign in with your own account. This needs a connection. Your records on this device are only for you.',
  'gate.signIn.submit': 'Sign in',
  'gate.code.title': 'First time on this device',
  'gate.code.intro':
    'Use the one-time code your coordinator gave you to choose your username and passphrase.',
  'gate.code.submit': 'Set up my account',
  'gate.earlierPin':
    'Your records on this device were locked before the device was set up again. Enter the PIN you used on this device before, as your PIN, to open them.',
  'gate.other.title': 'Other ways in',
  'gate.other.unlock': 'Unlock with my PIN',
  'gate.other.signIn': 'Sign in online',
  'gate.other.code': 'I have a code from my coordinator',

  'online.needed': 'This page needs a connection to the server: {reason}',
  'online.notEnrolled': 'Set up this device as a coordinator to see this page.',

  'received.title': 'Assessments received',
  'received.intro':
    'Assessments the server has received for {organisation}, with the scores it worked out from their answers.',
  'received.csv': 'Download all as CSV',
  'received.none': 'No assessments have been received yet.',
  'received.table.resident': 'Resident reference',
  'received.table.date': 'Date',
  'received.table.sentBy': 'Sent by',
  'received.table.received': 'Received',
  'received.sentBy': '{person} on {device}',

  'devices.title': 'Devices and people',
  'devices.code.title': 'Enrol a device',
  'devices.code.intro': 'Create a one-time code, then enter it on the device within 15 minutes.',
  'devices.code.person': 'Name of the person who will use the device',
  'devices.code.personError': 'Enter the name of the person',
  'devices.code.role': 'Their role',
  'devices.code.submit': 'Create enrolment code',
  'devices.code.result': 'Enrolment code for {person}',
  'devices.code.expires': 'It works once, until {time}.',
  'devices.code.scan':
    'Or scan this QR code with the camera of the device to open Doorstep with the code filled in.',
  'devices.code.qr': 'QR code that opens Doorstep with the enrolment code {code}',
  'devices.list.title': 'Enrolled devices',
  'devices.none': 'No devices are enrolled yet.',
  'devices.table.device': 'Device',
  'devices.table.person': 'Person',
  'devices.table.lastSeen': 'Last seen',
  'devices.table.status': 'Status',
  'devices.never': 'Never',
  'devices.active': 'Active',
  'devices.revoked': 'Signed out {time}',
  'devices.revoke': 'Sign out',
  'devices.revokeFor': 'Sign out the device {device}',
  'devices.enrolledBy': 'Enrolled by {person} ({role})',
  'devices.session': 'Signed in on {device}',
  'devices.thisDevice': 'This device',
  'devices.you': 'You, signed in here',
  'devices.revokeSession': 'Sign out {person} on {device}',
  'devices.confirm.title': 'Sign out the device {device}?',
  'devices.confirm.body':
    'Every worker signed in on it is signed out with it. Before anyone can use it again, it must be enrolled again with a new code.',
  'devices.confirm.yes': 'Yes, sign out the device',
  'devices.confirm.cancel': 'Cancel',

  'role.outreach-worker': 'Outreach worker',
  'role.coordinator': 'Coordinator',
  'role.administrator': 'Administrator',

  'home.title': 'Assessments on this device',
  'home.start': 'Start a new assessment',
  'home.resume.title': 'Carry on where you left off',
  'home.resume.body': 'The assessment for {who}, started on {date}, is not finished.',
  'home.resume.action': 'Continue this assessment',
  'home.inProgress': 'In progress',
  'home.finished': 'Finished',
  'home.none': 'There are no assessments on this device yet.',
  'home.noneInProgress': 'No assessments in progress.',
  'home.noneFinished': 'No finished assessments.',
  'home.continue': 'Continue',
  'home.viewResults': 'View results',
  'home.continueFor': 'Continue the assessment for {who}',
  'home.viewResultsFor': 'View results for {who}',
  'home.anonymous': 'No reference',
  'home.answered': {
    one: '{answered} of {count} question answered',
    other: '{answered} of {count} questions answered',
  },
  'home.table.resident': 'Resident reference',
  'home.table.date': 'Date',
  'home.table.venue': 'Venue',
  'home.table.set': 'Assessment',
  'home.table.progress': 'Progress',
  'home.table.action': 'Action',
  'home.table.server': 'Server',
  'home.damaged.title': 'Records that could not be read',
  'home.damaged.body':
    'These records on this device are damaged or from an unknown version. They have been kept, not deleted. Download a copy and send it to your coordinator.',
  'home.damaged.download': 'Download record {id}',
  'home.loadError': 'The assessments on this device could not be opened: {reason}',

  'venue.library': 'Library',
  'venue.home-visit': 'Home visit',
  'venue.community-hub': 'Community hub',
  'venue.other': 'Other',
  'set.full': 'Full',
  'set.short': 'Short set',

  'errors.summary': 'There is a problem',

  'interview.notFound': 'This assessment is not on this device.',

  'section.basics': 'Basics',
  'section.blockers': 'Blockers',
  'section.skill': 'Skills and confidence',
  'section.interest': 'Interest and motivation',

  'results.title': 'Results',
  'results.caption': 'Assessment for {who} on {date}',
  'results.sections.title': 'Scores by section',
  'results.sections.intro':
    'Each score is out of 100. Higher is always better; for blockers a higher score means fewer problems.',
  'results.score': '{score} out of 100',
  'results.noScore': 'Not scored: no answers',
  'results.coverage.basics': {
    one: 'Based on {answered} of {count} item',
    other: 'Based on {answered} of {count} items',
  },
  'results.coverage.blockers': {
    one: 'Based on {answered} of {count} blocker',
    other: 'Based on {answered} of {count} blockers',
  },
  'results.coverage.skills': {
    one: 'Based on {answered} of {count} skill',
    other: 'Based on {answered} of {count} skills',
  },
  'results.lowCoverage': 'Low coverage',
  'results.lowCoverage.hint': 'Too few answers to rely on this score.',
  'results.flags.title': 'Things to look at first',
  'results.flags.none': 'No access gaps or significant barriers were reported.',
  'results.flag.access-gap': 'Access gap: {item}',
  'results.flag.significant-barrier': 'Significant barrier: {item}',
  'results.help.title': 'Places to get help',
  'results.plan.title': 'Learning plan',
  'results.plan.intro':
    'The skills this person most wants to do and finds hardest, highest priority first.',
  'results.plan.none':
    'No priorities yet. A skill becomes a priority when it has both a skill answer and an interest answer, and the person wants to do it.',
  'results.plan.detail': 'Priority {priority} of 16 · {heading}',
  'results.band.high': 'High priority',
  'results.band.medium': 'Medium priority',
  'results.band.low': 'Low priority',
  'results.band.none': 'Not a priority',
  'results.askInterest.title': 'Ask about interest',
  'results.askInterest.intro':
    'These skills have a skill answer but no interest answer. Ask the person whether they want to do them.',
  'results.headings.title': 'Skills by heading',
  'results.headings.chartTitle':
    'Skills and confidence against interest and motivation, by heading',
  'results.headings.chartNote': 'The same figures are in the table below the chart.',
  'results.headings.heading': 'Heading',
  'results.headings.notScored': 'Not scored',
  'results.headings.cell': '{score} ({answered} of {count})',
  'results.headings.cellLow': '{score} ({answered} of {count}, low coverage)',
  'results.print': 'Print results',
  'results.revisit': 'Start a new visit for {who}',
  'results.printablePlan': 'Plan to give to the resident, in {language}',

  'plan.back': 'Back to the results',
  'plan.language.en': 'English',
  'plan.language.cy': 'Welsh',
  'results.back': 'Back to all assessments',
  'results.notFinished': 'This assessment is not finished yet.',
  'results.continue': 'Continue the assessment',

  'progress.link': 'Progress since the visit on {date}',
} as const;

export type MessageKey = keyof typeof en;
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralForms;
export type Catalogue = Readonly<Record<MessageKey, Message>>;
