// Browser tests for the お助け隊 service registry, the subsidy estimate (src/modules/services/ui) and the
// security presenters (src/modules/directory/ui), in the Japanese UI: a provider applies, the operator
// asks for changes and approves, visitors find the service and an SME asks about it; the subsidy
// calculator; a presenter applies, is approved, gets a seminar request and answers it.
// Each test makes its own accounts.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import {
  choose,
  expect,
  mainNav,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  signIn,
  signUpAndConfirm,
  signUpAndCreateOrg,
  suffix,
  test,
  uniqueEmail,
  waitForMail,
} from './support/index.ts';

/** A signed-in operator in a browser of their own, on the dashboard. */
async function operatorContext(browser: Browser, baseURL: string | undefined) {
  const context = await newJaContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, OPERATOR_EMAIL, OPERATOR_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page };
}

/** Registers a サービス事業者 from the dashboard of a signed-in user without an organisation. */
async function createProviderOrg(page: Page, orgName: string) {
  await page.getByRole('link', { name: '組織を登録する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '組織を登録' })).toBeVisible();
  await page.getByText('サービス事業者', { exact: true }).click();
  await page.getByLabel('会社名・組織名').fill(orgName);
  await choose(page, '所在地（都道府県）', '大阪府');
  await choose(page, '業種', '情報通信業');
  await choose(page, '従業員数', '21〜50人');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('region', { name: orgName })).toBeVisible();
}

/** Picks options of a Mantine MultiSelect (named by its label), then closes the dropdown. */
async function pickMany(page: Page, label: string, options: string[]) {
  const field = page.getByRole('combobox', { name: label, exact: true });
  for (const option of options) {
    await field.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await page.keyboard.press('Escape');
}

/** The live 「基準のチェック」 panel of the application page, and one of its rows. */
function checkPanel(page: Page): Locator {
  return page.getByRole('region', { name: '基準のチェック' });
}
function checkRow(page: Page, id: string): Locator {
  return checkPanel(page).locator(`[data-check="${id}"]`);
}
async function expectCheck(page: Page, id: string, status: 'ok' | 'fail' | 'review') {
  const label = { ok: '満たしています', fail: '満たしていません', review: '要審査' }[status];
  await expect(checkRow(page, id)).toHaveAttribute('data-status', status);
  await expect(checkRow(page, id)).toContainText(label);
}

/** Fills a tier-1 network-type application that meets the standard except, perhaps, the price. */
async function fillApplication(page: Page, s: { name: string; fee: string; contactEmail: string }) {
  const form = page.getByRole('main');
  await form.getByRole('textbox', { name: 'サービス名', exact: true }).fill(s.name);
  await expect(form.getByRole('radio', { name: '1類', exact: true })).toBeChecked();
  await form.getByRole('radio', { name: 'ネットワーク一括監視型' }).check();
  await form
    .getByRole('textbox', { name: 'ひとことで紹介', exact: true })
    .fill('UTM を貸し出し、24時間の見守りと駆け付けをまとめて提供します。');
  await form
    .getByRole('textbox', { name: 'サービスの内容', exact: true })
    .fill(
      'UTM 1台を貸与し、社内ネットワークの出入口を24時間監視します。\n異常があれば電話とメールでお知らせします。',
    );
  await form
    .getByRole('textbox', { name: '導入・運用の容易さ', exact: true })
    .fill(
      '機器は設定済みで届き、ケーブルを差し替えるだけで使い始められます。設定や更新はすべて当社が遠隔で行います。',
    );
  await pickMany(page, '対応地域', ['大阪府', '兵庫県']);
  await form
    .getByRole('textbox', { name: '監視の対象', exact: true })
    .fill('UTM 1台（貸与）で社内ネットワークの出入口を監視');
  await form.getByRole('checkbox', { name: '電話', exact: true }).check();
  await form.getByRole('checkbox', { name: 'メール', exact: true }).check();
  await form
    .getByRole('textbox', { name: '受付時間', exact: true })
    .fill('平日 9:00〜18:00（緊急時は24時間）');
  await form.getByRole('textbox', { name: '最初の連絡までの目安（分）', exact: true }).fill('30');
  await form.getByRole('switch', { name: '技術者が現地に駆け付けます' }).check();
  await form
    .getByRole('textbox', { name: '駆け付けの条件', exact: true })
    .fill('年2回まで無料。3回目からは1回 30,000 円。');
  await form.getByRole('textbox', { name: '駆け付けまでの目安（時間）（任意）', exact: true }).fill('4');
  await form.getByRole('switch', { name: '簡易サイバー保険が付いています' }).check();
  await form.getByRole('textbox', { name: '保険会社', exact: true }).fill('まもり損害保険株式会社');
  await form.getByRole('checkbox', { name: '駆け付けなどの初動対応の費用を補償します' }).check();
  await form
    .getByRole('textbox', { name: '補償の内容', exact: true })
    .fill('駆け付け・調査・復旧の費用を補償します。');
  await form.getByRole('textbox', { name: '補償の上限額（任意）', exact: true }).fill('1000000');
  await form.getByRole('textbox', { name: '利用者の自己負担額（任意）', exact: true }).fill('0');
  await form.getByRole('textbox', { name: 'ネットワーク監視の月額（税抜き）', exact: true }).fill(s.fee);
  await form.getByRole('textbox', { name: '初期費用（税抜き）（任意）', exact: true }).fill('0');
  await form.getByRole('textbox', { name: '担当者名', exact: true }).fill('鈴木 一郎');
  await form.getByRole('textbox', { name: '電話番号', exact: true }).fill('06-1234-5678');
  await form.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(s.contactEmail);
}

/** Sends the application for review from its page and checks it is now read-only and 提出済み. */
async function submitForReview(page: Page) {
  await page.getByRole('button', { name: '審査に提出する' }).click();
  await expect(page.getByText('審査に提出しました。結果はメールでもお知らせします。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '申請の内容' })).toBeVisible();
  await expect(page.getByRole('button', { name: '審査に提出する' })).toHaveCount(0);
}

test('registry: a provider applies, the operator asks for a fix and approves, an SME asks about the service', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000); // four people, five mails, one long story
  const id = suffix();
  const provider = {
    name: `田中 誠${id}`,
    email: uniqueEmail('provider'),
    orgName: `株式会社まもりネット ${id}`,
  };
  const serviceName = `まもりお助けパック ${id}`;
  const insuranceComment = `保険の自己負担額の条件を、利用者に分かるように書いてください（${id}）`;
  let orgId = '';
  let applicationUrl = '';
  let serviceUrl = '';
  const contexts: BrowserContext[] = [];

  try {
    await test.step('the provider signs up and registers a サービス事業者', async () => {
      await signUpAndConfirm(page, provider.name, provider.email);
      await createProviderOrg(page, provider.orgName);
      await mainNav(page).getByRole('link', { name: '提供サービス', exact: true }).click();
      await expect(page).toHaveURL(/\/orgs\/[^/]+\/services$/);
      orgId = (page.url().match(/\/orgs\/([^/]+)\/services$/) as RegExpMatchArray)[1] as string;
      await expect(page.getByRole('heading', { level: 1, name: '提供サービス' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'まだサービスがありません' })).toBeVisible();
      await page.getByRole('link', { name: '新しいサービスを登録する' }).first().click();
      await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/services/new$`));
      await expect(page.getByRole('heading', { level: 1, name: 'サービスを登録する' })).toBeVisible();
      for (const section of [
        '基本情報',
        '監視',
        '相談窓口',
        '駆け付け',
        '簡易サイバー保険',
        '価格（税抜き）',
        '連絡先',
      ])
        await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
    });

    await test.step('12,000 円 is over the tier-1 cap: the check says so and submitting is refused', async () => {
      await fillApplication(page, { name: serviceName, fee: '12000', contactEmail: provider.email });
      await expectCheck(page, 'price', 'fail');
      await expect(checkRow(page, 'price')).toContainText('ネットワーク一括監視型の月額は');
      await expectCheck(page, 'desk', 'ok');
      await expectCheck(page, 'monitoring', 'ok');
      await expectCheck(page, 'onsite', 'ok');
      await expectCheck(page, 'insurance', 'ok');
      await expectCheck(page, 'ease', 'review');
      await expectCheck(page, 'from_one_device', 'ok');
      await expect(checkPanel(page).getByRole('status')).toHaveText('満たしていない項目が 1 件あります');

      await page.getByRole('button', { name: '審査に提出する' }).click();
      // the draft is saved and the page moves to it, with the refusal
      await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/services/[0-9a-f-]{36}$`));
      applicationUrl = page.url();
      const refusal = page.getByRole('alert').filter({ hasText: '基準を満たしていない項目があります。' });
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText('価格');
      await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
      await expect(
        page.getByText('下書きです。内容を確認して「審査に提出する」を押してください。'),
      ).toBeVisible();
    });

    await test.step('9,800 円 meets the cap; the draft is saved and submitted', async () => {
      await page.getByRole('textbox', { name: 'ネットワーク監視の月額（税抜き）', exact: true }).fill('9800');
      await expectCheck(page, 'price', 'ok');
      await expect(checkPanel(page).getByRole('status')).toHaveText(
        '自動で確認できる項目は満たしています（1 件は審査担当者が確認します）',
      );
      await page.getByRole('button', { name: '下書きを保存' }).click();
      await expect(page.getByText('下書きを保存しました。')).toBeVisible();
      const since = Date.now();
      await submitForReview(page);
      await expect(
        page.getByText('審査に提出しました。運営担当者が審査を始めるまでお待ちください。', { exact: false }),
      ).toBeVisible();
      await expect(page.getByText('第1版', { exact: false }).first()).toBeVisible();
      const toOperator = await waitForMail({
        to: OPERATOR_EMAIL,
        subjectIncludes: `審査依頼: ${serviceName}`,
        since,
      });
      expect(toOperator.subject).toContain('第1版');
    });

    await test.step('the operator asks for a change on 簡易サイバー保険', async () => {
      const op = await operatorContext(browser, baseURL);
      contexts.push(op.context);
      await mainNav(op.page).getByRole('link', { name: 'サービス審査' }).click();
      await expect(op.page.getByRole('heading', { level: 1, name: 'サービス審査' })).toBeVisible();
      const row = op.page.getByRole('row', { name: new RegExp(serviceName) });
      await expect(row).toContainText('提出済み');
      await expect(row).toContainText(provider.orgName);
      await row.getByRole('link', { name: `${serviceName}を審査する` }).click();
      await expect(op.page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
      // a per-requirement comment is needed to ask for changes
      await op.page.getByRole('button', { name: '修正を依頼' }).click();
      await expect(op.page.getByRole('alert')).toHaveText(
        '修正を依頼するときは、要件ごとのコメントを1つ以上書いてください。',
      );
      await op.page.getByLabel('簡易サイバー保険へのコメント').fill(insuranceComment);
      await op.page.getByLabel('全体へのメモ（任意）').fill('保険のほかは問題ありません。');
      const since = Date.now();
      await op.page.getByRole('button', { name: '修正を依頼' }).click();
      await expect(op.page.getByText(`「${serviceName}」の修正を依頼しました。`)).toBeVisible();
      await expect(
        op.page.getByText('このサービスは「修正依頼」のため、今は審査の操作はありません。'),
      ).toBeVisible();

      const mail = await waitForMail({ to: provider.email, subjectIncludes: '修正依頼', since });
      expect(mail.subject).toContain(serviceName);
      expect(mail.text).toContain(insuranceComment);
      expect(mail.text).toContain(applicationUrl.replace(/^https?:\/\/[^/]+/, ''));
    });

    await test.step('the provider sees the comment, fixes the application and submits again', async () => {
      await page.goto(applicationUrl);
      await expect(page.getByText('審査担当者から修正の依頼があります')).toBeVisible();
      const insurance = checkRow(page, 'insurance');
      await expect(insurance).toContainText('審査担当者のコメント');
      await expect(insurance).toContainText(insuranceComment);
      await expect(page.getByRole('region', { name: '審査の記録' })).toContainText(insuranceComment);
      await page
        .getByRole('textbox', { name: '補償の内容', exact: true })
        .fill('駆け付け・調査・復旧の費用を補償します。自己負担はありません（免責 0 円）。');
      await submitForReview(page);
      await expect(page.getByText('第2版', { exact: false }).first()).toBeVisible();
    });

    await test.step('the operator approves', async () => {
      const op = contexts[0]?.pages()[0] as Page;
      await op.goto('/admin/services');
      await op.getByRole('link', { name: `${serviceName}を審査する` }).click();
      await expect(op.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
      await op.getByRole('button', { name: '審査を開始' }).click();
      await expect(op.getByText(`「${serviceName}」の審査を開始しました。`)).toBeVisible();
      await op.getByRole('button', { name: '承認する' }).click();
      const dialog = op.getByRole('dialog', { name: '承認しますか？' });
      await expect(dialog).toContainText(
        `「${serviceName}」（${provider.orgName}）を承認し、サービス一覧に公開します。`,
      );
      const since = Date.now();
      await dialog.getByRole('button', { name: '承認する' }).click();
      await expect(dialog).toBeHidden();
      await expect(
        op.getByText(`「${serviceName}」を承認しました。サービス一覧に公開されます。`),
      ).toBeVisible();
      await waitForMail({ to: provider.email, subjectIncludes: `${serviceName}（登録済み）`, since });

      // the provider's list shows the published version
      await page.goto(`/orgs/${orgId}/services`);
      const listed = page.getByRole('listitem').filter({ hasText: serviceName });
      await expect(listed).toContainText('登録済み');
      await expect(listed).toContainText('第2版を公開中');
      await expect(listed.getByRole('link', { name: '公開ページを見る' })).toBeVisible();
    });

    await test.step('an anonymous visitor finds the service in the catalogue', async () => {
      const visitor = await newJaContext(browser, baseURL);
      contexts.push(visitor);
      const v = await visitor.newPage();
      await v.goto('/services');
      await expect(v.getByRole('heading', { level: 1, name: 'お助け隊サービスをさがす' })).toBeVisible();
      await choose(v, '監視のタイプ', 'ネットワーク一括監視型');
      await choose(v, '対応地域（都道府県）', '兵庫県');
      await v.getByLabel('月額の上限（税抜き）').fill('10000');
      await v.getByLabel('キーワード').fill(serviceName);
      await v.getByRole('button', { name: '検索', exact: true }).click();
      await expect(v).toHaveURL(/q=/);
      await expect(v.getByRole('status').filter({ hasText: /件のサービス$/ })).toHaveText('1件のサービス');
      const card = v.getByRole('listitem').filter({ has: v.getByRole('heading', { name: serviceName }) });
      await expect(card).toContainText(provider.orgName);
      await expect(card).toContainText('9,800');
      await expect(card).toContainText('簡易サイバー保険付き');
      await expect(card).toContainText('大阪府・兵庫県');
      // a fee cap below the price hides it
      await v.getByLabel('月額の上限（税抜き）').fill('9000');
      await v.getByRole('button', { name: '検索', exact: true }).click();
      await expect(v.getByText('条件に合うサービスが見つかりませんでした。', { exact: false })).toBeVisible();
      await v.getByLabel('月額の上限（税抜き）').fill('');
      await v.getByRole('button', { name: '検索', exact: true }).click();
      await v.getByRole('link', { name: `${serviceName}を詳しく見る` }).click();
      await expect(v).toHaveURL(/\/services\/[0-9a-f-]{36}$/);
      serviceUrl = new URL(v.url()).pathname;
      await expect(v.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
      await expect(v.getByRole('region', { name: 'お助け隊サービス基準の要件' })).toContainText(
        '簡易サイバー保険',
      );
      // the approved second version, with its facts
      await expect(
        v.getByText('駆け付け・調査・復旧の費用を補償します。自己負担はありません（免責 0 円）。'),
      ).toBeVisible();
      const insurance = v.getByRole('region', { name: '簡易サイバー保険', exact: true });
      await expect(insurance).toContainText('まもり損害保険株式会社');
      await expect(insurance).toContainText('補償されます');
      await expect(v.getByRole('region', { name: '相談窓口', exact: true })).toContainText('30分以内');
      await expect(v.getByRole('region', { name: '駆け付け', exact: true })).toContainText(
        'あり（依頼から4時間以内が目安）',
      );
      await expect(v.getByText('問い合わせるには、ログインしてください。', { exact: false })).toBeVisible();
    });

    await test.step('an SME member asks about the service and shares the diagnosis score', async () => {
      const smeContext = await newJaContext(browser, baseURL);
      contexts.push(smeContext);
      const s = await smeContext.newPage();
      const sme = await signUpAndCreateOrg(s);
      // a saved diagnosis (all done: 100 points) to share
      const saved = await s.request.post(`/api/v1/orgs/${sme.orgId}/diagnoses`, {
        data: { answers: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'yes'])) },
      });
      expect(saved.status(), 'POST diagnoses').toBe(201);

      await s.goto(serviceUrl);
      await expect(s.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
      await s.getByRole('link', { name: '問い合わせる', exact: true }).click();
      const contact = s.getByRole('region', { name: 'このサービスについて問い合わせる' });
      await expect(contact.getByText(`「${sme.orgName}」として問い合わせます。`)).toBeVisible();
      const message = `社員15人、パソコン20台です。見積もりをお願いします（${id}）`;
      await contact.getByLabel('お問い合わせ内容').fill(message);
      await contact.getByRole('checkbox', { name: '自社診断の最新の点数を伝える' }).check();
      const since = Date.now();
      await contact.getByRole('button', { name: '問い合わせを送る' }).click();
      await expect(contact.getByText('問い合わせを送りました')).toBeVisible();
      await expect(contact).toContainText(`${sme.email} あてに連絡があります。`);

      const mail = await waitForMail({
        to: provider.email,
        subjectIncludes: `お問い合わせ: ${serviceName}`,
        since,
      });
      expect(mail.subject).toContain(sme.orgName);
      expect(mail.text).toContain(message);
      expect(mail.text).toContain('自社診断の最新の点数: 100 点');
      expect(mail.text).toContain(sme.email);

      await page.goto(`/orgs/${orgId}/services`);
      await page
        .getByRole('navigation', { name: '事業者メニュー' })
        .getByRole('link', { name: '問い合わせ' })
        .click();
      await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/service-requests$`));
      await expect(page.getByRole('heading', { level: 1, name: 'サービスへの問い合わせ' })).toBeVisible();
      const request = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: sme.orgName }) });
      await expect(request).toContainText(message);
      await expect(request).toContainText(serviceName);
      await expect(request).toContainText('自社診断 100点');
      await expect(request).toContainText(sme.name);
      await expect(
        request.getByRole('link', { name: `${sme.name}さん（${sme.email}）にメールを送る` }),
      ).toHaveAttribute('href', new RegExp(`^mailto:${sme.email}`));
    });
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('subsidy: the estimate for a small business, and an amount below the minimum', async ({ page }) => {
  await page.goto('/subsidy');
  await expect(page.getByRole('heading', { level: 1, name: '補助金の目安を計算する' })).toBeVisible();
  await expect(page.getByText('月額を入れると、補助額の目安を表示します。')).toBeVisible();

  // 10,000 円 × 24 か月 = 240,000 円; 2025年度 small businesses get 2/3 → 160,000 円.
  await choose(page, '年度', '2025年度');
  await page.getByLabel('サービスの月額（税抜き）').fill('10000');
  await page.getByRole('textbox', { name: '利用する月数' }).fill('24');
  await page.getByRole('switch', { name: '小規模事業者です' }).check();
  const result = page.getByRole('region', { name: '計算の結果（目安）' });
  await expect(page.getByTestId('subsidy-amount')).toHaveText('160,000円');
  await expect(result).toContainText('240,000円');
  await expect(result).toContainText('2/3');
  await expect(result).toContainText('80,000円'); // own share
  await expect(page.getByRole('region', { name: '補助を受けるための主な条件' })).toContainText(
    'SECURITY ACTION の一つ星または二つ星を宣言していること',
  );

  // Not small: 1/2 → 120,000 円.
  await page.getByRole('switch', { name: '小規模事業者です' }).uncheck();
  await expect(page.getByTestId('subsidy-amount')).toHaveText('120,000円');

  // 2,000 円 × 12 か月 in 2024: 12,000 円 is below the 50,000 円 minimum.
  await choose(page, '年度', '2024年度');
  await page.getByLabel('サービスの月額（税抜き）').fill('2000');
  await page.getByRole('slider', { name: '利用する月数（スライダー）' }).focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('textbox', { name: '利用する月数' })).toHaveValue('12 か月');
  await expect(result.getByText('このままでは補助の対象になりません')).toBeVisible();
  await expect(result).toContainText('補助額が下限（50,000円）に届かないため、対象になりません。');
  await expect(result).toContainText('24,000円');
  await expect(page.getByTestId('subsidy-amount')).toHaveCount(0);
});

test('presenters: apply, approval, a seminar request from a visitor and the answer', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const id = suffix();
  const presenter = { name: `中村 由美${id}`, email: uniqueEmail('presenter') };
  const requester = {
    name: `小林 健${id}`,
    email: uniqueEmail('requester'),
    org: `福井県中小企業団体 ${id}`,
  };
  const contexts: BrowserContext[] = [];
  try {
    // The presenter applies.
    await signUpAndConfirm(page, presenter.name, presenter.email);
    await mainNav(page).getByRole('link', { name: 'プレゼンター登録' }).click();
    await expect(page).toHaveURL(/\/presenter$/);
    await expect(page.getByRole('heading', { level: 1, name: 'セキュリティプレゼンター' })).toBeVisible();
    const form = page.getByRole('region', { name: '申請フォーム' });
    await expect(form.getByLabel('お名前')).toHaveValue(presenter.name);
    await expect(form.getByLabel('連絡用のメールアドレス')).toHaveValue(presenter.email);
    await form.getByLabel('ふりがな').fill('なかむら ゆみ');
    await form.getByLabel('所属（任意）').fill(`まもり情報セキュリティ事務所 ${id}`);
    await pickMany(page, '活動できる都道府県', ['福井県', '石川県']);
    await form.getByRole('checkbox', { name: '情報処理安全確保支援士' }).check();
    await form.getByRole('checkbox', { name: '中小企業診断士' }).check();
    await form
      .getByLabel('自己紹介・得意なテーマ')
      .fill('商工会で年10回ほど講演しています。標的型メールとパスワード管理の話が得意です。');
    await form.getByRole('button', { name: '申請する' }).click();
    await expect(page.getByText('申請しました。運営の確認をお待ちください。')).toBeVisible();
    await expect(page.getByText('審査待ちです')).toBeVisible();
    await expect(page.getByRole('region', { name: 'プロフィールを変更する' })).toBeVisible();

    // The operator approves.
    const op = await operatorContext(browser, baseURL);
    contexts.push(op.context);
    await mainNav(op.page).getByRole('link', { name: 'プレゼンター審査' }).click();
    await expect(op.page.getByRole('heading', { level: 1, name: 'プレゼンター審査' })).toBeVisible();
    const application = op.page.getByRole('listitem').filter({
      has: op.page.getByRole('heading', { name: presenter.name }),
    });
    await expect(application).toContainText('審査待ち');
    await expect(application).toContainText('情報処理安全確保支援士');
    await expect(application).toContainText('福井県');
    await application
      .getByLabel(`${presenter.name}さんへのメモ（任意）`)
      .fill('ご登録ありがとうございます。');
    const approvedSince = Date.now();
    await application.getByRole('button', { name: `${presenter.name}さんを承認する` }).click();
    await expect(op.page.getByText(`${presenter.name}さんを承認しました。`)).toBeVisible();
    const approvedMail = await waitForMail({
      to: presenter.email,
      subjectIncludes: 'セキュリティプレゼンター申請の結果',
      since: approvedSince,
    });
    expect(approvedMail.subject).toContain('承認');
    await page.reload();
    await expect(page.getByText('承認されました')).toBeVisible();

    // An anonymous visitor finds the presenter by prefecture and asks for a seminar.
    const visitorContext = await newJaContext(browser, baseURL);
    contexts.push(visitorContext);
    const v = await visitorContext.newPage();
    await v.goto('/presenters');
    await expect(
      v.getByRole('heading', { level: 1, name: 'セキュリティプレゼンターをさがす' }),
    ).toBeVisible();
    await choose(v, '活動地域（都道府県）', '福井県');
    await expect(v).toHaveURL(/prefecture=/);
    const card = v.getByRole('listitem').filter({ has: v.getByRole('heading', { name: presenter.name }) });
    await expect(card).toContainText('なかむら ゆみ');
    await expect(card).toContainText('情報処理安全確保支援士');
    await expect(card).toContainText('活動地域：福井県・石川県');
    // the same search for another prefecture does not show them
    await choose(v, '活動地域（都道府県）', '沖縄県');
    await expect(card).toHaveCount(0);
    await choose(v, '活動地域（都道府県）', '福井県');
    await card.getByRole('link', { name: `${presenter.name}さんのプロフィールを見る` }).click();
    await expect(v).toHaveURL(/\/presenters\/[0-9a-f-]{36}$/);
    await expect(v.getByRole('heading', { level: 1, name: presenter.name })).toBeVisible();
    const requestForm = v.getByRole('region', { name: 'セミナーを依頼する' });
    await requestForm.getByLabel('お名前').fill(requester.name);
    await requestForm.getByLabel('メールアドレス').fill(requester.email);
    await requestForm.getByLabel('会社名・団体名').fill(requester.org);
    await choose(v, '開催する都道府県', '福井県');
    await requestForm.getByLabel('希望する日時').fill('7月の平日午後');
    await requestForm.getByLabel('対象と人数').fill('会員企業の経営者、約30人');
    const ask = `取引先から求められるセキュリティ対策について、90分でお話しいただけますか（${id}）`;
    await requestForm.getByLabel('ご依頼の内容').fill(ask);
    const requestSince = Date.now();
    await requestForm.getByRole('button', { name: '依頼を送る' }).click();
    await expect(requestForm.getByText('依頼を送りました')).toBeVisible();
    await expect(requestForm).toContainText(`${requester.email} あてに返事が届きます。`);

    // The presenter gets the request by mail and answers it on /presenter.
    const requestMail = await waitForMail({
      to: presenter.email,
      subjectIncludes: `セミナー講師のご依頼: ${requester.org}`,
      since: requestSince,
    });
    expect(requestMail.text).toContain(ask);
    expect(requestMail.text).toContain('福井県');
    await page.reload();
    const seminars = page.getByRole('region', { name: '届いたセミナーの依頼' });
    await expect(seminars.getByText('新着 1件')).toBeVisible();
    const seminar = seminars
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `${requester.org}・${requester.name}さんから` }) });
    await expect(seminar).toContainText(ask);
    await expect(seminar).toContainText('7月の平日午後');
    await seminar.getByRole('radio', { name: 'お引き受けします' }).check();
    const reply = `喜んでお引き受けします。7月10日（木）14時からはいかがでしょうか（${id}）`;
    await seminar.getByLabel('返信のメッセージ').fill(reply);
    const replySince = Date.now();
    await seminar.getByRole('button', { name: '返信を送る' }).click();
    await expect(page.getByText(`${requester.name}さんに返信しました。`)).toBeVisible();
    await expect(seminar.getByText('あなたの返信')).toBeVisible();
    await expect(seminar).toContainText(reply);
    await expect(seminars.getByText('新着 0件')).toBeVisible();

    // The requester, who has no account, gets the answer by mail with the presenter's address.
    const replyMail = await waitForMail({
      to: requester.email,
      subjectIncludes: `セミナー講師のご依頼へのお返事（${presenter.name}）`,
      since: replySince,
    });
    expect(replyMail.text).toContain('お引き受けします');
    expect(replyMail.text).toContain(reply);
    expect(replyMail.text).toContain(presenter.email);
    expect(replyMail.headers['reply-to']).toContain(presenter.email);
  } finally {
    for (const c of contexts) await c.close();
  }
});
