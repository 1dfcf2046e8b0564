import '@mantine/charts/styles.css';
import { createElement } from 'react';
import { IconShieldCheck } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { CustomersPage } from './CustomersPage.tsx';
import { MonitoringDashboardWidget } from './DashboardWidget.tsx';
import { IncidentPage } from './IncidentPage.tsx';
import { IncidentsPage } from './IncidentsPage.tsx';
import { MonitoringHomePage } from './MonitoringHomePage.tsx';
import { ProvidersPage } from './ProvidersPage.tsx';
import { SensorsPage } from './SensorsPage.tsx';

export const monitoringUi: ModuleUi = {
  id: 'monitoring',
  routes: [
    { path: '/orgs/:orgId/monitoring', element: createElement(MonitoringHomePage), auth: 'user' },
    { path: '/orgs/:orgId/monitoring/sensors', element: createElement(SensorsPage), auth: 'user' },
    { path: '/orgs/:orgId/monitoring/providers', element: createElement(ProvidersPage), auth: 'user' },
    { path: '/orgs/:orgId/monitoring/incidents', element: createElement(IncidentsPage), auth: 'user' },
    {
      path: '/orgs/:orgId/monitoring/incidents/:incidentId',
      element: createElement(IncidentPage),
      auth: 'user',
    },
    // The address the "a customer chose you" mail links to.
    { path: '/orgs/:orgId/customers', element: createElement(CustomersPage), auth: 'user' },
  ],
  nav: [
    {
      to: '/orgs/:orgId/monitoring',
      labelKey: 'monitoringDesk.nav.monitoring',
      icon: IconShieldCheck,
      section: 'org',
      order: 8,
    },
  ],
  dashboard: [{ id: 'monitoring.at-hand', order: 5, element: createElement(MonitoringDashboardWidget) }],
};
