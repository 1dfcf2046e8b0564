import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organization } from '../../kernel/auth/auth.tables.ts';
import { requireMember } from '../../kernel/auth/tenancy.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { requireActor } from '../../kernel/http/request-context.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { type CustomerAccess, customersOf, providersOf, requireCustomerAccess } from '../orgs/index.ts';
import { contactCustomer, type IncidentStory, mailEscalation } from './monitoring.contact.ts';
import * as s from './monitoring.desk.schema.ts';
import { periodFigures, periods, timeline } from './monitoring.desk.stats.ts';
import { explainRule } from './monitoring.explain.ts';
import { getIncident, listIncidentSteps, moveIncident, nextStatuses } from './monitoring.incidents.ts';
import { addNote, listNotes, NOTES_PAGE_SIZE, type NoteRow } from './monitoring.notes.ts';
import * as q from './monitoring.queue.ts';
import { listSensors, type SensorRow } from './monitoring.repo.ts';
import { orgParams } from './monitoring.schema.ts';
import {
  deleteWebhook,
  deliverWebhook,
  getWebhook,
  newWebhookSecret,
  SIGNATURE_HEADER,
  saveWebhook,
  webhooksSettled,
  webhookUrlAllowed,
} from './monitoring.webhook.ts';

const tags = ['monitoring-desk'];
const security = [{ session: [] }];
/** The provider's staff work the incidents; the SME's owner and practitioners read and write notes. */
const staffOnly = { sme: [], provider: ['manager', 'analyst'] } as const;
const laterSteps: readonly string[] = ['remote_support', 'onsite', 'resolved'];
const smeReaders = { sme: ['owner', 'practitioner'], provider: ['manager', 'analyst'] } as const;

function sensorHealth(x: SensorRow, now = Date.now()) {
  if (x.revokedAt) return 'revoked';
  if (!x.lastSeenAt) return 'waiting';
  return now - x.lastSeenAt.getTime() > x.expectedIntervalMinutes * 60_000 ? 'silent' : 'ok';
}

/** Incidents with their plain-words explanation (from the rule of their most serious alert). */
async function presentIncidents(
  ctx: ModuleContext,
  rows: q.IncidentRow[],
  lang: Lang,
  customerNames: Map<string, string>,
) {
  const ids = rows.map((r) => r.id);
  const [rules, names, doing] = await Promise.all([
    q.incidentRules(ctx.db, ids),
    q.userNames(
      ctx.db,
      rows.map((r) => r.assigneeUserId),
    ),
    q.providerDoing(ctx.db, ids),
  ]);
  return rows.map((r) => {
    const main = rules.get(r.id);
    const ex = main ? explainRule(main.ruleId, lang) : null;
    return {
      id: r.id,
      orgId: r.orgId,
      customerName: customerNames.get(r.orgId) ?? null,
      status: r.status,
      severity: r.severity,
      entity: r.entity,
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      alertCount: r.alertCount,
      assignee: r.assigneeUserId ? { id: r.assigneeUserId, name: names.get(r.assigneeUserId) ?? '' } : null,
      verdict: r.verdict,
      escalated: r.escalatedAt !== null,
      ruleIds: main?.ruleIds ?? [],
      ruleId: main?.ruleId ?? null,
      title: ex?.title ?? r.entity,
      what: ex?.what ?? '',
      actions: ex?.actions ?? [],
      category: ex?.category ?? 'access',
      target: main?.group ?? {},
      providerDoing: doing.get(r.id) ?? null,
    };
  });
}

const presentNote = (n: NoteRow) => ({
  id: n.id,
  author: n.authorName,
  side: n.side,
  visibility: n.visibility,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
});

/** The people side of monitoring: the SME's dashboard, the provider's queue, incident work. */
export async function deskRoutes(fastify: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  fastify.addHook('onClose', webhooksSettled);

  async function orgName(orgId: string) {
    const [row] = await db
      .select({ name: organization.name })
      .from(organization)
      .where(eq(organization.id, orgId));
    return row?.name ?? '';
  }

  /** The names of both sides of an SME's service links. */
  async function sides(orgId: string, providerOrgId: string | null) {
    const links = await providersOf(ctx, orgId);
    const link = providerOrgId ? links.find((l) => l.providerOrgId === providerOrgId) : links[0];
    return {
      customerName: links[0]?.customerName ?? null,
      providerName: link?.providerName ?? null,
      providers: links.map((l) => ({ id: l.providerOrgId, name: l.providerName })),
    };
  }

  async function story(access: CustomerAccess, incidentId: string): Promise<IncidentStory> {
    const inc = (await getIncident(ctx, access.orgId, incidentId)) as q.IncidentRow;
    const [rules, names] = await Promise.all([
      q.incidentRules(db, [inc.id]),
      sides(access.orgId, access.providerOrgId),
    ]);
    const main = rules.get(inc.id);
    return {
      incident: inc,
      ruleId: main?.ruleId ?? '',
      group: main?.group ?? {},
      customerName: names.customerName ?? '',
      providerName: names.providerName ?? '',
    };
  }

  async function detail(req: FastifyRequest, access: CustomerAccess, incidentId: string) {
    const inc = (await getIncident(ctx, access.orgId, incidentId)) as q.IncidentRow;
    const names = await sides(access.orgId, access.providerOrgId);
    const [summary] = await presentIncidents(
      ctx,
      [inc],
      req.lang,
      new Map([[inc.orgId, names.customerName ?? '']]),
    );
    const steps = await listIncidentSteps(ctx, access.orgId, incidentId);
    const actors = await q.userNames(
      db,
      steps.map((x) => x.actorUserId),
    );
    const provider = access.via === 'provider';
    return {
      ...(summary as NonNullable<typeof summary>),
      verdictReason: inc.verdictReason,
      steps: steps.map((x) => ({
        fromStatus: x.fromStatus,
        toStatus: x.toStatus,
        actor: x.actorUserId ? (actors.get(x.actorUserId) ?? null) : null,
        // The provider's reasoning stays with the provider; the SME sees what was done and when,
        // and the message written for it when it was contacted.
        note: provider || x.toStatus === 'contacted' ? x.note : null,
        at: x.at.toISOString(),
      })),
      providerName: names.providerName,
      viewer: access.via,
      next: provider ? nextStatuses[inc.status].filter((x) => x !== 'contacted') : [],
    };
  }

  app.get(
    '/api/v1/monitoring/setup',
    {
      schema: {
        tags,
        security,
        response: { 200: z.object({ ingestUrl: z.string(), syslogPort: z.number().nullable() }) },
      },
    },
    async (req) => {
      await requireActor(req);
      return {
        ingestUrl: `${ctx.config.publicUrl}/api/v1/ingest`,
        syslogPort: ctx.config.syslogPort > 0 ? ctx.config.syslogPort : null,
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/monitoring/context',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: {
          200: z.object({
            orgName: z.string(),
            viewer: z.enum(['member', 'provider']),
            role: z.string(),
          }),
        },
      },
    },
    async (req) => {
      // Who looks at this SME's monitoring pages: its own member, or its provider's staff.
      const a = await requireCustomerAccess(req, db, req.params.orgId);
      const links = await providersOf(ctx, a.orgId);
      const name = links[0]?.customerName ?? (await orgName(a.orgId));
      return { orgName: name, viewer: a.via, role: a.role };
    },
  );

  // ---- provider side -------------------------------------------------------------------------

  app.get(
    '/api/v1/orgs/:orgId/monitoring/customers',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: s.customersQuery,
        response: {
          200: s.pageOf(s.customerDto),
        },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, ['manager', 'analyst']);
      const all = await customersOf(ctx, m.orgId);
      const pageSize = req.query.pageSize;
      const slice = all.slice((req.query.page - 1) * pageSize, req.query.page * pageSize);
      const counts = await q.openIncidentCounts(
        db,
        slice.map((c) => c.customerOrgId),
      );
      const items = await Promise.all(
        slice.map(async (c) => {
          const sensors = (await listSensors(db, c.customerOrgId)).filter((x) => !x.revokedAt);
          const n = counts.get(c.customerOrgId);
          return {
            orgId: c.customerOrgId,
            name: c.customerName,
            since: c.since.toISOString(),
            openIncidents: n?.open ?? 0,
            newIncidents: n?.fresh ?? 0,
            sensors: sensors.length,
            silentSensors: sensors.filter((x) => sensorHealth(x) === 'silent').length,
          };
        }),
      );
      return { items, total: all.length, page: req.query.page, pageSize };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/monitoring/queue',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: s.queueQuery,
        response: { 200: s.incidentPage },
      },
    },
    async (req) => {
      const m = await requireMember(req, db, req.params.orgId, ['manager', 'analyst']);
      const customers = await customersOf(ctx, m.orgId);
      const names = new Map(customers.map((c) => [c.customerOrgId, c.customerName]));
      const query = req.query;
      // A customer this provider does not serve is as unknown as any other organisation.
      if (query.customer && !names.has(query.customer)) throw new AppError('not_found');
      const orgIds = query.customer ? [query.customer] : [...names.keys()];
      const r = await q.listIncidents(
        db,
        orgIds,
        {
          status: query.status === 'all' ? undefined : query.status,
          severity: query.severity,
          rule: query.rule,
          assignee: query.assignee === 'me' ? m.actor.userId : query.assignee,
        },
        query.page,
      );
      return {
        items: await presentIncidents(ctx, r.items, req.lang, names),
        total: r.total,
        page: query.page,
        pageSize: q.QUEUE_PAGE_SIZE,
      };
    },
  );

  // ---- both sides: one SME's incidents ---------------------------------------------------------

  app.get(
    '/api/v1/orgs/:orgId/monitoring/dashboard',
    { schema: { tags, security, params: orgParams, response: { 200: s.dashboardDto } } },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, smeReaders);
      const now = new Date();
      const p = periods(now);
      const [week, month, open, sensors, days, names] = await Promise.all([
        periodFigures(db, a.orgId, p.week.from, p.week.to),
        periodFigures(db, a.orgId, p.month.from, p.month.to),
        q.listIncidents(db, [a.orgId], { status: 'open' }, 1, 10, 'severity'),
        listSensors(db, a.orgId),
        timeline(db, a.orgId, now),
        sides(a.orgId, a.providerOrgId),
      ]);
      return {
        week: { from: p.week.from.toISOString(), ...week },
        month: { from: p.month.from.toISOString(), ...month },
        openIncidents: {
          items: await presentIncidents(ctx, open.items, req.lang, new Map()),
          total: open.total,
        },
        sensors: sensors
          .filter((x) => !x.revokedAt)
          .map((x) => ({
            id: x.id,
            name: x.name,
            lastSeenAt: x.lastSeenAt?.toISOString() ?? null,
            status: sensorHealth(x),
          })),
        timeline: days,
        providers: names.providers,
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/incidents',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        querystring: s.incidentsQuery,
        response: { 200: s.incidentPage },
      },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, smeReaders);
      const status = req.query.status === 'all' ? undefined : req.query.status;
      const r = await q.listIncidents(
        db,
        [a.orgId],
        { status },
        req.query.page,
        q.QUEUE_PAGE_SIZE,
        'severity',
      );
      return {
        items: await presentIncidents(ctx, r.items, req.lang, new Map()),
        total: r.total,
        page: req.query.page,
        pageSize: q.QUEUE_PAGE_SIZE,
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/incidents/:incidentId',
    { schema: { tags, security, params: s.incidentParams, response: { 200: s.incidentDetailDto } } },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, smeReaders);
      return detail(req, a, req.params.incidentId);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/incidents/:incidentId/alerts',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        querystring: s.pageQuery,
        response: {
          200: s.pageOf(
            z.object({
              id: z.string(),
              ruleId: z.string(),
              title: z.string(),
              severity: z.number(),
              count: z.number(),
              status: z.string(),
              target: z.record(z.string(), z.string()),
              firstSeenAt: z.string(),
              lastSeenAt: z.string(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, smeReaders);
      await getIncident(ctx, a.orgId, req.params.incidentId);
      const r = await q.listIncidentAlerts(db, a.orgId, req.params.incidentId, req.query.page);
      return {
        items: r.items.map((x) => ({
          id: x.id,
          ruleId: x.ruleId,
          title: explainRule(x.ruleId, req.lang).title,
          severity: x.severity,
          count: x.count,
          status: x.status,
          target: x.groupValues,
          firstSeenAt: x.firstSeenAt.toISOString(),
          lastSeenAt: x.lastSeenAt.toISOString(),
        })),
        total: r.total,
        page: req.query.page,
        pageSize: q.ALERTS_PAGE_SIZE,
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/incidents/:incidentId/notes',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        querystring: s.pageQuery,
        response: {
          200: s.pageOf(s.noteDto),
        },
      },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, smeReaders);
      await getIncident(ctx, a.orgId, req.params.incidentId);
      const r = await listNotes(db, a.orgId, req.params.incidentId, {
        includeInternal: a.via === 'provider',
        page: req.query.page,
      });
      return {
        items: r.items.map(presentNote),
        total: r.total,
        page: req.query.page,
        pageSize: NOTES_PAGE_SIZE,
      };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/incidents/:incidentId/notes',
    {
      schema: { tags, security, params: s.incidentParams, body: s.noteBody, response: { 201: s.noteDto } },
      config: { audit: 'monitoring.incident_note' },
    },
    async (req, reply) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, smeReaders);
      await getIncident(ctx, a.orgId, req.params.incidentId);
      const provider = a.via === 'provider';
      const note = await addNote(db, {
        incidentId: req.params.incidentId,
        orgId: a.orgId,
        authorUserId: a.actor.userId,
        authorName: a.actor.name,
        side: provider ? 'provider' : 'customer',
        // An SME member's note is always for both sides; only the provider keeps internal notes.
        visibility: provider ? req.body.visibility : 'shared',
        body: req.body.body,
      });
      req.audit = { target: req.params.incidentId, data: { note: note.id, visibility: note.visibility } };
      return reply.status(201).send(presentNote(note));
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/incidents/:incidentId/assign',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        body: s.assignBody,
        response: { 200: s.incidentDetailDto },
      },
      config: { audit: 'monitoring.incident_assign' },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, staffOnly);
      await getIncident(ctx, a.orgId, req.params.incidentId);
      const assignee = req.body.assignee === 'me' ? a.actor.userId : null;
      await q.updateIncident(db, a.orgId, req.params.incidentId, { assigneeUserId: assignee });
      req.audit = { target: req.params.incidentId, data: { assignee } };
      return detail(req, a, req.params.incidentId);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/incidents/:incidentId/triage',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        body: s.triageBody,
        response: { 200: s.incidentDetailDto },
      },
      config: { audit: 'monitoring.incident_triage' },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, staffOnly);
      const inc = (await getIncident(ctx, a.orgId, req.params.incidentId)) as q.IncidentRow;
      const { verdict, reason, close } = req.body;
      if (close && verdict === 'true_positive')
        throw ruleError('monitoringDesk', 'true_positive_stays_open', 'validation_failed');
      await q.updateIncident(db, a.orgId, inc.id, {
        verdict,
        verdictReason: reason,
        // Whoever triages an unassigned incident takes it.
        assigneeUserId: inc.assigneeUserId ?? a.actor.userId,
      });
      const to = close ? 'closed' : inc.status === 'new' ? 'triaged' : null;
      if (to) {
        await moveIncident(ctx, {
          orgId: a.orgId,
          incidentId: inc.id,
          to,
          actorUserId: a.actor.userId,
          note: reason,
        });
      }
      await q.setAlertsStatus(db, a.orgId, inc.id, close ? 'closed' : 'acknowledged');
      req.audit = { target: inc.id, data: { verdict, close, to } };
      return detail(req, a, inc.id);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/incidents/:incidentId/move',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        body: s.moveBody,
        response: { 200: s.incidentDetailDto },
      },
      config: { audit: 'monitoring.incident_move' },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, staffOnly);
      if (req.body.to === 'contacted') throw ruleError('monitoringDesk', 'use_contact', 'validation_failed');
      const before = await getIncident(ctx, a.orgId, req.params.incidentId);
      const moved = await moveIncident(ctx, {
        orgId: a.orgId,
        incidentId: req.params.incidentId,
        to: req.body.to,
        actorUserId: a.actor.userId,
        note: req.body.note,
      });
      if (moved.status === 'resolved' || moved.status === 'closed') {
        await q.setAlertsStatus(db, a.orgId, moved.id, 'closed');
      }
      req.audit = { target: moved.id, data: { from: before.status, to: moved.status } };
      return detail(req, a, moved.id);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/incidents/:incidentId/contact',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        body: s.contactBody,
        response: { 200: s.incidentDetailDto.extend({ mailedTo: z.number() }) },
      },
      config: { audit: 'monitoring.incident_contact' },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, staffOnly);
      const st = await story(a, req.params.incidentId);
      if (laterSteps.includes(st.incident.status)) {
        // Already past "contacted" (remote or on-site work): tell the customer again without
        // moving backwards; the update stays readable by both sides as a shared note.
        if (req.body.doing) {
          await addNote(db, {
            incidentId: st.incident.id,
            orgId: a.orgId,
            authorUserId: a.actor.userId,
            authorName: a.actor.name,
            side: 'provider',
            visibility: 'shared',
            body: req.body.doing,
          });
        }
      } else {
        await moveIncident(ctx, {
          orgId: a.orgId,
          incidentId: st.incident.id,
          to: 'contacted',
          actorUserId: a.actor.userId,
          note: req.body.doing,
        });
      }
      const mailed = await contactCustomer(ctx, st, req.body.doing, req.log);
      req.audit = { target: st.incident.id, data: { mailed: mailed.length } };
      return { ...(await detail(req, a, st.incident.id)), mailedTo: mailed.length };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/incidents/:incidentId/escalate',
    {
      schema: {
        tags,
        security,
        params: s.incidentParams,
        body: s.escalateBody,
        response: { 200: s.incidentDetailDto },
      },
      config: { audit: 'monitoring.incident_escalate' },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, staffOnly);
      const st = await story(a, req.params.incidentId);
      const severity = Math.min(4, st.incident.severity + 1);
      const updated = await q.updateIncident(db, a.orgId, st.incident.id, {
        severity,
        escalatedAt: new Date(),
      });
      await addNote(db, {
        incidentId: st.incident.id,
        orgId: a.orgId,
        authorUserId: a.actor.userId,
        authorName: a.actor.name,
        side: 'provider',
        visibility: 'internal',
        body: req.body.reason,
      });
      const mailed = await mailEscalation(
        ctx,
        a.providerOrgId as string,
        { ...st, incident: updated ?? st.incident },
        a.actor.name,
        req.body.reason,
      );
      req.audit = { target: st.incident.id, data: { from: st.incident.severity, to: severity, mailed } };
      return detail(req, a, st.incident.id);
    },
  );

  // ---- the SME's webhook --------------------------------------------------------------------

  const presentHook = (h: NonNullable<Awaited<ReturnType<typeof getWebhook>>>) => ({
    url: h.url,
    lastStatus: h.lastStatus,
    lastError: h.lastError,
    lastAt: h.lastAt?.toISOString() ?? null,
    signatureHeader: SIGNATURE_HEADER,
  });
  const hookOwner = { sme: ['owner'], provider: [] } as const;

  app.get(
    '/api/v1/orgs/:orgId/monitoring/webhook',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        response: { 200: z.object({ webhook: s.webhookDto.nullable() }) },
      },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, hookOwner);
      const h = await getWebhook(db, a.orgId);
      return { webhook: h ? presentHook(h) : null };
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/monitoring/webhook',
    {
      schema: {
        tags,
        security,
        params: orgParams,
        body: s.webhookBody,
        response: { 200: s.webhookDto.extend({ secret: z.string() }) },
      },
      config: { audit: 'monitoring.webhook_save' },
    },
    async (req) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, hookOwner);
      if (!webhookUrlAllowed(req.body.url, ctx.config.publicUrl)) {
        throw new AppError('validation_failed', {
          fields: { url: { key: 'monitoringDesk.errors.webhook_url' } },
        });
      }
      const secret = req.body.secret ?? newWebhookSecret();
      const h = await saveWebhook(db, a.orgId, req.body.url, secret);
      req.audit = { target: a.orgId, data: { url: h.url } };
      // The secret is shown once, like a sensor token.
      return { ...presentHook(h), secret };
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/monitoring/webhook',
    { schema: { tags, security, params: orgParams }, config: { audit: 'monitoring.webhook_delete' } },
    async (req, reply) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, hookOwner);
      if (!(await deleteWebhook(db, a.orgId))) throw ruleError('monitoringDesk', 'no_webhook', 'not_found');
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/monitoring/webhook/test',
    { schema: { tags, security, params: orgParams }, config: { audit: 'monitoring.webhook_test' } },
    async (req, reply) => {
      const a = await requireCustomerAccess(req, db, req.params.orgId, hookOwner);
      const h = await getWebhook(db, a.orgId);
      if (!h) throw ruleError('monitoringDesk', 'no_webhook', 'not_found');
      deliverWebhook(db, h, 'ping', { orgId: a.orgId }, req.log);
      return reply.status(202).send();
    },
  );
}
