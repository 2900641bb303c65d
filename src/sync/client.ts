/**
 * The HTTP client for the council's server. Every response is parsed with the protocol's
 * schemas; every failure becomes an ApiError with a reason code a person can act on.
 */
import type * as z from 'zod/mini';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  enrolResponseSchema,
  errorBodySchema,
  messageLanguageOf,
  pushResponseSchema,
  signInResponseSchema,
  type EnrolRequest,
  type EnrolResponse,
  type MessageLanguage,
  type PushRecord,
  type PushResponse,
  type ReasonCode,
  type SignInRequest,
  type SignInResponse,
} from '../shared/protocol.ts';

export type FailureCode = ReasonCode | 'network' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** 0 when the request never got an answer. */
    readonly status: number,
    /** The language `message` is in. */
    readonly language: MessageLanguage = 'en',
    /** One line per problem, where the server found several (a file import, for example). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later without anyone changing anything. */
  get transient(): boolean {
    return this.code === 'network' || this.status >= 500 || this.status === 429;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface SyncClient {
  /** With a username and passphrase, enrolling also sets the person's account. */
  enrol(request: EnrolRequest): Promise<EnrolResponse>;
  /** A worker signs in on the device whose token this is: their own session, and vault secret. */
  signIn(deviceToken: string, request: SignInRequest): Promise<SignInResponse>;
  /** The server's answer, with the language its rejection messages are in. */
  push(
    token: string,
    records: readonly PushRecord[],
  ): Promise<PushResponse & { readonly language: MessageLanguage }>;
  revokeSelf(token: string): Promise<void>;
  get<T>(token: string, path: string, schema: z.ZodMiniType<T>): Promise<T>;
  post<T>(token: string, path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T>;
  put<T>(token: string, path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T>;
  delete(token: string, path: string): Promise<void>;
  download(token: string, path: string): Promise<Blob>;
}

/**
 * `language` names the language the person is reading (a tag such as "cy"): the server words
 * its refusals in it.
 */
export function createSyncClient(
  fetchFn: Fetch,
  baseUrl = '',
  language: () => string = () => 'en',
): SyncClient {
  async function call(
    path: string,
    init: RequestInit,
    token?: string,
    encoding?: 'gzip',
  ): Promise<Response> {
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      'accept-language': language(),
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (encoding) headers['content-encoding'] = encoding;
    if (token) headers['authorization'] = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetchFn(`${baseUrl}${path}`, { ...init, headers, cache: 'no-store' });
    } catch {
      throw new ApiError('network', 'The server could not be reached.', 0);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function json<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new ApiError(
        'bad_response',
        'The server sent an answer this app does not understand.',
        response.status,
      );
    }
    return parsed.data;
  }

  return {
    async enrol({ code, deviceName, username, passphrase }) {
      // Only the protocol's fields, which the server checks strictly; JSON leaves out those unset.
      const body = { code, deviceName, username, passphrase };
      return json(
        await call('/api/enrol', { method: 'POST', body: JSON.stringify(body) }),
        enrolResponseSchema,
      );
    },
    async signIn(deviceToken, { username, passphrase }) {
      return json(
        await call(
          '/api/sign-in',
          { method: 'POST', body: JSON.stringify({ username, passphrase }) },
          deviceToken,
        ),
        signInResponseSchema,
      );
    },
    async push(token, records) {
      // Links are slow where Doorstep is used: a push is compressed (about 4 times smaller).
      const text = JSON.stringify({ records });
      const gzipped = await gzip(text);
      const response = gzipped
        ? await call('/api/push', { method: 'POST', body: gzipped }, token, 'gzip')
        : await call('/api/push', { method: 'POST', body: text }, token);
      const answer = await json(response, pushResponseSchema);
      return { ...answer, language: messageLanguageOf(response.headers.get('content-language')) };
    },
    async revokeSelf(token) {
      await call('/api/devices/self/revoke', { method: 'POST', body: '{}' }, token);
    },
    async get(token, path, schema) {
      return json(await call(path, { method: 'GET' }, token), schema);
    },
    async post(token, path, body, schema) {
      return json(await call(path, { method: 'POST', body: JSON.stringify(body) }, token), schema);
    },
    async put(token, path, body, schema) {
      return json(await call(path, { method: 'PUT', body: JSON.stringify(body) }, token), schema);
    },
    async delete(token, path) {
      await call(path, { method: 'DELETE' }, token);
    },
    async download(token, path) {
      return (await call(path, { method: 'GET' }, token)).blob();
    },
  };
}

/** gzip through the platform's CompressionStream; null where there is none. */
export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (typeof CompressionStream !== 'function') return null;
  const plain = new Response(text).body;
  if (!plain) return null;
  const compressed = plain.pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (body.success) {
    const { code, message, problems } = body.data.error;
    const language = messageLanguageOf(response.headers.get('content-language'));
    return new ApiError(code, message, response.status, language, problems);
  }
  // A proxy or captive portal answered instead of Doorstep's server.
  return new ApiError(
    response.status >= 500 ? 'network' : 'bad_response',
    `The server answered ${response.status} ${response.statusText}.`,
    response.status,
  );
}
