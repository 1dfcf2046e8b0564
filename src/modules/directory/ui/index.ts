import './directory.css';
import { createElement } from 'react';
import { IconMessage, IconUsers } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { AdminPresentersPage } from './AdminPresentersPage.tsx';
import { DirectoryPage } from './DirectoryPage.tsx';
import { ListingPage } from './ListingPage.tsx';
import { MyPresenterPage } from './MyPresenterPage.tsx';
import { PresenterPage } from './PresenterPage.tsx';
import { PresentersPage } from './PresentersPage.tsx';

export const directoryUi: ModuleUi = {
  id: 'directory',
  routes: [
    { path: '/presenters', element: createElement(PresentersPage), auth: 'public' },
    { path: '/presenters/:id', element: createElement(PresenterPage), auth: 'public' },
    { path: '/directory', element: createElement(DirectoryPage), auth: 'public' },
    { path: '/presenter', element: createElement(MyPresenterPage), auth: 'user' },
    { path: '/orgs/:orgId/directory', element: createElement(ListingPage), auth: 'user' },
    { path: '/admin/presenters', element: createElement(AdminPresentersPage), auth: 'operator' },
  ],
  nav: [
    { to: '/presenter', labelKey: 'directory.nav.presenter', icon: IconMessage, section: 'main', order: 60 },
    {
      to: '/admin/presenters',
      labelKey: 'directory.nav.admin',
      icon: IconUsers,
      section: 'operator',
      order: 55,
    },
  ],
};
