import '@mantine/charts/styles.css';
import { createElement } from 'react';
import { IconFlag, IconSearch, IconUsers } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { DeclarationWidget } from './DashboardWidget.tsx';
import { DeclarationPage } from './DeclarationPage.tsx';
import { RegistryPage } from './RegistryPage.tsx';
import { SuppliersPage } from './SuppliersPage.tsx';

export const declarationUi: ModuleUi = {
  id: 'declaration',
  routes: [
    { path: '/orgs/:orgId/declaration', element: createElement(DeclarationPage), auth: 'user' },
    { path: '/orgs/:orgId/suppliers', element: createElement(SuppliersPage), auth: 'user' },
    { path: '/declarations', element: createElement(RegistryPage), auth: 'public' },
  ],
  nav: [
    {
      to: '/orgs/:orgId/declaration',
      labelKey: 'declaration.nav.declaration',
      icon: IconFlag,
      section: 'org',
      orgKinds: ['sme'],
      order: 8,
    },
    {
      to: '/orgs/:orgId/suppliers',
      labelKey: 'declaration.nav.suppliers',
      icon: IconUsers,
      section: 'org',
      orgKinds: ['sme'],
      order: 9,
    },
    {
      to: '/declarations',
      labelKey: 'declaration.nav.registry',
      icon: IconSearch,
      section: 'main',
      order: 50,
    },
  ],
  dashboard: [{ id: 'declaration.status', order: 12, element: createElement(DeclarationWidget) }],
};
