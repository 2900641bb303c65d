// The OpenAPI 3.1 document of the API, built from the routes as registered (each declares its
// `config.doc`) and from the protocol's zod schemas: nothing here restates a schema by hand.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  enrolRequestSchema,
  enrolResponseSchema,
  errorBodySchema,
  pushRequestSchema,
  pushResponseSchema,
  pushResultSchema,
  receiptSchema,
  signInRequestSchema,
  signInResponseSchema,
  wireAssessmentSchema,
} from '../../shared/protocol.ts';
import {
  assessmentListResponseSchema,
  assessmentSummarySchema,
  deviceListResponseSchema,
  deviceSummarySchema,
  enrolmentCodeRequestSchema,
  enrolmentCodeResponseSchema,
  healthResponseSchema,
  meResponseSchema,
  personSchema,
  revokeResponseSchema,
  sectionScoreSchema,
} from '../../shared/council-api.ts';
import { accessOf, type Access } from './access.ts';

export interface OperationDoc {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly body?: z.ZodMiniType;
  /** The query string's schema: an object of optional strings. */
  readonly query?: z.ZodMiniType;
  readonly success: {
    readonly status: number;
    readonly description: string;
    /** A JSON answer's schema; leave out for other media types. */
    readonly schema?: z.ZodMiniType;
    readonly mediaType?: string;
  };
  /** Refusals particular to this route, beyond those of its access level and body. */
  readonly refusals?: readonly number[];
}

interface Operation {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  readonly doc: OperationDoc;
}

type JsonObject = Record<string, unknown>;

// Named schemas become components and are referenced by name wherever they appear. Requests
// are described as a client must send them, responses as the server sends them.
const REQUEST_COMPONENTS = {
  EnrolRequest: enrolRequestSchema,
  EnrolmentCodeRequest: enrolmentCodeRequestSchema,
  SignInRequest: signInRequestSchema,
  PushRequest: pushRequestSchema,
  Assessment: wireAssessmentSchema,
};
const RESPONSE_COMPONENTS = {
  ErrorBody: errorBodySchema,
  Health: healthResponseSchema,
  EnrolResponse: enrolResponseSchema,
  SignInResponse: signInResponseSchema,
  MeResponse: meResponseSchema,
  Person: personSchema,
  EnrolmentCodeResponse: enrolmentCodeResponseSchema,
  DeviceSummary: deviceSummarySchema,
  DeviceList: deviceListResponseSchema,
  RevokeResponse: revokeResponseSchema,
  Receipt: receiptSchema,
  PushResult: pushResultSchema,
  PushResponse: pushResponseSchema,
  SectionScore: sectionScoreSchema,
  AssessmentSummary: assessmentSummarySchema,
  AssessmentList: assessmentListResponseSchema,
};

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  Assessment:
    'One assessment as a device keeps it: the `assessment` of each push record. The server ' +
    'checks each record against this on its own and answers per record.',
};

const REFUSALS: Readonly<Record<number, string>> = {
  400: 'The body is not JSON (invalid_json) or not a valid request (invalid_request).',
  422: 'The request is understood but cannot be done; the code says why.',
  401: 'No valid device token (unauthenticated), or the device was signed out (token_revoked).',
  403: "The device's person may not do this (forbidden).",
  404: 'There is no such thing in this organisation (not_found).',
  409: 'It clashes with what the organisation already has; the code says what.',
  413: 'The body is larger than the server accepts (body_too_large).',
  426: 'The client speaks another protocol version (unsupported_protocol).',
  429: 'Too many attempts: try again later; the code says why.',
  500: 'The server failed (internal_error); try again later.',
};

/**
 * Records the routes registered from now on in this instance and its children. A route without
 * `config.doc` stops the server from starting: the document never misses one.
 */
export function collectOperations(app: FastifyInstance): readonly Operation[] {
  const operations: Operation[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD route beside every GET; it needs no entry of its own.
      if (method === 'HEAD') continue;
      const doc = route.config?.doc;
      if (!doc) throw new Error(`${method} ${route.url} has no config.doc: document every route.`);
      operations.push({
        method: method.toLowerCase(),
        url: route.url,
        access: accessOf(route.config),
        doc,
      });
    }
  });
  return operations;
}

export function buildOpenApi(operations: readonly Operation[]): JsonObject {
  const names = new Map<z.ZodMiniType, string>(
    [...Object.entries(REQUEST_COMPONENTS), ...Object.entries(RESPONSE_COMPONENTS)].map(
      ([name, schema]) => [schema, name],
    ),
  );
  const schemaRef = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject => {
    const name = names.get(schema);
    return name
      ? { $ref: `#/components/schemas/${name}` }
      : withoutMeta(z.toJSONSchema(schema, { io }));
  };
  const json = (schema: z.ZodMiniType, io: 'input' | 'output') => ({
    'application/json': { schema: schemaRef(schema, io) },
  });

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const { method, url, access, doc } of operations) {
    const path = url.replace(/:(\w+)/g, '{$1}');
    const pathParameters = [...url.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const refusals = new Set([
      ...refusalsFor(access, doc.body !== undefined),
      ...(doc.refusals ?? []),
    ]);
    const mediaType = doc.success.mediaType ?? 'application/json';
    const responses: Record<string, JsonObject> = {
      [doc.success.status]: {
        description: doc.success.description,
        content: doc.success.schema
          ? json(doc.success.schema, 'output')
          : {
              [mediaType]: {
                schema: { type: mediaType === 'application/json' ? 'object' : 'string' },
              },
            },
      },
    };
    for (const status of [...refusals].sort((a, b) => a - b)) {
      responses[status] = {
        description: REFUSALS[status] ?? 'Refused.',
        content: json(errorBodySchema, 'output'),
      };
    }
    paths[path] ??= {};
    paths[path][method] = {
      operationId: doc.operationId,
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      security: access === 'public' ? [] : [{ deviceToken: [] }],
      parameters: [
        ...pathParameters,
        ...(doc.query ? queryParameters(doc.query) : []),
        {
          $ref:
            access === 'public'
              ? '#/components/parameters/protocolOptional'
              : '#/components/parameters/protocol',
        },
      ],
      ...(doc.body ? { requestBody: { required: true, content: json(doc.body, 'input') } } : {}),
      responses,
    };
  }

  const protocolParameter = (required: boolean) => ({
    name: PROTOCOL_HEADER,
    in: 'header',
    required,
    description: required
      ? 'The protocol version the client speaks; another version is answered with 426.'
      : 'Optional here, but another version than this one is answered with 426.',
    schema: { type: 'string', enum: [String(PROTOCOL_VERSION)] },
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'Doorstep sync API',
      version: String(PROTOCOL_VERSION),
      description:
        'How Doorstep devices enrol and send finished assessments to their council, and how ' +
        'coordinators see what was received. Every refusal is `{ error: { code, message } }`. ' +
        'Messages are in English, or in Welsh when Accept-Language prefers `cy` ' +
        '(Content-Language says which); reason codes are the same in both.',
    },
    paths,
    components: {
      schemas: {
        ...componentSchemas(REQUEST_COMPONENTS, 'input'),
        ...componentSchemas(RESPONSE_COMPONENTS, 'output'),
      },
      parameters: { protocol: protocolParameter(true), protocolOptional: protocolParameter(false) },
      securitySchemes: {
        deviceToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token a device receives once, when it enrols (POST /api/enrol).',
        },
      },
    },
  };
}

function queryParameters(schema: z.ZodMiniType): JsonObject[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function refusalsFor(access: Access, hasBody: boolean): number[] {
  return [
    ...(hasBody ? [400, 413] : []),
    ...(access === 'public' ? [] : [401, 426]),
    ...(access === 'coordinator' || access === 'administrator' ? [403] : []),
    500,
  ];
}

function componentSchemas(
  named: Readonly<Record<string, z.ZodMiniType>>,
  io: 'input' | 'output',
): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const description = DESCRIPTIONS[id];
      return [id, { ...withoutMeta(schema), ...(description ? { description } : {}) }];
    }),
  );
}

// A component is located by the document, not by its own $id; 3.1's default dialect applies.
function withoutMeta(schema: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'),
  );
}
