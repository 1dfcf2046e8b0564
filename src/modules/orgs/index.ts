/** The orgs module's public surface: other modules import only this file. */
export { getOrg, listAllOrgs, listMyOrgs } from './orgs.service.ts';
export type { OrgDto } from './orgs.schema.ts';
export { isValidCorporateNumber } from './corporate-number.ts';
