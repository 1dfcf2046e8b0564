import type { ModuleManifest } from '../../kernel/module.ts';
import { libraryDigest, weeklyDigestJob } from './library.digest.ts';
import { libraryRoutes } from './library.routes.ts';

/** Reference library, video catalogue, practice questions and the weekly digest e-mail. */
export const libraryModule: ModuleManifest = {
  id: 'library',
  routes: libraryRoutes,
  jobs: [weeklyDigestJob],
  digest: libraryDigest,
};
