import { and, asc, count, desc, eq, gt, ilike, inArray, or } from 'drizzle-orm';
import { invitation, member, organization, user } from '../../kernel/auth/auth.tables.ts';
import type { OrgRole } from '../../kernel/auth/auth.ts';
import type { AppDb } from '../../kernel/db/client.ts';
import { containsPattern } from '../../kernel/db/like.ts';
import type { CreateOrgInput, UpdateOrgInput } from './orgs.schema.ts';
import { orgProfile } from './orgs.tables.ts';

const orgColumns = {
  id: organization.id,
  name: organization.name,
  createdAt: organization.createdAt,
  kind: orgProfile.kind,
  corporateNumber: orgProfile.corporateNumber,
  prefecture: orgProfile.prefecture,
  industry: orgProfile.industry,
  employees: orgProfile.employees,
  website: orgProfile.website,
};

export async function insertProfile(db: AppDb, orgId: string, input: CreateOrgInput): Promise<void> {
  await db.insert(orgProfile).values({
    orgId,
    kind: input.kind,
    corporateNumber: input.corporateNumber ?? null,
    prefecture: input.prefecture,
    industry: input.industry,
    employees: input.employees,
    website: input.website ?? null,
  });
}

export async function findOrgForMember(db: AppDb, orgId: string, userId: string) {
  const [row] = await db
    .select({ ...orgColumns, role: member.role })
    .from(organization)
    .innerJoin(orgProfile, eq(orgProfile.orgId, organization.id))
    .innerJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, userId)))
    .where(eq(organization.id, orgId));
  return row;
}

export async function findProfile(db: AppDb, orgId: string) {
  const [row] = await db
    .select(orgColumns)
    .from(organization)
    .innerJoin(orgProfile, eq(orgProfile.orgId, organization.id))
    .where(eq(organization.id, orgId));
  return row;
}

export async function findOrgIdByCorporateNumber(db: AppDb, corporateNumber: string) {
  const [row] = await db
    .select({ orgId: orgProfile.orgId })
    .from(orgProfile)
    .where(eq(orgProfile.corporateNumber, corporateNumber))
    .limit(1);
  return row?.orgId;
}

export async function findOrgKind(db: AppDb, orgId: string) {
  const [row] = await db
    .select({ kind: orgProfile.kind })
    .from(orgProfile)
    .where(eq(orgProfile.orgId, orgId));
  return row?.kind;
}

export function listOrgsOfUser(db: AppDb, userId: string) {
  return db
    .select({ ...orgColumns, role: member.role })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .innerJoin(orgProfile, eq(orgProfile.orgId, organization.id))
    .where(eq(member.userId, userId))
    .orderBy(asc(organization.name));
}

export async function updateOrg(db: AppDb, orgId: string, patch: UpdateOrgInput): Promise<void> {
  const { name, ...profile } = patch;
  await db.transaction(async (tx) => {
    if (name !== undefined) await tx.update(organization).set({ name }).where(eq(organization.id, orgId));
    if (Object.keys(profile).length) {
      await tx
        .update(orgProfile)
        .set({ ...profile, updatedAt: new Date() })
        .where(eq(orgProfile.orgId, orgId));
    }
  });
}

const memberColumns = {
  id: member.id,
  userId: member.userId,
  role: member.role,
  joinedAt: member.createdAt,
  name: user.name,
  email: user.email,
  locale: user.locale,
};

export function listMembers(db: AppDb, orgId: string) {
  return db
    .select(memberColumns)
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, orgId))
    .orderBy(asc(member.createdAt));
}

export async function findMember(db: AppDb, orgId: string, memberId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, orgId), eq(member.id, memberId)));
  return row;
}

export async function findMemberByEmail(db: AppDb, orgId: string, email: string) {
  const [row] = await db
    .select({ id: member.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, orgId), eq(user.email, email.toLowerCase())));
  return row;
}

export async function countManagers(db: AppDb, orgId: string, roles: readonly OrgRole[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(member)
    .where(and(eq(member.organizationId, orgId), inArray(member.role, [...roles])));
  return row?.n ?? 0;
}

export async function setMemberRole(
  db: AppDb,
  orgId: string,
  memberId: string,
  role: OrgRole,
): Promise<void> {
  await db
    .update(member)
    .set({ role })
    .where(and(eq(member.organizationId, orgId), eq(member.id, memberId)));
}

export async function deleteMember(db: AppDb, orgId: string, memberId: string): Promise<void> {
  await db.delete(member).where(and(eq(member.organizationId, orgId), eq(member.id, memberId)));
}

export function listPendingInvitations(db: AppDb, orgId: string) {
  return db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
      createdAt: invitation.createdAt,
    })
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, orgId),
        eq(invitation.status, 'pending'),
        gt(invitation.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitation.createdAt));
}

export async function findInvitation(db: AppDb, id: string) {
  const [row] = await db
    .select({
      id: invitation.id,
      orgId: invitation.organizationId,
      orgName: organization.name,
      orgKind: orgProfile.kind,
      role: invitation.role,
      email: invitation.email,
      inviterName: user.name,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .innerJoin(orgProfile, eq(orgProfile.orgId, invitation.organizationId))
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .where(eq(invitation.id, id));
  return row;
}

export const ADMIN_PAGE_SIZE = 50;

/** The operator's view across tenants. */
export async function listAllOrgs(db: AppDb, q: { q?: string; page: number }) {
  const cond = q.q
    ? or(ilike(organization.name, containsPattern(q.q)), eq(orgProfile.corporateNumber, q.q))
    : undefined;
  const memberCount = db
    .select({ orgId: member.organizationId, n: count().as('n') })
    .from(member)
    .groupBy(member.organizationId)
    .as('mc');
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: organization.id,
        name: organization.name,
        kind: orgProfile.kind,
        prefecture: orgProfile.prefecture,
        industry: orgProfile.industry,
        employees: orgProfile.employees,
        createdAt: organization.createdAt,
        memberCount: memberCount.n,
      })
      .from(organization)
      .innerJoin(orgProfile, eq(orgProfile.orgId, organization.id))
      .leftJoin(memberCount, eq(memberCount.orgId, organization.id))
      .where(cond)
      .orderBy(desc(organization.createdAt))
      .limit(ADMIN_PAGE_SIZE)
      .offset((q.page - 1) * ADMIN_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(organization)
      .innerJoin(orgProfile, eq(orgProfile.orgId, organization.id))
      .where(cond),
  ]);
  return {
    items: items.map((i) => ({ ...i, memberCount: Number(i.memberCount ?? 0) })),
    total: total?.n ?? 0,
  };
}
