// Browser tests for the security policy editor and SECURITY ACTION, in the Japanese UI:
// declare ★, see what ★★ still needs, write / approve / publish the basic policy, declare ★★,
// check the badge's verification page and the public registry as an anonymous visitor, withdraw,
// and export the policy as Word. Each test makes its own account and organisation.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test, uniqueEmail, waitForMail } from './support/index.ts';
import {
  allAnswers,
  anonymousContext,
  createSmeOrg,
  magic,
  mainNav,
  signUpAndConfirm,
  suffix,
} from './support/policy-helpers.ts';

const DECLARATION_ID = /^SA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function openDeclarationPage(page: Page) {
  await mainNav(page).getByRole('link', { name: 'SECURITY ACTION', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'SECURITY ACTION（セキュリティ対策自己宣言）' }),
  ).toBeVisible();
}

async function openPoliciesPage(page: Page) {
  await mainNav(page).getByRole('link', { name: 'セキュリティポリシー', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'セキュリティポリシー' })).toBeVisible();
}

/** The ★★ requirement (自社診断 / 基本方針) in the checklist. */
function requirement(page: Page, title: string) {
  return page.getByRole('list', { name: '二つ星の条件' }).getByRole('listitem').filter({ hasText: title });
}

/** Declares ★ from the declaration page (which must show the five principles) and returns the ID. */
async function declareOneStar(page: Page): Promise<string> {
  const pledges = page.getByRole('checkbox', { name: /取り組みます/ });
  await expect(pledges).toHaveCount(5);
  const declare = page.getByRole('button', { name: '一つ星を宣言する' });
  await expect(declare).toBeDisabled();
  await expect(page.getByText('5つすべてにチェックすると宣言できます（いま 0 / 5）。')).toBeVisible();
  for (let i = 0; i < 5; i++) await pledges.nth(i).check();
  await expect(page.getByText('宣言すると、会社名・都道府県・業種・宣言日が')).toBeVisible();
  await declare.click();
  const id = page.getByRole('region', { name: '現在の宣言' }).getByTestId('declaration-id');
  await expect(id).toHaveText(DECLARATION_ID);
  const text = (await id.textContent()) as string;
  await expect(page.getByText(`一つ星を宣言しました（宣言ID ${text}）。`)).toBeVisible();
  return text;
}

/** Fills the basic policy's required fields (the editor must be open). */
async function fillBasicPolicy(page: Page, companyName: string, representative: string) {
  await page.getByLabel('会社名').fill(companyName);
  await page.getByLabel('代表者の役職').fill('代表取締役');
  await page.getByLabel('代表者の氏名').fill(representative);
  await page.getByLabel('制定日').fill('2025-04-01');
}

test('SECURITY ACTION: ★, then ★★ with a published basic policy, badge, registry, withdrawal', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // one long story: seven steps, two browsers, several mails
  const id = suffix();
  const email = uniqueEmail('sa-owner');
  const ownerName = `星野 守${id}`;
  const orgName = `株式会社ほしぞら工業 ${id}`;
  let orgId = '';
  let oneStarId = '';
  let twoStarId = '';
  let verifyUrl = '';
  let policyUrl = '';

  await test.step('1. the owner declares ★ and gets an ID and a badge', async () => {
    await signUpAndConfirm(page, ownerName, email);
    orgId = await createSmeOrg(page, orgName);
    await openDeclarationPage(page);
    await expect(page.getByRole('region', { name: '現在の宣言' })).toHaveCount(0);
    oneStarId = await declareOneStar(page);

    const card = page.getByRole('region', { name: '現在の宣言' });
    await expect(card).toContainText('★ 一つ星');
    await expect(card.getByText('有効', { exact: true })).toBeVisible();
    // the five pledges stay ticked and can no longer be changed
    const pledges = page.getByRole('checkbox', { name: /取り組みます/ });
    for (let i = 0; i < 5; i++) {
      await expect(pledges.nth(i)).toBeChecked();
      await expect(pledges.nth(i)).toBeDisabled();
    }
    // the badge image has really loaded
    const badge = card.getByRole('img', { name: `SECURITY ACTION ★ 自己宣言のマーク（${orgName}）` });
    await expect(badge).toBeVisible();
    await expect
      .poll(() => badge.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThan(0);
    // the PNG and the HTML snippet point at this declaration
    await expect(card.getByRole('link', { name: 'PNGで保存' })).toHaveAttribute(
      'href',
      new RegExp(`/api/v1/declarations/${oneStarId}/badge\\.png\\?lang=ja$`),
    );
    await expect(card.getByRole('button', { name: 'コードをコピー' })).toBeVisible();
    await expect(card.getByText(`/verify/${oneStarId}`)).toBeVisible();
  });

  await test.step('2. ★★ without a policy: the checklist says what is missing', async () => {
    const res = await page.request.post(`/api/v1/orgs/${orgId}/diagnoses`, {
      data: { answers: allAnswers() },
    });
    expect(res.status(), await res.text()).toBe(201);
    await page.reload();
    const diagnosis = requirement(page, '自社診断（過去12か月以内）');
    await expect(diagnosis).toContainText('済み');
    await expect(diagnosis).toContainText('に自社診断を行い、結果を保存しています。');
    await expect(diagnosis.getByRole('link')).toHaveCount(0);
    const policy = requirement(page, '情報セキュリティ基本方針の公開');
    await expect(policy).toContainText('まだです');
    await expect(policy).toContainText('情報セキュリティ基本方針がまだ公開されていません。');
    await expect(policy.getByRole('link', { name: '基本方針をつくる・公開する' })).toHaveAttribute(
      'href',
      `/orgs/${orgId}/policies`,
    );
    await expect(page.getByText('上の2つが「済み」になると宣言できます。')).toBeVisible();
    await expect(page.getByRole('button', { name: '二つ星を宣言する' })).toBeDisabled();
    // the server agrees: ★★ is refused with 422 and names the missing policy
    const refused = await page.request.post(`/api/v1/orgs/${orgId}/declarations`, { data: { star: 2 } });
    expect(refused.status()).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('policy');
  });

  await test.step('3. write, approve and publish the basic policy', async () => {
    await requirement(page, '情報セキュリティ基本方針の公開')
      .getByRole('link', { name: '基本方針をつくる・公開する' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/policies$`));
    const card = page.getByRole('region', { name: '情報セキュリティ基本方針' });
    await expect(card.getByText('まだ作成していません')).toBeVisible();
    await expect(card.getByRole('button', { name: '出力' })).toBeDisabled();
    await card.getByRole('link', { name: '作成する' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/policies/new/basic-policy$`));
    await expect(page.getByRole('heading', { level: 1, name: '情報セキュリティ基本方針' })).toBeVisible();
    // prefilled from the organisation and the saved diagnosis
    await expect(page.getByLabel('会社名')).toHaveValue(orgName);
    await expect(page.getByText(/自社診断の結果（.+）をもとに、あらかじめ選んでいます。/)).toBeVisible();
    await expect(page.getByRole('switch', { name: '問い合わせ窓口を載せる' })).toBeChecked();

    // an empty company name is refused, and the field says so
    await page.getByLabel('会社名').fill('');
    await expect(page.getByText('保存していない変更があります。')).toBeVisible();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '保存できませんでした' })).toBeVisible();
    await expect(page.getByLabel('会社名')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('会社名')).toBeFocused();
    await expect(page.getByText('入力してください。').first()).toBeVisible();
    await expect(page).toHaveURL(/\/policies\/new\/basic-policy$/);

    await fillBasicPolicy(page, orgName, ownerName);
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await expect(page.getByText('下書きを保存しました（第1版）。')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/orgs/${orgId}/policies/[^/]+$`));
    await expect(page).not.toHaveURL(/\/new\//);
    await expect(page.getByText('変更はすべて保存されています。')).toBeVisible();
    await expect(page.getByLabel('会社名')).not.toHaveAttribute('aria-invalid', 'true');

    const versions = page.getByRole('region', { name: '版と承認' });
    await expect(versions.getByText('下書き', { exact: true })).toBeVisible();
    await versions.getByRole('button', { name: 'この版を承認する' }).click();
    await expect(page.getByText('第1版を承認しました。')).toBeVisible();
    await expect(versions.getByText('承認済み', { exact: true })).toBeVisible();
    await expect(versions.getByText(`${ownerName} さんが承認`)).toBeVisible();
    await expect(versions.getByRole('button', { name: 'この版を承認する' })).toHaveCount(0);

    const publish = page.getByRole('region', { name: '社外への公開' });
    await publish.getByRole('button', { name: '公開する' }).click();
    const dialog = page.getByRole('dialog', { name: '基本方針を公開します' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'はい、公開します' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('基本方針（第1版）を公開しました。')).toBeVisible();
    const address = publish.getByLabel('公開ページのアドレス');
    await expect(address).toHaveValue(new RegExp(`^${baseURL}/policies/[A-Za-z0-9_-]{6,32}$`));
    policyUrl = await address.inputValue();

    const open = publish.getByRole('link', { name: '公開ページを開く（新しいタブ）' });
    await expect(open).toHaveAttribute('href', policyUrl);
    const popupPromise = page.waitForEvent('popup');
    await open.click();
    const popup = await popupPromise;
    try {
      await expect(popup).toHaveURL(policyUrl);
      await expect(popup.getByRole('heading', { level: 1 })).toContainText('情報セキュリティ基本方針');
      await expect(popup.locator('body')).toContainText(orgName);
      await expect(popup.locator('body')).toContainText(ownerName);
    } finally {
      await popup.close();
    }
  });

  await test.step('4. ★★ is declared and replaces ★', async () => {
    await openDeclarationPage(page);
    await expect(requirement(page, '自社診断（過去12か月以内）')).toContainText('済み');
    const policy = requirement(page, '情報セキュリティ基本方針の公開');
    await expect(policy).toContainText('済み');
    await expect(policy).not.toContainText('まだです');
    await expect(policy.getByRole('link', { name: '公開ページを見る' })).toHaveAttribute('href', policyUrl);
    await expect(
      page.getByText('二つ星を宣言すると、いまの一つ星の宣言は二つ星に切り替わります。'),
    ).toBeVisible();
    const declare = page.getByRole('button', { name: '二つ星を宣言する' });
    await expect(declare).toBeEnabled();
    await declare.click();

    const card = page.getByRole('region', { name: '現在の宣言' });
    const idCell = card.getByTestId('declaration-id');
    await expect(idCell).not.toHaveText(oneStarId);
    await expect(idCell).toHaveText(DECLARATION_ID);
    twoStarId = (await idCell.textContent()) as string;
    await expect(page.getByText(`二つ星を宣言しました（宣言ID ${twoStarId}）。`)).toBeVisible();
    await expect(card).toContainText('★★ 二つ星');
    await expect(
      card.getByRole('img', { name: `SECURITY ACTION ★★ 自己宣言のマーク（${orgName}）` }),
    ).toBeVisible();
    await expect(page.getByText('二つ星を宣言しているので、一つ星の宣言は必要ありません。')).toBeVisible();

    const history = page.getByRole('region', { name: 'これまでの宣言' });
    const oldRow = history.getByRole('row').filter({ hasText: oneStarId });
    await expect(oldRow).toContainText('一つ星');
    await expect(oldRow).toContainText('新しい宣言に切り替え');
    const newRow = history.getByRole('row').filter({ hasText: twoStarId });
    await expect(newRow).toContainText('二つ星');
    await expect(newRow).toContainText('有効');

    verifyUrl =
      (await card.getByRole('link', { name: '確認ページを開く（新しいタブ）' }).getAttribute('href')) ?? '';
    expect(verifyUrl).toBe(`${baseURL}/verify/${twoStarId}`);
    // the snippet for the website links to the same page
    await expect(card.getByText(`<a href="${verifyUrl}"`)).toBeVisible();
  });

  const visitor = await anonymousContext(browser, baseURL);
  try {
    const anon = await visitor.newPage();

    await test.step('5. an anonymous visitor follows the badge link', async () => {
      expect(await visitor.cookies()).toEqual([]);
      await anon.goto(verifyUrl);
      await expect(
        anon.getByRole('heading', { level: 1, name: 'SECURITY ACTION 自己宣言の確認' }),
      ).toBeVisible();
      await expect(
        anon.getByText(`${orgName} は、情報セキュリティ対策に取り組むことを自ら宣言しています。`),
      ).toBeVisible();
      const details = anon.locator('dl');
      await expect(details).toContainText(orgName);
      await expect(details).toContainText('大阪府');
      await expect(details).toContainText('★★ 二つ星');
      await expect(details).toContainText(twoStarId);
      await expect(details.getByText('有効', { exact: true })).toBeVisible();
      const img = anon.getByRole('img', { name: `SECURITY ACTION ★★ ${orgName}` });
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)))
        .toBeGreaterThan(0);

      const policyLink = anon.getByRole('link', { name: '公開されている基本方針を読む' });
      await expect(policyLink).toHaveAttribute('href', policyUrl);
      await policyLink.click();
      await expect(anon).toHaveURL(policyUrl);
      await expect(anon.getByRole('heading', { level: 1 })).toContainText('情報セキュリティ基本方針');
      await expect(anon.locator('body')).toContainText(orgName);

      // the replaced ★ is shown as no longer in force, pointing to the newer declaration
      await anon.goto(`/verify/${oneStarId}`);
      await expect(anon.getByText(`${orgName} のこの宣言は、現在は有効ではありません。`)).toBeVisible();
      await expect(anon.locator('dl').getByText('取り下げ済み')).toBeVisible();
      await expect(anon.getByRole('link', { name: twoStarId })).toHaveAttribute('href', verifyUrl);
      await expect(anon.getByRole('link', { name: '公開されている基本方針を読む' })).toHaveCount(0);
    });

    await test.step('6. the public registry finds the company with ★★', async () => {
      await anon.goto('/declarations');
      await expect(
        anon.getByRole('heading', { level: 1, name: 'SECURITY ACTION 宣言企業をさがす' }),
      ).toBeVisible();
      await anon.getByLabel('会社名または宣言ID').fill(orgName);
      await anon.getByRole('button', { name: '検索', exact: true }).click();
      await expect(anon).toHaveURL(/[?&]q=/);
      const results = anon.getByRole('region', { name: '宣言している企業' });
      await expect(results.getByRole('status')).toHaveText('1社（1〜1社目を表示）');
      const row = results.getByRole('row').filter({ hasText: orgName });
      await expect(row).toContainText('二つ星');
      await expect(row).toContainText('大阪府');
      await expect(row).toContainText('製造業');
      await expect(row).toContainText(twoStarId);
      await expect(row).not.toContainText(oneStarId);
      await expect(row.getByRole('button', { name: '取り消す' })).toHaveCount(0);

      const verify = row.getByRole('link', { name: '確認ページ' });
      await expect(verify).toHaveAttribute('href', `/verify/${twoStarId}`);
      const popupPromise = anon.waitForEvent('popup');
      await verify.click();
      const popup = await popupPromise;
      try {
        await expect(popup).toHaveURL(verifyUrl);
        await expect(
          popup.getByRole('heading', { level: 1, name: 'SECURITY ACTION 自己宣言の確認' }),
        ).toBeVisible();
        await expect(popup.locator('dl')).toContainText(orgName);
        await expect(popup.locator('dl').getByText('有効', { exact: true })).toBeVisible();
      } finally {
        await popup.close();
      }

      // the ★★ filter keeps it, the ★ filter does not
      // (the segmented control's radios are visually hidden: click their labels)
      const level = (stars: string) => anon.locator('label').filter({ hasText: new RegExp(`^${stars}$`) });
      await level('★').click();
      await expect(anon.getByRole('radio', { name: '★', exact: true })).toBeChecked();
      await expect(anon).toHaveURL(/[?&]star=1/);
      await expect(results.getByRole('status')).toHaveText('0社');
      await level('★★').click();
      await expect(anon.getByRole('radio', { name: '★★', exact: true })).toBeChecked();
      await expect(results.getByRole('status')).toHaveText('1社（1〜1社目を表示）');
    });

    await test.step('7. the owner withdraws; the verification page and a mail say so', async () => {
      const since = Date.now();
      const card = page.getByRole('region', { name: '現在の宣言' });
      await card.getByRole('button', { name: '宣言を取り下げる' }).click();
      const dialog = page.getByRole('dialog', { name: '宣言を取り下げますか' });
      await expect(dialog).toContainText(`宣言（宣言ID ${twoStarId}）を取り下げます。`);
      await dialog.getByRole('button', { name: '取り下げる', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('宣言を取り下げました。')).toBeVisible();
      await expect(page.getByRole('region', { name: '現在の宣言' })).toHaveCount(0);
      const history = page.getByRole('region', { name: 'これまでの宣言' });
      await expect(history.getByRole('row').filter({ hasText: twoStarId })).toContainText('取り下げ済み');
      // both buttons are back, ★★ still possible because its requirements are met
      await expect(page.getByRole('button', { name: '二つ星を宣言する' })).toBeEnabled();

      await anon.goto(verifyUrl);
      await expect(anon.getByText(`${orgName} のこの宣言は、現在は有効ではありません。`)).toBeVisible();
      await expect(anon.locator('dl').getByText('取り下げ済み')).toBeVisible();
      await expect(anon.locator('dl').getByText('有効', { exact: true })).toHaveCount(0);

      const mail = await waitForMail({ to: email, subjectIncludes: '取り下げ', since });
      expect(mail.subject).toContain(twoStarId);
      expect(mail.text).toContain(orgName);
      expect(mail.text).toContain(`/verify/${twoStarId}`);

      // and it is gone from the registry
      await anon.goto(`/declarations?q=${encodeURIComponent(orgName)}`);
      await expect(anon.getByRole('region', { name: '宣言している企業' }).getByRole('status')).toHaveText(
        '0社',
      );
    });
  } finally {
    await visitor.close();
  }
});

test('policy export: Word from the editor and the list, PDF, and the difference between versions', async ({
  page,
}) => {
  const id = suffix();
  const ownerName = `文書 太郎${id}`;
  const orgName = `有限会社ぶんしょ商店 ${id}`;
  await signUpAndConfirm(page, ownerName, uniqueEmail('policy-export'));
  await createSmeOrg(page, orgName, { prefecture: '東京都' });
  await openPoliciesPage(page);
  await expect(page.getByRole('region', { name: '情報セキュリティ基本方針' })).toBeVisible();
  await expect(page.getByRole('region', { name: '情報セキュリティ関連規程' })).toBeVisible();
  await page
    .getByRole('region', { name: '情報セキュリティ基本方針' })
    .getByRole('link', { name: '作成する' })
    .click();
  // without a diagnosis the editor says where the defaults come from
  await expect(page.getByText('会社の登録情報をもとに入力しています。')).toBeVisible();
  await fillBasicPolicy(page, orgName, ownerName);
  await page.getByRole('button', { name: '下書きを保存' }).click();
  await expect(page.getByText('下書きを保存しました（第1版）。')).toBeVisible();

  const downloads = page.getByRole('region', { name: 'ダウンロード' });
  const downloadPromise = page.waitForEvent('download');
  await downloads.getByRole('link', { name: 'Word（.docx）' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const docx = await readFile(await download.path());
  expect(magic(docx, 2)).toBe('PK');
  expect(docx.length).toBeGreaterThan(1000);

  const pdfHref = await downloads.getByRole('link', { name: 'PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref as string);
  expect(pdf.status()).toBe(200);
  expect(magic(await pdf.body(), 4)).toBe('%PDF');

  // a second version, and the comparison between the two
  await page.getByRole('button', { name: 'この版を承認する' }).click();
  await expect(page.getByText('第1版を承認しました。')).toBeVisible();
  await expect(
    page.getByText('第1版は承認済みです。内容を変えて保存すると、第2版の下書きになります。'),
  ).toBeVisible();
  const newName = `文書 花子${id}`;
  await page.getByLabel('代表者の氏名').fill(newName);
  await expect(page.getByRole('button', { name: 'この版を承認する' })).toHaveCount(0);
  await page.getByRole('button', { name: '下書きを保存' }).click();
  await expect(page.getByText('下書きを保存しました（第2版）。')).toBeVisible();
  await page.getByRole('button', { name: '前の版と比べる' }).click();
  const diff = page.getByRole('dialog', { name: '第1版と第2版の違い' });
  await expect(diff.getByText(/^変わった行：\d+行$/)).toBeVisible();
  const lines = diff.getByRole('list', { name: '文面の違い' });
  await expect(
    lines.getByRole('listitem').filter({ hasText: `追加：` }).filter({ hasText: newName }),
  ).not.toHaveCount(0);
  await expect(
    lines.getByRole('listitem').filter({ hasText: `削除：` }).filter({ hasText: ownerName }),
  ).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();

  // the list's 出力 menu gives the same Word file
  await page.getByRole('link', { name: 'ポリシー一覧に戻る' }).click();
  const card = page.getByRole('region', { name: '情報セキュリティ基本方針' });
  await expect(card.getByText('下書き（第2版）')).toBeVisible();
  await card.getByRole('button', { name: '出力' }).click();
  await expect(page.getByRole('menuitem', { name: 'PDF' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'HTML' })).toBeVisible();
  const fromMenuPromise = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Word（.docx）' }).click();
  const fromMenu = await fromMenuPromise;
  expect(magic(await readFile(await fromMenu.path()), 2)).toBe('PK');

  // the rules template has chapters that can be left out
  await page
    .getByRole('region', { name: '情報セキュリティ関連規程' })
    .getByRole('link', { name: '作成する' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '情報セキュリティ関連規程' })).toBeVisible();
  const chapters = page.getByRole('switch', { name: /^この章を入れる：/ });
  await expect(chapters).toHaveCount(5);
  const telework = page.getByRole('switch', { name: 'この章を入れる：テレワーク' });
  const before = await telework.isChecked();
  await telework.click({ force: true });
  await expect(telework).toBeChecked({ checked: !before });
  await expect(page.getByText('保存していない変更があります。')).toBeVisible();
});

test('the verification page labels each detail, including 状態', async ({ page, browser, baseURL }) => {
  const id = suffix();
  const orgName = `株式会社かくにん ${id}`;
  await signUpAndConfirm(page, `確認 一郎${id}`, uniqueEmail('sa-label'));
  await createSmeOrg(page, orgName);
  await openDeclarationPage(page);
  const declarationId = await declareOneStar(page);

  const visitor = await anonymousContext(browser, baseURL);
  try {
    const anon = await visitor.newPage();
    await anon.goto(`/verify/${declarationId}`);
    await expect(anon.locator('dl')).toContainText(orgName);
    await expect(anon.locator('dt')).toHaveText(
      ['会社名', '所在地', '宣言の段階', '宣言日', '宣言ID', '状態'],
      {
        timeout: 2000,
      },
    );
  } finally {
    await visitor.close();
  }
});
