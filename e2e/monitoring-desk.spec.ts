// Browser test of the people side of monitoring (src/modules/monitoring/ui), in the Japanese UI:
// a provider and an SME sign up, the SME owner entrusts the provider, the provider registers a
// sensor for the SME, a malware detection arrives at POST /api/v1/ingest, the analyst finds it in
// the queue, triages it and contacts the SME; the owner gets the mail and sees on the dashboard
// what happened and what to do now. Screenshots (desktop and phone) go to test-results/monitoring-desk.
import { type Page, request as playwrightRequest } from '@playwright/test';
import {
  choose,
  expect,
  extractLinks,
  mainNav,
  newJaContext,
  orgIdByName,
  signUpAndConfirm,
  signUpAndCreateOrg,
  suffix,
  test,
  uniqueEmail,
  waitForMail,
} from './support/index.ts';

const shots = 'test-results/monitoring-desk';

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // Let the app shell finish collapsing its navigation into the phone menu.
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test('an alert becomes an incident; the analyst triages and contacts the SME, who sees what to do', async ({
  browser,
  baseURL,
}) => {
  // Two people's whole journey, with screenshots at each stage: longer than the default minute.
  test.setTimeout(180_000);
  const id = suffix();
  const providerCtx = await newJaContext(browser, baseURL);
  const smeCtx = await newJaContext(browser, baseURL);
  const prov = await providerCtx.newPage();
  const sme = await smeCtx.newPage();
  const providerName = `みまもりネット株式会社 ${id}`;
  const analystName = `佐藤 分析${id}`;
  let providerOrgId = '';
  let token = '';

  await test.step('the provider signs up and registers a サービス事業者', async () => {
    await signUpAndConfirm(prov, analystName, uniqueEmail('analyst'));
    await prov.getByRole('link', { name: '組織を登録する' }).click();
    await prov.getByText('サービス事業者', { exact: true }).click();
    await prov.getByLabel('会社名・組織名').fill(providerName);
    await choose(prov, '所在地（都道府県）', '東京都');
    await choose(prov, '業種', '情報通信業');
    await choose(prov, '従業員数', '21〜50人');
    await prov.getByRole('button', { name: '登録する' }).click();
    await expect(prov).toHaveURL(/\/dashboard$/);
    providerOrgId = await orgIdByName(prov, providerName);
    // A provider's menu carries its own work, not the SME's self-diagnosis or declaration.
    const menu = mainNav(prov);
    await expect(menu.getByRole('link', { name: '提供サービス' })).toBeVisible();
    await expect(menu.getByRole('link', { name: '見守り（監視）' })).toBeVisible();
    for (const smeOnly of ['自社診断', 'SECURITY ACTION', 'セキュリティポリシー'])
      await expect(menu.getByRole('link', { name: smeOnly })).toHaveCount(0);
  });

  const owner = await signUpAndCreateOrg(sme);

  await test.step('the SME owner entrusts its monitoring to the provider', async () => {
    const menu = mainNav(sme);
    await expect(menu.getByRole('link', { name: '自社診断' })).toBeVisible();
    await expect(menu.getByRole('link', { name: '提供サービス' })).toHaveCount(0);
    await sme.getByRole('link', { name: '見守り（監視）' }).first().click();
    await expect(sme.getByRole('heading', { level: 1, name: '見守り状況' })).toBeVisible();
    await expect(sme.getByText('見守りサービスの事業者がまだ選ばれていません')).toBeVisible();
    await sme.getByRole('link', { name: '事業者を選ぶ' }).click();
    await expect(sme.getByRole('heading', { level: 1, name: '見守りサービスの事業者' })).toBeVisible();
    await sme.getByLabel('事業者名で検索').fill(`みまもりネット株式会社 ${id}`);
    await sme.getByRole('button', { name: '探す' }).click();
    const result = sme.getByTestId('provider-result').filter({ hasText: providerName });
    await result.getByRole('button', { name: 'この事業者に任せる' }).click();
    await expect(sme.getByText(`${providerName} に見守りを任せました。`)).toBeVisible();
    await expect(sme.getByTestId('provider-link').filter({ hasText: providerName })).toBeVisible();
    await screenshot(sme, 'sme-providers');
  });

  await test.step('the provider sees the new customer and registers a sensor for it', async () => {
    await waitForMail({
      to: (await prov.request.get('/api/v1/me').then((r) => r.json())).user.email,
      subjectIncludes: owner.orgName,
    });
    await prov.goto(`/orgs/${providerOrgId}/customers`);
    await expect(prov.getByRole('heading', { level: 1, name: 'お客さま一覧' })).toBeVisible();
    const card = prov.getByTestId('customer-card').filter({ hasText: owner.orgName });
    await expect(card).toContainText('未対応 0');
    await screenshot(prov, 'provider-customers');
    await card.getByRole('link', { name: 'センサー' }).click();
    await expect(prov.getByRole('heading', { level: 1, name: 'センサー' })).toBeVisible();
    await prov.getByLabel('名前').fill('経理部のウイルス対策ソフト');
    await choose(prov, '種類', 'EDR・ウイルス対策ソフト（パソコン）');
    await prov.getByLabel('メーカー・製品').fill('Trend Micro Apex One');
    await prov.getByRole('button', { name: '登録する' }).click();
    await expect(prov.getByText('接続用のトークン（今だけ表示）')).toBeVisible();
    await expect(prov.getByText('/api/v1/ingest')).toBeVisible();
    token = (await prov.getByTestId('token-value').innerText()).trim();
    expect(token.length).toBeGreaterThan(20);
    await screenshot(prov, 'provider-sensor-token');
  });

  await test.step('the sensor reports a malware detection over HTTPS', async () => {
    const api = await playwrightRequest.newContext({ baseURL });
    const event = {
      '@timestamp': new Date().toISOString(),
      event: { kind: 'alert', category: 'malware', action: 'detected', outcome: 'success' },
      host: { name: 'keiri-pc01' },
      file: { name: '請求書.pdf.exe' },
      observer: { vendor: 'Trend Micro', type: 'antivirus' },
    };
    const blocked = {
      '@timestamp': new Date().toISOString(),
      event: { kind: 'alert', category: 'malware', action: 'quarantined' },
      host: { name: 'soumu-pc02' },
      file: { name: 'setup.exe' },
    };
    const res = await api.post('/api/v1/ingest', {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      // The third line is cut short, as a misconfigured device might send it.
      data: `${JSON.stringify(event)}\n${JSON.stringify(blocked)}\n{"event": {"kind": "alert"`,
    });
    expect(res.status()).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, rejected: [{ line: 3, reason: 'invalid_json' }] });
    await api.dispose();
  });

  await test.step('the sensor page shows what arrived and the line that could not be read', async () => {
    const row = prov.getByTestId('sensor-row').filter({ hasText: '経理部のウイルス対策ソフト' });
    await expect(async () => {
      await prov.reload();
      await expect(row.getByTestId('sensor-traffic')).toContainText('直近24時間で 2 件', { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText('正常に動いています');
    const failure = row.getByTestId('parse-failure');
    await expect(failure).toContainText('JSON として読めない');
    await expect(failure).toContainText('1 行');
    await expect(failure).toContainText('{"event": {"kind": "alert"');
    await screenshot(prov, 'provider-sensor-health');
  });

  await test.step('the analyst finds it in the queue, takes it and triages it', async () => {
    await prov.goto(`/orgs/${providerOrgId}/monitoring`);
    await expect(prov.getByRole('heading', { level: 1, name: '対応キュー' })).toBeVisible();
    const row = prov.getByTestId('queue-row').filter({ hasText: 'ウイルスを検知（未ブロック）' });
    await expect(async () => {
      await prov.reload();
      await expect(row).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText(owner.orgName);
    await expect(row).toContainText('keiri-pc01');
    await screenshot(prov, 'provider-queue');
    await row.getByRole('link', { name: '開く' }).click();
    await expect(prov.getByRole('heading', { level: 1, name: 'ウイルスを検知（未ブロック）' })).toBeVisible();
    await prov.getByRole('button', { name: '自分が担当する' }).click();
    await expect(prov.getByText(`担当者：${analystName}`)).toBeVisible();
    await prov.getByRole('button', { name: '判定する' }).click();
    const dialog = prov.getByRole('dialog', { name: 'この件を判定する' });
    await dialog.getByLabel('本物の攻撃・異常').check();
    await dialog
      .getByLabel('理由（あとで読む人にわかるように）')
      .fill('実行ファイルが二重拡張子。隔離されていない。');
    await dialog.getByRole('button', { name: '判定を記録' }).click();
    await expect(prov.getByText('「事業者が確認済み」にしました。')).toBeVisible();
    await prov.getByLabel('メモ', { exact: true }).fill('EDR のログを取得済み。感染範囲を確認中。');
    await prov.getByRole('button', { name: 'メモを追加' }).click();
    await expect(prov.getByText('EDR のログを取得済み。感染範囲を確認中。')).toBeVisible();
  });

  const since = Date.now();
  await test.step('the analyst contacts the customer', async () => {
    await prov.getByRole('button', { name: 'お客さまに連絡' }).click();
    const dialog = prov.getByRole('dialog', { name: 'お客さまに連絡する' });
    await dialog
      .getByLabel('私たちが行っていること（お客さま向けのやさしい言葉で）')
      .fill(
        '経理部のパソコンを遠隔でネットワークから切り離しました。ほかのパソコンに広がっていないか調べています。',
      );
    await dialog.getByRole('button', { name: 'メールを送る' }).click();
    await expect(prov.getByText('1 人にメールで連絡しました。')).toBeVisible();
    await expect(prov.getByRole('region', { name: 'これまでの経過' })).toContainText('ご連絡済み');
    await screenshot(prov, 'provider-incident');
  });

  let incidentLink = '';
  await test.step('the SME owner receives a mail a non-specialist understands', async () => {
    const mail = await waitForMail({ to: owner.email, subjectIncludes: 'ウイルスを検知', since });
    expect(mail.subject).toContain('重要度 高');
    expect(mail.subject).toContain(providerName);
    for (const part of [
      '■ 何が起きたか',
      '対象の機器（パソコン名など）：keiri-pc01',
      '■ どのくらい深刻か',
      '高い（すぐに対応が必要です）',
      '■ 今すぐお願いしたいこと',
      '1. 警告に表示されたパソコンのLANケーブルを抜き',
      '■ 私たち（',
      '遠隔でネットワークから切り離しました',
    ]) {
      expect(mail.text).toContain(part);
    }
    expect(mail.text).not.toContain('EDR のログを取得済み');
    incidentLink = extractLinks(mail.text).find((l) => l.includes('/monitoring/incidents/')) ?? '';
    expect(incidentLink).toContain(`/orgs/${owner.orgId}/monitoring/incidents/`);
  });

  await test.step('the SME owner sees it on the dashboard with what to do now', async () => {
    await sme.goto(`/orgs/${owner.orgId}/monitoring`);
    // The virus that got through comes first; the one the sensor stopped follows.
    await expect(sme.getByRole('heading', { name: '対応が必要なことが 2 件あります' })).toBeVisible();
    await expect(sme.getByTestId('open-incident').first()).toContainText('ウイルスを検知（未ブロック）');
    await expect(sme.getByTestId('open-incident').nth(1)).toContainText('ウイルスをブロック・隔離');
    const card = sme.getByTestId('open-incident').filter({ hasText: 'ウイルスを検知（未ブロック）' });
    await expect(card).toContainText('今すぐお願いしたいこと');
    await expect(card).toContainText('LANケーブルを抜き');
    await expect(card).toContainText('ご連絡済み');
    await expect(card).toContainText('担当の事業者が行っていること');
    await expect(card).toContainText('遠隔でネットワークから切り離しました');
    await expect(card).toContainText('対象の機器：keiri-pc01');
    await expect(sme.getByTestId('figure-malware')).toContainText('1');
    await expect(sme.getByText(`見守りの担当：${providerName}`)).toBeVisible();
    await screenshot(sme, 'sme-dashboard');
    await sme.goto(incidentLink);
    await expect(sme.getByRole('heading', { level: 1, name: 'ウイルスを検知（未ブロック）' })).toBeVisible();
    await expect(sme.getByText(`対応している事業者：${providerName}`)).toBeVisible();
    await expect(sme.getByText('EDR のログを取得済み')).toHaveCount(0);
    await expect(sme.getByRole('button', { name: '判定する' })).toHaveCount(0);
    await sme.getByLabel('メモ', { exact: true }).fill('LANケーブルを抜きました。');
    await sme.getByRole('button', { name: 'メモを追加' }).click();
    await expect(sme.getByText('LANケーブルを抜きました。')).toBeVisible();
    await screenshot(sme, 'sme-incident');
    await sme.goto('/dashboard');
    await expect(sme.getByTestId('monitoring-widget')).toContainText('対応が必要なこと：2 件');
  });

  await test.step('the same dashboard reads in English', async () => {
    await sme.goto(`/orgs/${owner.orgId}/monitoring`);
    await sme.getByRole('button', { name: 'English' }).click();
    await expect(sme.getByRole('heading', { level: 1, name: 'Monitoring overview' })).toBeVisible();
    await expect(sme.getByRole('heading', { name: '2 things need your action' })).toBeVisible();
    await expect(sme.getByTestId('open-incident').first()).toContainText('Malware detected, not blocked');
    await expect(sme.getByTestId('open-incident').first()).toContainText('What to do now');
    await screenshot(sme, 'sme-dashboard-en');
  });

  await providerCtx.close();
  await smeCtx.close();
});
