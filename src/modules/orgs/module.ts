import type { ModuleManifest } from '../../kernel/module.ts';
import { customersRoutes } from './orgs.customers.routes.ts';
import { orgsRoutes } from './orgs.routes.ts';

/** Organisations: profile, members, roles, invitations, and which provider serves which SME. */
export const orgsModule: ModuleManifest = {
  id: 'orgs',
  routes: async (app, ctx) => {
    await orgsRoutes(app, ctx);
    await customersRoutes(app, ctx);
  },
};
