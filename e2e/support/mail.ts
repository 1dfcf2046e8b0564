// Reading the mails the app sent during a browser test. The SMTP sink (started by global-setup.ts
// in the runner process) writes each message as JSON into E2E_MAIL_DIR; workers poll that folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Message } from '../../src/kernel/testing/smtp-sink.ts';

export type { Message as Mail } from '../../src/kernel/testing/smtp-sink.ts';
export { extractLinks } from '../../src/kernel/testing/smtp-sink.ts';

export interface WaitForMailOptions {
  /** A recipient address (case-insensitive; envelope recipients, so Cc/Bcc count). */
  to: string;
  /** Only mails whose decoded subject contains this. */
  subjectIncludes?: string;
  /** Only mails received at or after this time (e.g. taken just before the action that sends). */
  since?: Date | number;
  timeoutMs?: number;
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the browser tests through playwright.config.ts');
  return dir;
}

/** Every mail received so far, oldest first. */
export function readMails(): Message[] {
  const dir = mailDir();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Message);
}

/** Resolves with the newest matching mail; polls until timeoutMs (default 15 s), then throws with what arrived. */
export async function waitForMail(options: WaitForMailOptions): Promise<Message> {
  const to = options.to.toLowerCase();
  const since = options.since === undefined ? 0 : new Date(options.since).getTime();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const matches = (m: Message) =>
    m.to.includes(to) &&
    (options.subjectIncludes === undefined || m.subject.includes(options.subjectIncludes)) &&
    new Date(m.date).getTime() >= since;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = readMails();
    const found = all.filter(matches);
    const newest = found[found.length - 1];
    if (newest) return newest;
    if (Date.now() > deadline) {
      const seen = all.map((m) => `  ${m.date} ${m.to.join(',')}: ${m.subject}`).join('\n') || '  (none)';
      throw new Error(
        `waitForMail: no mail to ${options.to}` +
          (options.subjectIncludes ? ` with subject containing "${options.subjectIncludes}"` : '') +
          ` within ${timeoutMs} ms. Received:\n${seen}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
