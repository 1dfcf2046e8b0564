import type { ModuleManifest } from '../../kernel/module.ts';
import { guideRoutes } from './guide.routes.ts';

/** もしものときの対応ガイド: incident guide, referral map, IPA report drafts, threat pages. */
export const guideModule: ModuleManifest = { id: 'guide', routes: guideRoutes };
