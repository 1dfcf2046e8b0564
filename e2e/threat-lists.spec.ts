// Browser test for the operator's threat lists (src/modules/admin/ui/AdminThreatListsPage.tsx,
// API in src/modules/monitoring): a bad CSV is refused whole with the line that is wrong, a good
// one is imported and listed, and the list can be deleted.
import {
  expect,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  signIn,
  suffix,
  test,
} from './support/index.ts';

test('the operator imports a threat list from CSV, sees a bad row refused, and deletes the list', async ({
  browser,
  baseURL,
}) => {
  const context = await newJaContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, OPERATOR_EMAIL, OPERATOR_PASSWORD);
  await page.getByRole('link', { name: '脅威リスト' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /脅威リスト/ })).toBeVisible();

  const name = `c2-${suffix()}`;
  await page.getByLabel('リスト名', { exact: false }).first().fill(name);
  await page.getByLabel('CSV の中身').fill('type,value,description\nip,203.0.113.66,C2\nhash,zz,broken\n');
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(
    page.getByText('CSV に誤りが 1 件あります。何も取り込んでいません。', { exact: false }),
  ).toBeVisible();
  await expect(
    page.getByText('3 行目: ハッシュ値は MD5・SHA-1・SHA-256 の 16 進数で書いてください。'),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name })).toHaveCount(0);

  await page
    .getByLabel('CSV の中身')
    .fill('type,value,description\nip,203.0.113.66,C2\ndomain,bad.example,phishing\n');
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByText('2 件を取り込みました。')).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(row).toBeVisible();
  await page.screenshot({ path: '.tmp/shots/admin-threat-lists.png', fullPage: true });

  await row.getByRole('button', { name: '削除' }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toHaveCount(0);
  await context.close();
});
