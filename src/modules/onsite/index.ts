/** The onsite module's public surface for other modules (dashboards, monthly reports). */
export { type ClaimStatus, claimStatuses, type DispatchStatus, dispatchStatuses } from './onsite.tables.ts';
