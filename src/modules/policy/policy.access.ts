import type { OrgRole } from '../../kernel/auth/auth.ts';

/** Practitioners fill the templates; only the owner approves and publishes. */
export const writers: readonly OrgRole[] = ['owner', 'practitioner', 'manager'];
export const approvers: readonly OrgRole[] = ['owner', 'manager'];
