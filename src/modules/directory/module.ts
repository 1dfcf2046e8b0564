import type { ModuleManifest } from '../../kernel/module.ts';
import { directoryRoutes } from './directory.routes.ts';

/** Directories: security presenters (seminars), security service providers and IT supporters. */
export const directoryModule: ModuleManifest = { id: 'directory', routes: directoryRoutes };
