// Handles shared by global-setup.ts and global-teardown.ts (both run in the Playwright runner process).
import type { ChildProcess } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import type { SmtpSink } from '../../src/kernel/testing/smtp-sink.ts';

export interface E2EState {
  server: ChildProcess;
  sink: SmtpSink;
  tmp: string;
  log: WriteStream;
  logPath: string;
}

const KEY = Symbol.for('mamori.e2e.state');
type Holder = { [KEY]?: E2EState };

export function setE2EState(state: E2EState): void {
  (globalThis as Holder)[KEY] = state;
}

export function getE2EState(): E2EState | undefined {
  return (globalThis as Holder)[KEY];
}
