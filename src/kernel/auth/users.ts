import { count, desc, eq, ilike, or } from 'drizzle-orm';
import type { AppDb } from '../db/client.ts';
import { containsPattern } from '../db/like.ts';
import { normalizeLang } from '../i18n/index.ts';
import { user } from './auth.tables.ts';

export const USERS_PAGE_SIZE = 50;

export async function listUsers(db: AppDb, q: { q?: string; page: number }) {
  const cond = q.q
    ? or(ilike(user.email, containsPattern(q.q)), ilike(user.name, containsPattern(q.q)))
    : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerified,
        twoFactorEnabled: user.twoFactorEnabled,
        isOperator: user.isOperator,
        locale: user.locale,
        createdAt: user.createdAt,
      })
      .from(user)
      .where(cond)
      .orderBy(desc(user.createdAt))
      .limit(USERS_PAGE_SIZE)
      .offset((q.page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(user).where(cond),
  ]);
  return {
    items: items.map((u) => ({
      ...u,
      twoFactorEnabled: u.twoFactorEnabled === true,
      locale: normalizeLang(u.locale),
    })),
    total: total?.n ?? 0,
  };
}

export async function findUserById(db: AppDb, id: string) {
  const [row] = await db.select().from(user).where(eq(user.id, id));
  return row;
}

/** The platform's operators, who receive review requests (each in their own language). */
export async function listOperators(db: AppDb) {
  const rows = await db
    .select({ email: user.email, name: user.name, locale: user.locale })
    .from(user)
    .where(eq(user.isOperator, true));
  return rows.map((r) => ({ ...r, locale: normalizeLang(r.locale) }));
}

export async function findUserByEmail(db: AppDb, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row;
}

/** Operators are trusted accounts made from the command line, so their address counts as confirmed. */
export async function markOperator(db: AppDb, userId: string): Promise<void> {
  await db
    .update(user)
    .set({ isOperator: true, emailVerified: true, updatedAt: new Date() })
    .where(eq(user.id, userId));
}
