// Browser test for the library (src/modules/library/ui), in the Japanese UI: a member searches the
// library and reads a law page, marks a video watched, answers practice questions and reads the
// explanations, subscribes to the weekly e-mail; the operator adds a page and runs the digest job;
// exactly one digest arrives, and its one-click unsubscribe link stops the next one.
import type { Browser, Page } from '@playwright/test';
import {
  expect,
  mainNav,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  readMails,
  signIn,
  signUpAndCreateOrg,
  suffix,
  test,
  waitForMail,
} from './support/index.ts';

const DIGEST_SUBJECT = '今週のセキュリティだより';

async function operatorPage(browser: Browser, baseURL: string | undefined) {
  const context = await newJaContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, OPERATOR_EMAIL, OPERATOR_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page };
}

/** The operator adds a library page through /admin/library. */
async function addPage(page: Page, id: string, title: string) {
  await page.goto('/admin/library');
  await expect(page.getByRole('heading', { level: 1, name: '資料室の管理' })).toBeVisible();
  await page.getByRole('button', { name: '資料を追加' }).click();
  const drawer = page.getByRole('dialog', { name: '新しい資料' });
  await drawer.getByLabel('ID（URLの一部').fill(id);
  const tags = drawer.getByRole('combobox', { name: 'テーマ' });
  await tags.click();
  await page.getByRole('option', { name: '基本の対策', exact: true }).click();
  await page.keyboard.press('Escape');
  await drawer.getByLabel('タイトル（日本語）').fill(title);
  await drawer
    .getByLabel('要約（日本語・一覧に表示）')
    .fill('取引先から求められやすい対策を、一枚で確かめられる点検表です。');
  await drawer.getByLabel('本文（日本語・Markdown）').fill('## 使い方\n- 年に一度、全員で確かめる');
  await drawer.getByLabel('アドレス').fill('http://www.example.go.jp/check');
  await drawer.getByLabel('リンクの名前（日本語）').fill('点検表（公式）');
  await drawer.getByRole('button', { name: '保存する' }).click();
  // Links are checked for form only: http is refused, nothing is saved.
  await expect(drawer.getByText('https:// で始まるアドレスを入力してください').first()).toBeVisible();
  await drawer.getByLabel('アドレス').fill('https://www.example.go.jp/check');
  await drawer.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('保存しました。')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('運営者が追加');
}

const digestsTo = (email: string) =>
  readMails().filter((m) => m.to.includes(email.toLowerCase()) && m.subject.includes(DIGEST_SUBJECT));

test('library: search, a law page, videos, practice, and the weekly digest with one-click unsubscribe', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const member = await signUpAndCreateOrg(page);

  await test.step('the member searches the library and opens a law page', async () => {
    await mainNav(page).getByRole('link', { name: '資料室' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /知っておきたい法令・資格・研修/ }),
    ).toBeVisible();
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('漏えい 報告');
    await page.getByRole('button', { name: '探す' }).click();
    await expect(page).toHaveURL(/q=/);
    const results = page.getByRole('region', { name: '資料', exact: true });
    const first = results.getByRole('listitem').first();
    await expect(first.getByRole('heading', { name: /^個人情報保護法/ })).toBeVisible();
    await first.getByRole('link', { name: /^「個人情報保護法.*」を読む$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^個人情報保護法/ })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: '漏えいしたときの報告（2022年4月から義務）' }),
    ).toBeVisible();
    const sources = page.getByRole('region', { name: '公式の情報源' });
    await expect(sources.getByRole('link', { name: /漏えい等の対応とお役立ち資料/ })).toHaveAttribute(
      'href',
      'https://www.ppc.go.jp/personalinfo/legal/leakAction/',
    );
    // "Start from a problem" gets a non-specialist to the same page without a keyword.
    await page.getByRole('link', { name: '資料室に戻る' }).click();
    await page.getByRole('button', { name: '従業員のマイナンバーの扱いが不安' }).click();
    await expect(results.getByRole('heading', { name: /^マイナンバー法/ })).toBeVisible();
  });

  await test.step('the member marks a video watched', async () => {
    await page.goto('/library');
    await page.getByRole('link', { name: '研修に使える動画' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '研修に使える動画' })).toBeVisible();
    await page.getByRole('radiogroup', { name: 'テーマ' }).getByText('テレワーク', { exact: true }).click();
    await expect(page).toHaveURL(/topic=telework/);
    const list = page.getByRole('region', { name: '動画の一覧', exact: true });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const title = '妻からのメッセージ～テレワークのセキュリティ～';
    await expect(list.getByText('社内研修に使えます')).toBeVisible();
    await list.getByRole('button', { name: `「${title}」に見た印を付ける` }).click();
    await expect(list.getByRole('button', { name: `「${title}」の見た印を外す` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.reload();
    await expect(page.getByText(/本のうち1本を見ました/)).toBeVisible();
  });

  await test.step('the member answers practice questions and reads the explanations', async () => {
    const served = page.waitForResponse((r) => r.url().includes('/api/v1/library/practice?'));
    await page.goto('/library/practice');
    // The questions arrive without their answers or explanations.
    const body = await (await served).text();
    expect(body).not.toMatch(/"answer"|"explanation"/);
    await expect(page.getByRole('heading', { level: 1, name: '情報セキュリティの練習問題' })).toBeVisible();
    const groups = page.getByRole('radiogroup');
    await expect(groups).toHaveCount(5);
    for (let i = 0; i < 5; i += 1) await groups.nth(i).getByRole('radio').first().check();
    await page.getByRole('button', { name: '答え合わせをする' }).click();
    await expect(page.getByRole('heading', { name: /^5問中[0-5]問正解$/ })).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(5);
    await expect(page.getByRole('note').first()).toContainText('解説');
    await expect(page.getByText('正解の選択肢').first()).toBeVisible();
  });

  await test.step('the member subscribes to the weekly e-mail', async () => {
    await page.goto('/dashboard');
    await mainNav(page).getByRole('link', { name: '週間メール' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '週間メール' })).toBeVisible();
    await expect(page.getByText('いまは週間メールを受け取っていません。')).toBeVisible();
    await page.getByRole('button', { name: '週間メールを受け取る' }).click();
    await expect(page.getByText(`${member.orgName} について、週間メールを受け取っています。`)).toBeVisible();
  });

  const op = await operatorPage(browser, baseURL);
  const pageTitle = `取引先に見せる点検表 ${suffix()}`;
  const started = Date.now();
  await test.step('the operator adds a page and runs the digest job', async () => {
    await addPage(op.page, `checklist-${suffix()}`, pageTitle);
    const run = await op.page.request.post('/api/v1/admin/jobs/library.weekly-digest/run');
    expect(run.status()).toBe(204);
  });

  let unsubscribeLink = '';
  await test.step('exactly one digest arrives, in Japanese, with the new page and an unsubscribe link', async () => {
    const mail = await waitForMail({ to: member.email, subjectIncludes: DIGEST_SUBJECT, since: started });
    expect(mail.subject).toMatch(/^【Mamori】今週のセキュリティだより（\d+月\d+日）$/);
    expect(mail.text).toContain(`${member.name} 様`);
    expect(mail.text).toContain(`「${member.orgName}」向けに`);
    expect(mail.text).toContain('■ 資料室の新着（1件）');
    expect(mail.text).toContain(`・［法令］${pageTitle}`);
    unsubscribeLink = /https?:\/\/\S+\/newsletter\/unsubscribe\?token=\S+/.exec(mail.text)?.[0] ?? '';
    expect(unsubscribeLink).not.toBe('');
    // RFC 8058: mail programs offer the same link as a one-click button.
    expect(mail.headers['list-unsubscribe']).toBe(`<${unsubscribeLink}>`);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // A second run in the same week sends nothing more.
    await op.page.request.post('/api/v1/admin/jobs/library.weekly-digest/run');
    await op.page.waitForTimeout(1000);
    expect(digestsTo(member.email)).toHaveLength(1);
  });

  await test.step('the unsubscribe link works without signing in', async () => {
    const anon = await newJaContext(browser, baseURL);
    const p = await anon.newPage();
    await p.goto(unsubscribeLink);
    await expect(p.getByRole('heading', { level: 1, name: '週間メールの配信停止' })).toBeVisible();
    await p.getByRole('button', { name: '配信を停止する' }).click();
    await expect(p.getByText(/あての週間メールを停止しました。今後は届きません。/)).toBeVisible();
    await anon.close();
    await page.reload();
    await expect(page.getByText('いまは週間メールを受け取っていません。')).toBeVisible();
  });

  await test.step('after unsubscribing, the next run sends nothing', async () => {
    await addPage(op.page, `after-${suffix()}`, `停止後の資料 ${suffix()}`);
    const run = await op.page.request.post('/api/v1/admin/jobs/library.weekly-digest/run');
    expect(run.status()).toBe(204);
    await op.page.waitForTimeout(1500);
    expect(digestsTo(member.email)).toHaveLength(1);
  });
  await op.context.close();
});
