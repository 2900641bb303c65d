// Who may call a route, declared on the route itself (`config.access`) and enforced here before
// the body is even read: the protocol version first, then the device token, then the role.
// A route that declares nothing needs a device token: secure unless said otherwise.
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { authenticate } from '../services/devices.ts';
import type { Identity } from '../services/identity.ts';
import { isCoordinator } from '../services/roles.ts';
import type { ApiContext } from './context.ts';
import type { OperationDoc } from './openapi.ts';

/**
 * public: anyone; sign-in: any enrolled device, a shared device's own token included (it only
 * lets workers sign in on it); device: any enrolled device or worker signed in on one;
 * coordinator: coordinators and administrators; administrator: administrators only.
 */
export type Access = 'public' | 'sign-in' | 'device' | 'coordinator' | 'administrator';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route's entry in the OpenAPI document (routes without one are left out). */
    doc?: OperationDoc;
  }
  interface FastifyRequest {
    /** Set by the guard on every route that needs a device. */
    identity: Identity | null;
  }
}

export const accessOf = (config: { access?: Access } | undefined): Access =>
  config?.access ?? 'device';

export function guard(ctx: ApiContext): onRequestAsyncHookHandler {
  return async (request) => {
    const access = accessOf(request.routeOptions.config);
    // A client of another version is told to update even where no header is required.
    const version = request.headers[PROTOCOL_HEADER];
    if (version === undefined ? access !== 'public' : version !== String(PROTOCOL_VERSION)) {
      throw new ApiError('unsupported_protocol', message('access.outdated'));
    }
    if (access === 'public') return;

    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new ApiError('unauthenticated', message('access.notSignedIn'));
    }
    const result = await authenticate(ctx.db, ctx.lastSeen, token, ctx.now());
    if (result.status === 'unknown') {
      throw new ApiError('unauthenticated', message('access.unrecognised'));
    }
    if (result.status === 'revoked') {
      throw new ApiError('token_revoked', message('access.signedOut'));
    }
    if (result.signInOnly && access !== 'sign-in') {
      throw new ApiError('forbidden', message('access.signInOnly'));
    }
    if (access === 'coordinator' && !isCoordinator(result.identity.person.role)) {
      throw new ApiError('forbidden', message('access.coordinatorsOnly'));
    }
    if (access === 'administrator' && result.identity.person.role !== 'administrator') {
      throw new ApiError('forbidden', message('access.administratorsOnly'));
    }
    request.identity = result.identity;
  };
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/i.exec(header?.trim() ?? '');
  return match?.[1] ?? null;
}

/** The identity the guard established; a route reaching here without one is a wiring bug. */
export function identityOf(request: FastifyRequest): Identity {
  if (!request.identity) {
    throw new Error(`${request.method} ${request.url} runs without a device: check its access.`);
  }
  return request.identity;
}
