import './services.css';
import { createElement } from 'react';
import { IconClipboardCheck, IconLifebuoy, IconShieldCheck } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { AdminServicePage, AdminServicesPage } from './AdminServicesPage.tsx';
import { AdminSubsidyPage } from './AdminSubsidyPage.tsx';
import { ApplicationPage } from './ApplicationPage.tsx';
import { CataloguePage } from './CataloguePage.tsx';
import { ComparePage } from './ComparePage.tsx';
import { ProviderServicesWidget } from './DashboardWidget.tsx';
import { ProviderServicesPage } from './ProviderServicesPage.tsx';
import { ServicePage } from './ServicePage.tsx';
import { ServiceRequestsPage } from './ServiceRequestsPage.tsx';
import { SubsidyPage } from './SubsidyPage.tsx';

export const servicesUi: ModuleUi = {
  id: 'services',
  routes: [
    { path: '/services', element: createElement(CataloguePage), auth: 'public' },
    { path: '/services/compare', element: createElement(ComparePage), auth: 'public' },
    { path: '/services/:id', element: createElement(ServicePage), auth: 'public' },
    { path: '/subsidy', element: createElement(SubsidyPage), auth: 'public' },
    { path: '/orgs/:orgId/services', element: createElement(ProviderServicesPage), auth: 'user' },
    { path: '/orgs/:orgId/services/new', element: createElement(ApplicationPage), auth: 'user' },
    { path: '/orgs/:orgId/services/:serviceId', element: createElement(ApplicationPage), auth: 'user' },
    { path: '/orgs/:orgId/service-requests', element: createElement(ServiceRequestsPage), auth: 'user' },
    { path: '/admin/services', element: createElement(AdminServicesPage), auth: 'operator' },
    { path: '/admin/services/:id', element: createElement(AdminServicePage), auth: 'operator' },
    { path: '/admin/subsidy', element: createElement(AdminSubsidyPage), auth: 'operator' },
  ],
  nav: [
    {
      to: '/services',
      labelKey: 'services.nav.catalogue',
      icon: IconShieldCheck,
      section: 'main',
      order: 55,
    },
    {
      to: '/orgs/:orgId/services',
      labelKey: 'services.nav.provider',
      icon: IconLifebuoy,
      section: 'org',
      orgKinds: ['provider'],
      order: 30,
    },
    {
      to: '/admin/services',
      labelKey: 'services.nav.admin',
      icon: IconClipboardCheck,
      section: 'operator',
      order: 50,
    },
    {
      to: '/admin/subsidy',
      labelKey: 'services.nav.subsidyAdmin',
      icon: IconClipboardCheck,
      section: 'operator',
      order: 55,
    },
  ],
  dashboard: [{ id: 'services.provider', order: 14, element: createElement(ProviderServicesWidget) }],
};
