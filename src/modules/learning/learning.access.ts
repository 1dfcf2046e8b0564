import type { OrgRole } from '../../kernel/auth/auth.ts';

/** Who sees everyone's progress and sends reminders. */
export const supervisors: readonly OrgRole[] = ['owner', 'practitioner', 'manager'];
