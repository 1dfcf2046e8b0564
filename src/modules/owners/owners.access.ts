import type { OrgRole } from '../../kernel/auth/auth.ts';

/**
 * Who keeps the owner's records: the owner and the practitioner they delegate to
 * (a provider's manager, for a provider's own company). Everyone else in the
 * organisation may read the checklist, so staff see who is responsible for what;
 * the contractor list (contract terms, what is entrusted) stays with the editors.
 */
export const editors: readonly OrgRole[] = ['owner', 'practitioner', 'manager'];

/** The responsible member may move their own action along and note what they did. */
export const responsibleMayChange = ['status', 'note'] as const;

export const canEdit = (role: OrgRole) => editors.includes(role);
