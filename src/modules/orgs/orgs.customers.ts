import { randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { member, organization } from '../../kernel/auth/auth.tables.ts';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import { findMembership } from '../../kernel/auth/tenancy.ts';
import type { AppDb } from '../../kernel/db/client.ts';
import { containsPattern } from '../../kernel/db/like.ts';
import type { Actor } from '../../kernel/http/context.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { requireActor } from '../../kernel/http/request-context.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import * as repo from './orgs.repo.ts';
import { orgProfile, serviceLink } from './orgs.tables.ts';

export interface ServiceLinkDto {
  providerOrgId: string;
  providerName: string;
  customerOrgId: string;
  customerName: string;
  since: Date;
}

function linkRows(db: AppDb) {
  const provider = db
    .select({ id: organization.id, name: organization.name })
    .from(organization)
    .as('provider');
  const customer = db
    .select({ id: organization.id, name: organization.name })
    .from(organization)
    .as('customer');
  return db
    .select({
      providerOrgId: serviceLink.providerOrgId,
      providerName: provider.name,
      customerOrgId: serviceLink.customerOrgId,
      customerName: customer.name,
      since: serviceLink.createdAt,
    })
    .from(serviceLink)
    .innerJoin(provider, eq(provider.id, serviceLink.providerOrgId))
    .innerJoin(customer, eq(customer.id, serviceLink.customerOrgId));
}

/** The SMEs a provider currently serves, by name. */
export function customersOf(
  ctx: Pick<ModuleContext, 'db'>,
  providerOrgId: string,
): Promise<ServiceLinkDto[]> {
  return linkRows(ctx.db)
    .where(and(eq(serviceLink.providerOrgId, providerOrgId), isNull(serviceLink.endedAt)))
    .orderBy(asc(serviceLink.createdAt));
}

/** The providers currently serving an SME. */
export function providersOf(
  ctx: Pick<ModuleContext, 'db'>,
  customerOrgId: string,
): Promise<ServiceLinkDto[]> {
  return linkRows(ctx.db)
    .where(and(eq(serviceLink.customerOrgId, customerOrgId), isNull(serviceLink.endedAt)))
    .orderBy(asc(serviceLink.createdAt));
}

export async function providerServes(
  ctx: Pick<ModuleContext, 'db'>,
  providerOrgId: string,
  customerOrgId: string,
): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: serviceLink.id })
    .from(serviceLink)
    .where(
      and(
        eq(serviceLink.providerOrgId, providerOrgId),
        eq(serviceLink.customerOrgId, customerOrgId),
        isNull(serviceLink.endedAt),
      ),
    );
  return Boolean(row);
}

/** Provider organisations an SME owner may pick from (name search, first 20). */
export function searchProviders(ctx: Pick<ModuleContext, 'db'>, q: string | undefined) {
  const where = [eq(orgProfile.kind, 'provider')];
  if (q) where.push(ilike(organization.name, containsPattern(q)));
  return ctx.db
    .select({ id: organization.id, name: organization.name, prefecture: orgProfile.prefecture })
    .from(organization)
    .innerJoin(orgProfile, eq(orgProfile.orgId, organization.id))
    .where(and(...where))
    .orderBy(asc(organization.name))
    .limit(20);
}

/** The SME's owner entrusts its monitoring and desk to a provider; the provider's managers are told. */
export async function grantProvider(
  ctx: ModuleContext,
  actor: Actor,
  customerOrgId: string,
  providerOrgId: string,
): Promise<void> {
  if ((await repo.findOrgKind(ctx.db, customerOrgId)) !== 'sme') {
    throw ruleError('orgs', 'only_sme_grants', 'validation_failed');
  }
  if ((await repo.findOrgKind(ctx.db, providerOrgId)) !== 'provider') {
    throw ruleError('orgs', 'not_a_provider', 'not_found');
  }
  if (await providerServes(ctx, providerOrgId, customerOrgId)) return;
  await ctx.db
    .insert(serviceLink)
    .values({ id: randomUUID(), providerOrgId, customerOrgId, grantedBy: actor.userId })
    .onConflictDoNothing();
  const customer = await repo.findProfile(ctx.db, customerOrgId);
  for (const m of await repo.listMembers(ctx.db, providerOrgId)) {
    if (m.role !== 'manager') continue;
    const lang = m.locale === 'en' ? 'en' : 'ja';
    await ctx.mailer.send(
      renderActionMail(
        lang,
        'mail.customer_granted',
        { email: m.email, name: m.name },
        `${ctx.config.publicUrl}/orgs/${providerOrgId}/customers`,
        { customer: customer?.name ?? customerOrgId },
      ),
    );
  }
}

/** Either side ends the link; the provider loses access at once. */
export async function endServiceLink(
  ctx: Pick<ModuleContext, 'db'>,
  providerOrgId: string,
  customerOrgId: string,
): Promise<void> {
  const ended = await ctx.db
    .update(serviceLink)
    .set({ endedAt: new Date() })
    .where(
      and(
        eq(serviceLink.providerOrgId, providerOrgId),
        eq(serviceLink.customerOrgId, customerOrgId),
        isNull(serviceLink.endedAt),
      ),
    )
    .returning({ id: serviceLink.id });
  if (ended.length === 0) throw new AppError('not_found');
}

export interface CustomerAccess {
  actor: Actor;
  orgId: string;
  role: OrgRole;
  /** `member` of the SME itself, or staff of a `provider` serving it. */
  via: 'member' | 'provider';
  providerOrgId: string | null;
}

/**
 * The gate of SME data that its provider may also work on (monitoring, desk):
 * the SME's members pass with their role, staff of a provider serving it with theirs;
 * anyone else gets 404. A role outside the allowed lists gets 403.
 */
export async function requireCustomerAccess(
  req: FastifyRequest,
  db: AppDb,
  orgId: string,
  allowed: { sme?: readonly OrgRole[]; provider?: readonly OrgRole[] } = {},
): Promise<CustomerAccess> {
  const actor = await requireActor(req);
  const own = await findMembership(db, orgId, actor.userId);
  if (own) {
    if (allowed.sme && !allowed.sme.includes(own.role)) throw new AppError('forbidden');
    return { actor, orgId, role: own.role, via: 'member', providerOrgId: null };
  }
  const [viaProvider] = await db
    .select({ providerOrgId: serviceLink.providerOrgId, role: member.role })
    .from(serviceLink)
    .innerJoin(member, eq(member.organizationId, serviceLink.providerOrgId))
    .where(
      and(eq(serviceLink.customerOrgId, orgId), isNull(serviceLink.endedAt), eq(member.userId, actor.userId)),
    )
    .limit(1);
  if (!viaProvider) throw new AppError('not_found');
  const role = viaProvider.role as OrgRole;
  if (allowed.provider && !allowed.provider.includes(role)) throw new AppError('forbidden');
  return { actor, orgId, role, via: 'provider', providerOrgId: viaProvider.providerOrgId };
}
