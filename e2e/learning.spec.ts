// Browser tests for ポイント学習 (src/modules/learning/ui), in the Japanese UI: an employee learns the
// theme the organisation's diagnosis recommends (fails the test once, then passes), the owner sees it
// in everyone's progress, and finishing the employee course issues a certificate anyone can verify.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { parse } from 'yaml';
import {
  acceptInvitation,
  expect,
  invite,
  mainNav,
  newJaContext,
  type Owner,
  signUpAndCreateOrg,
  signUpFromInvitation,
  suffix,
  test,
  uniqueEmail,
  waitForMail,
} from './support/index.ts';

const CONTENT = resolve(import.meta.dirname, '../content/learning');

interface ThemeFile {
  id: string;
  item: number;
  title: { ja: string };
  questions: Array<{
    id: string;
    text: { ja: string };
    choices: Array<{ id: string; text: { ja: string } }>;
    answer: string;
    explanation: { ja: string };
  }>;
}

function theme(id: string): ThemeFile {
  return parse(readFileSync(resolve(CONTENT, 'themes', `${id}.yaml`), 'utf8')) as ThemeFile;
}

function courseThemes(courseId: string): string[] {
  const file = parse(readFileSync(resolve(CONTENT, 'courses.yaml'), 'utf8')) as {
    courses: Array<{ id: string; themes: string[] }>;
  };
  const course = file.courses.find((c) => c.id === courseId);
  expect(course, `course ${courseId} in content/learning/courses.yaml`).toBeTruthy();
  return (course as { themes: string[] }).themes;
}

/** The right choice's text, or (wrong) the first choice that is not right. */
function choiceText(q: ThemeFile['questions'][number], right: boolean): string {
  const c = right ? q.choices.find((x) => x.id === q.answer) : q.choices.find((x) => x.id !== q.answer);
  return (c as { text: { ja: string } }).text.ja;
}

/** Answers the 確認テスト on a lesson page by clicking; `wrong` lists question ids to get wrong. */
async function answerQuiz(page: Page, th: ThemeFile, wrong: string[] = []) {
  const submit = page.getByRole('button', { name: '答え合わせをする' });
  await expect(submit).toBeDisabled();
  for (const q of th.questions) {
    const group = page.getByRole('radiogroup', { name: q.text.ja });
    const radio = group.getByRole('radio', { name: choiceText(q, !wrong.includes(q.id)), exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }
  await expect(page.getByText('すべて答えました。答え合わせをしましょう。')).toBeVisible();
  await submit.click();
}

/** The mark (正解 / 不正解) and the 解説 panel shown under question `q` after 答え合わせ. */
function questionResult(page: Page, q: ThemeFile['questions'][number]) {
  const box = page
    .locator('.learn-question')
    .filter({ has: page.getByRole('radiogroup', { name: q.text.ja }) });
  return {
    mark: page.getByTestId(`mark-${q.id}`),
    explanation: box.getByRole('alert').filter({ hasText: '解説' }),
  };
}

/** All 25 answers 実施している except item 11 (backup) 実施していない: 96 points. */
function diagnosisAnswers(): Record<string, string> {
  const answers: Record<string, string> = {};
  for (let no = 1; no <= 25; no++) answers[String(no)] = no === 11 ? 'no' : 'yes';
  return answers;
}

/** Passes a theme through the API, as the member signed in to `request`'s browser. */
async function passByApi(request: APIRequestContext, orgId: string, th: ThemeFile) {
  const answers = Object.fromEntries(th.questions.map((q) => [q.id, q.answer]));
  const res = await request.post(`/api/v1/orgs/${orgId}/learning/themes/${th.id}/attempts`, {
    data: { answers },
  });
  expect(res.status(), `POST attempts for ${th.id}`).toBe(200);
  const body = (await res.json()) as { passed: boolean; newCertificates: unknown[] };
  expect(body.passed, `${th.id} passed`).toBe(true);
  return body;
}

/** The owner's organisation with a saved diagnosis whose only weak item is 11, and an employee who joined. */
async function orgWithEmployee(page: Page, browser: Browser, baseURL?: string) {
  const owner: Owner = await signUpAndCreateOrg(page);
  const saved = await page.request.post(`/api/v1/orgs/${owner.orgId}/diagnoses`, {
    data: { answers: diagnosisAnswers() },
  });
  expect(saved.status(), 'POST diagnoses').toBe(201);
  expect(((await saved.json()) as { total: number }).total).toBe(96);

  const employee = { name: `佐藤 花子${suffix()}`, email: uniqueEmail('employee') };
  await mainNav(page).getByRole('link', { name: 'メンバー' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メンバー' })).toBeVisible();
  await invite(page, employee.email, '従業員');

  // The employee, in a browser of their own; the caller closes it.
  const context = await newJaContext(browser, baseURL);
  try {
    const p2 = await context.newPage();
    await signUpFromInvitation(p2, { orgName: owner.orgName, ...employee });
    await expect(p2.getByRole('definition').filter({ hasText: '従業員' })).toBeVisible();
    await acceptInvitation(p2, owner.orgName);
    await expect(
      p2.getByRole('region', { name: owner.orgName }).getByText('あなたの役割：従業員'),
    ).toBeVisible();
    return { owner, employee, context, p2 };
  } catch (err) {
    await context.close();
    throw err;
  }
}

test('an employee learns the recommended theme, fails once, passes; the owner sees it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two accounts, an invitation and a lesson taken twice
  const { owner, employee, context, p2 } = await orgWithEmployee(page, browser, baseURL);
  try {
    const backup = theme('backup');

    // The employee's learning page: backup (item 11, weak in the diagnosis) is recommended first.
    await mainNav(p2).getByRole('link', { name: 'ポイント学習' }).click();
    await expect(p2).toHaveURL(new RegExp(`/orgs/${owner.orgId}/learning$`));
    await expect(p2.getByRole('heading', { level: 1, name: 'ポイント学習' })).toBeVisible();
    await expect(p2.getByTestId('learn-completed')).toHaveText('0 / 25 テーマ修了');
    const recommended = p2.getByRole('region', { name: 'おすすめ（自社診断で弱かった項目）' });
    await expect(recommended).toBeVisible();
    const first = recommended.getByRole('article').first();
    await expect(first).toHaveAttribute('data-testid', 'theme-backup');
    await expect(first).toContainText('おすすめ');
    await expect(first).toContainText('診断項目 11');
    await expect(first).toContainText('未着手');
    // the employee may not see everyone's progress
    await expect(p2.getByRole('link', { name: 'みんなの学習状況を見る' })).toHaveCount(0);
    await first.getByRole('link', { name: backup.title.ja }).click();

    // The lesson.
    await expect(p2).toHaveURL(new RegExp(`/orgs/${owner.orgId}/learning/backup$`));
    await expect(p2.getByRole('heading', { level: 1, name: backup.title.ja })).toBeVisible();
    for (const h of ['場面', 'どこがいけなかったのか', 'ポイント', '確認テスト']) {
      await expect(p2.getByRole('heading', { level: 2, name: h, exact: true })).toBeVisible();
    }

    // First try: question 1 wrong.
    const [q1, ...rest] = backup.questions;
    if (!q1) throw new Error('backup has no questions');
    await answerQuiz(p2, backup, [q1.id]);
    const failed = p2.getByTestId('quiz-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText(`${backup.questions.length} 問中 ${rest.length} 問正解でした`);
    const r1 = questionResult(p2, q1);
    await expect(r1.mark).toHaveText('不正解');
    await expect(r1.explanation).toContainText(q1.explanation.ja.slice(0, 30));
    for (const q of rest) await expect(questionResult(p2, q).mark).toHaveText('正解');
    await expect(p2.getByTestId('quiz-passed')).toHaveCount(0);

    // Second try: all right.
    await p2.getByRole('button', { name: 'もう一度挑戦する' }).click();
    await expect(
      p2.getByRole('radiogroup', { name: q1.text.ja }).getByRole('radio', { checked: true }),
    ).toHaveCount(0);
    await answerQuiz(p2, backup);
    await expect(p2.getByTestId('quiz-passed')).toContainText('このテーマを修了しました');
    for (const q of backup.questions) await expect(questionResult(p2, q).mark).toHaveText('正解');
    await expect(p2.getByRole('button', { name: 'もう一度挑戦する' })).toHaveCount(0);
    await expect(p2.getByTestId('new-certificates')).toHaveCount(0);
    await expect(p2.getByText('修了 ✓')).toBeVisible();

    // Back on the list the theme is done.
    await p2.getByRole('link', { name: 'ポイント学習の一覧へ' }).first().click();
    await expect(p2.getByTestId('learn-completed')).toHaveText('1 / 25 テーマ修了');
    await expect(p2.getByTestId('theme-backup')).toContainText('修了 ✓');
  } finally {
    await context.close();
  }

  // The owner: everyone's progress.
  await mainNav(page).getByRole('link', { name: 'ポイント学習' }).click();
  await page.getByRole('link', { name: 'みんなの学習状況を見る' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${owner.orgId}/learning/progress$`));
  await expect(page.getByRole('heading', { level: 1, name: 'みんなの学習状況' })).toBeVisible();
  const table = page.getByRole('region', { name: /メンバーごとの学習状況の表/ }).getByRole('table');
  const headers = await table.getByRole('columnheader').allTextContents();
  const col = headers.findIndex((h) => h.includes(theme('backup').title.ja));
  expect(col, 'a column for the backup theme').toBeGreaterThan(1);
  const cell = (name: string) =>
    table
      .getByRole('row', { name: new RegExp(name) })
      .locator('th, td')
      .nth(col);
  await expect(cell(employee.name)).toHaveText(/^✓?修了$/);
  await expect(table.getByRole('row', { name: new RegExp(employee.name) })).toContainText('1 / 25');
  await expect(cell(owner.name)).toHaveText(/^未着手$/);

  // The owner has not started: remind them.
  const since = Date.now();
  await page.getByRole('button', { name: 'まだ始めていない人にリマインドを送る' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 人に送りました' })).toBeVisible();
  const reminder = await waitForMail({
    to: owner.email,
    subjectIncludes: 'セキュリティ学習を始めましょう',
    since,
  });
  expect(reminder.text).toContain(`/orgs/${owner.orgId}/learning`);
});

test('finishing the employee course issues a certificate that anyone can verify', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two accounts and fourteen themes
  const { owner, employee, context, p2 } = await orgWithEmployee(page, browser, baseURL);
  try {
    const course = courseThemes('employee');
    const last = theme(course.at(-1) as string);
    // All but the last theme through the API, from the employee's browser (same session cookie).
    for (const id of course.slice(0, -1)) {
      const r = await passByApi(p2.request, owner.orgId, theme(id));
      expect(r.newCertificates).toEqual([]);
    }

    await p2.goto(`/orgs/${owner.orgId}/learning`);
    await expect(p2.getByTestId('learn-completed')).toHaveText(`${course.length - 1} / 25 テーマ修了`);
    const card = p2.getByTestId('course-employee');
    await expect(card).toContainText(`${course.length - 1} / ${course.length} テーマ修了`);
    await expect(card.getByText('修了証あり')).toHaveCount(0);
    // the course card points at the theme that is left
    await card.getByRole('link', { name: `次は「${last.title.ja}」` }).click();
    await expect(p2).toHaveURL(new RegExp(`/orgs/${owner.orgId}/learning/${last.id}$`));

    await answerQuiz(p2, last);
    await expect(p2.getByTestId('quiz-passed')).toBeVisible();
    const notice = p2.getByTestId('new-certificates');
    await expect(notice).toContainText('おめでとうございます！修了証が発行されました');
    await expect(notice).toContainText('従業員コース');
    const code = (await notice.getByText(/^MC-/).textContent())?.trim() ?? '';
    expect(code).toMatch(/^MC-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const verify = notice.getByRole('link', { name: '確認ページを開く' });
    const href = await verify.getAttribute('href');
    expect(href).toBe(`/certificates/${code}`);
    // the PDF is there for the employee
    const pdf = await p2.request.get(
      (await notice
        .getByRole('link', { name: '修了証をダウンロード（PDF）' })
        .getAttribute('href')) as string,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The list shows the certificate too.
    await p2.getByRole('link', { name: 'ポイント学習の一覧へ' }).first().click();
    await expect(p2.getByTestId('course-employee').getByText('修了証あり')).toBeVisible();
    await expect(p2.getByRole('region', { name: '受け取った修了証' })).toContainText(code);

    // Anyone, signed out, can check the certificate.
    const stranger = await newJaContext(browser, baseURL);
    try {
      const p3 = await stranger.newPage();
      await p3.goto(href as string);
      await expect(p3.getByRole('heading', { level: 1, name: '修了証の確認' })).toBeVisible();
      await expect(p3.getByText('この修了証は Mamori が発行した有効なものです。')).toBeVisible();
      const field = (label: string) =>
        p3.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
      await expect(field('氏名')).toHaveText(employee.name);
      await expect(field('所属')).toHaveText(owner.orgName);
      await expect(field('修了した内容')).toHaveText('従業員コース');
      await expect(field('確認コード')).toHaveText(code);
    } finally {
      await stranger.close();
    }
  } finally {
    await context.close();
  }
});
