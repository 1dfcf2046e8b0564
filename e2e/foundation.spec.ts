// Browser tests for the platform foundation, in the Japanese UI, as a user would use it:
// sign-up with mail confirmation, organisations and invitations, language switch, password reset,
// the operator console, and phone width / keyboard use. Each test makes its own accounts.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import {
  acceptInvitation,
  confirmAddress,
  expect,
  fillSignUp,
  fillSmeForm,
  GREETING,
  invite,
  mailLink,
  mainNav,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  PASSWORD,
  signIn,
  signOut,
  signUpAndConfirm,
  signUpAndCreateOrg,
  signUpFromInvitation,
  suffix,
  test,
  uniqueEmail,
} from './support/index.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../.tmp/screenshots');

async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const path = resolve(SCREENSHOT_DIR, name);
  const viewport = page.viewportSize();
  if (fullPage && viewport) {
    // Grow the window to the whole page instead of `fullPage`, so the app shell's fixed
    // header and side menu are laid out for the full height rather than the first screen.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path });
    await page.setViewportSize(viewport);
  } else {
    await page.screenshot({ path });
  }
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('main journey: sign up, confirm, create an organisation, invite a practitioner who joins', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.slow(); // two accounts, four mails, one long story
  const id = suffix();
  const ownerName = `山田 太郎${id}`;
  const ownerEmail = uniqueEmail('owner');
  const orgName = `株式会社まもり製作所 ${id}`;
  const inviteeName = `佐藤 花子${id}`;
  const inviteeEmail = uniqueEmail('invitee');

  // The top page, in Japanese.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(
    page.getByRole('heading', { level: 1, name: '会社の情報を守る取り組みを、今日から無理なく。' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mamori でできること' })).toBeVisible();
  await screenshot(page, testInfo, 'top-ja.png');

  // Sign up from the hero's call to action.
  await page.getByRole('main').getByRole('link', { name: '無料で登録' }).first().click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await fillSignUp(page, ownerName, ownerEmail);

  // Confirm the address from the mail; confirmation signs the user in.
  await confirmAddress(page, ownerEmail);
  await expect(page.getByText('ご登録ありがとうございます。さっそく始めましょう。')).toBeVisible();

  // Sign out and sign in again with the password.
  await page.getByRole('link', { name: 'ダッシュボードへ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: GREETING })).toBeVisible();
  await signOut(page);
  await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).click();
  await signIn(page, ownerEmail, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: GREETING })).toContainText(`${ownerName}さん`);
  await expect(page.getByRole('heading', { name: 'まずは会社（組織）を登録しましょう' })).toBeVisible();

  // Create the organisation; a wrong check digit in the 法人番号 is caught first.
  await page.getByRole('link', { name: '組織を登録する' }).click();
  await fillSmeForm(page, orgName, '8000012050002');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByText('法人番号が正しくないようです。数字をもう一度ご確認ください。')).toBeVisible();
  await expect(page.getByLabel('法人番号')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/orgs\/new$/);
  await page.getByLabel('法人番号').fill('7000012050002');
  await page.getByRole('button', { name: '登録する' }).click();

  // The dashboard shows the organisation card.
  await expect(page).toHaveURL(/\/dashboard$/);
  const created = page.getByRole('alert').filter({ hasText: `「${orgName}」を登録しました。` });
  await expect(created).toBeVisible();
  await created.getByRole('button', { name: '閉じる' }).click();
  await expect(created).toBeHidden();
  const card = page.getByRole('region', { name: orgName });
  await expect(card).toBeVisible();
  await expect(card.getByText('中小企業', { exact: true })).toBeVisible();
  await expect(card.getByText('あなたの役割：経営者（オーナー）')).toBeVisible();
  await expect(card.getByText('大阪府')).toBeVisible();
  await expect(card.getByText('製造業')).toBeVisible();
  await expect(card.getByText('21〜50人')).toBeVisible();
  await expect(card.getByText('7000012050002')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '操作する組織' })).toHaveValue(orgName);
  await expect(page.getByRole('heading', { name: '次にやること' })).toBeVisible();
  await screenshot(page, testInfo, 'dashboard-ja.png', true);

  // Invite a practitioner.
  await mainNav(page).getByRole('link', { name: 'メンバー' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メンバー' })).toBeVisible();
  await expect(page.getByText(`「${orgName}」に参加している人と、招待中の人の一覧です。`)).toBeVisible();
  await invite(page, inviteeEmail, '対策実践者');
  const pending = page.getByRole('region', { name: '招待中' });
  await expect(pending.getByRole('row', { name: new RegExp(inviteeEmail) })).toContainText('対策実践者');

  // The invitee, in a browser of their own.
  const invitee = await newJaContext(browser, baseURL);
  try {
    const p2 = await invitee.newPage();
    await signUpFromInvitation(p2, { orgName, name: inviteeName, email: inviteeEmail });
    await expect(p2.getByText(`${ownerName}さんから「${orgName}」に招待されています。`)).toBeVisible();
    await expect(p2.getByRole('definition').filter({ hasText: '対策実践者' })).toBeVisible();
    await acceptInvitation(p2, orgName);
    const joined = p2.getByRole('region', { name: orgName });
    await expect(joined).toBeVisible();
    await expect(joined.getByText('あなたの役割：対策実践者')).toBeVisible();
  } finally {
    await invitee.close();
  }

  // Back with the owner: the practitioner is a member now.
  await page.reload();
  const members = page.getByRole('region', { name: '参加しているメンバー' });
  await expect(members.getByText('2人')).toBeVisible();
  const row = members.getByRole('row', { name: new RegExp(inviteeEmail) });
  await expect(row).toContainText(inviteeName);
  await expect(row.getByRole('combobox', { name: `${inviteeName}さんの役割` })).toHaveValue('対策実践者');
  await expect(
    page.getByRole('region', { name: '招待中' }).getByText('招待中の方はいません。'),
  ).toBeVisible();
});

test('language switch: the top page in English', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: "Protect your company's information, starting today, at your own pace.",
    }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What you can do with Mamori' })).toBeVisible();
  await expect(page.getByRole('button', { name: '日本語' })).toBeVisible();
  // the choice is kept for the next visit
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'What you can do with Mamori' })).toBeVisible();
});

test('password reset: request a link by mail, set a new password, sign in with it', async ({ page }) => {
  const email = uniqueEmail('reset');
  const newPassword = 'hoshi-zora-kirakira-9';
  await signUpAndConfirm(page, `鈴木 一郎${suffix()}`, email);
  await signOut(page);

  await page.goto('/sign-in');
  await page.getByRole('main').getByRole('link', { name: 'パスワードをお忘れの方' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードの再設定' })).toBeVisible();
  const since = Date.now();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メールをご確認ください' })).toBeVisible();

  const link = await mailLink({
    to: email,
    subject: 'パスワードの再設定',
    pathPart: 'reset-password',
    since,
  });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: '新しいパスワードの設定' })).toBeVisible();
  await page.getByLabel(/^新しいパスワード\s*\*?$/).fill(newPassword);
  await page.getByLabel('新しいパスワード（確認のため、もう一度）').fill(newPassword);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'パスワードを変更しました' })).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'ログイン' }).click();
  // the old password no longer works
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います。');
  await page.getByLabel('パスワード').fill(newPassword);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: GREETING })).toBeVisible();
});

test('operator: organisations, the audit log and the sent-mail page', async ({ page, browser, baseURL }) => {
  // An organisation made by someone else, for the operator to find.
  const orgName = `株式会社うんえい確認 ${suffix()}`;
  const owner = await newJaContext(browser, baseURL);
  try {
    const p = await owner.newPage();
    await signUpAndCreateOrg(p, { name: `高橋 次郎${suffix()}`, email: uniqueEmail('opcheck'), orgName });
  } finally {
    await owner.close();
  }

  await page.goto('/sign-in');
  await signIn(page, OPERATOR_EMAIL, OPERATOR_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = mainNav(page);
  await expect(nav.getByText('運営', { exact: true })).toBeVisible();

  await nav.getByRole('link', { name: '組織一覧' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '組織一覧' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^全\d+件$/ })).toBeVisible();
  await page.getByLabel('組織名で検索').fill(orgName);
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^全/ })).toHaveText('全1件');
  const orgRow = page.getByRole('row', { name: new RegExp(orgName) });
  await expect(orgRow).toContainText('中小企業');
  await expect(orgRow).toContainText('大阪府');
  await expect(orgRow).toContainText('製造業');

  await nav.getByRole('link', { name: '操作の記録' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '操作の記録' })).toBeVisible();
  await page.getByLabel('操作の種類で絞り込む').fill('orgs.create');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/action=orgs\.create/);
  const auditRow = page.getByRole('row', { name: new RegExp(orgName) });
  await expect(auditRow).toContainText('orgs.create');

  await nav.getByRole('link', { name: '送信メール' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '送信メール' })).toBeVisible();
  await expect(page.getByRole('button', { name: '最新の状態にする' })).toBeVisible();
  // mail goes to the SMTP sink here, so the outbox is normally empty
  await expect(page.getByRole('table')).toBeVisible();
});

test.describe('phone width and keyboard', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the burger opens the navigation and its links work', async ({ page }) => {
    await signUpAndConfirm(page, `伊藤 さくら${suffix()}`, uniqueEmail('phone'));
    const burger = page.getByRole('button', { name: 'メニューを開く' });
    await expect(burger).toBeVisible();
    const accountLink = mainNav(page).getByRole('link', { name: 'アカウント設定' });
    await expect(accountLink).not.toBeInViewport();
    await burger.click();
    await expect(page.getByRole('button', { name: 'メニューを閉じる' })).toBeVisible();
    await expect(accountLink).toBeInViewport();
    await accountLink.click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'アカウント設定' })).toBeVisible();
    // choosing a page closes the menu again
    await expect(page.getByRole('button', { name: 'メニューを開く' })).toBeVisible();
    await expect(accountLink).not.toBeInViewport();
  });

  test('the sign-in form works with Tab and Enter only', async ({ page }) => {
    const email = uniqueEmail('keys');
    await signUpAndConfirm(page, `渡辺 健${suffix()}`, email);
    await signOut(page);

    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
    const emailField = page.getByLabel('メールアドレス');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await emailField.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab reaches the e-mail field').toBe(true);
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('パスワード')).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: GREETING })).toBeVisible();
  });
});
