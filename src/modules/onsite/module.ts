import type { ModuleManifest } from '../../kernel/module.ts';
import { onsiteRoutes } from './onsite.routes.ts';

/** 駆け付け (on-site dispatch) and 簡易サイバー保険 (insurance claim records) of the お助け隊 service. */
export const onsiteModule: ModuleManifest = { id: 'onsite', routes: onsiteRoutes };
