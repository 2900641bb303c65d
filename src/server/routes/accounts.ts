// Enrolment, the device's own identity, and the organisation's devices.
import type { FastifyPluginAsync } from 'fastify';
import {
  enrolRequestSchema,
  enrolResponseSchema,
  signInRequestSchema,
  signInResponseSchema,
} from '../../shared/protocol.ts';
import {
  deviceListResponseSchema,
  enrolmentCodeRequestSchema,
  enrolmentCodeResponseSchema,
  meResponseSchema,
  revokeResponseSchema,
  type DeviceListResponse,
  type EnrolmentCodeResponse,
  type MeResponse,
  type RevokeResponse,
} from '../../shared/council-api.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_MS, signIn } from '../services/accounts.ts';
import { listDevices, revokeDevice } from '../services/devices.ts';
import { enrolDevice, issueEnrolmentCode } from '../services/enrolment.ts';
import { identityOf } from './access.ts';
import { parseBody } from './body.ts';
import type { ApiContext } from './context.ts';

export const accountRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.post(
    '/enrol',
    {
      config: {
        access: 'public',
        doc: {
          operationId: 'enrol',
          summary: 'Exchange a one-time enrolment code for a device token',
          description:
            'The token is in this answer only: the server keeps its hash. An unknown, used or ' +
            'expired code is refused with enrolment_code_invalid. With `username` and ' +
            '`passphrase` (both or neither) the code also sets, or resets, the account its ' +
            'person signs in with on shared devices (POST /api/sign-in); a username another ' +
            'person of the organisation has is refused with username_taken (409), and then ' +
            'nothing is written and the code stays unused.',
          body: enrolRequestSchema,
          success: {
            status: 201,
            description: 'The device is enrolled.',
            schema: enrolResponseSchema,
          },
          refusals: [409],
        },
      },
    },
    async (request, reply) => {
      const { code, deviceName, username, passphrase } = parseBody(
        enrolRequestSchema,
        request.body,
      );
      const name = deviceName.trim();
      if (!name) throw new ApiError('invalid_request', message('device.nameMissing'));
      if ((username === undefined) !== (passphrase === undefined)) {
        throw new ApiError('invalid_request', message('enrolment.credentialsIncomplete'));
      }
      const credentials =
        username !== undefined && passphrase !== undefined ? { username, passphrase } : undefined;
      return reply
        .code(201)
        .send(await enrolDevice(ctx.db, { code, deviceName: name, credentials }, ctx.now()));
    },
  );

  api.post(
    '/sign-in',
    {
      config: {
        access: 'sign-in',
        doc: {
          operationId: 'signIn',
          summary: 'Sign a worker in on this enrolled device',
          description:
            "With the device's token (or a session's on it), a person of the same organisation " +
            'signs in with the username and passphrase set at their enrolment. The answer is a ' +
            'session of their own on this device: a new device token, in this answer only, and ' +
            '`vaultSecret`, the same each time this person signs in on this physical device. A ' +
            'wrong passphrase and an unknown username are both refused with sign_in_failed ' +
            `(401). After ${MAX_FAILED_SIGN_INS} wrong passphrases in a row, signing in as that ` +
            `person is refused with sign_in_locked (429) for ${SIGN_IN_LOCK_MS / 60_000} ` +
            'minutes, even with the right one. A revoked device is refused with token_revoked.',
          body: signInRequestSchema,
          success: {
            status: 201,
            description: 'The worker is signed in on this device.',
            schema: signInResponseSchema,
          },
          refusals: [429],
        },
      },
    },
    async (request, reply) => {
      const body = parseBody(signInRequestSchema, request.body);
      return reply.code(201).send(await signIn(ctx.db, identityOf(request), body, ctx.now()));
    },
  );

  api.post(
    '/enrolment-codes',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'createEnrolmentCode',
          summary: 'Create a person and a one-time code to enrol their device',
          description:
            'Coordinators enrol outreach workers and coordinators; administrators anyone. The ' +
            'code is shown once and expires.',
          body: enrolmentCodeRequestSchema,
          success: {
            status: 201,
            description: 'The person and their code.',
            schema: enrolmentCodeResponseSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const body = parseBody(enrolmentCodeRequestSchema, request.body);
      const created: EnrolmentCodeResponse = await issueEnrolmentCode(
        ctx.db,
        identityOf(request),
        body,
        ctx.now(),
        ctx.enrolmentCodeTtlMs,
      );
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/me',
    {
      config: {
        access: 'device',
        doc: {
          operationId: 'getMe',
          summary: 'This device, its person and their organisation',
          success: { status: 200, description: 'Who this device is.', schema: meResponseSchema },
        },
      },
    },
    async (request): Promise<MeResponse> => identityOf(request),
  );

  api.get(
    '/devices',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'listDevices',
          summary: "The organisation's devices, signed out ones included",
          description:
            "Physical devices (enrolledVia null) and the workers' sessions signed in on them " +
            '(enrolledVia: the physical device).',
          success: { status: 200, description: 'Oldest first.', schema: deviceListResponseSchema },
        },
      },
    },
    async (request): Promise<DeviceListResponse> => ({
      devices: await listDevices(ctx.db, ctx.lastSeen, identityOf(request).organisation.id),
    }),
  );

  api.post(
    '/devices/self/revoke',
    {
      config: {
        access: 'sign-in',
        doc: {
          operationId: 'signOut',
          summary: 'Sign this device out: its token stops working at once',
          success: {
            status: 200,
            description: 'The device, revoked.',
            schema: revokeResponseSchema,
          },
        },
      },
    },
    async (request): Promise<RevokeResponse> => {
      const identity = identityOf(request);
      return {
        device: await revokeDevice(ctx.db, ctx.lastSeen, identity, identity.device.id, ctx.now()),
      };
    },
  );

  api.post<{ Params: { id: string } }>(
    '/devices/:id/revoke',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'revokeDevice',
          summary: 'Sign a device of the organisation out',
          description: "Only administrators can sign out an administrator's device.",
          success: {
            status: 200,
            description: 'The device, revoked.',
            schema: revokeResponseSchema,
          },
          refusals: [404],
        },
      },
    },
    async (request): Promise<RevokeResponse> => ({
      device: await revokeDevice(
        ctx.db,
        ctx.lastSeen,
        identityOf(request),
        request.params.id,
        ctx.now(),
      ),
    }),
  );
};
