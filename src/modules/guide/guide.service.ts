import { randomUUID } from 'node:crypto';
import type { Actor } from '../../kernel/http/context.ts';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { refLabel } from '../../kernel/reference.ts';
import { currentBank } from '../diagnosis/index.ts';
import { learningThemeList } from '../learning/index.ts';
import { getIncident, type IncidentDto } from '../monitoring/index.ts';
import { getOrgProfile, listOrgMembers, providersOf } from '../orgs/index.ts';
import { type Contact, type FormId, loadContent, type Organisation, type Topic } from './guide.content.ts';
import * as repo from './guide.repo.ts';
import { checkValues, normalise, prefill, type ReportValues, reportText } from './guide.reports.ts';
import type { CaseStatus } from './guide.tables.ts';

const bankItems = () => currentBank().parts.flatMap((p) => p.items);

// Loaded once at start; a wrong id in content/guide fails start with the file's name.
const content = loadContent({
  diagnosisItems: new Set(bankItems().map((i) => i.no)),
  learningThemes: new Set(learningThemeList('ja').map((x) => x.id)),
});

function unknownTopic(): AppError {
  return new AppError('unknown_topic', {
    kind: 'validation_failed',
    messageKey: 'guide.errors.unknown_topic',
    fields: { topic: { key: 'guide.fields.unknown_topic' } },
  });
}

function mustTopic(id: string): Topic {
  const topic = content.topicById.get(id);
  if (!topic) throw new AppError('not_found');
  return topic;
}

function contactHref(c: Contact): string {
  if (c.kind === 'phone') return `tel:${encodeURIComponent(c.value.replace(/-/g, ''))}`;
  if (c.kind === 'email') return `mailto:${c.value}`;
  return c.value;
}

function presentOrganisation(o: Organisation, lang: Lang) {
  return {
    id: o.id,
    name: o.name[lang],
    about: o.about[lang],
    url: o.url ?? null,
    contacts: o.contacts.map((c) => ({
      kind: c.kind,
      value: c.value,
      label: c.label[lang],
      hours: c.hours?.[lang] ?? null,
      check: c.check === true,
      urgent: c.urgent === true,
      href: contactHref(c),
    })),
  };
}

export function topicList(lang: Lang) {
  return content.topics.map((x) => ({
    id: x.id,
    title: x.title[lang],
    summary: x.summary[lang],
    signs: x.signs[lang],
  }));
}

export function topicDetail(id: string, lang: Lang) {
  const topic = mustTopic(id);
  return {
    id: topic.id,
    title: topic.title[lang],
    summary: topic.summary[lang],
    signs: topic.signs[lang],
    dont: topic.dont[lang],
    steps: topic.steps.map((s) => {
      const org = s.referral ? content.orgById.get(s.referral) : undefined;
      return {
        id: s.id,
        phase: s.phase,
        text: s.text[lang],
        detail: s.detail?.[lang] ?? null,
        referral: org ? presentOrganisation(org, lang) : null,
      };
    }),
    reportForms: topic.reportForms.map((f) => ({ id: f, title: content.forms.get(f)?.title[lang] ?? f })),
    threats: content.threats.threats
      .filter((th) => th.guideTopics.includes(topic.id))
      .map((th) => ({ id: th.id, rank: th.rank, title: th.title[lang] })),
  };
}

/** The referral map: organisations for one kind of trouble, or all of them. */
export function referrals(topicId: string | undefined, lang: Lang) {
  const topics = content.referrals.topics.map((x) => ({ id: x.id, title: x.title[lang] }));
  if (topicId === undefined || topicId === '') {
    return {
      topic: null,
      items: content.referrals.organisations.map((o) => presentOrganisation(o, lang)),
      topics,
    };
  }
  const topic = topics.find((x) => x.id === topicId);
  if (!topic) throw unknownTopic();
  return {
    topic,
    items: content.referrals.organisations
      .filter((o) => o.topics.includes(topicId))
      .map((o) => presentOrganisation(o, lang)),
    topics,
  };
}

function listMeta() {
  const { year, publishedOn, sourceUrl, orderConfirmed } = content.threats;
  return { year, publishedOn, sourceUrl, orderConfirmed };
}

export function threatList(lang: Lang) {
  return {
    ...listMeta(),
    items: content.threats.threats.map((th) => ({
      id: th.id,
      rank: th.rank,
      title: th.title[lang],
      summary: th.summary[lang],
    })),
  };
}

export function threatDetail(id: string, lang: Lang) {
  const th = content.threatById.get(id);
  if (!th) throw new AppError('not_found');
  const items = new Map(bankItems().map((i) => [i.no, i]));
  const themes = new Map(learningThemeList(lang).map((x) => [x.id, x]));
  return {
    ...listMeta(),
    id: th.id,
    rank: th.rank,
    title: th.title[lang],
    summary: th.summary[lang],
    impact: th.impact[lang],
    measures: th.measures[lang],
    diagnosisItems: th.diagnosisItems.map((no) => ({ no, topic: items.get(no)?.topic[lang] ?? String(no) })),
    learningThemes: th.learningThemes.map((x) => ({ id: x, title: themes.get(x)?.title ?? x })),
    guideTopics: th.guideTopics.map((x) => ({ id: x, title: mustTopic(x).title[lang] })),
  };
}

// ---- cases: a situation an organisation is working through with the guide ----

type CaseRow = repo.CaseRow;

function presentSummary(c: CaseRow, doneCount: number, lang: Lang) {
  const topic = content.topicById.get(c.topic);
  return {
    id: c.id,
    topic: c.topic,
    topicTitle: topic?.title[lang] ?? c.topic,
    title: c.title,
    status: c.status,
    incidentId: c.incidentId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    doneCount,
    stepCount: topic?.steps.length ?? 0,
  };
}

// The people a case says to tell: those who run the company and do its security work.
const toldRoles = ['owner', 'practitioner', 'manager'];

async function presentCase(ctx: ModuleContext, c: CaseRow, lang: Lang) {
  const topic = content.topicById.get(c.topic);
  const known = new Set(topic?.steps.map((s) => s.id) ?? []);
  const [ticked, members, providers] = await Promise.all([
    repo.stepsOf(ctx.db, c.orgId, c.id),
    listOrgMembers(ctx, c.orgId),
    providersOf(ctx, c.orgId),
  ]);
  // Steps removed from the content since they were ticked no longer count.
  const steps = ticked.filter((s) => known.has(s.stepId));
  return {
    ...presentSummary(c, steps.length, lang),
    notes: c.notes,
    steps: steps.map((s) => ({
      stepId: s.stepId,
      doneAt: s.doneAt.toISOString(),
      doneByName: s.doneByName ?? null,
    })),
    reports: (topic?.reportForms ?? []).map((f) => ({
      id: f,
      title: content.forms.get(f)?.title[lang] ?? f,
      savedAt: c.reports[f]?.savedAt ?? null,
    })),
    people: members
      .filter((m) => toldRoles.includes(m.role))
      .map((m) => ({ name: m.name, email: m.email, role: m.role })),
    providers: providers.map((p) => ({ name: p.providerName })),
  };
}

async function mustCase(ctx: ModuleContext, orgId: string, caseId: string): Promise<CaseRow> {
  const c = await repo.findCase(ctx.db, orgId, caseId);
  if (!c) throw new AppError('not_found');
  return c;
}

function mustBeOpen(c: CaseRow): void {
  if (c.status === 'closed') throw ruleError('guide', 'case_closed');
}

export async function createCase(
  ctx: ModuleContext,
  orgId: string,
  actor: Actor,
  input: { topic: string; title?: string; incidentId?: string },
  lang: Lang,
) {
  const topic = content.topicById.get(input.topic);
  if (!topic) throw unknownTopic();
  if (input.incidentId) {
    try {
      await getIncident(ctx, orgId, input.incidentId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found')
        throw new AppError('unknown_incident', {
          kind: 'validation_failed',
          messageKey: 'guide.errors.unknown_incident',
          fields: { incidentId: { key: 'guide.fields.unknown_incident' } },
        });
      throw err;
    }
  }
  const c = await repo.insertCase(ctx.db, {
    id: randomUUID(),
    orgId,
    topic: topic.id,
    title: input.title || topic.title[lang],
    incidentId: input.incidentId ?? null,
    createdBy: actor.userId,
  });
  return presentCase(ctx, c, lang);
}

export async function listCases(
  ctx: ModuleContext,
  orgId: string,
  q: { status?: CaseStatus; topic?: string; page: number; pageSize: number },
  lang: Lang,
) {
  const { items, total } = await repo.listCases(ctx.db, orgId, {
    status: q.status,
    topic: q.topic,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const done = await repo.countSteps(
    ctx.db,
    orgId,
    items.map((c) => c.id),
  );
  return { items: items.map((c) => presentSummary(c, done.get(c.id) ?? 0, lang)), total };
}

export async function getCase(ctx: ModuleContext, orgId: string, caseId: string, lang: Lang) {
  return presentCase(ctx, await mustCase(ctx, orgId, caseId), lang);
}

export async function updateCase(
  ctx: ModuleContext,
  orgId: string,
  caseId: string,
  input: { title?: string; notes?: string; status?: CaseStatus },
  lang: Lang,
) {
  const c = await mustCase(ctx, orgId, caseId);
  const reopening = input.status === 'open';
  if (!reopening && (input.title !== undefined || input.notes !== undefined)) mustBeOpen(c);
  const set: Parameters<typeof repo.updateCase>[3] = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.notes !== undefined) set.notes = input.notes;
  if (input.status && input.status !== c.status) {
    set.status = input.status;
    set.closedAt = input.status === 'closed' ? new Date() : null;
  }
  const updated = await repo.updateCase(ctx.db, orgId, caseId, set);
  if (!updated) throw new AppError('not_found');
  return presentCase(ctx, updated, lang);
}

export async function setStep(
  ctx: ModuleContext,
  orgId: string,
  caseId: string,
  stepId: string,
  actor: Actor,
  done: boolean,
  lang: Lang,
) {
  const c = await mustCase(ctx, orgId, caseId);
  mustBeOpen(c);
  if (!content.topicById.get(c.topic)?.steps.some((s) => s.id === stepId))
    throw new AppError('not_found', { messageKey: 'guide.errors.unknown_step' });
  await repo.setStep(ctx.db, { orgId, caseId, stepId, userId: actor.userId }, done);
  return getCase(ctx, orgId, caseId, lang);
}

// ---- IPA report drafts ----

function mustForm(c: CaseRow, form: FormId) {
  const f = content.forms.get(form);
  if (!f || !content.topicById.get(c.topic)?.reportForms.includes(form))
    throw new AppError('not_found', { messageKey: 'guide.errors.form_not_for_topic' });
  return f;
}

async function incidentOf(ctx: ModuleContext, c: CaseRow): Promise<IncidentDto | null> {
  if (!c.incidentId) return null;
  try {
    return await getIncident(ctx, c.orgId, c.incidentId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

async function draftValues(ctx: ModuleContext, c: CaseRow, form: FormId, actor: Actor, lang: Lang) {
  const f = mustForm(c, form);
  const saved = c.reports[form];
  const incident = await incidentOf(ctx, c);
  if (saved) return { f, values: normalise(f, saved.values), savedAt: saved.savedAt, incident };
  const profile = await getOrgProfile(ctx, c.orgId);
  const values = prefill(
    f,
    {
      today: new Date(),
      org: { name: profile.name, prefectureLabel: refLabel('prefecture', profile.prefecture, lang) },
      reporter: { name: actor.name, email: actor.email },
      case: { topic: c.topic, title: c.title, notes: c.notes, createdAt: c.createdAt },
      incident,
    },
    lang,
  );
  return { f, values, savedAt: null, incident };
}

export async function getReport(
  ctx: ModuleContext,
  orgId: string,
  caseId: string,
  form: FormId,
  actor: Actor,
  lang: Lang,
) {
  const c = await mustCase(ctx, orgId, caseId);
  const { f, values, savedAt, incident } = await draftValues(ctx, c, form, actor, lang);
  return {
    form: {
      id: f.id,
      title: f.title[lang],
      lead: f.lead[lang],
      note: f.note[lang],
      submitUrl: f.submitUrl,
      exampleUrl: f.exampleUrl,
      sections: f.sections.map((s) => ({
        id: s.id,
        title: s.title[lang],
        fields: s.fields.map((x) => ({
          id: x.id,
          kind: x.kind,
          label: x.label[lang],
          options: 'options' in x ? x.options.map((o) => ({ value: o.value, label: o.label[lang] })) : null,
        })),
      })),
    },
    values,
    savedAt,
    fromIncident: incident !== null,
  };
}

export async function saveReport(
  ctx: ModuleContext,
  orgId: string,
  caseId: string,
  form: FormId,
  values: ReportValues,
  actor: Actor,
  lang: Lang,
) {
  const c = await mustCase(ctx, orgId, caseId);
  mustBeOpen(c);
  const checked = checkValues(mustForm(c, form), values);
  await repo.saveReport(ctx.db, orgId, caseId, form, checked);
  return getReport(ctx, orgId, caseId, form, actor, lang);
}

export async function reportAsText(
  ctx: ModuleContext,
  orgId: string,
  caseId: string,
  form: FormId,
  actor: Actor,
  lang: Lang,
) {
  const c = await mustCase(ctx, orgId, caseId);
  const { f, values } = await draftValues(ctx, c, form, actor, lang);
  return { text: reportText(f, values, lang), filename: `ipa-${form}-report-draft.txt` };
}
