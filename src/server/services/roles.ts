// Who may do what. Coordinators run outreach teams; administrators also manage coordinators.
import type { Role } from '../../shared/protocol.ts';

const RANK: Readonly<Record<Role, number>> = {
  'outreach-worker': 0,
  coordinator: 1,
  administrator: 2,
};

/** Can see the organisation's devices and assessments, and enrol people. */
export function isCoordinator(role: Role): boolean {
  return RANK[role] >= RANK.coordinator;
}

/**
 * Can enrol a person with this role, or revoke their devices. Coordinators manage outreach
 * workers and other coordinators; only administrators manage administrators.
 */
export function canManage(actor: Role, target: Role): boolean {
  if (!isCoordinator(actor)) return false;
  return actor === 'administrator' || target !== 'administrator';
}
