// Steps shared by the browser tests, done through the Japanese UI as a user would:
// sign-up with mail confirmation, sign-in/out, creating an organisation, inviting a member who joins.
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { extractLinks, waitForMail } from './mail.ts';

let emailCounter = 0;

/** A fresh address per call, so tests never see each other's mail or accounts. */
export function uniqueEmail(prefix = 'user'): string {
  emailCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${emailCounter}@example.test`.toLowerCase();
}

export const PASSWORD = 'sakura-mochi-2024';
export const GREETING = /(おはようございます|こんにちは|こんばんは)、.+さん/;
/** A valid 法人番号 (check digit 7); organisations need not have unique ones. */
export const CORPORATE_NUMBER = '7000012050002';

/** A short suffix that keeps names (organisations, people) unique across tests and runs. */
export function suffix(): string {
  return Date.now().toString(36).slice(-5) + Math.floor(Math.random() * 1000).toString(36);
}

/** The first link in the newest mail to `to` whose URL contains `pathPart`. */
export async function mailLink(opts: { to: string; subject: string; pathPart: string; since?: number }) {
  const mail = await waitForMail({ to: opts.to, subjectIncludes: opts.subject, since: opts.since });
  const link = extractLinks(mail.text).find((l) => l.includes(opts.pathPart));
  expect(link, `a link containing ${opts.pathPart} in "${mail.subject}"`).toBeTruthy();
  return link as string;
}

/** Fills and sends the sign-up form (the page must show it) and checks the "check your mail" page. */
export async function fillSignUp(page: Page, name: string, email: string, password = PASSWORD) {
  await expect(page.getByRole('heading', { level: 1, name: '無料で登録' })).toBeVisible();
  await page.getByLabel('お名前').fill(name);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '確認メールを送りました' })).toBeVisible();
  await expect(page.getByText(`${email} あてに確認メールを送りました。`)).toBeVisible();
}

/** Opens the confirmation link from the mail; the verified page follows (and signs the user in). */
export async function confirmAddress(page: Page, email: string) {
  const link = await mailLink({ to: email, subject: 'メールアドレスの確認', pathPart: 'verify-email' });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'メールアドレスを確認しました' })).toBeVisible();
}

/** A confirmed, signed-in account made through the sign-up page; ends on the dashboard. */
export async function signUpAndConfirm(page: Page, name: string, email: string, password = PASSWORD) {
  await page.goto('/sign-up');
  await fillSignUp(page, name, email, password);
  await confirmAddress(page, email);
  await page.getByRole('link', { name: 'ダッシュボードへ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: GREETING })).toBeVisible();
}

/** Fills and sends the sign-in form (the page must show it). */
export async function signIn(page: Page, email: string, password: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'アカウントメニュー' }).click();
  await page.getByRole('menuitem', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Picks an option in a Mantine Select (role combobox, named by its label). */
export async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('combobox', { name: label, exact: true })).toHaveValue(option);
}

/** Fills the 組織を登録 form for a small business (the page must show it). */
export async function fillSmeForm(page: Page, orgName: string, corporateNumber = CORPORATE_NUMBER) {
  await expect(page.getByRole('heading', { level: 1, name: '組織を登録' })).toBeVisible();
  await page.getByText('中小企業', { exact: true }).click();
  await page.getByLabel('会社名・組織名').fill(orgName);
  await page.getByLabel('法人番号').fill(corporateNumber);
  await choose(page, '所在地（都道府県）', '大阪府');
  await choose(page, '業種', '製造業');
  await choose(page, '従業員数', '21〜50人');
}

/** The browser's main navigation (inside the app shell). */
export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'メインメニュー' }).last();
}

export async function newJaContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
}

/** The id of the signed-in user's organisation called `orgName` (from GET /api/v1/me). */
export async function orgIdByName(page: Page, orgName: string): Promise<string> {
  const res = await page.request.get('/api/v1/me');
  expect(res.status(), 'GET /api/v1/me').toBe(200);
  const me = (await res.json()) as { orgs: Array<{ id: string; name: string }> };
  const org = me.orgs.find((o) => o.name === orgName);
  expect(org, `organisation "${orgName}" in /api/v1/me`).toBeTruthy();
  return (org as { id: string }).id;
}

/**
 * Registers a small business from the dashboard of a signed-in user without one
 * (「組織を登録する」), and checks its card; returns the organisation's id.
 */
export async function createOrg(page: Page, orgName: string): Promise<string> {
  await page.getByRole('link', { name: '組織を登録する' }).click();
  await fillSmeForm(page, orgName);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('region', { name: orgName })).toBeVisible();
  return orgIdByName(page, orgName);
}

export interface Owner {
  name: string;
  email: string;
  orgName: string;
  orgId: string;
}

/** A new account (signed up and confirmed through the UI) owning a new small business; ends on the dashboard. */
export async function signUpAndCreateOrg(
  page: Page,
  opts: { name?: string; email?: string; orgName?: string } = {},
): Promise<Owner> {
  const id = suffix();
  const name = opts.name ?? `山田 太郎${id}`;
  const email = opts.email ?? uniqueEmail('owner');
  const orgName = opts.orgName ?? `株式会社まもり製作所 ${id}`;
  await signUpAndConfirm(page, name, email);
  const orgId = await createOrg(page, orgName);
  return { name, email, orgName, orgId };
}

/** On the メンバー page (the page must show it): invites `email` with the role labelled `roleLabel`. */
export async function invite(page: Page, email: string, roleLabel: string) {
  await page.getByLabel('招待する方のメールアドレス').fill(email);
  await choose(page, '役割', roleLabel);
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText(`${email} に招待メールを送りました。`)).toBeVisible();
}

/**
 * The invitee, in `page` (a browser of their own, signed out): opens the invitation mail, signs up
 * from the invitation, confirms the address and comes back to the invitation. Returns its address.
 */
export async function signUpFromInvitation(
  page: Page,
  opts: { orgName: string; name: string; email: string },
): Promise<string> {
  const invitationLink = await mailLink({
    to: opts.email,
    subject: `${opts.orgName} への招待が届いています`,
    pathPart: '/invitations/',
  });
  await page.goto(invitationLink);
  await expect(page.getByRole('heading', { level: 1, name: '組織への招待' })).toBeVisible();
  await page.getByRole('link', { name: '無料で登録して参加する' }).click();
  await expect(page).toHaveURL(/\/sign-up\?redirect=/);
  await fillSignUp(page, opts.name, opts.email);
  await confirmAddress(page, opts.email);
  // the confirmation brings them back towards the invitation
  await page.getByRole('link', { name: '続ける' }).click();
  await expect(page).toHaveURL(invitationLink);
  await expect(page.getByRole('heading', { level: 1, name: `「${opts.orgName}」への招待` })).toBeVisible();
  return invitationLink;
}

/** On the invitation page: presses 参加する and checks the dashboard shows the organisation. */
export async function acceptInvitation(page: Page, orgName: string) {
  await page.getByRole('button', { name: '参加する' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`「${orgName}」に参加しました。`)).toBeVisible();
  await expect(page.getByRole('region', { name: orgName })).toBeVisible();
}
