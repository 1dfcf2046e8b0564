import type { ModuleManifest } from '../../kernel/module.ts';
import { learningRoutes } from './learning.routes.ts';

/** 5分で学べるポイント学習: themes, confirmation tests, progress, certificates. */
export const learningModule: ModuleManifest = { id: 'learning', routes: learningRoutes };
