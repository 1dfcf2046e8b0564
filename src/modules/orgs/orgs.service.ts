import { randomBytes } from 'node:crypto';
import { APIError } from 'better-auth/api';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import type { Actor } from '../../kernel/http/context.ts';
import { AppError, type ErrorKind, ruleError } from '../../kernel/http/errors.ts';
import { normalizeLang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { assertRoleFits, managers, topRole } from './orgs.access.ts';
import * as repo from './orgs.repo.ts';
import type { CreateOrgInput, OrgDto, UpdateOrgInput } from './orgs.schema.ts';

type OrgRow = NonNullable<Awaited<ReturnType<typeof repo.findOrgForMember>>>;

export function presentOrg(row: OrgRow): OrgDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    corporateNumber: row.corporateNumber,
    prefecture: row.prefecture,
    industry: row.industry,
    employees: row.employees,
    website: row.website,
    createdAt: row.createdAt.toISOString(),
    role: row.role as OrgRole,
  };
}

/** better-auth's APIError → our catalog, so its failures read like ours. */
async function viaAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof APIError) {
      const code = String((err.body as { code?: string } | undefined)?.code ?? 'UNKNOWN');
      const kind: ErrorKind =
        err.statusCode === 401
          ? 'unauthenticated'
          : err.statusCode === 403
            ? 'forbidden'
            : 'validation_failed';
      throw new AppError(code.toLowerCase(), { kind, messageKey: `auth.errors.${code}` });
    }
    throw err;
  }
}

export async function createOrg(ctx: ModuleContext, actor: Actor, headers: Headers, input: CreateOrgInput) {
  const org = await viaAuth(() =>
    ctx.auth.api.createOrganization({
      headers,
      body: {
        name: input.name,
        slug: `org-${randomBytes(6).toString('hex')}`,
        keepCurrentActiveOrganization: false,
      },
    }),
  );
  if (!org) throw new AppError('internal');
  try {
    await repo.insertProfile(ctx.db, org.id, input);
    const creator = await repo.findOrgForMember(ctx.db, org.id, actor.userId);
    const role = topRole(input.kind);
    if (creator && creator.role !== role) {
      const [m] = (await repo.listMembers(ctx.db, org.id)).filter((x) => x.userId === actor.userId);
      if (m) await repo.setMemberRole(ctx.db, org.id, m.id, role);
    }
  } catch (err) {
    // Nothing half-made stays behind: the tenant row goes with its profile.
    await ctx.auth.api
      .deleteOrganization({ headers, body: { organizationId: org.id } })
      .catch(() => undefined);
    throw err;
  }
  return getOrg(ctx, org.id, actor.userId);
}

export async function getOrg(ctx: ModuleContext, orgId: string, userId: string): Promise<OrgDto> {
  const row = await repo.findOrgForMember(ctx.db, orgId, userId);
  if (!row) throw new AppError('not_found');
  return presentOrg(row);
}

export async function listMyOrgs(ctx: ModuleContext, userId: string): Promise<OrgDto[]> {
  return (await repo.listOrgsOfUser(ctx.db, userId)).map(presentOrg);
}

export async function updateOrg(ctx: ModuleContext, orgId: string, userId: string, patch: UpdateOrgInput) {
  await repo.updateOrg(ctx.db, orgId, patch);
  return getOrg(ctx, orgId, userId);
}

export async function activateOrg(ctx: ModuleContext, headers: Headers, orgId: string) {
  await viaAuth(() => ctx.auth.api.setActiveOrganization({ headers, body: { organizationId: orgId } }));
  return { activeOrgId: orgId };
}

export async function listMembership(ctx: ModuleContext, orgId: string) {
  const [members, invitations] = await Promise.all([
    repo.listMembers(ctx.db, orgId),
    repo.listPendingInvitations(ctx.db, orgId),
  ]);
  return {
    members: members.map(({ locale: _locale, ...m }) => ({
      ...m,
      role: m.role as OrgRole,
      joinedAt: m.joinedAt.toISOString(),
    })),
    invitations: invitations.map((i) => ({
      ...i,
      role: i.role ?? '',
      expiresAt: i.expiresAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
    })),
  };
}

async function kindOf(ctx: ModuleContext, orgId: string) {
  const kind = await repo.findOrgKind(ctx.db, orgId);
  if (!kind) throw new AppError('not_found');
  return kind;
}

export async function invite(
  ctx: ModuleContext,
  headers: Headers,
  orgId: string,
  email: string,
  role: OrgRole,
) {
  assertRoleFits(await kindOf(ctx, orgId), role);
  if (await repo.findMemberByEmail(ctx.db, orgId, email)) throw ruleError('orgs', 'already_member');
  const inv = await viaAuth(() =>
    ctx.auth.api.createInvitation({
      headers,
      body: { email: email.toLowerCase(), role, organizationId: orgId },
    }),
  );
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role ?? role,
    status: inv.status,
    expiresAt: new Date(inv.expiresAt).toISOString(),
    createdAt: new Date(inv.createdAt ?? Date.now()).toISOString(),
  };
}

export async function cancelInvitation(
  ctx: ModuleContext,
  headers: Headers,
  orgId: string,
  invitationId: string,
) {
  const inv = await repo.findInvitation(ctx.db, invitationId);
  if (!inv || inv.orgId !== orgId || inv.status !== 'pending') throw new AppError('not_found');
  await viaAuth(() => ctx.auth.api.cancelInvitation({ headers, body: { invitationId } }));
}

/** The org must keep someone who can manage it. */
async function assertNotLastManager(
  ctx: ModuleContext,
  orgId: string,
  current: OrgRole,
  next: OrgRole | null,
) {
  if (!managers.includes(current) || (next && managers.includes(next))) return;
  if ((await repo.countManagers(ctx.db, orgId, managers)) <= 1) throw ruleError('orgs', 'last_owner');
}

export async function changeRole(ctx: ModuleContext, orgId: string, memberId: string, role: OrgRole) {
  const m = await repo.findMember(ctx.db, orgId, memberId);
  if (!m) throw new AppError('not_found');
  assertRoleFits(await kindOf(ctx, orgId), role);
  await assertNotLastManager(ctx, orgId, m.role as OrgRole, role);
  await repo.setMemberRole(ctx.db, orgId, memberId, role);
  return { ...m, role, joinedAt: m.joinedAt.toISOString() };
}

export async function removeMember(ctx: ModuleContext, actor: Actor, orgId: string, memberId: string) {
  const m = await repo.findMember(ctx.db, orgId, memberId);
  if (!m) throw new AppError('not_found');
  if (m.userId === actor.userId) throw ruleError('orgs', 'cannot_remove_self');
  await assertNotLastManager(ctx, orgId, m.role as OrgRole, null);
  await repo.deleteMember(ctx.db, orgId, memberId);
  return m;
}

async function openInvitation(ctx: ModuleContext, actor: Actor, id: string) {
  const inv = await repo.findInvitation(ctx.db, id);
  if (!inv || inv.status !== 'pending') throw ruleError('orgs', 'invitation_not_found', 'not_found');
  if (inv.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw ruleError('orgs', 'invitation_email_mismatch', 'forbidden');
  }
  if (inv.expiresAt.getTime() < Date.now()) throw ruleError('orgs', 'invitation_expired', 'conflict');
  return inv;
}

export async function viewInvitation(ctx: ModuleContext, actor: Actor, id: string) {
  const inv = await openInvitation(ctx, actor, id);
  return {
    id: inv.id,
    orgName: inv.orgName,
    orgKind: inv.orgKind,
    role: inv.role ?? '',
    email: inv.email,
    inviterName: inv.inviterName,
    status: inv.status,
    expiresAt: inv.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(ctx: ModuleContext, actor: Actor, headers: Headers, id: string) {
  const inv = await openInvitation(ctx, actor, id);
  await viaAuth(() => ctx.auth.api.acceptInvitation({ headers, body: { invitationId: id } }));
  return { orgId: inv.orgId };
}

export async function me(ctx: ModuleContext, actor: Actor) {
  const orgs = await repo.listOrgsOfUser(ctx.db, actor.userId);
  const active = orgs.find((o) => o.id === actor.activeOrgId)?.id ?? orgs[0]?.id ?? null;
  return {
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, role: o.role as OrgRole })),
    activeOrgId: active,
  };
}

export { listAllOrgs } from './orgs.repo.ts';

/** What other modules need to know about an organisation (no membership check: callers do that). */
export async function getOrgProfile(ctx: Pick<ModuleContext, 'db'>, orgId: string) {
  const row = await repo.findProfile(ctx.db, orgId);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Members with names, for pickers and mail in other modules. */
export async function listOrgMembers(ctx: Pick<ModuleContext, 'db'>, orgId: string) {
  return (await repo.listMembers(ctx.db, orgId)).map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    locale: normalizeLang(m.locale),
    role: m.role as OrgRole,
  }));
}

export function findOrgIdByCorporateNumber(ctx: Pick<ModuleContext, 'db'>, corporateNumber: string) {
  return repo.findOrgIdByCorporateNumber(ctx.db, corporateNumber);
}

/** The people who manage an organisation (owners, managers): recipients of its notices. */
export async function orgManagers(ctx: Pick<ModuleContext, 'db'>, orgId: string) {
  return (await listOrgMembers(ctx, orgId)).filter((m) => managers.includes(m.role));
}
