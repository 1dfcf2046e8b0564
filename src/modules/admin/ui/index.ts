import { createElement } from 'react';
import { IconActivity, IconAlert, IconBuilding, IconMail, IconUsers } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { AdminAuditPage } from './AdminAuditPage.tsx';
import { AdminOrgsPage } from './AdminOrgsPage.tsx';
import { AdminOutboxPage } from './AdminOutboxPage.tsx';
import { AdminThreatListsPage } from './AdminThreatListsPage.tsx';
import { AdminUsersPage } from './AdminUsersPage.tsx';

export const adminUi: ModuleUi = {
  id: 'admin',
  routes: [
    { path: '/admin/orgs', element: createElement(AdminOrgsPage), auth: 'operator' },
    { path: '/admin/users', element: createElement(AdminUsersPage), auth: 'operator' },
    { path: '/admin/audit', element: createElement(AdminAuditPage), auth: 'operator' },
    { path: '/admin/outbox', element: createElement(AdminOutboxPage), auth: 'operator' },
    { path: '/admin/threat-lists', element: createElement(AdminThreatListsPage), auth: 'operator' },
  ],
  nav: [
    { to: '/admin/orgs', labelKey: 'admin.nav.orgs', icon: IconBuilding, section: 'operator', order: 10 },
    { to: '/admin/users', labelKey: 'admin.nav.users', icon: IconUsers, section: 'operator', order: 20 },
    { to: '/admin/audit', labelKey: 'admin.nav.audit', icon: IconActivity, section: 'operator', order: 30 },
    { to: '/admin/outbox', labelKey: 'admin.nav.outbox', icon: IconMail, section: 'operator', order: 40 },
    {
      to: '/admin/threat-lists',
      labelKey: 'threatLists.nav',
      icon: IconAlert,
      section: 'operator',
      order: 45,
    },
  ],
};
