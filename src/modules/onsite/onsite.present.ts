import type { IncidentDto } from '../monitoring/index.ts';
import { sumYen } from './onsite.format.ts';
import type { ClaimWithNames, DispatchWithNames } from './onsite.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentDispatch(d: DispatchWithNames) {
  return {
    id: d.id,
    orgId: d.orgId,
    orgName: d.orgName,
    providerOrgId: d.providerOrgId,
    providerName: d.providerName,
    incidentId: d.incidentId,
    status: d.status,
    reason: d.reason,
    siteAddress: d.siteAddress,
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    preferredAt: iso(d.preferredAt),
    requestedAt: d.requestedAt.toISOString(),
    engineerName: d.engineerName,
    scheduledAt: iso(d.scheduledAt),
    arrivedAt: iso(d.arrivedAt),
    workSummary: d.workSummary,
    workMinutes: d.workMinutes,
    costs: d.costs.map((c) => ({ label: c.label, amountYen: c.amountYen })),
    totalYen: sumYen(d.costs),
    workDoneAt: iso(d.workDoneAt),
    confirmedAt: iso(d.confirmedAt),
    cancelledAt: iso(d.cancelledAt),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function presentClaim(c: ClaimWithNames) {
  return {
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    providerOrgId: c.providerOrgId,
    providerName: c.providerName,
    incidentId: c.incidentId,
    dispatchId: c.dispatchId,
    status: c.status,
    insurer: c.insurer,
    policyNumber: c.policyNumber,
    lossDate: c.lossDate,
    coveredItems: c.coveredItems.map((i) => ({ label: i.label, amountYen: i.amountYen, source: i.source })),
    otherCosts: c.otherCosts.map((i) => ({ label: i.label, amountYen: i.amountYen })),
    coveredTotalYen: sumYen(c.coveredItems),
    otherTotalYen: sumYen(c.otherCosts),
    notes: c.notes,
    approvedAmountYen: c.approvedAmountYen,
    createdAt: c.createdAt.toISOString(),
    submittedAt: iso(c.submittedAt),
    decidedAt: iso(c.decidedAt),
    paidAt: iso(c.paidAt),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentIncident(i: IncidentDto | null) {
  if (!i) return null;
  return {
    id: i.id,
    entity: i.entity,
    status: i.status,
    severity: i.severity,
    firstSeenAt: i.firstSeenAt.toISOString(),
    lastSeenAt: i.lastSeenAt.toISOString(),
    alertCount: i.alertCount,
  };
}

export function presentStep(s: { kind: string; actorName: string | null; note: string | null; at: Date }) {
  return { kind: s.kind, actorName: s.actorName, note: s.note, at: s.at.toISOString() };
}

export function presentAttachment(a: {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  createdAt: Date;
}) {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt.toISOString(),
  };
}
