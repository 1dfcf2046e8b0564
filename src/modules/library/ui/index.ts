import './library.css';
import { createElement } from 'react';
import { IconBook, IconMail, IconSettings } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { AdminLibraryPage } from './AdminLibraryPage.tsx';
import { LibraryDashboardWidget } from './DashboardWidget.tsx';
import { EntryPage } from './EntryPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { NewsletterPage } from './NewsletterPage.tsx';
import { PracticePage } from './PracticePage.tsx';
import { VideosPage } from './VideosPage.tsx';

export const libraryUi: ModuleUi = {
  id: 'library',
  routes: [
    { path: '/library', element: createElement(LibraryPage), auth: 'public' },
    { path: '/library/videos', element: createElement(VideosPage), auth: 'public' },
    { path: '/library/practice', element: createElement(PracticePage), auth: 'public' },
    { path: '/library/:id', element: createElement(EntryPage), auth: 'public' },
    { path: '/orgs/:orgId/newsletter', element: createElement(NewsletterPage), auth: 'user' },
    { path: '/admin/library', element: createElement(AdminLibraryPage), auth: 'operator' },
  ],
  nav: [
    { to: '/library', labelKey: 'library.nav.library', icon: IconBook, section: 'main', order: 58 },
    {
      to: '/orgs/:orgId/newsletter',
      labelKey: 'library.nav.newsletter',
      icon: IconMail,
      section: 'org',
      order: 90,
    },
    {
      to: '/admin/library',
      labelKey: 'library.nav.admin',
      icon: IconSettings,
      section: 'operator',
      order: 65,
    },
  ],
  dashboard: [{ id: 'library.home', order: 40, element: createElement(LibraryDashboardWidget) }],
};
