// Browser tests for the 相談窓口 and セキュリティ情報 (src/modules/helpdesk/ui), in the Japanese UI:
// an SME owner opens a consultation with a suspicious mail attached, the provider serving it answers
// from the mailed link, the owner reads the answer (page and mail); the provider posts an advisory,
// the owner forwards it to an employee in one click, and the employee receives it (SMTP sink).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  acceptInvitation,
  expect,
  extractLinks,
  invite,
  mainNav,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  type Owner,
  signIn,
  signUpAndConfirm,
  signUpAndCreateOrg,
  signUpFromInvitation,
  suffix,
  test,
  uniqueEmail,
  waitForMail,
} from './support/index.ts';

interface Provider {
  context: BrowserContext;
  page: Page;
  name: string;
  email: string;
  orgId: string;
  orgName: string;
}

/** A provider (お助け隊 service) with its first staff member, signed in its own browser. */
async function providerStaff(browser: Browser, baseURL: string | undefined): Promise<Provider> {
  const context = await newJaContext(browser, baseURL);
  const page = await context.newPage();
  const id = suffix();
  const name = `佐藤 分析${id}`;
  const email = uniqueEmail('analyst');
  const orgName = `まもりセキュリティサービス ${id}`;
  await signUpAndConfirm(page, name, email);
  const res = await page.request.post('/api/v1/orgs', {
    data: { name: orgName, kind: 'provider', prefecture: '27', industry: 'G', employees: '21-50' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const orgId = ((await res.json()) as { id: string }).id;
  return { context, page, name, email, orgId, orgName };
}

/** The SME owner entrusts the company to the provider (the お助け隊 contract). */
async function entrust(page: Page, owner: Owner, provider: Provider) {
  const res = await page.request.post(`/api/v1/orgs/${owner.orgId}/providers`, {
    data: { providerOrgId: provider.orgId },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function shoot(page: Page, path: string) {
  await page.screenshot({ path, fullPage: true });
}

test('an SME opens a consultation, the provider answers, and the SME reads the answer', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const provider = await providerStaff(browser, baseURL);
  try {
    const owner = await signUpAndCreateOrg(page);
    await entrust(page, owner, provider);

    // The owner opens the desk from the menu and writes a consultation with the mail attached.
    await mainNav(page).getByRole('link', { name: '相談窓口' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '相談窓口' })).toBeVisible();
    await expect(page.getByText('まだ相談はありません。')).toBeVisible();
    await page.getByRole('link', { name: '新しく相談する' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: '新しく相談する' })).toBeVisible();

    // Sending without anything says what is missing, and nothing is sent.
    await page.getByRole('button', { name: 'この内容で相談する' }).click();
    await expect(page.getByText('相談の種類を選んでください。')).toBeVisible();
    await expect(page.getByText('件名を入力してください。')).toBeVisible();

    await page.getByRole('radio', { name: 'あやしいメールが届いた・開いてしまった' }).click();
    await expect(page.getByText('メール自体（.eml 形式）を添付していただくと')).toBeVisible();
    await page.getByRole('radio', { name: '高', exact: true }).check();
    const subject = `請求書メールの添付を開いてしまった ${suffix()}`;
    await page.getByLabel('件名').fill(subject);
    await page
      .getByLabel('くわしい内容')
      .fill(
        '今朝9時ごろ、経理のパソコンで取引先を名乗るメールの「請求書.zip」を開きました。\nLANケーブルは抜いてあります。',
      );
    await page.locator('input[type="file"]').setInputFiles({
      name: 'suspicious.eml',
      mimeType: 'message/rfc822',
      buffer: Buffer.from(
        'From: billing@example.invalid\r\nSubject: 請求書\r\n\r\n添付をご確認ください。\r\n',
      ),
    });
    await shoot(page, testInfo.outputPath('01-new-consultation.png'));
    await page.getByRole('button', { name: 'この内容で相談する' }).click();

    await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(page.getByText('窓口で確認中')).toBeVisible();
    await expect(page.getByRole('link', { name: 'suspicious.eml' })).toBeVisible();

    // The provider's analyst is mailed and answers from the link.
    const newMail = await waitForMail({ to: provider.email, subjectIncludes: '新しい相談' });
    expect(newMail.text).toContain(subject);
    expect(newMail.text).toContain(owner.orgName);
    const link = extractLinks(newMail.text).find((l) => l.includes('/consultations/'));
    expect(link).toBeTruthy();
    const p = provider.page;
    await p.goto(`/orgs/${provider.orgId}/consultations`);
    await expect(p.getByRole('heading', { level: 1, name: '相談窓口（担当するお客様）' })).toBeVisible();
    await expect(p.getByRole('link', { name: subject })).toBeVisible();
    await shoot(p, testInfo.outputPath('02-provider-queue.png'));
    await p.goto(link as string);
    await expect(p.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(p.getByText('未回答')).toBeVisible();
    const answer =
      'メールを確認しました。ZIP の中身は不正なプログラムでした。いまから遠隔でパソコンを調べます。';
    await p.getByLabel('内容').fill(answer);
    await p.getByRole('button', { name: '回答を送る' }).click();
    await expect(p.getByText('回答を送りました。お客様にメールでお知らせしました。')).toBeVisible();
    await expect(p.getByText(answer)).toBeVisible();

    // The owner gets the answer by mail and on the page.
    const answerMail = await waitForMail({ to: owner.email, subjectIncludes: 'に回答がありました' });
    expect(answerMail.subject).toMatch(/^【相談窓口】ご相談 #[0-9A-F]{8} に回答がありました$/);
    expect(answerMail.text).toContain(answer);
    expect(answerMail.text).toContain(provider.name);
    const threadLink = extractLinks(answerMail.text).find((l) => l.includes('/consultations/')) as string;
    await page.goto(threadLink);
    await expect(page.getByText(answer)).toBeVisible();
    await expect(page.getByText('回答あり', { exact: true })).toBeVisible();
    await shoot(page, testInfo.outputPath('03-sme-thread-desktop.png'));
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, testInfo.outputPath('04-sme-thread-phone.png'));

    // The owner replies; the analyst is told.
    await page.getByLabel('内容').fill('ありがとうございます。よろしくお願いします。');
    await page.getByRole('button', { name: '返信を送る' }).click();
    await expect(page.getByText('返信を送りました。')).toBeVisible();
    await waitForMail({ to: provider.email, subjectIncludes: 'お客様から返信' });
  } finally {
    await provider.context.close();
  }
});

test('a provider posts an advisory, the owner forwards it, and an employee receives it', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const provider = await providerStaff(browser, baseURL);
  const employeeContext = await newJaContext(browser, baseURL);
  try {
    const owner = await signUpAndCreateOrg(page);
    await entrust(page, owner, provider);
    const employee = { name: `鈴木 花子${suffix()}`, email: uniqueEmail('employee') };
    await mainNav(page).getByRole('link', { name: 'メンバー' }).click();
    await invite(page, employee.email, '従業員');
    const p2 = await employeeContext.newPage();
    await signUpFromInvitation(p2, { orgName: owner.orgName, ...employee });
    await acceptInvitation(p2, owner.orgName);

    // The provider writes an advisory for its customers.
    const p = provider.page;
    await p.goto(`/orgs/${provider.orgId}/advisories`);
    await expect(p.getByRole('heading', { level: 1, name: 'お客様へのセキュリティ情報' })).toBeVisible();
    const title = `宅配業者を装う SMS に注意 ${suffix()}`;
    await p.getByLabel('タイトル').fill(title);
    await p.getByLabel('影響を受ける人・機器').fill('会社のスマートフォンを使っているすべての人');
    await p
      .getByLabel('やること')
      .fill(
        '1. SMS のリンクを **開かない**\n2. 開いてしまったら、入力したパスワードをすぐ変える\n3. 会社の担当者に知らせる',
      );
    await p.getByRole('button', { name: '発信する' }).click();
    await expect(p.getByText('発信しました。お客様の経営者にメールで届きました。')).toBeVisible();
    await expect(p.getByRole('link', { name: title })).toBeVisible();

    // The owner is told, opens it and forwards it to everyone.
    const notice = await waitForMail({ to: owner.email, subjectIncludes: title });
    expect(notice.subject).toBe(`【セキュリティ情報・重要】${title}`);
    const advisoryLink = extractLinks(notice.text).find((l) => l.includes('/advisories/')) as string;
    await page.goto(advisoryLink);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('article').getByText('開かない')).toBeVisible();
    await page.getByLabel('ひとこと（任意）').fill('社用スマホを使う人は必ず読んでください。');
    await shoot(page, testInfo.outputPath('05-advisory-forward.png'));
    const before = Date.now();
    await page.getByRole('button', { name: 'メールで転送する' }).click();
    await expect(page.getByText('1 人にメールで転送しました。')).toBeVisible();
    await expect(page.getByText(/これまでに 1 回転送しました/)).toBeVisible();

    // The employee receives it, in Japanese, with what to do.
    const forwarded = await waitForMail({ to: employee.email, subjectIncludes: title, since: before });
    expect(forwarded.subject).toBe(`【セキュリティ情報・重要】${title}（${owner.name} さんより）`);
    expect(forwarded.text).toContain('社用スマホを使う人は必ず読んでください。');
    expect(forwarded.text).toContain('1. SMS のリンクを 開かない');
    expect(forwarded.text).not.toContain('**');
    const employeeLink = extractLinks(forwarded.text).find((l) => l.includes('/advisories/')) as string;
    await p2.goto(employeeLink);
    await expect(p2.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // employees read but do not forward
    await expect(p2.getByRole('button', { name: 'メールで転送する' })).toHaveCount(0);
    await p2.goto(`/orgs/${owner.orgId}/advisories`);
    await expect(p2.getByRole('link', { name: title })).toBeVisible();
    await p2.setViewportSize({ width: 390, height: 844 });
    await shoot(p2, testInfo.outputPath('06-advisories-phone.png'));
  } finally {
    await employeeContext.close();
    await provider.context.close();
  }
});

test('the operator answers an SME without a provider and publishes a public advisory with an Atom feed', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const owner = await signUpAndCreateOrg(page);
  // No provider: the consultation goes to the operator, around the clock when critical.
  const subject = `ホームページが書き換えられた ${suffix()}`;
  const res = await page.request.post(`/api/v1/orgs/${owner.orgId}/consultations`, {
    data: {
      category: 'website',
      priority: 'critical',
      subject,
      description: 'トップページに知らない画像が表示されています。',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await shoot(page, testInfo.outputPath('07-dashboard-widget.png'));

  const context = await newJaContext(browser, baseURL);
  try {
    const op = await context.newPage();
    await op.goto('/sign-in');
    await signIn(op, OPERATOR_EMAIL, OPERATOR_PASSWORD);
    await expect(op).toHaveURL(/\/dashboard$/);
    const mail = await waitForMail({ to: OPERATOR_EMAIL, subjectIncludes: '新しい相談' });
    expect(mail.text).toContain(subject);
    expect(mail.subject).toContain('緊急');
    await mainNav(op).getByRole('link', { name: '相談窓口（運営）' }).click();
    await expect(op.getByRole('heading', { level: 1, name: '相談窓口（運営）' })).toBeVisible();
    await expect(op.getByRole('link', { name: subject })).toBeVisible();
    await shoot(op, testInfo.outputPath('08-operator-desk.png'));
    await op.getByRole('link', { name: subject }).click();
    await op
      .getByLabel('内容')
      .fill('サーバーの管理画面のパスワードをすぐに変更し、制作会社に連絡してください。');
    await op.getByText('お客様に確認', { exact: true }).click();
    await op.getByRole('button', { name: '回答を送る' }).click();
    await expect(op.getByText('お客様の返信待ち').first()).toBeVisible();
    const answer = await waitForMail({ to: owner.email, subjectIncludes: 'に回答がありました' });
    expect(answer.text).toContain('制作会社に連絡してください');
    expect(answer.text).toContain('お客様の返信待ち');

    // A public advisory: on the operator's list, on a public page and in the Atom feed.
    await mainNav(op).getByRole('link', { name: 'セキュリティ情報の発信' }).click();
    const title = `年末年始の長期休暇前にやっておくこと ${suffix()}`;
    await op.getByLabel('タイトル').fill(title);
    await op.getByLabel('影響を受ける人・機器').fill('すべての会社');
    await op.getByLabel('やること').fill('- パソコンの更新を済ませる\n- 休暇明けはメールをすぐ開かない');
    await op.getByRole('button', { name: '発信する' }).click();
    await expect(op.getByRole('link', { name: title })).toBeVisible();
    await op.getByRole('link', { name: title }).click();
    await expect(op.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const feed = await op.request.get('/api/v1/advisories.atom');
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    expect(await feed.text()).toContain(title);

    // The SME sees it among its advisories.
    await page.goto(`/orgs/${owner.orgId}/advisories`);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await page.goto(`/orgs/${owner.orgId}/consultations`);
    await expect(page.getByText('あなたの返信待ち').first()).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, testInfo.outputPath('09-sme-list-phone.png'));
    await page.goto(`/orgs/${owner.orgId}/consultations/new`);
    await expect(page.getByRole('heading', { level: 1, name: '新しく相談する' })).toBeVisible();
    await shoot(page, testInfo.outputPath('10-new-phone.png'));
  } finally {
    await context.close();
  }
});
