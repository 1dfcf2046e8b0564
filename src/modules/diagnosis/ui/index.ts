import '@mantine/charts/styles.css';
import './diagnosis.css';
import { type ComponentType, createElement, lazy, Suspense } from 'react';
import { PageLoader } from '../../../../web/src/components/Page.tsx';
import { IconActivity, IconClipboardCheck } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { DashboardWidget } from './DashboardWidget.tsx';

/** Pages load on first visit (the charts are large), with the usual loader meanwhile. */
function page(load: () => Promise<ComponentType>) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return createElement(Suspense, { fallback: createElement(PageLoader) }, createElement(Page));
}

export const diagnosisUi: ModuleUi = {
  id: 'diagnosis',
  routes: [
    {
      path: '/diagnosis',
      element: page(() => import('./DiagnosisPage.tsx').then((m) => m.DiagnosisPage)),
      auth: 'public',
    },
    {
      path: '/diagnosis/result',
      element: page(() => import('./DiagnosisResultPage.tsx').then((m) => m.DiagnosisResultPage)),
      auth: 'public',
    },
    {
      path: '/orgs/:orgId/diagnosis',
      element: page(() => import('./OrgDiagnosisPage.tsx').then((m) => m.OrgDiagnosisPage)),
      auth: 'user',
    },
    {
      path: '/orgs/:orgId/diagnoses/:id',
      element: page(() => import('./SavedDiagnosisPage.tsx').then((m) => m.SavedDiagnosisPage)),
      auth: 'user',
    },
    {
      path: '/admin/diagnosis',
      element: page(() => import('./AdminDiagnosisStatsPage.tsx').then((m) => m.AdminDiagnosisStatsPage)),
      auth: 'operator',
    },
  ],
  nav: [
    {
      to: '/orgs/:orgId/diagnosis',
      labelKey: 'diagnosis.nav.home',
      icon: IconClipboardCheck,
      section: 'org',
      orgKinds: ['sme'],
      order: 5,
    },
    {
      to: '/admin/diagnosis',
      labelKey: 'diagnosis.nav.stats',
      icon: IconActivity,
      section: 'operator',
      order: 50,
    },
  ],
  dashboard: [{ id: 'diagnosis.overview', order: 15, element: createElement(DashboardWidget) }],
};
