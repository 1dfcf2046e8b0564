// Browser test for the monthly security report (src/modules/reports/ui), in the Japanese UI: an owner
// with a sensor and some events makes this month's report so far, reads the figures and downloads the
// PDF; the operator runs the monthly job and the owner receives last month's report by mail.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import {
  expect,
  extractLinks,
  mainNav,
  newJaContext,
  OPERATOR_EMAIL,
  OPERATOR_PASSWORD,
  readMails,
  signIn,
  signUpAndCreateOrg,
  test,
  waitForMail,
} from './support/index.ts';

const JST = 9 * 3_600_000;

/** `YYYY-MM` of an instant in Japan, and the month before it. */
function jstMonth(at: number): string {
  const d = new Date(at + JST);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
function monthStart(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1) - JST;
}
const jaMonth = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

/** Registers a UTM for the owner's SME and sends it events: 6 this month (4 stopped), 3 last month (1 stopped). */
async function sensorWithEvents(page: Page, orgId: string) {
  const sensor = await page.request.post(`/api/v1/orgs/${orgId}/sensors`, {
    data: { name: 'UTM 本社', kind: 'utm', vendor: 'Fortinet' },
  });
  expect(sensor.status()).toBe(201);
  const { token } = (await sensor.json()) as { token: string };
  const now = Date.now();
  const lastMonth = monthStart(jstMonth(now)) - 3 * 86_400_000;
  const event = (at: number, category: string, action: string, extra: object = {}) => ({
    '@timestamp': new Date(at).toISOString(),
    event: { category, action },
    source: { ip: '198.51.100.23' },
    ...extra,
  });
  const lines = [
    event(now - 600_000, 'network', 'deny'),
    event(now - 500_000, 'network', 'deny'),
    event(now - 400_000, 'web', 'blocked', { url: { domain: 'phish.example' } }),
    event(now - 300_000, 'network', 'allow'),
    event(now - 200_000, 'network', 'allow'),
    {
      '@timestamp': new Date(now - 100_000).toISOString(),
      event: { kind: 'alert', category: 'malware', action: 'quarantined' },
      host: { name: 'pc-jimu-02' },
      file: { name: 'seikyusho.exe' },
    },
    event(lastMonth, 'network', 'deny'),
    event(lastMonth + 3_600_000, 'network', 'allow'),
    event(lastMonth + 7_200_000, 'network', 'allow'),
  ];
  const res = await page.request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    data: lines.map((l) => JSON.stringify(l)).join('\n'),
  });
  expect(res.status()).toBe(202);
  expect(((await res.json()) as { accepted: number }).accepted).toBe(lines.length);
}

async function runMonthlyJobAsOperator(browser: Browser, baseURL: string | undefined) {
  const context = await newJaContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, OPERATOR_EMAIL, OPERATOR_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const res = await page.request.post('/api/v1/admin/jobs/reports.monthly/run');
  expect(res.status()).toBe(204);
  await context.close();
}

test('an owner reads this month’s report and its PDF; the monthly job mails last month’s', async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await signUpAndCreateOrg(page);
  await sensorWithEvents(page, owner.orgId);
  const thisMonth = jstMonth(Date.now());
  const lastMonth = jstMonth(monthStart(thisMonth) - 1);

  await mainNav(page).getByRole('link', { name: '月次レポート' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月次セキュリティレポート' })).toBeVisible();
  await expect(page.getByText('まだレポートはありません。')).toBeVisible();
  await page.getByRole('button', { name: `${jaMonth(thisMonth)}の途中経過を作る` }).click();

  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/reports/${thisMonth}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `${jaMonth(thisMonth)}の月次レポート` }),
  ).toBeVisible();
  // Detection runs in the background; the figures settle within moments.
  await expect(async () => {
    await page.getByRole('button', { name: '最新の数字で更新' }).click();
    await expect(page.getByTestId('kpi-detected')).toContainText('1', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('kpi-events')).toContainText('6');
  await expect(page.getByTestId('kpi-blocked')).toContainText('4');
  await expect(page.getByTestId('kpi-incidents')).toContainText('1');
  await expect(
    page.getByText('6 件の記録が届き、そのうち 4 件の不審な通信やウイルスなどを止めました'),
  ).toBeVisible();
  const next = page.getByRole('region', { name: '次にやること' });
  await expect(next.getByText('ウイルス対策ソフトとパソコンの更新を確認しましょう')).toBeVisible();
  await expect(next.getByText('「5分でできる自社診断」を受けましょう')).toBeVisible();
  await expect(page.getByRole('region', { name: '見つかった注意が必要な動き' })).toContainText(
    'ウイルスをブロック・隔離',
  );

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF をダウンロード' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`security-report-${thisMonth}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', await download.path(), '-']).toString('utf8');
  expect(text).toContain(`月次セキュリティレポート ${jaMonth(thisMonth)}`);
  expect(text).toContain(owner.orgName);
  expect(text).toContain('ウイルス対策ソフトとパソコンの更新を確認しましょう');

  // The operator runs the monthly job now instead of waiting for the 1st.
  const since = Date.now();
  await runMonthlyJobAsOperator(browser, baseURL);
  const mail = await waitForMail({
    to: owner.email,
    subjectIncludes: `${jaMonth(lastMonth)}のセキュリティ月次レポート`,
    since,
  });
  expect(mail.subject).toContain(owner.orgName);
  expect(mail.text).toContain('3 件の記録が届き、そのうち 1 件の不審な通信やウイルスなどを止めました');
  const link = extractLinks(mail.text).find((l) => l.includes(`/reports/${lastMonth}`));
  expect(link).toBeTruthy();

  await page.goto(link as string);
  await expect(
    page.getByRole('heading', { level: 1, name: `${jaMonth(lastMonth)}の月次レポート` }),
  ).toBeVisible();
  await expect(page.getByTestId('kpi-events')).toContainText('3');
  await expect(page.getByRole('button', { name: '最新の数字で更新' })).toHaveCount(0);

  // Running the job again mails nothing more.
  await runMonthlyJobAsOperator(browser, baseURL);
  await page.waitForTimeout(1500);
  const reportMails = readMails().filter(
    (m) => m.to.includes(owner.email) && m.subject.includes('セキュリティ月次レポート'),
  );
  expect(reportMails).toHaveLength(1);
});
