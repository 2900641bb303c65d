/**
 * The dedicated worker that commits answers (see answer-writer.ts): the same store on its own
 * connection to the device database.
 */
import { serveAnswers, type AnswerPort } from './answer-writer.ts';
import { AssessmentStore } from './assessment-store.ts';
import { DoorstepDb } from './db.ts';

// The worker's global scope is a port: messages in, replies out.
serveAnswers(
  self as unknown as AnswerPort,
  new AssessmentStore(new DoorstepDb(), () => Date.now()),
);
