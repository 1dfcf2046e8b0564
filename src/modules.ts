import type { ModuleManifest } from './kernel/module.ts';
import { adminModule } from './modules/admin/module.ts';
import { declarationModule } from './modules/declaration/module.ts';
import { diagnosisModule } from './modules/diagnosis/module.ts';
import { directoryModule } from './modules/directory/module.ts';
import { guideModule } from './modules/guide/module.ts';
import { helpdeskModule } from './modules/helpdesk/module.ts';
import { learningModule } from './modules/learning/module.ts';
import { libraryModule } from './modules/library/module.ts';
import { monitoringModule } from './modules/monitoring/module.ts';
import { onsiteModule } from './modules/onsite/module.ts';
import { orgsModule } from './modules/orgs/module.ts';
import { ownersModule } from './modules/owners/module.ts';
import { policyModule } from './modules/policy/module.ts';
import { reportsModule } from './modules/reports/module.ts';
import { servicesModule } from './modules/services/module.ts';

/** The capabilities this installation mounts, in order. */
export const modules: ModuleManifest[] = [
  orgsModule,
  diagnosisModule,
  policyModule,
  declarationModule,
  learningModule,
  servicesModule,
  directoryModule,
  monitoringModule,
  ownersModule,
  reportsModule,
  libraryModule,
  guideModule,
  helpdeskModule,
  onsiteModule,
  adminModule,
];
