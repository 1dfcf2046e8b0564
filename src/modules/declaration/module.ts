import type { ModuleManifest } from '../../kernel/module.ts';
import { declarationRoutes } from './declaration.routes.ts';

/** SECURITY ACTION self-declaration: ★ and ★★, badge, verification, registry, supply chain. */
export const declarationModule: ModuleManifest = { id: 'declaration', routes: declarationRoutes };
