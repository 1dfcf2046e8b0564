import '@mantine/charts/styles.css';
import './learning.css';
import { createElement } from 'react';
import { IconActivity, IconBook } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { AdminLearningStatsPage } from './AdminLearningStatsPage.tsx';
import { LearningDashboardWidget } from './DashboardWidget.tsx';
import { LearningHomePage } from './LearningHomePage.tsx';
import { LessonPage, PublicLessonPage } from './LessonPage.tsx';
import { ProgressMatrixPage } from './ProgressMatrixPage.tsx';
import { PublicLearningPage } from './PublicLearningPage.tsx';

export const learningUi: ModuleUi = {
  id: 'learning',
  routes: [
    { path: '/learning', element: createElement(PublicLearningPage), auth: 'public' },
    { path: '/learning/:themeId', element: createElement(PublicLessonPage), auth: 'public' },
    { path: '/orgs/:orgId/learning', element: createElement(LearningHomePage), auth: 'user' },
    { path: '/orgs/:orgId/learning/progress', element: createElement(ProgressMatrixPage), auth: 'user' },
    { path: '/orgs/:orgId/learning/:themeId', element: createElement(LessonPage), auth: 'user' },
    { path: '/admin/learning', element: createElement(AdminLearningStatsPage), auth: 'operator' },
  ],
  nav: [
    { to: '/orgs/:orgId/learning', labelKey: 'learning.nav.home', icon: IconBook, section: 'org', order: 6 },
    {
      to: '/admin/learning',
      labelKey: 'learning.nav.stats',
      icon: IconActivity,
      section: 'operator',
      order: 60,
    },
  ],
  dashboard: [{ id: 'learning.progress', order: 14, element: createElement(LearningDashboardWidget) }],
};
