import { loadConfig } from './kernel/config.ts';
import { startServer } from './server.ts';

/** `npm start`: config → database → migrations → app → listen. */
const server = await startServer(loadConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
