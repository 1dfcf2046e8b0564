import { createElement } from 'react';
import { IconBuilding, IconSettings, IconUsers } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { NextStepsWidget, OrgOverviewWidget } from './DashboardWidgets.tsx';
import { InvitationPage } from './InvitationPage.tsx';
import { MembersPage } from './MembersPage.tsx';
import { NewOrgPage } from './NewOrgPage.tsx';
import { OrgSettingsPage } from './OrgSettingsPage.tsx';

export const orgsUi: ModuleUi = {
  id: 'orgs',
  routes: [
    { path: '/orgs/new', element: createElement(NewOrgPage), auth: 'user' },
    { path: '/orgs/:orgId/settings', element: createElement(OrgSettingsPage), auth: 'user' },
    { path: '/orgs/:orgId/members', element: createElement(MembersPage), auth: 'user' },
    { path: '/invitations/:id', element: createElement(InvitationPage), auth: 'public' },
  ],
  nav: [
    { to: '/orgs/:orgId/members', labelKey: 'orgs.nav.members', icon: IconUsers, section: 'org', order: 10 },
    {
      to: '/orgs/:orgId/settings',
      labelKey: 'orgs.nav.settings',
      icon: IconSettings,
      section: 'org',
      order: 20,
    },
    { to: '/orgs/new', labelKey: 'orgs.nav.new', icon: IconBuilding, section: 'org', order: 90 },
  ],
  dashboard: [
    { id: 'orgs.overview', order: 10, element: createElement(OrgOverviewWidget) },
    { id: 'orgs.next-steps', order: 20, element: createElement(NextStepsWidget) },
  ],
};
