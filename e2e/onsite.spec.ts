// 駆け付け and 簡易サイバー保険 in the browser: a real incident from the monitoring pipeline, the SME
// owner asks for an engineer, the provider's analyst schedules, arrives and records work and costs,
// the owner confirms, and the analyst prepares an insurance claim with those costs and exports its PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  expect,
  mailLink,
  newJaContext,
  signUpAndConfirm,
  signUpAndCreateOrg,
  suffix,
  test,
  uniqueEmail,
  waitForMail,
} from './support/index.ts';

async function postJson(req: APIRequestContext, url: string, data: unknown) {
  const res = await req.post(url, { data });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** Waits (through the API) for the detection pipeline to turn the event into an incident. */
async function incidentOf(req: APIRequestContext, orgId: string): Promise<string> {
  let id: string | null = null;
  await expect
    .poll(
      async () => {
        const res = await req.get(`/api/v1/orgs/${orgId}/alerts`);
        const body = (await res.json()) as { items: { incidentId: string | null }[] };
        id = body.items.find((a) => a.incidentId)?.incidentId ?? null;
        return id;
      },
      { timeout: 30_000, message: 'an incident from the ingested malware event' },
    )
    .not.toBeNull();
  return id as unknown as string;
}

async function shot(page: Page, path: string) {
  await page.screenshot({ path, fullPage: true });
}

test('an SME gets an engineer on site for a real incident, confirms the work, and the provider claims the costs from the insurer', async ({
  browser,
  baseURL,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const id = suffix();

  // The provider: a manager who creates the provider organisation and an analyst who joins it.
  const providerCtx = await newJaContext(browser, baseURL);
  const manager = await providerCtx.newPage();
  const managerEmail = uniqueEmail('manager');
  await signUpAndConfirm(manager, `見守 管理${id}`, managerEmail);
  const provider = await postJson(manager.request, '/api/v1/orgs', {
    name: `お助けセキュリティ ${id}`,
    kind: 'provider',
    prefecture: '27',
    industry: 'G',
    employees: '21-50',
  });

  const analystCtx = await newJaContext(browser, baseURL);
  const analyst = await analystCtx.newPage();
  const analystEmail = uniqueEmail('analyst');
  await signUpAndConfirm(analyst, `分析 花子${id}`, analystEmail);
  const invitation = await postJson(manager.request, `/api/v1/orgs/${provider.id}/invitations`, {
    email: analystEmail,
    role: 'analyst',
  });
  await postJson(analyst.request, `/api/v1/invitations/${invitation.id}/accept`, {});

  // The SME: its owner signs up through the UI and entrusts its monitoring to the provider.
  const smeCtx = await newJaContext(browser, baseURL);
  const owner = await smeCtx.newPage();
  const sme = await signUpAndCreateOrg(owner);
  await postJson(owner.request, `/api/v1/orgs/${sme.orgId}/providers`, { providerOrgId: provider.id });

  // The provider registers the SME's sensor; the sensor reports malware; the pipeline makes an incident.
  const sensor = await postJson(analyst.request, `/api/v1/orgs/${sme.orgId}/sensors`, {
    name: '事務所のEDR',
    kind: 'edr',
  });
  const ingest = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
    data: `${JSON.stringify({
      '@timestamp': new Date().toISOString(),
      event: { kind: 'alert', category: 'malware', action: 'detected' },
      host: { name: 'jimu-pc-03' },
    })}\n`,
  });
  expect(ingest.status()).toBe(202);
  const incidentId = await incidentOf(owner.request, sme.orgId);

  // The owner opens the on-site page, picks the incident the monitoring found, and asks for an engineer.
  await owner.goto(`/orgs/${sme.orgId}/onsite`);
  await expect(owner.getByRole('heading', { level: 1, name: '駆け付け・サイバー保険' })).toBeVisible();
  await owner.getByRole('link', { name: '駆け付けを依頼する' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: '駆け付けを依頼する' })).toBeVisible();
  await owner.getByRole('combobox', { name: '関連するインシデント（任意）' }).click();
  await owner.getByRole('option', { name: /ウイルスを検知（未ブロック）/ }).click();
  await owner
    .getByLabel('困っていること')
    .fill('事務所のパソコンでウイルスが見つかったと連絡がありました。見てほしいです。');
  await owner.getByLabel('訪問先の住所').fill('大阪府大阪市北区梅田1-1-1 まもりビル3階');
  await owner.getByLabel('現地で対応する人').fill('総務 佐藤');
  await owner.getByLabel('電話番号').fill('06-1234-5678');
  await shot(owner, testInfo.outputPath('1-request.png'));
  const requestedAt = Date.now();
  await owner.getByRole('button', { name: '依頼する' }).click();
  await expect(owner).toHaveURL(new RegExp(`/orgs/${sme.orgId}/onsite/dispatches/[0-9a-f-]+$`));
  await expect(owner.getByText('依頼済み（日程調整中）').first()).toBeVisible();
  await expect(owner.getByText('ウイルスを検知（未ブロック）')).toBeVisible();
  await expect(owner.getByText('事業者が技術者と訪問日時を調整しています')).toBeVisible();
  const dispatchUrl = new URL(owner.url()).pathname;

  // The incident moved to the on-site step of its workflow.
  const incidentAfter = await owner.request.get(`/api/v1${dispatchUrl}`);
  expect((await incidentAfter.json()).incident).toMatchObject({ id: incidentId, status: 'onsite' });

  // Both provider staff hear of it; the analyst follows the mail's link and schedules the visit.
  const requestMail = await waitForMail({
    to: managerEmail,
    subjectIncludes: '駆け付けの依頼',
    since: requestedAt,
  });
  expect(requestMail.text).toContain('まもりビル3階');
  const link = await mailLink({
    to: analystEmail,
    subject: '駆け付けの依頼',
    pathPart: '/onsite/dispatches/',
    since: requestedAt,
  });
  await analyst.goto(link);
  await expect(analyst.getByText('お客さまから依頼が届いています')).toBeVisible();
  await analyst.getByLabel('担当の技術者の名前').fill('田中 一郎');
  await analyst.getByRole('textbox', { name: '訪問日時', exact: true }).fill('2026-11-25T14:00');
  await analyst
    .getByLabel('お客さまへの連絡事項（任意）')
    .fill('受付で「お助けセキュリティの田中」とお呼びください。');
  await analyst.getByRole('button', { name: '技術者と訪問日時を登録する' }).click();
  await expect(analyst.getByText('訪問日時が決定').first()).toBeVisible();
  const when = await waitForMail({ to: sme.email, subjectIncludes: '技術者の訪問日時が決まりました' });
  expect(when.subject).toContain('2026年11月25日(水) 14:00');
  expect(when.text).toContain('田中 一郎 さん');
  expect(when.text).toContain('電源を切らず');

  // On site: arrival, then the work with its time and costs.
  await analyst.getByRole('button', { name: '到着を記録する' }).click();
  await expect(analyst.getByText('現地で作業中').first()).toBeVisible();
  await analyst
    .getByRole('textbox', { name: '行った作業', exact: true })
    .fill(
      '感染したパソコンをネットワークから切り離し、ウイルスを駆除しました。ほかのパソコンに広がっていないことも確認しました。',
    );
  await analyst.getByLabel('作業時間（時間）').fill('2.5');
  await analyst.getByLabel('費用 1: 内容').fill('技術者派遣費（2.5時間）');
  await analyst.getByLabel('費用 1: 金額').fill('15000');
  await analyst.getByRole('button', { name: '費用を追加する' }).click();
  await analyst.getByLabel('費用 2: 内容').fill('交通費');
  await analyst.getByLabel('費用 2: 金額').fill('1200');
  await shot(analyst, testInfo.outputPath('2-work-form.png'));
  await analyst.getByRole('button', { name: '作業の内容と費用を記録する' }).click();
  await expect(analyst.getByText('作業完了（確認待ち）').first()).toBeVisible();

  // The owner is asked to confirm, reads what was done and what it cost, and confirms.
  const doneMail = await waitForMail({ to: sme.email, subjectIncludes: '内容のご確認をお願いします' });
  expect(doneMail.text).toContain('作業時間: 2時間30分');
  expect(doneMail.text).toContain('費用の合計: 16,200円');
  const confirmLink = await mailLink({
    to: sme.email,
    subject: '内容のご確認をお願いします',
    pathPart: '/onsite/dispatches/',
  });
  await owner.goto(confirmLink);
  await expect(owner.getByText('16,200円').first()).toBeVisible();
  await expect(owner.getByText('作業が終わりました。下の内容と費用を確認して')).toBeVisible();
  await shot(owner, testInfo.outputPath('3-confirm.png'));
  await owner.setViewportSize({ width: 390, height: 844 });
  await shot(owner, testInfo.outputPath('3-confirm-phone.png'));
  await owner.setViewportSize({ width: 1280, height: 800 });
  await owner.getByLabel('ひとこと（任意）').fill('丁寧に説明していただき安心しました。');
  await owner.getByRole('button', { name: '作業の完了を確認する' }).click();
  await expect(owner.getByText('完了を確認済み').first()).toBeVisible();
  await waitForMail({ to: analystEmail, subjectIncludes: '駆け付けの完了を確認しました' });

  // The analyst prepares the insurance claim from the dispatch, with its costs pulled in.
  await analyst.reload();
  await expect(analyst.getByText('完了を確認済み').first()).toBeVisible();
  await analyst.getByRole('link', { name: '保険請求を作成する' }).click();
  await expect(analyst.getByRole('heading', { level: 1, name: '保険請求の記録を作成する' })).toBeVisible();
  await expect(analyst.getByLabel('この駆け付けの費用を「補償対象の費用」に取り込む')).toBeChecked();
  await analyst.getByRole('textbox', { name: '保険会社', exact: true }).fill('まもり損害保険株式会社');
  await analyst.getByLabel('証券番号').fill('CY-2026-004417');
  await analyst.getByLabel('事故（被害）の日').fill('2026-11-22');
  await analyst
    .getByRole('group', { name: 'その他の費用（補償対象外）' })
    .getByRole('button', { name: '費用を追加する' })
    .click();
  await analyst.getByLabel('その他の費用（補償対象外） 1: 内容').fill('社内の残業代');
  await analyst.getByLabel('その他の費用（補償対象外） 1: 金額').fill('8000');
  await shot(analyst, testInfo.outputPath('4-claim-form.png'));
  await analyst.getByRole('button', { name: '下書きとして保存する' }).click();
  await expect(analyst).toHaveURL(new RegExp(`/orgs/${sme.orgId}/onsite/claims/[0-9a-f-]+$`));
  await expect(analyst.getByText('技術者派遣費（2.5時間）')).toBeVisible();
  await expect(analyst.getByText('16,200円').first()).toBeVisible();

  // Evidence: the engineer's report as a text file.
  const evidence = testInfo.outputPath('作業報告.txt');
  writeFileSync(evidence, '2026-11-25 14:05 到着。感染端末 jimu-pc-03 を隔離。\n');
  const chooser = analyst.waitForEvent('filechooser');
  await analyst.getByRole('button', { name: 'ファイルを追加する' }).click();
  await (await chooser).setFiles(evidence);
  await expect(analyst.getByRole('link', { name: '作業報告.txt' })).toBeVisible();
  await shot(analyst, testInfo.outputPath('4-claim.png'));

  // The PDF for the insurer, with the dispatch's costs in it.
  const download = analyst.waitForEvent('download');
  await analyst.getByRole('link', { name: 'PDF（日本語）' }).click();
  const pdfPath = testInfo.outputPath('claim.pdf');
  await (await download).saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const s of [
    'サイバー保険 請求記録',
    'まもり損害保険株式会社',
    'CY-2026-004417',
    '技術者派遣費（2.5時間）（駆け付けの記録から）',
    '15,000円',
    '16,200円',
    '社内の残業代',
    '田中 一郎',
    '作業報告.txt',
    sme.orgName,
  ]) {
    expect(text, s).toContain(s);
  }

  // Submitted to the insurer: the owner is told in plain words, and can read the claim.
  await analyst
    .getByLabel('コメント（任意。お客さまへのメールにも載ります）')
    .fill('本日、保険会社に郵送しました。');
  await analyst.getByRole('button', { name: '保険会社に提出した' }).click();
  await expect(analyst.getByText('保険会社に提出済み').first()).toBeVisible();
  const claimMail = await waitForMail({
    to: sme.email,
    subjectIncludes: 'サイバー保険の請求を保険会社に提出しました',
  });
  expect(claimMail.text).toContain('請求額（補償の対象）: 16,200円');
  const claimLink = await mailLink({
    to: sme.email,
    subject: 'サイバー保険の請求',
    pathPart: '/onsite/claims/',
  });
  await owner.goto(claimLink);
  await expect(owner.getByText('事業者が保険会社に請求を提出しました')).toBeVisible();
  await expect(owner.getByRole('button', { name: '内容を変更する' })).toHaveCount(0);
  await shot(owner, testInfo.outputPath('5-claim-sme.png'));

  // The owner's list shows both records.
  await owner.goto(`/orgs/${sme.orgId}/onsite`);
  await expect(owner.getByRole('tabpanel', { name: '駆け付け' }).getByText('完了を確認済み')).toBeVisible();
  await owner.getByRole('tab', { name: '保険請求' }).click();
  const claimsTab = owner.getByRole('tabpanel', { name: '保険請求' });
  await expect(claimsTab.getByText('まもり損害保険株式会社')).toBeVisible();
  await expect(claimsTab.getByText('保険会社に提出済み')).toBeVisible();
  await shot(owner, testInfo.outputPath('6-list-sme.png'));
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.reload();
  await expect(
    owner.getByRole('tabpanel', { name: '保険請求' }).getByText('まもり損害保険株式会社'),
  ).toBeVisible();
  await shot(owner, testInfo.outputPath('6-list-sme-phone.png'));
  await owner.goto(claimLink);
  await expect(owner.getByText('事業者が保険会社に請求を提出しました')).toBeVisible();
  await shot(owner, testInfo.outputPath('6-claim-sme-phone.png'));
  await owner.goto(`/orgs/${sme.orgId}/onsite/dispatches/new`);
  await expect(owner.getByRole('heading', { level: 1, name: '駆け付けを依頼する' })).toBeVisible();
  await shot(owner, testInfo.outputPath('6-request-phone.png'));
  // The same records read in English once the owner switches the language.
  await owner.setViewportSize({ width: 1280, height: 800 });
  await owner.goto(confirmLink);
  await owner.getByRole('button', { name: 'English', exact: true }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'On-site support' })).toBeVisible();
  await expect(owner.getByText('Confirmed').first()).toBeVisible();
  await expect(owner.getByText('¥16,200')).toBeVisible();
  await shot(owner, testInfo.outputPath('8-dispatch-en.png'));

  await manager.goto(`/orgs/${provider.id}/onsite`);
  await expect(manager.getByRole('tabpanel', { name: '駆け付け' }).getByText(sme.orgName)).toBeVisible();
  await shot(manager, testInfo.outputPath('7-list-provider.png'));

  await providerCtx.close();
  await analystCtx.close();
  await smeCtx.close();
});
