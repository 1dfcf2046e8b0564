import { randomUUID } from 'node:crypto';
import { listOperators } from '../../kernel/auth/users.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { latestDiagnosisSummary } from '../diagnosis/index.ts';
import { getOrgProfile, orgManagers } from '../orgs/index.ts';
import * as repo from './services.repo.ts';
import type { Application } from './services.schema.ts';
import { type CheckResult, checkOffer, loadStandard, type ServiceOffer } from './services.standard.ts';

export const standard = loadStandard();

export function offerOf(a: Application): ServiceOffer {
  return {
    tier: a.tier,
    type: a.type,
    monthlyNetworkFee: a.monthlyNetworkFee,
    monthlyFeePerDevice: a.monthlyFeePerDevice,
    minDevices: a.minDevices,
    maxMonitoredDevices: a.maxMonitoredDevices,
    deskChannels: a.deskChannels,
    monitoringHours: a.monitoringHours,
    onsite: { available: a.onsite.available, remoteOnly: a.onsite.remoteOnly },
    insurance: a.insurance
      ? { insurer: a.insurance.insurer, coversInitialResponse: a.insurance.coversInitialResponse }
      : null,
    easeDescription: a.easeDescription,
  };
}

export function presentChecks(results: CheckResult[], lang: Lang) {
  const titles = new Map(standard.requirements.map((r) => [r.id, r.title[lang]]));
  return results.map((r) => ({
    id: r.id,
    title: titles.get(r.id) ?? r.id,
    status: r.status,
    message: t(lang, `services.check.${r.reason}`, yen(r.params, lang)),
  }));
}

/** Amounts read as amounts: 10,000 not 10000. */
export function yen(params: Record<string, unknown> | undefined, lang: Lang) {
  if (!params) return params;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'number' && v >= 1000 ? v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') : v,
    ]),
  );
}

async function mustProvider(ctx: ModuleContext, orgId: string) {
  const profile = await getOrgProfile(ctx, orgId);
  if (profile.kind !== 'provider') throw ruleError('services', 'not_provider', 'forbidden');
  return profile;
}

async function mailProvider(
  ctx: ModuleContext,
  orgId: string,
  key: string,
  url: string,
  params: (lang: Lang) => Record<string, unknown>,
) {
  for (const m of await orgManagers(ctx, orgId)) {
    await ctx.mailer.send(
      renderActionMail(m.locale, key, { email: m.email, name: m.name }, url, params(m.locale)),
    );
  }
}

export async function createApplication(ctx: ModuleContext, orgId: string, data: Application) {
  await mustProvider(ctx, orgId);
  const id = randomUUID();
  await repo.insertService(
    ctx.db,
    { id, orgId, status: 'draft', currentVersion: 1 },
    {
      serviceId: id,
      orgId,
      version: 1,
      standardVersion: standard.version,
      data,
      checks: checkOffer(standard, offerOf(data)),
    },
  );
  return id;
}

async function mustOwn(ctx: ModuleContext, orgId: string, id: string) {
  const s = await repo.findOwnService(ctx.db, orgId, id);
  if (!s) throw new AppError('not_found');
  return s;
}

/** Edits the working version; once a version was submitted, editing starts the next one. */
export async function updateApplication(ctx: ModuleContext, orgId: string, id: string, data: Application) {
  const s = await mustOwn(ctx, orgId, id);
  if (s.status === 'submitted' || s.status === 'in_review') throw ruleError('services', 'under_review');
  const current = await repo.findVersion(ctx.db, id, s.currentVersion);
  const checks = checkOffer(standard, offerOf(data));
  if (current && !current.submittedAt) {
    await repo.updateVersion(ctx.db, id, s.currentVersion, {
      data,
      checks,
      standardVersion: standard.version,
    });
    await repo.updateService(ctx.db, id, {});
  } else {
    const next = s.currentVersion + 1;
    await repo.insertVersion(ctx.db, {
      serviceId: id,
      orgId,
      version: next,
      standardVersion: standard.version,
      data,
      checks,
    });
    await repo.updateService(ctx.db, id, { currentVersion: next, status: 'draft' });
  }
}

export async function submit(ctx: ModuleContext, orgId: string, id: string, lang: Lang) {
  const s = await mustOwn(ctx, orgId, id);
  if (s.status !== 'draft' && s.status !== 'changes_requested' && s.status !== 'rejected')
    throw ruleError('services', 'under_review');
  const v = await repo.findVersion(ctx.db, id, s.currentVersion);
  if (!v || v.submittedAt) throw ruleError('services', 'nothing_to_submit');
  const checks = checkOffer(standard, offerOf(v.data as Application));
  const failing = checks.filter((c) => c.status === 'fail');
  if (failing.length) {
    throw new AppError('checks_failed', {
      kind: 'unprocessable',
      messageKey: 'services.errors.checks_failed',
      fields: Object.fromEntries(
        failing.map((f) => [f.id, { key: `services.check.${f.reason}`, params: f.params }]),
      ),
    });
  }
  await repo.updateVersion(ctx.db, id, v.version, { submittedAt: new Date(), checks });
  await repo.updateService(ctx.db, id, { status: 'submitted' });
  await repo.insertReviews(ctx.db, [
    {
      id: randomUUID(),
      serviceId: id,
      version: v.version,
      standardVersion: v.standardVersion,
      action: 'submitted',
    },
  ]);
  // Operators learn there is something to review.
  const name = (v.data as Application).name;
  for (const op of await listOperators(ctx.db)) {
    await ctx.mailer.send(
      renderActionMail(
        op.locale,
        'mail.service_submitted',
        { email: op.email, name: op.name },
        `${ctx.config.publicUrl}/admin/services/${id}`,
        {
          service: name,
          version: v.version,
        },
      ),
    );
  }
}

const transitions: Record<string, { from: Array<repo.ServiceRow['status']>; to: repo.ServiceRow['status'] }> =
  {
    start_review: { from: ['submitted'], to: 'in_review' },
    request_changes: { from: ['submitted', 'in_review'], to: 'changes_requested' },
    approve: { from: ['submitted', 'in_review'], to: 'approved' },
    reject: { from: ['submitted', 'in_review'], to: 'rejected' },
  };

/** The operator's review: every step recorded against the standard version of the reviewed version. */
export async function review(
  ctx: ModuleContext,
  actorId: string,
  id: string,
  input: {
    action: keyof typeof transitions;
    comments: Array<{ requirementId: string; comment: string }>;
    note?: string | undefined;
  },
) {
  const s = await repo.findService(ctx.db, id);
  if (!s) throw new AppError('not_found');
  const tr = transitions[input.action] as (typeof transitions)[string];
  if (!tr.from.includes(s.status)) throw ruleError('services', 'bad_transition');
  const v = (await repo.findVersion(ctx.db, id, s.currentVersion)) as repo.VersionRow;
  const known = new Set(standard.requirements.map((r) => r.id));
  const fields: Record<string, { key: string }> = {};
  input.comments.forEach((c, i) => {
    if (!known.has(c.requirementId))
      fields[`comments.${i}.requirementId`] = { key: 'services.fields.unknown_requirement' };
  });
  if (input.action === 'request_changes' && input.comments.length === 0)
    fields.comments = { key: 'services.fields.comments_required' };
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });

  const base = { serviceId: id, version: v.version, standardVersion: v.standardVersion, actorId };
  await repo.insertReviews(ctx.db, [
    { id: randomUUID(), ...base, action: input.action, comment: input.note ?? null },
    ...input.comments.map((c) => ({
      id: randomUUID(),
      ...base,
      action: 'comment',
      requirementId: c.requirementId,
      comment: c.comment,
    })),
  ]);
  await repo.updateService(ctx.db, id, {
    status: tr.to,
    ...(tr.to === 'approved' ? { approvedVersion: v.version, approvedAt: new Date() } : {}),
  });
  const name = (v.data as Application).name;
  await mailProvider(
    ctx,
    s.orgId,
    'mail.service_review',
    `${ctx.config.publicUrl}/orgs/${s.orgId}/services/${id}`,
    (lang) => ({
      service: name,
      status: t(lang, `services.status.${tr.to}`),
      comments: input.comments.length
        ? input.comments
            .map(
              (c) =>
                `・${standard.requirements.find((r) => r.id === c.requirementId)?.title[lang] ?? c.requirementId}: ${c.comment}`,
            )
            .join('\n')
        : (input.note ?? '—'),
    }),
  );
  return tr.to;
}

export async function myService(ctx: ModuleContext, orgId: string, id: string, lang: Lang) {
  const s = await mustOwn(ctx, orgId, id);
  return presentOwn(ctx, s, lang);
}

export async function presentOwn(ctx: ModuleContext, s: repo.ServiceRow, lang: Lang) {
  const [v, reviews] = await Promise.all([
    repo.findVersion(ctx.db, s.id, s.currentVersion),
    repo.listReviews(ctx.db, s.id),
  ]);
  const checks = presentChecks(
    checkOffer(standard, offerOf((v as repo.VersionRow).data as Application)),
    lang,
  );
  const titles = new Map(standard.requirements.map((r) => [r.id, r.title[lang]]));
  return {
    id: s.id,
    status: s.status,
    currentVersion: s.currentVersion,
    approvedVersion: s.approvedVersion,
    updatedAt: s.updatedAt.toISOString(),
    data: (v as repo.VersionRow).data,
    checks,
    passed: checks.every((c) => c.status !== 'fail'),
    reviews: reviews.map((r) => ({
      action: r.action,
      version: r.version,
      standardVersion: r.standardVersion,
      requirementId: r.requirementId,
      requirementTitle: r.requirementId ? (titles.get(r.requirementId) ?? null) : null,
      comment: r.comment,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export async function listMine(ctx: ModuleContext, orgId: string, lang: Lang) {
  return Promise.all((await repo.listOwnServices(ctx.db, orgId)).map((s) => presentOwn(ctx, s, lang)));
}

export async function reviewQueue(ctx: ModuleContext, statuses: string[], lang: Lang) {
  const rows = await repo.listQueue(ctx.db, statuses);
  return Promise.all(
    rows.map(async (s) => ({
      ...(await presentOwn(ctx, s, lang)),
      providerName: (await getOrgProfile(ctx, s.orgId)).name,
    })),
  );
}

export async function reviewItem(ctx: ModuleContext, id: string, lang: Lang) {
  const s = await repo.findService(ctx.db, id);
  if (!s) throw new AppError('not_found');
  return { ...(await presentOwn(ctx, s, lang)), providerName: (await getOrgProfile(ctx, s.orgId)).name };
}

// ---- the public registry ----

type Listed = Awaited<ReturnType<typeof repo.listApproved>>[number];

function monthlyPrice(a: Application): number {
  return Math.max(a.monthlyNetworkFee ?? 0, a.monthlyFeePerDevice ?? 0);
}

async function presentPublic(ctx: ModuleContext, row: Listed) {
  return {
    id: row.service.id,
    providerName: (await getOrgProfile(ctx, row.service.orgId)).name,
    version: row.version.version,
    approvedAt: row.service.approvedAt?.toISOString() ?? null,
    standardVersion: row.version.standardVersion,
    data: row.version.data as Application,
  };
}

export async function publicList(
  ctx: ModuleContext,
  q: {
    type?: string | undefined;
    prefecture?: string | undefined;
    tier?: string | undefined;
    maxMonthly?: number | undefined;
    q?: string | undefined;
  },
) {
  const rows = (await repo.listApproved(ctx.db)).filter((r) => {
    const a = r.version.data as Application;
    if (q.type && !(a.type === q.type || (q.type !== 'both' && a.type === 'both'))) return false;
    if (q.tier && a.tier !== q.tier) return false;
    if (q.prefecture && !a.prefectures.includes('all') && !a.prefectures.includes(q.prefecture)) return false;
    if (q.maxMonthly !== undefined && monthlyPrice(a) > q.maxMonthly) return false;
    if (q.q && !`${a.name} ${a.summary}`.toLowerCase().includes(q.q.toLowerCase())) return false;
    return true;
  });
  return Promise.all(rows.map((r) => presentPublic(ctx, r)));
}

export async function publicService(ctx: ModuleContext, id: string) {
  const [row] = await repo.listApproved(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return presentPublic(ctx, row);
}

/** An SME member asks the provider to get in touch; the diagnosis total goes only if they agree. */
export async function requestContact(
  ctx: ModuleContext,
  requester: { userId: string; name: string; email: string },
  serviceId: string,
  input: { orgId: string; message: string; shareDiagnosis: boolean },
) {
  const listed = await publicService(ctx, serviceId);
  const s = (await repo.findService(ctx.db, serviceId)) as repo.ServiceRow;
  const sme = await getOrgProfile(ctx, input.orgId);
  const latest = input.shareDiagnosis ? await latestDiagnosisSummary(ctx, input.orgId) : null;
  await repo.insertContact(ctx.db, {
    id: randomUUID(),
    serviceId,
    orgId: s.orgId,
    smeOrgId: input.orgId,
    smeOrgName: sme.name,
    requesterName: requester.name,
    requesterEmail: requester.email,
    message: input.message,
    diagnosisTotal: latest?.total ?? null,
  });
  await mailProvider(
    ctx,
    s.orgId,
    'mail.service_contact',
    `${ctx.config.publicUrl}/orgs/${s.orgId}/service-requests`,
    (lang) => ({
      service: listed.data.name,
      smeName: sme.name,
      requester: `${requester.name} <${requester.email}>`,
      message: input.message,
      diagnosis: latest
        ? t(lang, 'services.contact.diagnosis', { total: latest.total })
        : t(lang, 'services.contact.noDiagnosis'),
    }),
  );
}

export async function contactRequests(ctx: ModuleContext, orgId: string) {
  const [rows, mine] = await Promise.all([
    repo.listContacts(ctx.db, orgId),
    repo.listOwnServices(ctx.db, orgId),
  ]);
  const names = new Map<string, string>();
  for (const s of mine) {
    const v = await repo.findVersion(ctx.db, s.id, s.approvedVersion ?? s.currentVersion);
    names.set(s.id, ((v?.data ?? {}) as Partial<Application>).name ?? '');
  }
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.serviceId,
    serviceName: names.get(r.serviceId) ?? '',
    smeOrgName: r.smeOrgName,
    requesterName: r.requesterName,
    requesterEmail: r.requesterEmail,
    message: r.message,
    diagnosisTotal: r.diagnosisTotal,
    createdAt: r.createdAt.toISOString(),
  }));
}
