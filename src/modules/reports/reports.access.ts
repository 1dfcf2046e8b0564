import type { OrgRole } from '../../kernel/auth/auth.ts';

/**
 * Every member of the SME and every staff member of the provider serving it may read its reports;
 * these may also make one on demand (the month so far).
 */
export const generators = {
  sme: ['owner', 'manager', 'practitioner'] as readonly OrgRole[],
  provider: ['owner', 'manager', 'analyst'] as readonly OrgRole[],
};
