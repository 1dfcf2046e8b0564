import type { OrgRole } from '../../kernel/auth/auth.ts';

/** The SME's people who may ask for an engineer and sign off the work (not every employee). */
export const smeRequesters: readonly OrgRole[] = ['owner', 'practitioner'];

/** The provider's staff who run dispatches and prepare insurance claims. */
export const providerStaff: readonly OrgRole[] = ['manager', 'analyst'];

/** Who at the SME reads claims (the owner decides on money; the practitioner follows the incident). */
export const smeReaders: readonly OrgRole[] = ['owner', 'practitioner'];
