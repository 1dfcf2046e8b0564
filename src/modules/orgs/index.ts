/** The orgs module's public surface: other modules import only this file. */

export { isValidCorporateNumber } from './corporate-number.ts';
export {
  type CustomerAccess,
  customersOf,
  providerServes,
  providersOf,
  requireCustomerAccess,
  type ServiceLinkDto,
} from './orgs.customers.ts';
export type { OrgDto } from './orgs.schema.ts';
export {
  findOrgIdByCorporateNumber,
  getOrg,
  getOrgProfile,
  listAllOrgs,
  listMyOrgs,
  listOrgMembers,
  orgManagers,
} from './orgs.service.ts';
