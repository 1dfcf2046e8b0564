import type { ModuleManifest } from '../../kernel/module.ts';
import { digest, sendReviewReminders } from './owners.reminders.ts';
import { ownersRoutes } from './owners.routes.ts';

/** 経営者の取組: the guideline's 3 principles and 7 key actions as the owner's checklist, and the contractor check. */
export const ownersModule: ModuleManifest = {
  id: 'owners',
  routes: ownersRoutes,
  jobs: [
    {
      name: 'owners.review-reminders',
      // Hourly, so a review date is noticed soon after midnight in Tokyo whatever time the server started;
      // each action is mailed once per review date (owner_action.reminded_for).
      everyMs: 60 * 60 * 1000,
      run: async (ctx, now) => {
        await sendReviewReminders(ctx, now);
      },
    },
  ],
  digest,
};
