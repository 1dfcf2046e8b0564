// Browser test for 経営者の取組 (src/modules/owners/ui), in the Japanese UI: an owner signs up, registers
// a small business, opens the owner's corner, records two of the 7 key actions (done, responsible,
// review date), adds a contractor by its SECURITY ACTION declaration ID and sees it linked to the
// registry's verification page, sees the progress on the dashboard, gets the review reminder mail,
// subscribes to the weekly e-mail, receives one digest with the due review, and unsubscribes from it.
import type { Browser, Page } from '@playwright/test';
import {
  choose,
  expect,
  mailLink,
  mainNav,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  readMails,
  signUpAndCreateOrg,
  test,
  waitForMail,
} from './support/index.ts';

/** A supplier company with a ★ declaration, made through the API by its own owner; returns the ID. */
async function declaredSupplier(browser: Browser, baseURL: string | undefined) {
  const ctx = await newJaContext(browser, baseURL);
  const page = await ctx.newPage();
  const supplier = await signUpAndCreateOrg(page, {
    orgName: `有限会社クラウド経理 ${Date.now().toString(36)}`,
  });
  const res = await page.request.post(`/api/v1/orgs/${supplier.orgId}/declarations`, {
    data: { star: 1, pledges: [1, 2, 3, 4, 5] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await ctx.close();
  return { id, orgName: supplier.orgName };
}

function todayJst(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}

/** Opens an action's 記録する dialog and records it. */
async function record(
  page: Page,
  no: number,
  title: string,
  values: { status: string; responsible: string; reviewDate: string; note?: string },
) {
  await page.getByRole('button', { name: `取組 ${no}「${title}」を記録する` }).click();
  const dialog = page.getByRole('dialog', { name: `取組 ${no} を記録する` });
  await expect(dialog).toBeVisible();
  await dialog.getByText(values.status, { exact: true }).click();
  await choose(page, '担当する人', values.responsible);
  await dialog.getByLabel('次の見直し日').fill(values.reviewDate);
  if (values.note) await dialog.getByLabel('メモ（任意）').fill(values.note);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('an owner works through the owner’s corner and checks a contractor', async ({
  page,
  browser,
  baseURL,
}) => {
  const supplier = await declaredSupplier(browser, baseURL);
  const owner = await signUpAndCreateOrg(page);
  const me = `${owner.name}（経営者（オーナー））`;

  await mainNav(page).getByRole('link', { name: '経営者の取組' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '経営者の取組' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '経営者が心がける3つの原則' })).toBeVisible();
  const progress = page.getByTestId('owners-progress');
  await expect(progress.getByText('7つのうち 0 つできました')).toBeVisible();
  await expect(progress.getByText('会社としての方針を決める')).toBeVisible(); // the next step

  // The 3-minute page, linked from the corner.
  await page.getByRole('link', { name: '3分で読む: なぜ対策が必要か' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /中小企業に情報セキュリティが必要なわけ/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'はまりやすい3つの落とし穴' })).toBeVisible();
  await expect(page.getByText('従業員に任せきり')).toBeVisible();
  await page.getByRole('link', { name: '経営者の取組を始める' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '経営者の取組' })).toBeVisible();

  // Action 1 links to the policy page that carries it out.
  const a1 = page.getByTestId('action-1');
  await expect(a1.getByRole('link', { name: '基本方針をつくる' })).toHaveAttribute(
    'href',
    `/orgs/${owner.orgId}/policies`,
  );

  await record(page, 1, '会社としての方針を決める', {
    status: 'できた',
    responsible: me,
    reviewDate: '2027-04-01',
    note: '基本方針を朝礼で伝えた',
  });
  await expect(page.getByText('取組 1 を記録しました。')).toBeVisible();
  await expect(a1.getByText('できた', { exact: true })).toBeVisible();
  await expect(page.getByTestId('action-1-responsible')).toHaveText(owner.name);
  await expect(page.getByTestId('action-1-review')).toHaveText('2027/04/01');
  await expect(a1.getByText('メモ: 基本方針を朝礼で伝えた')).toBeVisible();

  // Action 6 is due for review today: the reminder job mails the responsible member.
  await record(page, 6, '委託先や外部サービスとの責任をはっきりさせる', {
    status: 'できた',
    responsible: me,
    reviewDate: todayJst(),
  });
  const a6 = page.getByTestId('action-6');
  await expect(a6.getByText('今日が見直し日')).toBeVisible();
  await expect(progress.getByText('7つのうち 2 つできました')).toBeVisible();

  // The contractor check, from action 6.
  await a6.getByRole('link', { name: '委託先チェック' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '委託先チェック' })).toBeVisible();
  await expect(page.getByText(/まだ委託先がありません/)).toBeVisible();
  await page.getByRole('button', { name: '委託先を追加' }).click();
  const form = page.getByRole('dialog', { name: '委託先を追加する' });
  await form.getByLabel('委託先の会社名').fill(supplier.orgName);
  await form.getByLabel('預けている情報').fill('会計データ、取引先一覧');
  await form.getByRole('radio', { name: 'あり' }).check();
  await form.getByRole('radio', { name: '★ 一つ星' }).check();
  await form.getByLabel('宣言ID（任意）').fill(supplier.id.toLowerCase());
  await form.getByRole('button', { name: '追加する' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText(`「${supplier.orgName}」を追加しました。`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(supplier.orgName) });
  await expect(row.getByText('登録簿: ★ 宣言中')).toBeVisible();
  const verify = row.getByRole('link', { name: `${supplier.orgName} の宣言を確認ページで見る` });
  await expect(verify).toHaveAttribute('href', `${baseURL}/verify/${supplier.id}`);
  const verifyPage = await page.request.get(`/verify/${supplier.id}`);
  expect(verifyPage.status()).toBe(200);
  expect(await verifyPage.text()).toContain(supplier.orgName);

  // The dashboard widget shows the progress and the review that is due.
  await page.getByRole('link', { name: '経営者の取組に戻る' }).click();
  await expect(page.getByText('登録した委託先 1 社')).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'ダッシュボード' }).click();
  const widget = page.getByTestId('owners-widget');
  await expect(widget.getByText('7つのうち 2 つできました')).toBeVisible();
  await expect(
    widget.getByRole('link', { name: /6\. 委託先や外部サービスとの責任をはっきりさせる/ }),
  ).toBeVisible();

  // The operator runs the daily reminder job now instead of waiting for the clock.
  const since = Date.now();
  const ops = await newJaContext(browser, baseURL);
  const signIn = await ops.request.post('/api/auth/sign-in/email', {
    data: { email: OPERATOR_EMAIL, password: OPERATOR_PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  const run = await ops.request.post('/api/v1/admin/jobs/owners.review-reminders/run');
  expect(run.status(), await run.text()).toBe(204);
  await ops.close();
  const mail = await waitForMail({
    to: owner.email,
    subjectIncludes: '見直しの日です: 経営者の取組 6',
    since,
  });
  expect(mail.text).toContain(owner.orgName);
  const link = await mailLink({
    to: owner.email,
    subject: '見直しの日です',
    pathPart: `/orgs/${owner.orgId}/owners#action-6`,
    since,
  });
  await page.goto(link);
  await expect(page.getByTestId('action-6')).toBeInViewport();

  // The same owner subscribes to the weekly e-mail; the digest carries the review that is due
  // and a one-click unsubscribe link that works without signing in.
  await page.goto('/dashboard');
  await mainNav(page).getByRole('link', { name: '週間メール' }).click();
  await page.getByRole('button', { name: '週間メールを受け取る' }).click();
  await expect(page.getByText(`${owner.orgName} について、週間メールを受け取っています。`)).toBeVisible();
  const digestSince = Date.now();
  const ops2 = await newJaContext(browser, baseURL);
  await ops2.request.post('/api/auth/sign-in/email', {
    data: { email: OPERATOR_EMAIL, password: OPERATOR_PASSWORD },
  });
  expect((await ops2.request.post('/api/v1/admin/jobs/library.weekly-digest/run')).status()).toBe(204);
  const digest = await waitForMail({
    to: owner.email,
    subjectIncludes: '今週のセキュリティだより',
    since: digestSince,
  });
  expect(digest.text).toContain('■ 経営者の取組: 見直しの予定');
  expect(digest.text).toContain('取組 6「委託先や外部サービスとの責任をはっきりさせる」の見直し日');
  const unsubscribe = /https?:\/\/\S+\/newsletter\/unsubscribe\?token=\S+/.exec(digest.text)?.[0] ?? '';
  expect(digest.headers['list-unsubscribe']).toBe(`<${unsubscribe}>`);
  // Exactly one digest, even when the job runs again the same week.
  expect((await ops2.request.post('/api/v1/admin/jobs/library.weekly-digest/run')).status()).toBe(204);
  await page.waitForTimeout(1000);
  expect(
    readMails().filter((m) => m.to.includes(owner.email) && m.subject.includes('今週のセキュリティだより')),
  ).toHaveLength(1);
  await ops2.close();
  const anon = await newJaContext(browser, baseURL);
  const p = await anon.newPage();
  await p.goto(unsubscribe);
  await p.getByRole('button', { name: '配信を停止する' }).click();
  await expect(p.getByText(/あての週間メールを停止しました。今後は届きません。/)).toBeVisible();
  await anon.close();
  await page.reload();
  await expect(page.getByText('いまは週間メールを受け取っていません。')).toBeVisible();
});
