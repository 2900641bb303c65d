/**
 * Where answers are committed. In a browser that has workers, in a dedicated worker
 * (answer-worker.ts): Chromium holds back IndexedDB's events on the page until it has drawn the
 * frame that follows a tap, which put most of a frame (about 12 ms) between every tap and its
 * commit. A worker draws no frames, so there the commit follows the tap by 2 or 3 ms. The page
 * hears back a frame later, but the answer is already on disk.
 *
 * The worker runs the same AssessmentStore.saveAnswer on its own connection to the same database,
 * opened with the same key, both sent in the first message; the revision guard in saveAnswer
 * keeps its writes and the page's from undoing each other.
 */
import * as z from 'zod/mini';
import {
  FACETS,
  answerSchema,
  type Answer,
  type Assessment,
  type QuestionRef,
} from '../domain/index.ts';
import { StoreError, asStoreError, type AssessmentStore } from './assessment-store.ts';
import { DEFAULT_DB_NAME } from './db.ts';

export interface SavedAnswer {
  readonly assessment: Assessment;
  /** When the commit was durable, on this page's performance timeline (like event.timeStamp). */
  readonly committedAt: number;
}

export interface AnswerWriter {
  /** Get ready before the first answer (start the worker), so that it is not slowed by it. */
  prepare(): void;
  /** Resolves once the answer is durable, rejects with the reason it is not. */
  save(id: string, question: QuestionRef, answer: Answer): Promise<SavedAnswer>;
  /** Resolves once every answer given so far is committed or has failed. */
  settled(): Promise<void>;
}

/** Commits on this thread: where there are no workers, and in tests. */
export function inThreadAnswerWriter(
  store: AssessmentStore,
  clock: () => number = () => performance.now(),
): AnswerWriter {
  const inFlight = tracker();
  return {
    prepare: () => {},
    save: (id, question, answer) =>
      inFlight.add(
        store.saveAnswer(id, question, answer).then((assessment) => ({
          assessment,
          committedAt: clock(),
        })),
      ),
    settled: inFlight.settled,
  };
}

// ---------------------------------------------------------------------------------------------
// Page and worker talk over postMessage: a request per answer, a reply per request.

/** The part of a Worker, a worker's global scope or a MessagePort that is used here. */
export interface AnswerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const requestSchema = z.object({
  seq: z.number(),
  id: z.string(),
  question: z.object({ facet: z.enum(FACETS), itemId: z.string() }),
  answer: answerSchema,
});
type AnswerRequest = z.infer<typeof requestSchema>;

/** The database the worker opens: the page's own, with its data key (null: not sealed). */
export interface AnswerDatabase {
  readonly name: string;
  readonly key: Uint8Array | null;
}

/** The first message to the worker. The key's bytes are copied by postMessage. */
interface OpenMessage {
  readonly open: AnswerDatabase;
}

function openedDatabase(data: unknown): AnswerDatabase | null {
  if (typeof data !== 'object' || data === null || !('open' in data)) return null;
  const { name, key } = (data as { open: Partial<AnswerDatabase> }).open;
  if (typeof name !== 'string') return null;
  // Checked as a view, not with instanceof: the bytes may come from another realm.
  if (key === null || (ArrayBuffer.isView(key) && key.BYTES_PER_ELEMENT === 1)) {
    return { name, key: key && new Uint8Array(key.buffer, key.byteOffset, key.byteLength) };
  }
  return null;
}

type AnswerReply =
  | {
      readonly seq: number;
      readonly ok: true;
      readonly assessment: Assessment;
      /** performance.timeOrigin + performance.now() in the worker: the same clock as the page's. */
      readonly committedAtAbsolute: number;
    }
  | {
      readonly seq: number;
      readonly ok: false;
      readonly code: StoreError['code'] | null;
      readonly message: string;
    };

/**
 * The worker's side: commits each request with the store and replies. Given `open` instead of a
 * store, it opens one with the database named in the first message (channelAnswerWriter's).
 */
export function serveAnswers(
  port: AnswerPort,
  storeOrOpen: AssessmentStore | ((database: AnswerDatabase) => AssessmentStore),
  absoluteNow: () => number = () => performance.timeOrigin + performance.now(),
): void {
  let store = typeof storeOrOpen === 'function' ? null : storeOrOpen;
  port.addEventListener('message', (event) => {
    const database = openedDatabase(event.data);
    if (database) {
      if (!store && typeof storeOrOpen === 'function') store = storeOrOpen(database);
      return;
    }
    const parsed = requestSchema.safeParse(event.data);
    if (!parsed.success) return;
    const { seq, id, question, answer } = parsed.data;
    if (!store) {
      reply({ seq, ok: false, code: null, message: 'No database was opened for answers' });
      return;
    }
    store.saveAnswer(id, question, answer).then(
      (assessment) => reply({ seq, ok: true, assessment, committedAtAbsolute: absoluteNow() }),
      (raw: unknown) => {
        // Worded on the page by its code: a full disk, or a newer version in another tab.
        const error = asStoreError(raw);
        reply({
          seq,
          ok: false,
          code: error instanceof StoreError ? error.code : null,
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  });
  const reply = (message: AnswerReply) => port.postMessage(message);
  startPort(port);
}

/** A worker, or anything that fails like one: an `error` event means it will never answer. */
export interface AnswerChannel extends AnswerPort {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

export interface ChannelOptions {
  /** The database the worker opens: the page's. By default the unsealed default database. */
  readonly database?: AnswerDatabase;
  /** The page's performance.timeOrigin (the worker's commit times are absolute). */
  readonly timeOrigin?: number;
}

/**
 * The page's side. `connect` is called once, on the first prepare() or save(), and is sent the
 * database to open first. If the channel fails (the worker script cannot load, say), the answers
 * waiting for it and every later one are committed by `fallback` instead: an answer is never
 * left without a commit or an error.
 */
export function channelAnswerWriter(
  connect: () => AnswerChannel,
  fallback: AnswerWriter,
  {
    database = { name: DEFAULT_DB_NAME, key: null },
    timeOrigin = performance.timeOrigin,
  }: ChannelOptions = {},
): AnswerWriter {
  interface Waiting {
    readonly request: AnswerRequest;
    readonly resolve: (saved: SavedAnswer) => void;
    readonly reject: (error: Error) => void;
  }
  const waiting = new Map<number, Waiting>();
  const inFlight = tracker();
  let channel: AnswerChannel | null = null;
  let failed = false;
  let seq = 0;

  const viaFallback = (w: Waiting) => {
    const { id, question, answer } = w.request;
    fallback.save(id, question, answer).then(w.resolve, w.reject);
  };

  const open = (): AnswerChannel | null => {
    if (failed) return null;
    if (channel) return channel;
    try {
      channel = connect();
    } catch {
      failed = true;
      return null;
    }
    channel.addEventListener('message', (event) => {
      const reply = event.data as AnswerReply;
      const w = waiting.get(reply.seq);
      if (!w) return;
      waiting.delete(reply.seq);
      if (reply.ok) {
        w.resolve({
          assessment: reply.assessment,
          committedAt: reply.committedAtAbsolute - timeOrigin,
        });
      } else {
        w.reject(reply.code ? new StoreError(reply.code, reply.message) : new Error(reply.message));
      }
    });
    channel.addEventListener('error', () => {
      failed = true;
      const stranded = [...waiting.values()];
      waiting.clear();
      stranded.forEach(viaFallback);
    });
    startPort(channel);
    channel.postMessage({ open: database } satisfies OpenMessage);
    return channel;
  };

  return {
    prepare: () => void open(),
    save(id, question, answer) {
      const request: AnswerRequest = { seq: ++seq, id, question, answer };
      const saved = new Promise<SavedAnswer>((resolve, reject) => {
        const w = { request, resolve, reject };
        const port = open();
        if (port) {
          waiting.set(request.seq, w);
          port.postMessage(request);
        } else {
          viaFallback(w);
        }
      });
      return inFlight.add(saved);
    },
    settled: () => Promise.all([inFlight.settled(), fallback.settled()]).then(() => {}),
  };
}

/** A MessagePort delivers nothing to addEventListener until started; others have no start(). */
function startPort(port: AnswerPort): void {
  (port as { start?: () => void }).start?.();
}

function tracker() {
  const pending = new Set<Promise<unknown>>();
  return {
    add<T>(promise: Promise<T>): Promise<T> {
      pending.add(promise);
      const done = () => pending.delete(promise);
      promise.then(done, done);
      return promise;
    },
    settled: async (): Promise<void> => {
      await Promise.allSettled([...pending]);
    },
  };
}
