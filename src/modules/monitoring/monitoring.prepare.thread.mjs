// The prepare thread's entry: it loads TypeScript the way `npm start` does (tsx), then runs
// monitoring.prepare.worker.ts. Plain JavaScript because a new thread starts without tsx.
import { register } from 'tsx/esm/api';

register();
await import('./monitoring.prepare.worker.ts');
