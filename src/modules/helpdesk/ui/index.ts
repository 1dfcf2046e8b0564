import { createElement } from 'react';
import { IconAlert, IconLifebuoy } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { AdminAdvisoriesPage, AdvisoriesPage } from './AdvisoriesPage.tsx';
import { AdvisoryPage, PublicAdvisoryPage } from './AdvisoryPage.tsx';
import { AdminConsultationPage, ConsultationPage } from './ConsultationPage.tsx';
import { AdminConsultationsPage, ConsultationsPage } from './ConsultationsPage.tsx';
import { HelpdeskDashboardWidget } from './DashboardWidget.tsx';
import { NewConsultationPage } from './NewConsultationPage.tsx';

export const helpdeskUi: ModuleUi = {
  id: 'helpdesk',
  routes: [
    { path: '/orgs/:orgId/consultations', element: createElement(ConsultationsPage), auth: 'user' },
    { path: '/orgs/:orgId/consultations/new', element: createElement(NewConsultationPage), auth: 'user' },
    { path: '/orgs/:orgId/consultations/:id', element: createElement(ConsultationPage), auth: 'user' },
    { path: '/orgs/:orgId/advisories', element: createElement(AdvisoriesPage), auth: 'user' },
    { path: '/orgs/:orgId/advisories/:id', element: createElement(AdvisoryPage), auth: 'user' },
    { path: '/admin/helpdesk', element: createElement(AdminConsultationsPage), auth: 'operator' },
    { path: '/admin/helpdesk/:id', element: createElement(AdminConsultationPage), auth: 'operator' },
    { path: '/admin/advisories', element: createElement(AdminAdvisoriesPage), auth: 'operator' },
    { path: '/advisories/:id', element: createElement(PublicAdvisoryPage), auth: 'public' },
  ],
  nav: [
    {
      to: '/orgs/:orgId/consultations',
      labelKey: 'helpdesk.nav.consultations',
      icon: IconLifebuoy,
      section: 'org',
      order: 8,
    },
    {
      to: '/orgs/:orgId/advisories',
      labelKey: 'helpdesk.nav.advisories',
      icon: IconAlert,
      section: 'org',
      order: 9,
    },
    {
      to: '/admin/helpdesk',
      labelKey: 'helpdesk.nav.adminDesk',
      icon: IconLifebuoy,
      section: 'operator',
      order: 40,
    },
    {
      to: '/admin/advisories',
      labelKey: 'helpdesk.nav.adminAdvisories',
      icon: IconAlert,
      section: 'operator',
      order: 41,
    },
  ],
  dashboard: [{ id: 'helpdesk.desk', order: 16, element: createElement(HelpdeskDashboardWidget) }],
};
