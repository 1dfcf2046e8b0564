/** The diagnosis module's public surface for other modules. */

export type { Answer, BandId, PartId } from './diagnosis.bank.ts';
export { currentBank, latestDiagnosisSummary } from './diagnosis.service.ts';
