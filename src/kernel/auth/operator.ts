import { randomBytes } from 'node:crypto';
import type { ModuleContext } from '../module.ts';
import { findUserByEmail, markOperator } from './users.ts';

/**
 * Makes `email` a platform operator, creating the account when it does not
 * exist yet. Returns the generated password when one had to be made.
 */
export async function ensureOperator(
  ctx: Pick<ModuleContext, 'db' | 'auth'>,
  op: { email: string; password?: string | undefined; name?: string },
): Promise<{ created: boolean; password?: string }> {
  const existing = await findUserByEmail(ctx.db, op.email);
  if (existing) {
    await markOperator(ctx.db, existing.id);
    return { created: false };
  }
  const password = op.password ?? randomBytes(12).toString('base64url');
  const res = await ctx.auth.api.signUpEmail({
    body: { email: op.email.toLowerCase(), password, name: op.name ?? '運営者', locale: 'ja' },
  });
  await markOperator(ctx.db, res.user.id);
  return { created: true, ...(op.password ? {} : { password }) };
}
