import { createElement } from 'react';
import { IconFileText } from '../../../../web/src/icons.tsx';
import type { ModuleUi } from '../../../../web/src/module-ui.ts';
import { PoliciesPage } from './PoliciesPage.tsx';
import { PolicyEditorPage } from './PolicyEditorPage.tsx';

export const policyUi: ModuleUi = {
  id: 'policy',
  routes: [
    { path: '/orgs/:orgId/policies', element: createElement(PoliciesPage), auth: 'user' },
    { path: '/orgs/:orgId/policies/new/:template', element: createElement(PolicyEditorPage), auth: 'user' },
    { path: '/orgs/:orgId/policies/:id', element: createElement(PolicyEditorPage), auth: 'user' },
  ],
  nav: [
    {
      to: '/orgs/:orgId/policies',
      labelKey: 'policy.nav.policies',
      icon: IconFileText,
      section: 'org',
      orgKinds: ['sme'],
      order: 7,
    },
  ],
};
