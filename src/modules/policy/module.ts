import type { ModuleManifest } from '../../kernel/module.ts';
import { policyRoutes } from './policy.routes.ts';

/** Security policy documents from the guideline's templates: versions, approval, export, publication. */
export const policyModule: ModuleManifest = { id: 'policy', routes: policyRoutes };
