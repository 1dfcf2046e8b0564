import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { listOrgMembers, orgManagers } from '../orgs/index.ts';
import { explainRule } from './monitoring.explain.ts';
import type { IncidentRow } from './monitoring.queue.ts';
import { deliverWebhook, getWebhook } from './monitoring.webhook.ts';

export interface IncidentStory {
  incident: IncidentRow;
  ruleId: string;
  group: Record<string, string>;
  customerName: string;
  providerName: string;
}

const incidentUrl = (ctx: ModuleContext, i: IncidentRow) =>
  `${ctx.config.publicUrl}/orgs/${i.orgId}/monitoring/incidents/${i.id}`;

function when(d: Date, lang: Lang) {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(d);
}

/** The words of one notice in one language: what happened, how serious, what to do, what we do. */
export function storyParams(s: IncidentStory, lang: Lang, doing: string | undefined) {
  const rule = explainRule(s.ruleId, lang);
  const where = Object.values(s.group).filter(Boolean).join('、');
  const sev = String(Math.min(4, Math.max(1, s.incident.severity)));
  return {
    provider: s.providerName,
    customer: s.customerName,
    title: rule.title,
    what: rule.what,
    where: where || t(lang, 'monitoringDesk.mail.contact.whereUnknown'),
    when: when(s.incident.firstSeenAt, lang),
    severity: t(lang, `monitoringDesk.severity.${sev}`),
    severityShort: t(lang, `monitoringDesk.severityShort.${sev}`),
    actions: rule.actions.map((a, i) => `${i + 1}. ${a}`).join('\n'),
    doing: doing?.trim() || t(lang, 'monitoringDesk.mail.contact.doingDefault'),
  };
}

/**
 * "Contact the customer": every owner of the SME gets the notice in their own language, and
 * the SME's webhook (if any) gets it as signed JSON in the background. Returns who was mailed.
 */
export async function contactCustomer(
  ctx: ModuleContext,
  s: IncidentStory,
  doing: string | undefined,
  log?: { warn(obj: unknown, msg: string): void },
): Promise<string[]> {
  const owners = (await listOrgMembers(ctx, s.incident.orgId)).filter((m) => m.role === 'owner');
  const url = incidentUrl(ctx, s.incident);
  for (const o of owners) {
    await ctx.mailer.send(
      renderActionMail(
        o.locale,
        'monitoringDesk.mail.contact',
        { email: o.email, name: o.name },
        url,
        storyParams(s, o.locale, doing),
      ),
    );
  }
  const hook = await getWebhook(ctx.db, s.incident.orgId);
  if (hook) {
    const ja = storyParams(s, 'ja', doing);
    const en = storyParams(s, 'en', doing);
    deliverWebhook(
      ctx.db,
      hook,
      'incident.contacted',
      {
        incidentId: s.incident.id,
        orgId: s.incident.orgId,
        status: 'contacted',
        severity: s.incident.severity,
        rule: s.ruleId,
        target: s.group,
        firstSeenAt: s.incident.firstSeenAt.toISOString(),
        url,
        ja: {
          title: ja.title,
          what: ja.what,
          severity: ja.severity,
          actions: explainRule(s.ruleId, 'ja').actions,
          doing: ja.doing,
        },
        en: {
          title: en.title,
          what: en.what,
          severity: en.severity,
          actions: explainRule(s.ruleId, 'en').actions,
          doing: en.doing,
        },
      },
      log,
    );
  }
  return owners.map((o) => o.email);
}

/** Escalation: the provider's managers are told, each in their language. */
export async function mailEscalation(
  ctx: ModuleContext,
  providerOrgId: string,
  s: IncidentStory,
  actorName: string,
  reason: string,
): Promise<number> {
  const managers = (await orgManagers(ctx, providerOrgId)).filter((m) => m.role === 'manager');
  for (const m of managers) {
    const p = storyParams(s, m.locale, undefined);
    await ctx.mailer.send(
      renderActionMail(
        m.locale,
        'monitoringDesk.mail.escalated',
        { email: m.email, name: m.name },
        incidentUrl(ctx, s.incident),
        {
          ...p,
          actor: actorName,
          reason,
        },
      ),
    );
  }
  return managers.length;
}
