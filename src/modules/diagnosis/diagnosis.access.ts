import type { OrgRole } from '../../kernel/auth/auth.ts';

/** Who may save diagnoses and manage the improvement plan; every member may read them. */
export const editors: readonly OrgRole[] = ['owner', 'practitioner', 'manager'];

/** Peer figures appear only when this many other organisations share the group (anonymity). */
export const PEER_MINIMUM = 5;
