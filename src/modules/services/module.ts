import type { ModuleManifest } from '../../kernel/module.ts';
import { servicesRoutes } from './services.routes.ts';

/** お助け隊 service standard and subsidy estimate (the registry and directories come next). */
export const servicesModule: ModuleManifest = { id: 'services', routes: servicesRoutes };
