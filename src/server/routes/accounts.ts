// Enrolment, the device's own identity, and the organisation's devices.
import type { FastifyPluginAsync } from 'fastify';
import { enrolRequestSchema, enrolResponseSchema } from '../../shared/protocol.ts';
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
            'expired code is refused with enrolment_code_invalid.',
          body: enrolRequestSchema,
          success: {
            status: 201,
            description: 'The device is enrolled.',
            schema: enrolResponseSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { code, deviceName } = parseBody(enrolRequestSchema, request.body);
      const name = deviceName.trim();
      if (!name) throw new ApiError('invalid_request', message('device.nameMissing'));
      return reply.code(201).send(await enrolDevice(ctx.db, { code, deviceName: name }, ctx.now()));
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
        access: 'device',
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
