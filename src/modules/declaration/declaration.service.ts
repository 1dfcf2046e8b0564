import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { type Lang, t } from '../../kernel/i18n/index.ts';
import { renderActionMail } from '../../kernel/mail/templates.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { refLabel } from '../../kernel/reference.ts';
import { latestDiagnosisSummary } from '../diagnosis/index.ts';
import { findOrgIdByCorporateNumber, getOrgProfile, orgManagers } from '../orgs/index.ts';
import { publishedBasicPolicy } from '../policy/index.ts';
import * as repo from './declaration.repo.ts';

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const principlesFile = path.resolve(import.meta.dirname, '../../../content/declaration/principles.json');
const principles = z
  .object({
    version: z.string(),
    principles: z.array(z.object({ no: z.number(), title: text, practice: text })).length(5),
  })
  .parse(JSON.parse(readFileSync(principlesFile, 'utf8')));

/** ★★ needs a diagnosis from the last 12 months. */
export const DIAGNOSIS_VALID_MONTHS = 12;

export function listPrinciples(lang: Lang) {
  return principles.principles.map((p) => ({ no: p.no, title: p.title[lang], practice: p.practice[lang] }));
}

// Crockford-style alphabet: no I, L, O, U, so IDs survive being read aloud or typed.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newDeclarationId(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `SA-${part()}-${part()}`;
}

/** What ★★ still lacks, in the user's words, with where to go to fix it. */
export async function requirements(ctx: ModuleContext, orgId: string) {
  const [latest, policy] = await Promise.all([
    latestDiagnosisSummary(ctx, orgId),
    publishedBasicPolicy(ctx, orgId),
  ]);
  const since = new Date();
  since.setMonth(since.getMonth() - DIAGNOSIS_VALID_MONTHS);
  const diagnosisOk = !!latest && latest.createdAt >= since;
  return {
    diagnosis: {
      ok: diagnosisOk,
      at: latest?.createdAt.toISOString() ?? null,
      link: diagnosisOk ? null : '/diagnosis',
    },
    policy: { ok: !!policy, url: policy?.url ?? null, link: policy ? null : `/orgs/${orgId}/policies` },
    latestDiagnosisId: diagnosisOk ? (latest?.id ?? null) : null,
  };
}

export function presentPublic(d: repo.DeclarationRow) {
  return {
    id: d.id,
    orgName: d.orgName,
    prefecture: d.prefecture,
    industry: d.industry,
    star: d.star,
    // A declaration replaced by a newer one is no longer in force: to the public it is withdrawn.
    status: (d.status === 'superseded' ? 'withdrawn' : d.status) as 'active' | 'withdrawn' | 'revoked',
    declaredAt: d.declaredAt.toISOString(),
    endedAt: d.endedAt?.toISOString() ?? null,
    supersededBy: d.supersededBy,
    policyUrl: d.star === 2 ? d.policyUrl : null,
  };
}

export async function declare(
  ctx: ModuleContext,
  orgId: string,
  userId: string,
  body: { star: 1; pledges: number[] } | { star: 2 },
) {
  const profile = await getOrgProfile(ctx, orgId);
  let diagnosisId: string | null = null;
  let policyUrl: string | null = null;
  if (body.star === 2) {
    const req = await requirements(ctx, orgId);
    if (!req.diagnosis.ok || !req.policy.ok) {
      const fields: Record<string, { key: string }> = {};
      if (!req.diagnosis.ok) fields.diagnosis = { key: 'declaration.missing.diagnosis' };
      if (!req.policy.ok) fields.policy = { key: 'declaration.missing.policy' };
      throw new AppError('two_star_requirements_unmet', {
        kind: 'unprocessable',
        messageKey: 'declaration.errors.two_star_requirements_unmet',
        fields,
      });
    }
    diagnosisId = req.latestDiagnosisId;
    policyUrl = req.policy.url;
  }
  const { inserted, previous } = await repo.insertDeclaration(ctx.db, {
    id: newDeclarationId(),
    orgId,
    star: body.star,
    status: 'active',
    pledges: body.star === 1 ? [...body.pledges].sort() : null,
    orgName: profile.name,
    prefecture: profile.prefecture,
    industry: profile.industry,
    corporateNumber: profile.corporateNumber,
    diagnosisId,
    policyUrl,
    declaredBy: userId,
  });
  await notifyBuyers(ctx, orgId, inserted, previous ? 'changed' : 'declared');
  return inserted;
}

export async function listOrgDeclarations(ctx: ModuleContext, orgId: string) {
  return (await repo.listForOrg(ctx.db, orgId)).map(presentPublic);
}

export async function getPublic(ctx: ModuleContext, id: string) {
  const d = await repo.findDeclaration(ctx.db, id.toUpperCase());
  if (!d) throw new AppError('not_found');
  return d;
}

async function mailManagers(
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

async function notifyBuyers(ctx: ModuleContext, supplierOrgId: string, d: repo.DeclarationRow, what: string) {
  const buyers = await repo.buyersOf(ctx.db, supplierOrgId);
  for (const buyer of buyers) {
    await mailManagers(
      ctx,
      buyer,
      'mail.supplier_changed',
      `${ctx.config.publicUrl}/verify/${d.id}`,
      (lang) => ({
        supplier: d.orgName,
        change: t(lang, `declaration.change.${what}`, { star: '★'.repeat(d.star) }),
      }),
    );
  }
}

export async function withdraw(ctx: ModuleContext, orgId: string, id: string) {
  const d = await repo.findDeclaration(ctx.db, id.toUpperCase());
  if (!d || d.orgId !== orgId) throw new AppError('not_found');
  if (d.status !== 'active') throw ruleError('declaration', 'not_active');
  const ended = (await repo.endDeclaration(ctx.db, d.id, 'withdrawn', null)) as repo.DeclarationRow;
  await mailManagers(
    ctx,
    orgId,
    'mail.declaration_withdrawn',
    `${ctx.config.publicUrl}/verify/${d.id}`,
    () => ({
      id: d.id,
      orgName: d.orgName,
    }),
  );
  await notifyBuyers(ctx, orgId, ended, 'withdrawn');
  return ended;
}

export async function revoke(ctx: ModuleContext, id: string, reason: string) {
  const d = await repo.findDeclaration(ctx.db, id.toUpperCase());
  if (!d) throw new AppError('not_found');
  if (d.status !== 'active') throw ruleError('declaration', 'not_active');
  const ended = (await repo.endDeclaration(ctx.db, d.id, 'revoked', reason)) as repo.DeclarationRow;
  await mailManagers(
    ctx,
    d.orgId,
    'mail.declaration_revoked',
    `${ctx.config.publicUrl}/verify/${d.id}`,
    () => ({
      id: d.id,
      orgName: d.orgName,
      reason,
    }),
  );
  await notifyBuyers(ctx, d.orgId, ended, 'revoked');
  return ended;
}

export async function search(ctx: ModuleContext, q: Parameters<typeof repo.searchRegistry>[1]) {
  const r = await repo.searchRegistry(ctx.db, q);
  return { items: r.items.map(presentPublic), total: r.total };
}

export async function stats(ctx: ModuleContext, lang: Lang) {
  const s = await repo.registryStats(ctx.db);
  const byPref = new Map<string, { prefecture: string; name: string; oneStar: number; twoStar: number }>();
  for (const r of s.byPrefecture) {
    const e = byPref.get(r.prefecture) ?? {
      prefecture: r.prefecture,
      name: refLabel('prefecture', r.prefecture, lang),
      oneStar: 0,
      twoStar: 0,
    };
    if (r.star === 1) e.oneStar += r.count;
    else e.twoStar += r.count;
    byPref.set(r.prefecture, e);
  }
  return {
    total: s.byStar.reduce((a, b) => a + b.count, 0),
    oneStar: s.byStar.find((b) => b.star === 1)?.count ?? 0,
    twoStar: s.byStar.find((b) => b.star === 2)?.count ?? 0,
    byPrefecture: [...byPref.values()].sort((a, b) => a.prefecture.localeCompare(b.prefecture)),
  };
}

/**
 * For other modules (the owner's contractor check): a declaration found by its ID (any status,
 * so a withdrawn one shows as withdrawn) or the active one of the organisation with a 法人番号.
 */
export async function lookupDeclaration(
  ctx: Pick<ModuleContext, 'db'>,
  by: { declarationId?: string | null | undefined; corporateNumber?: string | null | undefined },
): Promise<DeclarationSummary | null> {
  let d: repo.DeclarationRow | undefined;
  if (by.declarationId) d = await repo.findDeclaration(ctx.db, by.declarationId.toUpperCase());
  else if (by.corporateNumber) {
    const orgId = await findOrgIdByCorporateNumber(ctx, by.corporateNumber);
    if (orgId) d = await repo.findActive(ctx.db, orgId);
  }
  if (!d) return null;
  const p = presentPublic(d);
  return { id: p.id, orgName: p.orgName, star: p.star, status: p.status, verifyPath: `/verify/${p.id}` };
}

export interface DeclarationSummary {
  id: string;
  orgName: string;
  star: number;
  status: 'active' | 'withdrawn' | 'revoked';
  /** The public verification page. */
  verifyPath: string;
}

// ---- supply chain ----

export async function addSupplier(
  ctx: ModuleContext,
  orgId: string,
  input: { label: string; declarationId?: string | undefined; corporateNumber?: string | undefined },
) {
  let supplierOrgId: string | null = null;
  let declarationId = input.declarationId?.toUpperCase() ?? null;
  if (declarationId) {
    const d = await repo.findDeclaration(ctx.db, declarationId);
    if (!d) throw ruleError('declaration', 'unknown_declaration', 'validation_failed');
    supplierOrgId = d.orgId;
  } else if (input.corporateNumber) {
    supplierOrgId = (await findOrgIdByCorporateNumber(ctx, input.corporateNumber)) ?? null;
  }
  if (supplierOrgId === orgId) throw ruleError('declaration', 'self_supplier', 'validation_failed');
  if (!declarationId && supplierOrgId)
    declarationId = (await repo.findActive(ctx.db, supplierOrgId))?.id ?? null;
  const row = await repo.insertSupplier(ctx.db, {
    id: randomUUID(),
    orgId,
    label: input.label,
    declarationId,
    corporateNumber: input.corporateNumber ?? null,
    supplierOrgId,
  });
  const added = (await listSuppliers(ctx, orgId)).find((s) => s.id === row.id);
  if (!added) throw new AppError('internal');
  return added;
}

/** The buyer's view: current star of each supplier, and its latest total only where granted. */
export async function listSuppliers(ctx: ModuleContext, orgId: string) {
  const rows = await repo.listSuppliers(ctx.db, orgId);
  const targets = rows.map((r) => r.supplierOrgId).filter((x): x is string => !!x);
  const [active, granted] = await Promise.all([
    repo.activeByOrgs(ctx.db, targets),
    repo.grantedTo(ctx.db, orgId, targets),
  ]);
  const byOrg = new Map(active.map((d) => [d.orgId, d]));
  return Promise.all(
    rows.map(async (r) => {
      const d = r.supplierOrgId ? byOrg.get(r.supplierOrgId) : undefined;
      const shared = !!r.supplierOrgId && granted.has(r.supplierOrgId);
      const latest = shared ? await latestDiagnosisSummary(ctx, r.supplierOrgId as string) : null;
      return {
        id: r.id,
        label: r.label,
        corporateNumber: r.corporateNumber,
        onMamori: !!r.supplierOrgId,
        declaration: d ? { id: d.id, star: d.star, declaredAt: d.declaredAt.toISOString() } : null,
        diagnosisShared: shared,
        latestDiagnosis: latest ? { total: latest.total, at: latest.createdAt.toISOString() } : null,
      };
    }),
  );
}

export async function removeSupplier(ctx: ModuleContext, orgId: string, id: string) {
  if (!(await repo.deleteSupplier(ctx.db, orgId, id))) throw new AppError('not_found');
}

/** The supplier's side: which buyers follow it, and whether each may see its diagnosis total. */
export async function listBuyers(ctx: ModuleContext, orgId: string) {
  const [buyers, consents] = await Promise.all([
    repo.buyersOf(ctx.db, orgId),
    repo.consentsOf(ctx.db, orgId),
  ]);
  const granted = new Set(consents.map((c) => c.buyerOrgId));
  return Promise.all(
    buyers.map(async (b) => ({
      orgId: b,
      name: (await getOrgProfile(ctx, b)).name,
      diagnosisShared: granted.has(b),
    })),
  );
}

export async function setConsent(ctx: ModuleContext, orgId: string, buyerOrgId: string, granted: boolean) {
  const buyers = await repo.buyersOf(ctx.db, orgId);
  if (!buyers.includes(buyerOrgId)) throw new AppError('not_found');
  await repo.setConsent(ctx.db, orgId, buyerOrgId, granted);
}
