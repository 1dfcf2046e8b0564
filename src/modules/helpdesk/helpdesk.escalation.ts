import { listOperators } from '../../kernel/auth/users.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { getOrgProfile, orgManagers } from '../orgs/index.ts';
import { content } from './helpdesk.content.ts';
import { escalationMail, type Recipient, sendEach } from './helpdesk.mail.ts';
import * as repo from './helpdesk.repo.ts';
import { refOf } from './helpdesk.service.ts';
import { deadline, isQuietTime, minuteOfDay } from './helpdesk.sla.ts';

type Clock = 'first_response' | 'resolution';

/**
 * The escalation levels a clock has reached by `now`: level n is due once
 * `ratio` × target of counting time has passed (content/helpdesk/sla.json).
 */
export function reachedLevels(
  c: Pick<repo.ConsultationRow, 'createdAt' | 'priority' | 'pauses'>,
  clock: Clock,
  now: Date,
): { level: number; operators: boolean; dueAt: Date }[] {
  const { sla, calendar } = content();
  const target = sla.priorities[c.priority];
  const minutes = clock === 'first_response' ? target.firstResponseMinutes : target.resolutionMinutes;
  const pauses =
    clock === 'resolution'
      ? c.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }))
      : [];
  const out: { level: number; operators: boolean; dueAt: Date }[] = [];
  for (const step of sla.escalation) {
    const at = deadline(c.createdAt, Math.round(minutes * step.ratio), calendar, {
      allDay: target.allDay,
      pauses,
    });
    if (at && at <= now) out.push({ level: step.level, operators: step.operators, dueAt: at });
  }
  return out;
}

/** Who hears of a late consultation: provider managers get the org link, operators the admin one. */
async function escalationRecipients(
  ctx: ModuleContext,
  c: repo.ConsultationRow,
  withOperators: boolean,
): Promise<{ recipients: Recipient[]; url: string }[]> {
  const adminUrl = `${ctx.config.publicUrl}/admin/helpdesk/${c.id}`;
  const orgUrl = `${ctx.config.publicUrl}/orgs/${c.orgId}/consultations/${c.id}`;
  const operators = async () => ({
    recipients: (await listOperators(ctx.db)).map((o) => ({
      email: o.email,
      name: o.name,
      locale: o.locale,
    })),
    url: adminUrl,
  });
  if (!c.providerOrgId) return [await operators()];
  const managers = (await orgManagers(ctx, c.providerOrgId)).map((m) => ({
    email: m.email,
    name: m.name,
    locale: m.locale,
  }));
  const groups = [{ recipients: managers, url: orgUrl }];
  if (withOperators) groups.push(await operators());
  return groups;
}

/**
 * Mails overdue consultations to the provider's managers (and, at higher levels, the operators),
 * once per consultation, clock and level. Outside critical priority nobody is woken at night:
 * those wait for the morning run.
 */
export async function escalateOverdue(ctx: ModuleContext, now: Date): Promise<number> {
  const { sla } = content();
  const quiet = {
    startMinute: minuteOfDay(sla.quietHours.start),
    endMinute: minuteOfDay(sla.quietHours.end),
  };
  const night = isQuietTime(now, quiet, sla.utcOffsetMinutes);
  let sent = 0;
  for (const c of await repo.dueForEscalation(ctx.db, now)) {
    if (night && c.priority !== 'critical') continue;
    const done = new Set((await repo.escalationsOf(ctx.db, c.id)).map((e) => `${e.clock}:${e.level}`));
    const clocks: Clock[] = c.firstResponseAt ? ['resolution'] : ['first_response', 'resolution'];
    for (const clock of clocks) {
      if (clock === 'resolution' && c.status === 'waiting_customer') continue;
      for (const step of reachedLevels(c, clock, now)) {
        if (done.has(`${clock}:${step.level}`)) continue;
        if (!(await repo.claimEscalation(ctx.db, c.id, clock, step.level))) continue;
        const org = await getOrgProfile(ctx, c.orgId);
        const facts = {
          ref: refOf(c.id),
          subject: c.subject,
          category: c.category,
          priority: c.priority,
          orgName: org.name,
        };
        for (const group of await escalationRecipients(ctx, c, step.operators)) {
          sent += await sendEach(ctx, group.recipients, (r) =>
            escalationMail(r, group.url, facts, clock, step.level, step.dueAt),
          );
        }
      }
    }
  }
  return sent;
}
