import type { ModuleManifest } from './kernel/module.ts';
import { adminModule } from './modules/admin/module.ts';
import { diagnosisModule } from './modules/diagnosis/module.ts';
import { orgsModule } from './modules/orgs/module.ts';

/** The capabilities this installation mounts, in order. */
export const modules: ModuleManifest[] = [orgsModule, diagnosisModule, adminModule];
