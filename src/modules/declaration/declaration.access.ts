import type { OrgRole } from '../../kernel/auth/auth.ts';

/** A declaration is the company's promise: only those who run the company make or withdraw it. */
export const declarers: readonly OrgRole[] = ['owner', 'manager'];
/** Keeping the supplier list is purchasing work. */
export const buyers: readonly OrgRole[] = ['owner', 'practitioner', 'manager'];
