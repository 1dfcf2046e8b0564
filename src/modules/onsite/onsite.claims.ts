import { createHash, randomUUID } from 'node:crypto';
import { AppError, ruleError } from '../../kernel/http/errors.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import { incidentOf } from './onsite.dispatch.ts';
import {
  contentMatches,
  isAttachmentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_CLAIM,
  safeFilename,
} from './onsite.files.ts';
import { formatYen, sumYen } from './onsite.format.ts';
import { mailEach, smeOwners } from './onsite.mail.ts';
import * as repo from './onsite.repo.ts';
import type { ClaimCreateInput, ClaimStatusInput, ClaimUpdateInput } from './onsite.schema.ts';
import type { ClaimItem, ClaimStatus } from './onsite.tables.ts';
import { assertSameProvider, requireProviderSide, type Viewer } from './onsite.viewer.ts';

type Ctx = Pick<ModuleContext, 'db' | 'mailer' | 'config'>;

/** A rejected claim may be reopened as a draft, fixed and sent again; paid is final. */
export const claimMoves: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'rejected'],
  approved: ['paid'],
  rejected: ['draft'],
  paid: [],
};

/** Evidence may still be added while the insurer looks at the claim. */
const attachable: readonly ClaimStatus[] = ['draft', 'submitted'];

export const claimUrl = (ctx: Pick<ModuleContext, 'config'>, orgId: string, id: string) =>
  `${ctx.config.publicUrl}/orgs/${orgId}/onsite/claims/${id}`;

export async function loadClaim(ctx: Pick<ModuleContext, 'db'>, v: Viewer, orgId: string, id: string) {
  const c = await repo.findClaim(ctx.db, orgId, id);
  if (!c) throw new AppError('not_found');
  assertSameProvider(v, c.providerOrgId);
  return c;
}

async function step(
  ctx: Pick<ModuleContext, 'db'>,
  v: Viewer,
  orgId: string,
  claimId: string,
  kind: string,
  note?: string | null,
) {
  await repo.insertClaimStep(ctx.db, {
    claimId,
    orgId,
    kind,
    actorUserId: v.access.actor.userId,
    actorName: v.access.actor.name,
    note: note ?? null,
  });
}

const dispatchField = (key: string) =>
  new AppError('validation_failed', { fields: { dispatchId: { key: `onsite.fields.${key}` } } });

/** The dispatch a claim draws on: this SME's, this provider's, about the same incident. */
async function claimDispatch(
  ctx: Pick<ModuleContext, 'db'>,
  v: Viewer & { providerOrgId: string },
  orgId: string,
  dispatchId: string,
  incidentId: string,
) {
  const d = await repo.findDispatch(ctx.db, orgId, dispatchId);
  if (!d || d.providerOrgId !== v.providerOrgId) throw dispatchField('dispatch_unknown');
  if (d.incidentId && d.incidentId !== incidentId) throw dispatchField('dispatch_other_incident');
  return d;
}

export async function createClaim(ctx: Ctx, v: Viewer, orgId: string, input: ClaimCreateInput) {
  requireProviderSide(v);
  await incidentOf(ctx, orgId, input.incidentId);
  let fromDispatch: ClaimItem[] = [];
  if (input.dispatchId) {
    const d = await claimDispatch(ctx, v, orgId, input.dispatchId, input.incidentId);
    if (input.useDispatchCosts) {
      if (d.status !== 'work_done' && d.status !== 'confirmed') throw dispatchField('dispatch_no_costs');
      fromDispatch = d.costs.map((c) => ({ ...c, source: 'dispatch' as const }));
    }
  } else if (input.useDispatchCosts) {
    throw dispatchField('dispatch_required');
  }
  const id = randomUUID();
  await repo.insertClaim(ctx.db, {
    id,
    orgId,
    providerOrgId: v.providerOrgId,
    incidentId: input.incidentId,
    dispatchId: input.dispatchId ?? null,
    insurer: input.insurer,
    policyNumber: input.policyNumber,
    lossDate: input.lossDate,
    coveredItems: [...fromDispatch, ...input.coveredItems],
    otherCosts: input.otherCosts,
    notes: input.notes ?? null,
    createdBy: v.access.actor.userId,
  });
  await step(ctx, v, orgId, id, 'created');
  return loadClaim(ctx, v, orgId, id);
}

export async function updateClaim(ctx: Ctx, v: Viewer, orgId: string, id: string, input: ClaimUpdateInput) {
  const c = await loadClaim(ctx, v, orgId, id);
  requireProviderSide(v);
  if (c.status !== 'draft') throw ruleError('onsite', 'claim_not_editable');
  if (input.dispatchId) await claimDispatch(ctx, v, orgId, input.dispatchId, c.incidentId);
  const row = await repo.updateClaim(ctx.db, orgId, id, ['draft'], {
    ...(input.dispatchId !== undefined ? { dispatchId: input.dispatchId } : {}),
    ...(input.insurer !== undefined ? { insurer: input.insurer } : {}),
    ...(input.policyNumber !== undefined ? { policyNumber: input.policyNumber } : {}),
    ...(input.lossDate !== undefined ? { lossDate: input.lossDate } : {}),
    ...(input.coveredItems !== undefined ? { coveredItems: input.coveredItems } : {}),
    ...(input.otherCosts !== undefined ? { otherCosts: input.otherCosts } : {}),
    ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
  });
  if (!row) throw ruleError('onsite', 'claim_not_editable');
  await step(ctx, v, orgId, id, 'edited');
  return loadClaim(ctx, v, orgId, id);
}

export async function moveClaim(ctx: Ctx, v: Viewer, orgId: string, id: string, input: ClaimStatusInput) {
  const c = await loadClaim(ctx, v, orgId, id);
  requireProviderSide(v);
  if (!claimMoves[c.status].includes(input.to)) throw ruleError('onsite', 'claim_step_not_allowed');
  if (input.to === 'submitted' && c.coveredItems.length === 0) {
    throw ruleError('onsite', 'claim_empty', 'unprocessable');
  }
  const now = new Date();
  const patch =
    input.to === 'submitted'
      ? { submittedAt: now }
      : input.to === 'approved'
        ? { decidedAt: now, approvedAmountYen: input.approvedAmountYen ?? sumYen(c.coveredItems) }
        : input.to === 'rejected'
          ? { decidedAt: now }
          : input.to === 'paid'
            ? { paidAt: now }
            : { submittedAt: null, decidedAt: null, approvedAmountYen: null };
  const row = await repo.updateClaim(ctx.db, orgId, id, [c.status], { ...patch, status: input.to });
  if (!row) throw ruleError('onsite', 'claim_step_not_allowed');
  await step(ctx, v, orgId, id, input.to, input.note);
  if (input.to !== 'draft') {
    await mailEach(
      ctx,
      await smeOwners(ctx, orgId),
      `onsite.mail.claim.${input.to}`,
      claimUrl(ctx, orgId, id),
      (l) => ({
        provider: c.providerName,
        insurer: c.insurer,
        total: formatYen(sumYen(c.coveredItems), l),
        approved: formatYen(row.approvedAmountYen ?? 0, l),
        note: input.note ?? t(l, 'onsite.mail.noNote'),
      }),
    );
  }
  return loadClaim(ctx, v, orgId, id);
}

export async function addAttachment(
  ctx: Ctx,
  v: Viewer,
  orgId: string,
  claimId: string,
  file: { name: string; contentType: string; data: Buffer },
) {
  const c = await loadClaim(ctx, v, orgId, claimId);
  requireProviderSide(v);
  if (!attachable.includes(c.status)) throw ruleError('onsite', 'claim_locked');
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!isAttachmentType(type)) {
    throw new AppError('attachment_type', {
      kind: 'unsupported_media_type',
      messageKey: 'onsite.errors.attachment_type',
    });
  }
  if (file.data.length === 0) throw ruleError('onsite', 'attachment_empty', 'validation_failed');
  if (file.data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('attachment_too_large', {
      kind: 'body_too_large',
      messageKey: 'onsite.errors.attachment_too_large',
      params: { limit: '5 MiB' },
    });
  }
  if (!contentMatches(type, file.data)) {
    throw new AppError('attachment_mismatch', {
      kind: 'unsupported_media_type',
      messageKey: 'onsite.errors.attachment_mismatch',
    });
  }
  if ((await repo.listAttachments(ctx.db, orgId, claimId)).length >= MAX_ATTACHMENTS_PER_CLAIM) {
    throw new AppError('attachment_limit', {
      kind: 'conflict',
      messageKey: 'onsite.errors.attachment_limit',
      params: { max: MAX_ATTACHMENTS_PER_CLAIM },
    });
  }
  const filename = safeFilename(file.name, type);
  const a = await repo.insertAttachment(ctx.db, {
    id: randomUUID(),
    claimId,
    orgId,
    filename,
    contentType: type,
    size: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    data: file.data,
    uploadedBy: v.access.actor.userId,
  });
  await step(ctx, v, orgId, claimId, 'attached', filename);
  return a;
}

export async function removeAttachment(ctx: Ctx, v: Viewer, orgId: string, claimId: string, id: string) {
  const c = await loadClaim(ctx, v, orgId, claimId);
  requireProviderSide(v);
  if (!attachable.includes(c.status)) throw ruleError('onsite', 'claim_locked');
  const gone = await repo.deleteAttachment(ctx.db, orgId, claimId, id);
  if (!gone) throw new AppError('not_found');
  await step(ctx, v, orgId, claimId, 'detached', gone.filename);
}

export function claimAbilities(v: Viewer, status: ClaimStatus) {
  const provider = v.side === 'provider';
  return {
    edit: provider && status === 'draft',
    attach: provider && attachable.includes(status),
    moveTo: provider ? [...claimMoves[status]] : [],
  };
}
