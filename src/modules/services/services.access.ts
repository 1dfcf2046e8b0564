import type { OrgRole } from '../../kernel/auth/auth.ts';

/** A provider's managers apply for and maintain its services; analysts may read. */
export const applicants: readonly OrgRole[] = ['manager', 'owner'];
