// Helpers for the browser tests: `import { test, expect, waitForMail } from './support/index.ts'`.
import { test as base, expect } from '@playwright/test';

export { OPERATOR_EMAIL, OPERATOR_PASSWORD } from './constants.ts';
export { extractLinks, type Mail, readMails, waitForMail } from './mail.ts';
export { expect };

let counter = 0;

/** A fresh address per call, so tests never see each other's mail or accounts. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.test`.toLowerCase();
}

export const test = base.extend<{ email: string }>({
  /** A unique e-mail address for this test. */
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take an object pattern
  email: async ({}, use, testInfo) => {
    await use(uniqueEmail(`t${testInfo.workerIndex}`));
  },
});
