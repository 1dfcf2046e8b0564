import '@mantine/charts/styles.css';
import { type ComponentType, createElement, lazy, Suspense } from 'react';
import { PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconFileText } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';

/** Pages load on first visit (the chart library is large). */
function page(load: () => Promise<ComponentType>) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return createElement(Suspense, { fallback: createElement(PageLoader) }, createElement(Page));
}

export const reportsUi: ModuleUi = {
  id: 'reports',
  routes: [
    {
      path: '/orgs/:orgId/reports',
      element: page(() => import('./ReportsPage.tsx').then((m) => m.ReportsPage)),
      auth: 'user',
    },
    {
      path: '/orgs/:orgId/reports/:month',
      element: page(() => import('./ReportPage.tsx').then((m) => m.ReportPage)),
      auth: 'user',
    },
  ],
  nav: [
    { to: '/orgs/:orgId/reports', labelKey: 'reports.nav', icon: IconFileText, section: 'org', order: 9 },
  ],
};
