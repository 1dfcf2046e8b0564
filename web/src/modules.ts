import { adminUi } from '../../src/modules/admin/ui/index.ts';
import { declarationUi } from '../../src/modules/declaration/ui/index.ts';
import { diagnosisUi } from '../../src/modules/diagnosis/ui/index.ts';
import { directoryUi } from '../../src/modules/directory/ui/index.ts';
import { guideUi } from '../../src/modules/guide/ui/index.ts';
import { helpdeskUi } from '../../src/modules/helpdesk/ui/index.ts';
import { learningUi } from '../../src/modules/learning/ui/index.ts';
import { libraryUi } from '../../src/modules/library/ui/index.ts';
import { monitoringUi } from '../../src/modules/monitoring/ui/index.ts';
import { onsiteUi } from '../../src/modules/onsite/ui/index.ts';
import { orgsUi } from '../../src/modules/orgs/ui/index.ts';
import { ownersUi } from '../../src/modules/owners/ui/index.ts';
import { policyUi } from '../../src/modules/policy/ui/index.ts';
import { reportsUi } from '../../src/modules/reports/ui/index.ts';
import { servicesUi } from '../../src/modules/services/ui/index.ts';
import { coreUi } from './core-ui.tsx';
import type { ModuleUi } from './module-ui.ts';

/** Every module's UI manifest. A new module adds one line here. */
export const modules: ModuleUi[] = [
  coreUi,
  orgsUi,
  ownersUi,
  diagnosisUi,
  learningUi,
  monitoringUi,
  policyUi,
  declarationUi,
  servicesUi,
  directoryUi,
  reportsUi,
  libraryUi,
  guideUi,
  helpdeskUi,
  onsiteUi,
  adminUi,
];
