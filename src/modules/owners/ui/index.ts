import { createElement } from 'react';
import { IconBriefcase } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { ContractorsPage } from './ContractorsPage.tsx';
import { OwnersDashboardWidget } from './DashboardWidget.tsx';
import { OwnersCornerPage } from './OwnersCornerPage.tsx';
import { WhyPage } from './WhyPage.tsx';

export const ownersUi: ModuleUi = {
  id: 'owners',
  routes: [
    { path: '/owners/why', element: createElement(WhyPage), auth: 'public' },
    { path: '/orgs/:orgId/owners', element: createElement(OwnersCornerPage), auth: 'user' },
    { path: '/orgs/:orgId/owners/contractors', element: createElement(ContractorsPage), auth: 'user' },
  ],
  nav: [
    {
      to: '/orgs/:orgId/owners',
      labelKey: 'owners.nav.corner',
      icon: IconBriefcase,
      section: 'org',
      orgKinds: ['sme'],
      order: 4,
    },
  ],
  dashboard: [{ id: 'owners.progress', order: 11, element: createElement(OwnersDashboardWidget) }],
};
