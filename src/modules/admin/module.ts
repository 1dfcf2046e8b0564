import type { ModuleManifest } from '../../kernel/module.ts';
import { adminRoutes } from './admin.routes.ts';

export const adminModule: ModuleManifest = { id: 'admin', routes: adminRoutes };
