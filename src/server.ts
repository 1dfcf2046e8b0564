import path from 'node:path';
import { type App, buildApp } from './app.ts';
import { ensureOperator } from './kernel/auth/operator.ts';
import type { Config } from './kernel/config.ts';
import { type Database, openDatabase } from './kernel/db/client.ts';
import { startJobs } from './kernel/jobs/scheduler.ts';
import { modules } from './modules.ts';

export interface Server {
  app: App;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl }
      : { pgliteDir: path.join(config.dataDir, 'pglite') },
  );
}

export async function startServer(config: Config): Promise<Server> {
  const started = performance.now();
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  const app = await buildApp(config, { database });
  if (config.operator) await ensureOperator(app.mamori, config.operator);
  await app.listen({ host: config.host, port: config.port });
  const stopJobs = startJobs(
    app.mamori,
    modules.flatMap((m) => m.jobs ?? []),
    app.log,
  );
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  app.log.info(
    `Mamori is ready at ${url} (${database.kind}, ${Math.round(performance.now() - started)} ms to start)`,
  );
  return {
    app,
    database,
    url,
    close: async () => {
      stopJobs();
      await app.close();
      await database.close();
    },
  };
}
