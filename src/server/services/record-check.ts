// One pushed record, checked on its own so that one bad record never sinks a batch: either the
// assessment with the scores the server computes from its answers, or a reason code and a
// message that names the problem (put into words in the reply's language by the route). Pure:
// no database, no clock.
import {
  MISSING,
  bankV1,
  scaleV1,
  scoreAssessment,
  unknownItems,
  type Assessment,
  type AssessmentScores,
} from '../../domain/index.ts';
import { wireAssessmentSchema, type PushRecord, type ReasonCode } from '../../shared/protocol.ts';
import { message, type Issue, type Message } from '../messages.ts';

export type RecordReason = Extract<
  ReasonCode,
  | 'invalid_record'
  | 'unknown_field'
  | 'unknown_item'
  | 'answer_out_of_scale'
  | 'unsupported_bank_version'
  | 'not_finished'
>;

export type RecordCheck =
  | { readonly ok: true; readonly assessment: Assessment; readonly scores: AssessmentScores }
  | { readonly ok: false; readonly code: RecordReason; readonly message: Message };

const reject = (code: RecordReason, text: Message): RecordCheck => ({
  ok: false,
  code,
  message: text,
});

export function checkRecord(record: PushRecord): RecordCheck {
  const parsed = wireAssessmentSchema.safeParse(record.assessment, { reportInput: true });
  if (!parsed.success) return rejectionFor(parsed.error.issues);
  const assessment = parsed.data;

  if (assessment.id !== record.id || assessment.revision !== record.revision) {
    return reject(
      'invalid_record',
      message('record.idMismatch', {
        recordId: record.id,
        recordRevision: record.revision,
        assessmentId: assessment.id,
        assessmentRevision: assessment.revision,
      }),
    );
  }
  const unknown = unknownItems(assessment, bankV1);
  if (unknown.length > 0) return unknownItemRejection(unknown);
  if (assessment.status !== 'finished') {
    return reject('not_finished', message('record.notFinished'));
  }
  return { ok: true, assessment, scores: scoreAssessment(assessment.answers, bankV1, scaleV1) };
}

/** The most telling reason among a failed parse's issues, most fundamental first. */
function rejectionFor(issues: readonly Issue[]): RecordCheck {
  const at = (issue: Issue) => issue.path.map(String);

  const version = issues.filter(
    (i) => ['bankVersion', 'scaleVersion'].includes(at(i)[0] ?? '') && i.input !== undefined,
  );
  if (version.length > 0) {
    return reject(
      'unsupported_bank_version',
      message('record.unsupportedVersion', {
        versions: version.map((i) => `${at(i)[0]} ${String(i.input)}`),
        bankVersion: bankV1.bankVersion,
        scaleVersion: scaleV1.scaleVersion,
      }),
    );
  }

  const fields = issues
    .filter((i) => i.code === 'unrecognized_keys')
    .flatMap((i) => (i.keys ?? []).map((key) => [...at(i), key].join('.')));
  if (fields.length > 0) {
    return reject('unknown_field', message('record.unknownFields', { fields }));
  }

  const isAnswer = (i: Issue) => at(i)[0] === 'answers' && at(i).length === 3;
  const badKeys = issues.filter((i) => isAnswer(i) && i.code === 'invalid_key');
  if (badKeys.length > 0) return unknownItemRejection(badKeys.map((i) => at(i).slice(1).join('.')));

  const badAnswers = issues.filter(isAnswer);
  if (badAnswers.length > 0) {
    const answers = badAnswers.map(
      (i) => `${at(i).slice(1).join('.')} = ${JSON.stringify(i.input)}`,
    );
    return reject(
      'answer_out_of_scale',
      message('record.outOfScale', { answers, missing: MISSING }),
    );
  }

  return reject('invalid_record', message('record.unreadable', { issues }));
}

function unknownItemRejection(items: readonly string[]): RecordCheck {
  return reject(
    'unknown_item',
    message('record.unknownItems', { items, bankVersion: bankV1.bankVersion }),
  );
}
