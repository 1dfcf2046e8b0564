// Playwright globalSetup: one app server + one SMTP sink for the whole browser run.
//  1. builds the web app if stale (scripts/build-web.mjs --if-stale)
//  2. starts the SMTP sink (src/kernel/testing/smtp-sink.ts) writing each mail to E2E_MAIL_DIR
//  3. starts `node --import tsx src/main.ts` on a free port with a fresh DATA_DIR (embedded PGlite)
//  4. waits for GET /readyz → 200, then exposes E2E_BASE_URL / E2E_MAIL_DIR to the workers
// global-teardown.ts stops both. Server output goes to .tmp/e2e/server.log.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSmtpSink } from '../../src/kernel/testing/smtp-sink.ts';
import { OPERATOR_EMAIL, OPERATOR_PASSWORD } from './constants.ts';
import { setE2EState } from './state.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const READY_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      throw new Error(`e2e: scripts/build-web.mjs failed (exit ${build.status ?? build.signal})`);
    }
  }

  const tmp = mkdtempSync(join(tmpdir(), 'mamori-e2e-'));
  const dataDir = join(tmp, 'data');
  const mailDir = join(tmp, 'mail');
  mkdirSync(dataDir, { recursive: true });
  const sink = await startSmtpSink({ dir: mailDir });

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SMTP_URL: sink.url,
    PUBLIC_URL: baseURL,
    MAMORI_RATE_LIMIT: 'off',
    // The syslog receiver has its own tests; a fixed port could clash with a running Mamori.
    SYSLOG_PORT: '0',
    OPERATOR_EMAIL,
    OPERATOR_PASSWORD,
  };
  // The browser tests run against the embedded database in DATA_DIR, not the API tests' PostgreSQL,
  // unless E2E_DATABASE_URL asks for one.
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const logDir = join(ROOT, '.tmp/e2e');
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, 'server.log');
  const log = createWriteStream(logPath);
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-8000);
  };

  const entry = process.env.E2E_SERVER_ENTRY ?? 'src/main.ts'; // override only to test this harness
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  let exited: string | null = null;
  server.once('exit', (code, signal) => {
    exited = `exit code ${code ?? 'none'}${signal ? `, signal ${signal}` : ''}`;
  });

  setE2EState({ server, sink, tmp, log, logPath });
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_MAIL_DIR = mailDir;
  process.env.E2E_DATA_DIR = dataDir;

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      throw new Error(
        `e2e: the app server (node --import tsx ${entry}) died before it was ready (${exited}).\n` +
          `--- server output (last lines, full log: ${logPath}) ---\n${tail}`,
      );
    }
    try {
      const res = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `e2e: GET ${baseURL}/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s.\n` +
          `--- server output (last lines, full log: ${logPath}) ---\n${tail}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `e2e: app server ready at ${baseURL} in ${((Date.now() - t0) / 1000).toFixed(1)} s ` +
      `(DATA_DIR ${dataDir}, SMTP sink ${sink.url}, mail → ${mailDir}, log → ${logPath})`,
  );
}
