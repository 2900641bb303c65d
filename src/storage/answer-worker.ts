/**
 * The dedicated worker that commits answers (see answer-writer.ts): the same store on its own
 * connection to the page's database, opened with the same key, both named in the first message.
 */
import { serveAnswers, type AnswerPort } from './answer-writer.ts';
import { AssessmentStore } from './assessment-store.ts';
import { DoorstepDb } from './db.ts';

// The worker's global scope is a port: messages in, replies out.
serveAnswers(
  self as unknown as AnswerPort,
  ({ name, key }) =>
    new AssessmentStore(new DoorstepDb(name, key ? { key } : {}), () => Date.now()),
);
