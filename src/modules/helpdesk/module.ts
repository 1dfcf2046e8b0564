import type { ModuleManifest } from '../../kernel/module.ts';
import { digest } from './helpdesk.advisories.ts';
import { content } from './helpdesk.content.ts';
import { escalateOverdue } from './helpdesk.escalation.ts';
import { helpdeskRoutes } from './helpdesk.routes.ts';

/** 相談窓口 (consultations with SLA clocks) and security advisories. */
export const helpdeskModule: ModuleManifest = {
  id: 'helpdesk',
  routes: (app, ctx) => {
    // Content is checked at start: a bad file stops the app naming the file.
    content();
    return helpdeskRoutes(app, ctx);
  },
  jobs: [
    {
      name: 'helpdesk.sla-escalation',
      everyMs: 5 * 60_000,
      run: async (ctx, now) => void (await escalateOverdue(ctx, now)),
    },
  ],
  digest,
};
