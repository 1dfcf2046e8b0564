import type { OrgRole } from '../../kernel/auth/auth.ts';
import { ruleError } from '../../kernel/http/errors.ts';
import { providerRoles, smeRoles } from './orgs.schema.ts';

type Kind = 'sme' | 'provider';

/** Who may manage the organisation (profile, members, invitations). */
export const managers: readonly OrgRole[] = ['owner', 'manager'];

export function rolesFor(kind: Kind): readonly OrgRole[] {
  return kind === 'sme' ? smeRoles : providerRoles;
}

export function topRole(kind: Kind): OrgRole {
  return kind === 'sme' ? 'owner' : 'manager';
}

/** An SME has owners, practitioners and employees; a provider has managers and analysts. */
export function assertRoleFits(kind: Kind, role: OrgRole): void {
  if (!rolesFor(kind).includes(role)) throw ruleError('orgs', 'role_not_allowed', 'validation_failed');
}
