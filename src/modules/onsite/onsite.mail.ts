import type { Lang } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { listOrgMembers } from '../orgs/index.ts';
import { providerStaff } from './onsite.access.ts';

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Lang;
}

/** The SME's owners: they decide on visits and money, so dispatch and claim news goes to them. */
export async function smeOwners(ctx: Pick<ModuleContext, 'db'>, orgId: string): Promise<Recipient[]> {
  return (await listOrgMembers(ctx, orgId)).filter((m) => m.role === 'owner');
}

/** The owners, plus the SME member who asked for the dispatch (a practitioner follows their own request). */
export async function smeAudience(
  ctx: Pick<ModuleContext, 'db'>,
  orgId: string,
  requestedBy: string,
): Promise<Recipient[]> {
  return (await listOrgMembers(ctx, orgId)).filter((m) => m.role === 'owner' || m.userId === requestedBy);
}

/** The provider's managers and analysts, except the person who caused the mail. */
export async function providerTeam(
  ctx: Pick<ModuleContext, 'db'>,
  providerOrgId: string,
  exceptUserId?: string,
): Promise<Recipient[]> {
  return (await listOrgMembers(ctx, providerOrgId)).filter(
    (m) => providerStaff.includes(m.role) && m.userId !== exceptUserId,
  );
}

/**
 * One mail per person, each in their own language; `params` is built per language so dates,
 * amounts and status words read naturally to that reader.
 */
export async function mailEach(
  ctx: Pick<ModuleContext, 'mailer'>,
  to: Recipient[],
  key: string,
  url: string,
  params: (lang: Lang) => Record<string, unknown>,
): Promise<void> {
  for (const r of to) {
    await ctx.mailer.send(renderActionMail(r.locale, key, r, url, params(r.locale)));
  }
}
