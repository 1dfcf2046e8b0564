import type { ReactNode } from 'react';
import type { Icon } from './icons.tsx';
import type { OrgKind } from './me.ts';

/** Who may open a page: anyone, a signed-in user, or an operator of the installation. */
export type RouteAuth = 'public' | 'user' | 'operator';

/** Where a link appears in the signed-in navigation (`common.nav.sections.<section>` is its heading). */
export type NavSection = 'main' | 'org' | 'operator';

export interface ModuleRoute {
  /** React Router path, e.g. '/orgs/:orgId/members'. */
  path: string;
  element: ReactNode;
  auth: RouteAuth;
}

export interface ModuleNavItem {
  /** Link target; ':orgId' is replaced by the active organisation (the link is hidden without one). */
  to: string;
  /** Translation key of the label, e.g. 'orgs.nav.members'. */
  labelKey: string;
  icon?: Icon;
  section: NavSection;
  /** Lower comes first inside its section (default 100). */
  order?: number;
  /** Shown only while the active organisation is of one of these kinds (default: any). */
  orgKinds?: OrgKind[];
}

export interface DashboardWidget {
  id: string;
  /** Rendered on /dashboard in this order (lower first). */
  order: number;
  element: ReactNode;
}

/** What a module contributes to the web front end (exported from src/modules/<m>/ui/index.ts). */
export interface ModuleUi {
  id: string;
  routes: ModuleRoute[];
  nav: ModuleNavItem[];
  dashboard?: DashboardWidget[];
}
