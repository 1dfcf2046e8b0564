import { createElement } from 'react';
import { IconLifebuoy } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { ClaimPage, NewClaimPage } from './ClaimPages.tsx';
import { DispatchPage } from './DispatchPage.tsx';
import { NewDispatchPage } from './NewDispatchPage.tsx';
import { OnsiteHomePage } from './OnsiteHomePage.tsx';

/** For the incident page: `<IncidentOnsitePanel orgId incidentId />` lists and requests dispatches. */
export { IncidentOnsitePanel } from './IncidentOnsitePanel.tsx';

export const onsiteUi: ModuleUi = {
  id: 'onsite',
  routes: [
    { path: '/orgs/:orgId/onsite', element: createElement(OnsiteHomePage), auth: 'user' },
    { path: '/orgs/:orgId/onsite/dispatches/new', element: createElement(NewDispatchPage), auth: 'user' },
    {
      path: '/orgs/:orgId/onsite/dispatches/:dispatchId',
      element: createElement(DispatchPage),
      auth: 'user',
    },
    { path: '/orgs/:orgId/onsite/claims/new', element: createElement(NewClaimPage), auth: 'user' },
    { path: '/orgs/:orgId/onsite/claims/:claimId', element: createElement(ClaimPage), auth: 'user' },
  ],
  nav: [
    { to: '/orgs/:orgId/onsite', labelKey: 'onsite.nav.home', icon: IconLifebuoy, section: 'org', order: 8 },
  ],
};
