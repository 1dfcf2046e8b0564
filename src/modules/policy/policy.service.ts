import { randomBytes, randomUUID } from 'node:crypto';
import { diffArrays } from 'diff';
import { escapeHtml } from '../../kernel/documents/html.ts';
import { validationError } from '../../kernel/http/error-handler.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { latestDiagnosisSummary } from '../diagnosis/index.ts';
import { getOrgProfile, listOrgMembers } from '../orgs/index.ts';
import {
  buildDocument,
  documentLines,
  fieldsSchema,
  isIncluded,
  type Toggles,
  type Values,
} from './policy.model.ts';
import { renderDocx, renderHtml, renderPdf } from './policy.render.ts';
import * as repo from './policy.repo.ts';
import { allSections, loadTemplates, type Template, type TemplateId } from './policy.template.ts';

const templates = loadTemplates();

export function getTemplate(id: string): Template {
  const tpl = templates.get(id as TemplateId);
  if (!tpl) throw new AppError('not_found');
  return tpl;
}

export function listTemplates(lang: Lang) {
  return [...templates.values()].map((tpl) => ({
    id: tpl.id,
    title: tpl.title[lang].replace(/\{\{\w+\}\}/g, '').trim(),
    description: tpl.description[lang],
    fields: tpl.fields.map((f) => ({
      id: f.id,
      type: f.type,
      label: f.label[lang],
      help: f.help?.[lang] ?? null,
      required: f.required,
      min: f.min ?? null,
      max: f.max ?? null,
      options: f.options?.map((o) => ({ value: o.value, label: o.label[lang] })) ?? null,
    })),
    sections: allSections(tpl).map((s) => ({
      id: s.id,
      heading: s.heading[lang],
      optional: s.optional === true,
    })),
  }));
}

/** Pre-filled values and section switches from the organisation's profile and latest diagnosis. */
export async function defaults(ctx: ModuleContext, orgId: string, templateId: string) {
  const tpl = getTemplate(templateId);
  const [profile, latest] = await Promise.all([
    getOrgProfile(ctx, orgId),
    latestDiagnosisSummary(ctx, orgId),
  ]);
  const values: Values = {};
  for (const f of tpl.fields) {
    const d = f.default;
    if (!d) continue;
    if ('profile' in d) values[f.id] = (profile[d.profile] as string | null) ?? '';
    else if ('value' in d) values[f.id] = d.value as Values[string];
    else if ('answer' in d) values[f.id] = d.answer.in.includes(latest?.answers[String(d.answer.item)] ?? '');
  }
  for (const f of tpl.fields) {
    if (values[f.id] === undefined && f.type === 'boolean') values[f.id] = false;
    if (values[f.id] === undefined && f.type === 'date')
      values[f.id] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  }
  const sections: Toggles = {};
  for (const s of allSections(tpl)) if (s.optional) sections[s.id] = isIncluded(s, values, {});
  const filled = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? null]));
  return {
    template: tpl.id,
    fields: filled,
    sections,
    basedOnDiagnosis: latest ? latest.createdAt.toISOString() : null,
  };
}

function validate(tpl: Template, fields: unknown, sections: unknown): { values: Values; toggles: Toggles } {
  const parsed = fieldsSchema(tpl).safeParse(fields);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((i) => ({
        keyword: i.code,
        instancePath: `/fields/${i.path.join('/')}`,
        message: i.message,
        params: { ...i } as Record<string, unknown>,
      })),
      'body',
      { fields },
    );
  }
  const optional = new Set(
    allSections(tpl)
      .filter((s) => s.optional)
      .map((s) => s.id),
  );
  const toggles: Toggles = {};
  for (const [id, on] of Object.entries((sections ?? {}) as Record<string, unknown>)) {
    if (!optional.has(id) || typeof on !== 'boolean') {
      throw new AppError('validation_failed', {
        fields: { [`sections.${id}`]: { key: 'policy.fields.unknown_section' } },
      });
    }
    toggles[id] = on;
  }
  return { values: parsed.data as Values, toggles };
}

/** Saves the filled form: a draft is edited in place; after approval a new version starts. */
export async function saveVersion(
  ctx: ModuleContext,
  orgId: string,
  userId: string,
  input: { template: string; fields: unknown; sections?: unknown },
) {
  const tpl = getTemplate(input.template);
  const { values, toggles } = validate(tpl, input.fields, input.sections);
  let doc = await repo.findDocumentByTemplate(ctx.db, orgId, tpl.id);
  if (!doc) {
    await repo.insertDocument(ctx.db, {
      id: randomUUID(),
      orgId,
      template: tpl.id,
      slug: randomBytes(9).toString('base64url'),
    });
    doc = (await repo.findDocumentByTemplate(ctx.db, orgId, tpl.id)) as repo.DocumentRow;
  }
  const [latest] = await repo.listVersions(ctx.db, orgId, doc.id);
  const row =
    latest && latest.status === 'draft'
      ? await repo.updateVersion(ctx.db, latest.id, {
          fields: values as repo.VersionRow['fields'],
          sections: toggles,
          templateVersion: tpl.version,
          updatedAt: new Date(),
        })
      : await repo.insertVersion(ctx.db, {
          id: randomUUID(),
          orgId,
          documentId: doc.id,
          version: (latest?.version ?? 0) + 1,
          templateVersion: tpl.version,
          fields: values as repo.VersionRow['fields'],
          sections: toggles,
          createdBy: userId,
        });
  return { id: doc.id, version: row.version, status: row.status };
}

async function mustDocument(ctx: ModuleContext, orgId: string, id: string) {
  const doc = await repo.findDocument(ctx.db, orgId, id);
  if (!doc) throw new AppError('not_found');
  return doc;
}

async function mustVersion(ctx: ModuleContext, orgId: string, doc: repo.DocumentRow, version?: number) {
  const row = version
    ? await repo.findVersion(ctx.db, orgId, doc.id, version)
    : (await repo.listVersions(ctx.db, orgId, doc.id))[0];
  if (!row) throw new AppError('not_found');
  return row;
}

export const publicPath = (slug: string) => `/policies/${slug}`;

export async function listPolicies(ctx: ModuleContext, orgId: string, lang: Lang) {
  const docs = await repo.listDocuments(ctx.db, orgId);
  return Promise.all(
    docs.map(async (d) => {
      const [latest] = await repo.listVersions(ctx.db, orgId, d.id);
      return {
        id: d.id,
        template: d.template,
        title: getTemplate(d.template)
          .title[lang].replace(/\{\{\w+\}\}/g, '')
          .trim(),
        version: latest?.version ?? 0,
        status: latest?.status ?? 'draft',
        updatedAt: (latest?.updatedAt ?? d.createdAt).toISOString(),
        publishedAt: d.publishedAt?.toISOString() ?? null,
        publicUrl: d.publishedVersionId ? `${ctx.config.publicUrl}${publicPath(d.slug)}` : null,
      };
    }),
  );
}

export async function getPolicy(ctx: ModuleContext, orgId: string, id: string, version?: number) {
  const doc = await mustDocument(ctx, orgId, id);
  const [versions, members] = await Promise.all([
    repo.listVersions(ctx.db, orgId, doc.id),
    listOrgMembers(ctx, orgId),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const current = version ? versions.find((v) => v.version === version) : versions[0];
  if (!current) throw new AppError('not_found');
  const published = versions.find((v) => v.id === doc.publishedVersionId);
  return {
    id: doc.id,
    template: doc.template,
    publishedVersion: published?.version ?? null,
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    publicUrl: published ? `${ctx.config.publicUrl}${publicPath(doc.slug)}` : null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
      approvedAt: v.approvedAt?.toISOString() ?? null,
      approvedByName: (v.approvedBy && names.get(v.approvedBy)) ?? null,
    })),
    current: {
      version: current.version,
      status: current.status,
      fields: current.fields,
      sections: current.sections,
    },
  };
}

export async function approve(
  ctx: ModuleContext,
  orgId: string,
  id: string,
  version: number,
  userId: string,
) {
  const doc = await mustDocument(ctx, orgId, id);
  const row = await mustVersion(ctx, orgId, doc, version);
  if (row.status === 'approved') return { version: row.version, status: row.status };
  const [latest] = await repo.listVersions(ctx.db, orgId, doc.id);
  if (latest?.id !== row.id) throw ruleError('policy', 'not_latest', 'conflict');
  const v = await repo.updateVersion(ctx.db, row.id, {
    status: 'approved',
    approvedBy: userId,
    approvedAt: new Date(),
  });
  return { version: v.version, status: v.status };
}

export function documentOf(row: repo.VersionRow, template: string, lang: Lang) {
  return buildDocument(getTemplate(template), row.fields as Values, row.sections, lang);
}

export async function diff(
  ctx: ModuleContext,
  orgId: string,
  id: string,
  from: number,
  to: number,
  lang: Lang,
) {
  const doc = await mustDocument(ctx, orgId, id);
  const [a, b] = await Promise.all([mustVersion(ctx, orgId, doc, from), mustVersion(ctx, orgId, doc, to)]);
  const changes = diffArrays(
    documentLines(documentOf(a, doc.template, lang)),
    documentLines(documentOf(b, doc.template, lang)),
  );
  return {
    from,
    to,
    lines: changes.flatMap((c) =>
      c.value.map((text) => ({
        change: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const),
        text,
      })),
    ),
  };
}

export async function exportPolicy(
  ctx: ModuleContext,
  orgId: string,
  id: string,
  format: 'docx' | 'pdf' | 'html',
  version: number | undefined,
  lang: Lang,
) {
  const doc = await mustDocument(ctx, orgId, id);
  const row = await mustVersion(ctx, orgId, doc, version);
  const model = documentOf(row, doc.template, lang);
  const name = `${doc.template}-v${row.version}`;
  if (format === 'docx') {
    return {
      body: await renderDocx(model),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: `${name}.docx`,
    };
  }
  if (format === 'pdf')
    return { body: await renderPdf(model), type: 'application/pdf', filename: `${name}.pdf` };
  return { body: renderHtml(model), type: 'text/html; charset=utf-8', filename: `${name}.html` };
}

/** Only the basic policy goes public, and only an approved version of it. */
export async function publish(ctx: ModuleContext, orgId: string, id: string, version?: number) {
  const doc = await mustDocument(ctx, orgId, id);
  if (doc.template !== 'basic-policy') throw ruleError('policy', 'only_basic_policy_public', 'unprocessable');
  const versions = await repo.listVersions(ctx.db, orgId, doc.id);
  const chosen = version
    ? versions.find((v) => v.version === version)
    : versions.find((v) => v.status === 'approved');
  if (version && !chosen) throw new AppError('not_found');
  if (!chosen || chosen.status !== 'approved') throw ruleError('policy', 'not_approved', 'unprocessable');
  await repo.setPublished(ctx.db, doc.id, chosen.id);
  return { publicUrl: `${ctx.config.publicUrl}${publicPath(doc.slug)}`, version: chosen.version };
}

export async function unpublish(ctx: ModuleContext, orgId: string, id: string) {
  const doc = await mustDocument(ctx, orgId, id);
  await repo.setPublished(ctx.db, doc.id, null);
}

/** For the declaration module: the published basic policy of an organisation, if any. */
export async function publishedBasicPolicy(ctx: Pick<ModuleContext, 'db' | 'config'>, orgId: string) {
  const doc = await repo.findPublished(ctx.db, orgId, 'basic-policy');
  if (!doc?.publishedAt) return null;
  return {
    url: `${ctx.config.publicUrl}${publicPath(doc.slug)}`,
    path: publicPath(doc.slug),
    publishedAt: doc.publishedAt,
  };
}

/** The public page of a published basic policy. */
export async function publicPage(
  ctx: ModuleContext,
  slug: string,
  lang: Lang,
  labels: { published: string; note: string },
) {
  const row = await repo.findPublishedBySlug(ctx.db, slug);
  if (!row) return null;
  const model = documentOf(row.version, row.document.template, lang);
  const when = row.document.publishedAt?.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
  });
  return renderHtml(
    model,
    `<p class="note">${escapeHtml(labels.published.replace('{{date}}', when ?? ''))} ${escapeHtml(labels.note)}</p>`,
  );
}
