import { adminUi } from '../../src/modules/admin/ui/index.ts';
import { orgsUi } from '../../src/modules/orgs/ui/index.ts';
import { coreUi } from './core-ui.tsx';
import type { ModuleUi } from './module-ui.ts';

/** Every module's UI manifest. A new module adds one line here. */
export const modules: ModuleUi[] = [coreUi, orgsUi, adminUi];
