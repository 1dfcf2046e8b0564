import type { ModuleManifest } from '../../kernel/module.ts';
import { reportsRoutes } from './reports.routes.ts';
import { runMonthlyReports } from './reports.service.ts';

/** The monthly security report per SME: web page, PDF, and the mail on the 1st of each month. */
export const reportsModule: ModuleManifest = {
  id: 'reports',
  routes: reportsRoutes,
  jobs: [
    {
      // Hourly, so the first run after midnight JST on the 1st makes last month's reports, and an
      // organisation whose events were still in detection is taken an hour later.
      name: 'reports.monthly',
      everyMs: 60 * 60 * 1000,
      run: async (ctx, now) => {
        await runMonthlyReports(ctx, now);
      },
    },
  ],
};
