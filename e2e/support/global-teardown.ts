// Stops the app server and the SMTP sink started by global-setup.ts and removes the temp folder
// (kept when E2E_KEEP_DATA=1, for a look at DATA_DIR and the mails).
import { rmSync } from 'node:fs';
import { getE2EState } from './state.ts';

export default async function globalTeardown(): Promise<void> {
  const state = getE2EState();
  if (!state) return;
  const { server, sink, tmp, log } = state;
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await sink.close();
  await new Promise<void>((resolve) => log.end(() => resolve()));
  if (process.env.E2E_KEEP_DATA === '1') console.log(`e2e: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
