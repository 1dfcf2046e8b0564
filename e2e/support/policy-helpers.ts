// Helpers for e2e/policy-declaration.spec.ts: an owner with a confirmed account and a small business,
// made through the UI the way foundation.spec.ts does it, plus a complete set of diagnosis answers.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, extractLinks, waitForMail } from './index.ts';

export const PASSWORD = 'sakura-mochi-2024';
const GREETING = /(おはようございます|こんにちは|こんばんは)、.+さん/;

/** A short suffix that keeps names (organisations, people) unique across tests and runs. */
export function suffix(): string {
  return Date.now().toString(36).slice(-5) + Math.floor(Math.random() * 1000).toString(36);
}

/** Signs up through /sign-up, opens the confirmation link from the mail and ends on the dashboard. */
export async function signUpAndConfirm(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: '無料で登録' })).toBeVisible();
  await page.getByLabel('お名前').fill(name);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '確認メールを送りました' })).toBeVisible();
  const mail = await waitForMail({ to: email, subjectIncludes: 'メールアドレスの確認' });
  const link = extractLinks(mail.text).find((l) => l.includes('verify-email'));
  expect(link, 'a verify-email link in the confirmation mail').toBeTruthy();
  await page.goto(link as string);
  await expect(page.getByRole('heading', { level: 1, name: 'メールアドレスを確認しました' })).toBeVisible();
  await page.getByRole('link', { name: 'ダッシュボードへ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: GREETING })).toBeVisible();
}

/** Picks an option in a Mantine Select (role combobox, named by its label). */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('combobox', { name: label, exact: true })).toHaveValue(option);
}

/** The browser's main navigation (inside the app shell). */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' }).last();
}

/**
 * Registers a small business from the dashboard (組織を登録する) and returns its id,
 * read from the organisation's SECURITY ACTION link in the navigation.
 */
export async function createSmeOrg(
  page: Page,
  orgName: string,
  opts: { prefecture?: string; industry?: string } = {},
): Promise<string> {
  await page.getByRole('link', { name: '組織を登録する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '組織を登録' })).toBeVisible();
  await page.getByText('中小企業', { exact: true }).click();
  await page.getByLabel('会社名・組織名').fill(orgName);
  await page.getByLabel('法人番号').fill('7000012050002');
  await choose(page, '所在地（都道府県）', opts.prefecture ?? '大阪府');
  await choose(page, '業種', opts.industry ?? '製造業');
  await choose(page, '従業員数', '21〜50人');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('region', { name: orgName })).toBeVisible();
  const href = await mainNav(page)
    .getByRole('link', { name: 'SECURITY ACTION', exact: true })
    .getAttribute('href');
  const orgId = href?.match(/\/orgs\/([^/]+)\/declaration$/)?.[1];
  expect(orgId, `the organisation id in the SECURITY ACTION link (${href})`).toBeTruthy();
  return orgId as string;
}

/** All 25 answers of the 5-minute self-diagnosis, keyed "1".."25". */
export function allAnswers(value: 'yes' | 'partial' | 'no' | 'unknown' = 'yes'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), value]));
}

/** A browser of its own, without cookies, as an anonymous visitor (a trading partner) would use. */
export async function anonymousContext(
  browser: Browser,
  baseURL: string | undefined,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
}

/** The first bytes of a file, as text (for magic numbers such as "PK" or "%PDF"). */
export function magic(buffer: Buffer, n: number): string {
  return buffer.subarray(0, n).toString('latin1');
}
