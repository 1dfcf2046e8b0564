// Helpers for the browser tests: `import { test, expect, waitForMail } from './support/index.ts'`.
import { test as base, expect } from '@playwright/test';
import { uniqueEmail } from './journeys.ts';

export { OPERATOR_EMAIL, OPERATOR_PASSWORD } from './constants.ts';
export {
  acceptInvitation,
  CORPORATE_NUMBER,
  choose,
  confirmAddress,
  createOrg,
  fillSignUp,
  fillSmeForm,
  GREETING,
  invite,
  mailLink,
  mainNav,
  newJaContext,
  type Owner,
  orgIdByName,
  PASSWORD,
  signIn,
  signOut,
  signUpAndConfirm,
  signUpAndCreateOrg,
  signUpFromInvitation,
  suffix,
  uniqueEmail,
} from './journeys.ts';
export { extractLinks, type Mail, readMails, waitForMail } from './mail.ts';
export { expect };

export const test = base.extend<{ email: string }>({
  /** A unique e-mail address for this test. */
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take an object pattern
  email: async ({}, use, testInfo) => {
    await use(uniqueEmail(`t${testInfo.workerIndex}`));
  },
});
