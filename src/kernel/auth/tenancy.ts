import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppDb } from '../db/client.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/request-context.ts';
import { member } from './auth.tables.ts';
import type { OrgRole } from './auth.ts';

export interface Membership {
  actor: Actor;
  orgId: string;
  memberId: string;
  role: OrgRole;
}

export async function findMembership(db: AppDb, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: member.id, role: member.role })
    .from(member)
    .where(and(eq(member.organizationId, orgId), eq(member.userId, userId)));
  return row ? { memberId: row.id, role: row.role as OrgRole } : null;
}

/**
 * The tenancy gate of every `/orgs/{orgId}` route: a signed-in member passes;
 * anyone else gets 404, so an outsider cannot even learn the org exists.
 * With `roles`, a member without one of them gets 403.
 */
export async function requireMember(
  req: FastifyRequest,
  db: AppDb,
  orgId: string,
  roles?: readonly OrgRole[],
): Promise<Membership> {
  const actor = await requireActor(req);
  const m = await findMembership(db, orgId, actor.userId);
  if (!m) throw new AppError('not_found');
  if (roles && !roles.includes(m.role)) throw new AppError('forbidden');
  return { actor, orgId, ...m };
}
