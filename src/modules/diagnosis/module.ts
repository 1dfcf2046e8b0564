import type { ModuleManifest } from '../../kernel/module.ts';
import { diagnosisRoutes } from './diagnosis.routes.ts';
import { sendReviewReminders } from './diagnosis.service.ts';

/** 5分でできる自社診断: scoring, history, peer comparison, improvement plan, report. */
export const diagnosisModule: ModuleManifest = {
  id: 'diagnosis',
  routes: diagnosisRoutes,
  jobs: [
    {
      name: 'diagnosis.review-reminders',
      everyMs: 60 * 60 * 1000,
      run: async (ctx, now) => {
        await sendReviewReminders(ctx, now);
      },
    },
  ],
};
