// Browser tests for the 5-minute self-diagnosis (src/modules/diagnosis/ui), in the Japanese UI:
// a visitor's anonymous diagnosis, and an owner who saves one to the organisation, plans an
// improvement from a weak item and downloads the PDF. Each test makes its own accounts.
import type { Page } from '@playwright/test';
import { choose, expect, mainNav, signUpAndCreateOrg, test, waitForMail } from './support/index.ts';

const YES = '実施している';
const PARTIAL = '一部実施している';
const NO = '実施していない';
const UNKNOWN = 'わからない';
type Choice = typeof YES | typeof PARTIAL | typeof NO | typeof UNKNOWN;

/** The topics of the items the tests look at (content/diagnosis/v1.json). */
const TOPIC = {
  16: '帰るときの機器のしまい方',
  17: '事務所の戸締まり',
  18: '書類や機器の捨て方',
  19: '秘密を守る約束',
  20: '従業員への教育',
  21: '私物の機器を仕事に使うとき',
  22: '取引先との秘密保持の約束',
  23: '外部サービスの選び方',
  24: '事故が起きたときの備え',
  25: '対策を社内のルールにする',
} as const;

/** The 25 answers, item 1 first, by ranges: `[[17, YES], [20, PARTIAL], …]` up to each item number. */
function sheet(ranges: Array<[number, Choice]>): Choice[] {
  const out: Choice[] = [];
  for (const [upTo, choice] of ranges) while (out.length < upTo) out.push(choice);
  expect(out).toHaveLength(25);
  return out;
}

function question(page: Page, no: number) {
  return page.getByRole('radiogroup', { name: new RegExp(`^設問 ${no}：`) });
}

/** Answers every question on /diagnosis by clicking, checking the progress and the submit button. */
async function answerAll(page: Page, answers: Choice[]) {
  const submit = page.getByRole('button', { name: '結果を見る' });
  const progress = page.getByTestId('diagnosis-progress');
  await expect(progress).toHaveText('回答済み 0 / 25');
  for (const [i, label] of answers.entries()) {
    const radio = question(page, i + 1).getByRole('radio', { name: label, exact: true });
    await radio.click();
    await expect(radio).toBeChecked();
    if (i === 23) {
      // one left: the result cannot be asked for yet
      await expect(progress).toHaveText('回答済み 24 / 25');
      await expect(submit).toBeDisabled();
    }
  }
  await expect(progress).toHaveText('回答済み 25 / 25');
  await expect(page.getByRole('heading', { name: 'すべての設問に答えました' })).toBeVisible();
  await expect(submit).toBeEnabled();
}

/** The weak items of a result page, by section, as their topic headings in display order. */
function improveHeadings(page: Page) {
  return page.getByRole('region', { name: '改善が必要な項目' }).getByRole('heading', { level: 3 });
}
function checkHeadings(page: Page) {
  return page.getByRole('region', { name: 'まず確かめる項目' }).getByRole('heading', { level: 3 });
}

/** yyyy-mm-dd, `days` from today in Tokyo. */
function isoDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(d);
}

/** The date as the Japanese UI shows it (formatDate: ja-JP, dateStyle medium). */
function jaDate(date: Date | string): string {
  return new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(
    typeof date === 'string' ? new Date(date) : date,
  );
}

test('a visitor diagnoses anonymously and sees the score, the band and the weak items', async ({ page }) => {
  await page.goto('/diagnosis');
  await expect(
    page.getByRole('heading', { level: 1, name: '5分でできる 情報セキュリティ自社診断' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '結果を見る' })).toBeDisabled();

  // 1–17 done, 18–20 partly, 21–23 not done, 24–25 don't know: 4×17 + 2×3 + 0×3 − 1×2 = 72.
  await answerAll(
    page,
    sheet([
      [17, YES],
      [20, PARTIAL],
      [23, NO],
      [25, UNKNOWN],
    ]),
  );
  await page.getByRole('button', { name: '結果を見る' }).click();

  await expect(page).toHaveURL(/\/diagnosis\/result$/);
  await expect(page.getByRole('heading', { level: 1, name: '情報セキュリティ自社診断の結果' })).toBeVisible();
  await expect(page.getByText('この結果はまだ保存されていません。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '合計 72 点（100 点満点）' })).toBeVisible();
  await expect(page.getByTestId('diagnosis-total')).toContainText('72');
  await expect(page.getByRole('heading', { level: 3, name: 'おおむねできています' })).toBeVisible();

  // Weak items, worst first ("not done" before "partly"); "don't know" ones to check separately.
  await expect(improveHeadings(page)).toHaveText([
    TOPIC[21],
    TOPIC[22],
    TOPIC[23],
    TOPIC[18],
    TOPIC[19],
    TOPIC[20],
  ]);
  const improve = page.getByRole('region', { name: '改善が必要な項目' });
  await expect(improve.getByText('6項目')).toBeVisible();
  const item21 = page.getByRole('article', { name: TOPIC[21] });
  await expect(item21).toContainText('設問 21');
  await expect(item21).toContainText(NO);
  await expect(item21.getByText('このままだと起こりうること')).toBeVisible();
  await expect(item21.getByText('まずやること')).toBeVisible();
  await expect(page.getByRole('article', { name: TOPIC[18] })).toContainText(PARTIAL);
  await expect(checkHeadings(page)).toHaveText([TOPIC[24], TOPIC[25]]);
  await expect(page.getByRole('article', { name: TOPIC[24] })).toContainText(UNKNOWN);
  await expect(page.getByRole('article', { name: TOPIC[17] })).toHaveCount(0);
  // nothing to add to a plan without an organisation
  await expect(page.getByRole('button', { name: /^改善計画に追加/ })).toHaveCount(0);

  // Saving needs an account.
  const save = page.getByRole('region', { name: 'この結果を保存しませんか？' });
  await expect(save.getByRole('link', { name: '無料で登録して保存' })).toBeVisible();
  await expect(save.getByRole('link', { name: 'ログインして保存' })).toBeVisible();
});

test('an owner saves a diagnosis to the organisation, plans an improvement and gets the PDF', async ({
  page,
}) => {
  test.slow(); // sign-up, a 25-question diagnosis and a plan
  const owner = await signUpAndCreateOrg(page);

  // The organisation has no diagnosis yet.
  await mainNav(page).getByRole('link', { name: '自社診断' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/diagnosis$`));
  await expect(page.getByRole('heading', { level: 1, name: '自社診断' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'まだ診断していません' })).toBeVisible();
  await page.getByRole('link', { name: '診断を始める' }).click();
  await expect(page).toHaveURL(/\/diagnosis$/);

  // 1–15 done, 16–20 partly, 21–24 not done, 25 don't know: 4×15 + 2×5 + 0×4 − 1 = 69.
  await answerAll(
    page,
    sheet([
      [15, YES],
      [20, PARTIAL],
      [24, NO],
      [25, UNKNOWN],
    ]),
  );
  await page.getByRole('button', { name: '結果を見る' }).click();
  await expect(page.getByRole('heading', { name: '合計 69 点（100 点満点）' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '対策が足りていません' })).toBeVisible();

  // Save it to the organisation.
  const save = page.getByRole('region', { name: 'この結果を保存しませんか？' });
  await expect(save.getByText(`「${owner.orgName}」の診断の記録として保存します。`)).toBeVisible();
  await save.getByRole('button', { name: 'この結果を組織に保存' }).click();

  // The saved result.
  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/diagnoses/[^/]+$`));
  const savedUrl = page.url();
  await expect(page.getByText('診断結果を保存しました。')).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: `診断結果（${jaDate(new Date())}）` }),
  ).toBeVisible();
  await expect(page.getByText(`${owner.name} さんが保存`)).toBeVisible();
  await expect(page.getByRole('heading', { name: '合計 69 点（100 点満点）' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '対策が足りていません' })).toBeVisible();
  await expect(page.getByText('これが最初の診断です。', { exact: false })).toBeVisible();
  await expect(improveHeadings(page)).toHaveText([
    TOPIC[21],
    TOPIC[22],
    TOPIC[23],
    TOPIC[24],
    TOPIC[16],
    TOPIC[17],
    TOPIC[18],
    TOPIC[19],
    TOPIC[20],
  ]);
  await expect(checkHeadings(page)).toHaveText([TOPIC[25]]);
  const plan = page.getByRole('region', { name: '改善計画' });
  await expect(plan.getByText('改善計画はまだありません。', { exact: false })).toBeVisible();

  // Plan an improvement from weak item 21, with the owner as the assignee.
  const item21 = page.getByRole('article', { name: TOPIC[21] });
  await item21.getByRole('button', { name: `改善計画に追加：設問 21 ${TOPIC[21]}` }).click();
  const dialog = page.getByRole('dialog', { name: '改善計画に追加' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`21. ${TOPIC[21]}`)).toBeVisible();
  // the first step of the item is suggested
  await expect(dialog.getByLabel('やること')).not.toHaveValue('');
  const title = '私物スマホで仕事のメールを見るときのルールを決める';
  await dialog.getByLabel('やること').fill(title);
  await choose(page, '担当者', `${owner.name}（経営者（オーナー））`);
  const due = isoDay(30);
  const review = isoDay(120);
  await dialog.getByLabel('期限').fill(due);
  await dialog.getByLabel('見直し日').fill(review);
  await dialog.getByLabel('メモ').fill('まずは全員に使っている端末を聞く');
  const since = Date.now();
  await dialog.getByRole('button', { name: '追加する' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(`改善計画に追加し、${owner.name} さんにメールでお知らせしました。`),
  ).toBeVisible();
  await expect(item21.getByText('改善計画に 1 件あり')).toBeVisible();

  // It is in the plan; the assignee got a mail.
  const row = plan.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText(`設問 21　${TOPIC[21]}`);
  await expect(row).toContainText(owner.name);
  await expect(row).toContainText(jaDate(due));
  await expect(row).toContainText(jaDate(review));
  await expect(row).toContainText('対応中');
  await expect(plan.getByText('対応中 1件')).toBeVisible();
  const mail = await waitForMail({ to: owner.email, subjectIncludes: '改善の担当になりました', since });
  expect(mail.subject).toContain(title);
  expect(mail.text).toContain(owner.orgName);

  // The PDF report.
  const pdfLink = page.getByRole('link', { name: 'PDFで保存・印刷' });
  const href = await pdfLink.getAttribute('href');
  expect(href).toMatch(new RegExp(`^/api/v1/orgs/${owner.orgId}/diagnoses/[^/]+/report\\.pdf$`));
  const pdf = await page.request.get(href as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The organisation's diagnosis page: the latest result, the history, the plan.
  await page.getByRole('link', { name: '自社診断のトップへ' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/diagnosis$`));
  await expect(page.getByText(`「${owner.orgName}」の診断結果の記録と改善計画です。`)).toBeVisible();
  const latest = page.getByRole('region', { name: '最新の診断結果' });
  await expect(latest.getByTestId('diagnosis-latest-total')).toHaveText('69');
  // Screen readers hear the whole score, not a bare number.
  await expect(latest.getByText('合計 69 点（100 点満点）')).toBeAttached();
  await expect(latest).toContainText('対策が足りていません');
  const history = page.getByRole('region', { name: '診断の記録' });
  const entry = history.getByRole('row', { name: new RegExp(jaDate(new Date())) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('69点');
  await expect(entry).toContainText('対策が足りていません');
  await expect(entry).toContainText(owner.name);
  await expect(
    page.getByRole('region', { name: '改善計画' }).getByRole('row', { name: new RegExp(title) }),
  ).toContainText(owner.name);

  // The history entry opens the saved result again.
  await entry.getByRole('link', { name: jaDate(new Date()) }).click();
  await expect(page).toHaveURL(savedUrl);
  await expect(page.getByRole('heading', { name: '合計 69 点（100 点満点）' })).toBeVisible();
});
