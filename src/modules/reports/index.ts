/** The reports module's public surface for other modules. */
export type { ReportView } from './reports.service.ts';
