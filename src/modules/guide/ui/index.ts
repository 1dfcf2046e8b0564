import './guide.css';
import { createElement } from 'react';
import { IconAlert } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { CasePage } from './CasePage.tsx';
import { GuideDashboardWidget } from './DashboardWidget.tsx';
import { OrgGuidePage } from './OrgGuidePage.tsx';
import { PublicGuidePage, PublicTopicPage } from './PublicGuidePages.tsx';
import { ReportPage } from './ReportPage.tsx';
import { ThreatPage, ThreatsPage } from './ThreatPages.tsx';

export const guideUi: ModuleUi = {
  id: 'guide',
  routes: [
    { path: '/help/guide', element: createElement(PublicGuidePage), auth: 'public' },
    { path: '/help/guide/:topic', element: createElement(PublicTopicPage), auth: 'public' },
    { path: '/help/threats', element: createElement(ThreatsPage), auth: 'public' },
    { path: '/help/threats/:id', element: createElement(ThreatPage), auth: 'public' },
    { path: '/orgs/:orgId/help/guide', element: createElement(OrgGuidePage), auth: 'user' },
    { path: '/orgs/:orgId/help/guide/cases/:caseId', element: createElement(CasePage), auth: 'user' },
    {
      path: '/orgs/:orgId/help/guide/cases/:caseId/reports/:form',
      element: createElement(ReportPage),
      auth: 'user',
    },
  ],
  nav: [
    {
      to: '/orgs/:orgId/help/guide',
      labelKey: 'guide.nav.guide',
      icon: IconAlert,
      section: 'org',
      order: 40,
    },
  ],
  dashboard: [{ id: 'guide.cases', order: 30, element: createElement(GuideDashboardWidget) }],
};
