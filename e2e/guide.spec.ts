// Browser tests for the incident guide (src/modules/guide/ui), in the Japanese UI: a visitor in trouble
// finds what to do first about ransomware and whom to call; a signed-in member works a case with the
// checklist and downloads the pre-filled draft of IPA's virus report.
import { readFileSync } from 'node:fs';
import { expect, mainNav, signUpAndCreateOrg, test } from './support/index.ts';

const RANSOMWARE = 'ランサムウェア（データが開けない・身代金の要求）';

test('a visitor opens the ransomware guide and sees what to do first and whom to call', async ({ page }) => {
  await page.goto('/help/guide');
  await expect(
    page.getByRole('heading', { level: 1, name: 'セキュリティのトラブルが起きたら' }),
  ).toBeVisible();
  await page.getByRole('link', { name: RANSOMWARE }).click();

  await expect(page).toHaveURL(/\/help\/guide\/ransomware$/);
  await expect(page.getByRole('heading', { level: 1, name: RANSOMWARE })).toBeVisible();
  const first = page.getByRole('region', { name: 'まず、すぐにやること' });
  await expect(first.getByText('おかしいパソコンの LAN ケーブルを抜き、Wi-Fi を切る')).toBeVisible();
  await expect(first.getByText('電源は切らずに、つながりだけを断ちます。')).toBeVisible();

  const dont = page.getByTestId('guide-dont');
  await expect(dont.getByText('やってはいけないこと')).toBeVisible();
  await expect(dont.getByText(/身代金を払わない/)).toBeVisible();
  await expect(dont.getByText(/あわてて電源を切らない/)).toBeVisible();

  // Whom to call, with numbers that dial and addresses that mail.
  const outside = page.getByRole('region', { name: '外部に相談・届け出る' });
  const police = outside.getByTestId('referral-police');
  await expect(police.getByRole('link', { name: /#9110/ })).toHaveAttribute('href', 'tel:%239110');
  await expect(police.getByRole('link', { name: /110番/ })).toHaveAttribute('href', 'tel:110');
  await expect(
    outside.getByTestId('referral-ipa-org-desk').getByRole('link', { name: /cs-support@ipa\.go\.jp/ }),
  ).toHaveAttribute('href', 'mailto:cs-support@ipa.go.jp');
  await expect(outside.getByTestId('referral-ppc').getByText('個人情報保護委員会')).toBeVisible();
  await expect(
    outside.getByTestId('referral-ipa-ransom-page').getByRole('link', { name: '公式サイト' }),
  ).toHaveAttribute('href', 'https://www.ipa.go.jp/security/anshin/ransom_tokusetsu.html');
  // The emergency numbers are on top of the page too.
  await expect(page.getByTestId('guide-emergency').getByRole('link', { name: /110番/ })).toBeVisible();
});

test('a member works a ransomware case with the checklist and downloads the IPA virus report draft', async ({
  page,
}) => {
  const owner = await signUpAndCreateOrg(page);
  await mainNav(page).getByRole('link', { name: 'もしものとき' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/help/guide$`));
  await expect(page.getByRole('heading', { level: 1, name: 'もしものときの対応' })).toBeVisible();
  await expect(page.getByText('対応中の記録はありません。')).toBeVisible();

  await page.getByRole('button', { name: `「${RANSOMWARE}」の手順で始める` }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/help/guide/cases/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 1, name: RANSOMWARE })).toBeVisible();
  const progress = page.getByTestId('guide-case-progress');
  await expect(progress).toHaveText('16 手順中 0 完了');

  const isolate = page.getByRole('checkbox', { name: 'おかしいパソコンの LAN ケーブルを抜き、Wi-Fi を切る' });
  await isolate.check();
  await expect(isolate).toBeChecked();
  await expect(progress).toHaveText('16 手順中 1 完了');
  await expect(page.getByText(`${owner.name} さんが`).first()).toBeVisible();
  const record = page.getByRole('checkbox', { name: '画面の写真を撮り、気づいた時刻と様子をメモする' });
  await record.check();
  await expect(progress).toHaveText('16 手順中 2 完了');

  const notes =
    '9:10 経理のパソコンでファイルが開けなくなり、身代金を求める画面が出た。LANケーブルを抜いた。';
  await page.getByLabel('メモ', { exact: true }).fill(notes);
  await page.getByRole('button', { name: 'メモを保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();

  // The ticks and notes are kept.
  await page.reload();
  await expect(
    page.getByRole('checkbox', { name: 'おかしいパソコンの LAN ケーブルを抜き、Wi-Fi を切る' }),
  ).toBeChecked();
  await expect(page.getByLabel('メモ', { exact: true })).toHaveValue(notes);

  await page.getByRole('link', { name: '下書きを開く' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'コンピュータウイルス届出（下書き）' }),
  ).toBeVisible();
  await expect(page.getByText('この下書きは送信されません')).toBeVisible();
  await expect(page.getByLabel('社名', { exact: true })).toHaveValue(owner.orgName);
  await expect(page.getByLabel('住所（都道府県まで）', { exact: true })).toHaveValue('大阪府');
  await expect(page.getByLabel('氏名', { exact: true })).toHaveValue(owner.name);
  await expect(page.getByLabel('メールアドレス', { exact: true })).toHaveValue(owner.email);
  await expect(page.getByLabel('7. 被害の状況', { exact: true })).toHaveValue(notes);
  await page.getByLabel('電話番号', { exact: true }).fill('06-1234-5678');
  await expect(page.getByRole('link', { name: 'IPA の届出ページを開く' })).toHaveAttribute(
    'href',
    'https://www.ipa.go.jp/security/todokede/crack-virus/',
  );

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存してテキストをダウンロード' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('ipa-virus-report-draft.txt');
  const text = readFileSync((await file.path()) as string, 'utf8');
  expect(text).toContain('コンピュータウイルス届出（下書き）');
  expect(text).toContain('どこにも送信されていません');
  expect(text).toContain(`社名: ${owner.orgName}`);
  expect(text).toContain('住所（都道府県まで）: 大阪府');
  expect(text).toContain('電話番号: 06-1234-5678');
  expect(text).toContain('発見か感染か: 感染');
  expect(text).toContain(notes);
  await expect(page.getByText(/に保存$/)).toBeVisible();

  // Back on the case, the draft shows as saved.
  await page.getByRole('link', { name: '対応の記録に戻る' }).click();
  await expect(page.getByText(/に保存$/)).toBeVisible();
});
