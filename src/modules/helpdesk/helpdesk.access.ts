import type { OrgRole } from '../../kernel/auth/auth.ts';

/** SME roles that see every consultation of their company; employees see their own. */
export const smeSupervisors: readonly OrgRole[] = ['owner', 'practitioner'];

/** Provider staff who work the desk. */
export const deskStaff: readonly OrgRole[] = ['manager', 'analyst'];

/** Who may forward an advisory to the company's members. */
export const forwarders: readonly OrgRole[] = ['owner'];

/** Who may publish advisories for a provider's customers. */
export const advisoryAuthors: readonly OrgRole[] = ['manager', 'analyst'];
