import type { ModuleManifest } from '../../kernel/module.ts';
import { orgsRoutes } from './orgs.routes.ts';

/** Organisations: profile, members, roles and invitations. The shape every module copies. */
export const orgsModule: ModuleManifest = { id: 'orgs', routes: orgsRoutes };
