import type { FastifyRequest } from 'fastify';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { type CustomerAccess, customersOf, getOrgProfile, requireCustomerAccess } from '../orgs/index.ts';
import { providerStaff } from './onsite.access.ts';
import type { Scope } from './onsite.repo.ts';

/**
 * Someone working on one SME's records: a member of the SME, or staff of a provider serving it.
 * Provider staff see only their own provider's dispatches and claims, never another provider's.
 */
export interface Viewer {
  access: CustomerAccess;
  side: 'sme' | 'provider';
  /** Set for provider staff: the records they may touch must carry this provider. */
  providerOrgId: string | null;
  /**
   * Whether the SME member's role may use this route. Checked only once the record is found,
   * so a foreign id is a 404 to everyone and a 403 says nothing about other organisations.
   */
  roleAllowed: boolean;
}

/** Gate of every per-record route under /orgs/{smeOrgId}: 404 to outsiders, 403 to the wrong role. */
export async function requireViewer(
  req: FastifyRequest,
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  smeRoles: readonly OrgRole[],
): Promise<Viewer> {
  const access = await requireCustomerAccess(req, ctx.db, orgId, { provider: providerStaff });
  if (access.via === 'provider') {
    return { access, side: 'provider', providerOrgId: access.providerOrgId, roleAllowed: true };
  }
  if ((await getOrgProfile(ctx, orgId)).kind !== 'sme') throw new AppError('not_found');
  return { access, side: 'sme', providerOrgId: null, roleAllowed: smeRoles.includes(access.role) };
}

export function assertRole(v: Viewer): void {
  if (!v.roleAllowed) throw new AppError('forbidden');
}

/** Records of another provider answer 404 to this provider's staff, as if they did not exist. */
export function assertSameProvider(v: Viewer, recordProviderOrgId: string): void {
  if (v.side === 'provider' && v.providerOrgId !== recordProviderOrgId) throw new AppError('not_found');
  assertRole(v);
}

export function requireProviderSide(v: Viewer): asserts v is Viewer & { providerOrgId: string } {
  if (v.side !== 'provider' || !v.providerOrgId) throw new AppError('forbidden');
}

/**
 * What a list under /orgs/{orgId} shows: an SME sees its own records; a provider organisation's
 * staff see the records of every SME it serves today; staff of a provider opening an SME see that
 * SME's records with their provider.
 */
export async function listScope(
  req: FastifyRequest,
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  smeRoles: readonly OrgRole[],
): Promise<{ scope: Scope; side: 'sme' | 'provider' }> {
  const access = await requireCustomerAccess(req, ctx.db, orgId, { provider: providerStaff });
  if (access.via === 'provider') {
    return { scope: { orgId, providerOrgId: access.providerOrgId }, side: 'provider' };
  }
  const kind = (await getOrgProfile(ctx, orgId)).kind;
  if (kind === 'provider') {
    if (!providerStaff.includes(access.role)) throw new AppError('forbidden');
    const customers = await customersOf(ctx, orgId);
    return {
      scope: { providerOrgId: orgId, customerOrgIds: customers.map((c) => c.customerOrgId) },
      side: 'provider',
    };
  }
  if (!smeRoles.includes(access.role)) throw new AppError('forbidden');
  return { scope: { orgId }, side: 'sme' };
}
