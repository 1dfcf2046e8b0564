import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';
import { loadContent } from './learning.content.ts';

const content = loadContent();
const rightAnswers = (themeId: string) =>
  Object.fromEntries((content.byId.get(themeId)?.questions ?? []).map((q) => [q.id, q.answer]));
const wrongAnswers = (themeId: string) =>
  Object.fromEntries(
    (content.byId.get(themeId)?.questions ?? []).map((q) => [
      q.id,
      q.choices.find((c) => c.id !== q.answer)?.id ?? 'a',
    ]),
  );

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function join(owner: TestUser, orgId: string, role = 'employee') {
  const u = await t.signUp();
  const inv = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/invitations`,
    payload: { email: u.email, role },
    as: owner,
  });
  await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: u });
  return u;
}

const attempt = (u: TestUser, orgId: string, themeId: string, answers: Record<string, string>) =>
  t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/learning/themes/${themeId}/attempts`,
    payload: { answers },
    as: u,
  });

describe('content', () => {
  it('has 25 themes, one per diagnosis item, each with 3–5 questions', () => {
    expect(content.themes.map((th) => th.item)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (const th of content.themes) expect(th.questions.length).toBeGreaterThanOrEqual(3);
  });

  it('renders Markdown without passing raw HTML through', async () => {
    const { renderMarkdown } = await import('./learning.content.ts');
    const html = renderMarkdown('**大事**です <script>alert(1)</script>');
    expect(html).toContain('<strong>大事</strong>');
    expect(html).not.toContain('<script>');
  });
});

describe('public themes', () => {
  it('lists the 25 themes with the diagnosis item each teaches', async () => {
    const list = (await t.request({ method: 'GET', url: '/api/v1/learning/themes' })).json();
    expect(list).toHaveLength(25);
    expect(list[2]).toMatchObject({ id: 'passwords', item: 3 });
  });

  it('serves a theme without its answers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/learning/themes/passwords' });
    const body = res.json();
    expect(body.scenarioHtml).toContain('<p>');
    expect(body.questions.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(body)).not.toMatch(/"answer"|"explanation"/);
    expect((await t.request({ method: 'GET', url: '/api/v1/learning/themes/nope' })).statusCode).toBe(404);
  });
});

describe('tests, progress and certificates', () => {
  it('recommends the weak items first, explains wrong answers, and completes on an all-correct retry', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const answers = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [String(i + 1), i === 10 ? 'no' : 'yes']),
    );
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/diagnoses`,
      payload: { answers },
      as: owner,
    });
    const employee = await join(owner, orgId);

    const progress = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/learning`, as: employee })
    ).json();
    expect(progress.themes[0]).toMatchObject({ id: 'backup', recommended: true });
    expect(progress.themes.filter((x: { recommended: boolean }) => x.recommended)).toHaveLength(1);

    const wrong = (await attempt(employee, orgId, 'backup', wrongAnswers('backup'))).json();
    expect(wrong.passed).toBe(false);
    expect(wrong.results[0]).toMatchObject({
      correct: false,
      answer: content.byId.get('backup')?.questions[0]?.answer,
    });
    expect(wrong.results[0].explanation.length).toBeGreaterThan(10);

    const right = (await attempt(employee, orgId, 'backup', rightAnswers('backup'))).json();
    expect(right).toMatchObject({ passed: true, correct: right.total });
    const after = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/learning`, as: employee })
    ).json();
    expect(after.completed).toBe(1);
    expect(after.themes[0]).toMatchObject({ id: 'backup', attempts: 2 });
    expect(after.themes[0].completedAt).toBeTruthy();

    const matrix = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/learning/matrix`, as: owner })
    ).json();
    expect(matrix.cells[employee.id].backup.completedAt).toBeTruthy();
    expect(matrix.members.find((m: { userId: string }) => m.userId === employee.id)).toMatchObject({
      completed: 1,
      started: true,
    });
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/learning/matrix`, as: employee }))
        .statusCode,
    ).toBe(403);
  });

  it('rejects malformed attempts with 400 and records nothing', async () => {
    const { user, orgId } = await t.userWithOrg();
    const partial = rightAnswers('passwords');
    delete partial.q1;
    for (const answers of [
      partial,
      { ...rightAnswers('passwords'), q9: 'a' },
      { ...rightAnswers('passwords'), q1: 'z' },
    ]) {
      const res = await attempt(user, orgId, 'passwords', answers);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)[0]).toMatch(/^answers\.q\d$/);
    }
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/learning/themes/passwords/attempts`,
      payload: { answers: 'abc' },
      as: user,
    });
    expect(bad.statusCode).toBe(400);
    const progress = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/learning`, as: user })
    ).json();
    expect(progress.themes.every((x: { attempts: number }) => x.attempts === 0)).toBe(true);
  });

  it('issues course and full certificates that verify publicly, with a Japanese PDF', async () => {
    const { user, orgId } = await t.userWithOrg();
    let last: { newCertificates: Array<{ code: string; course: string }> } = { newCertificates: [] };
    const issued: Array<{ code: string; course: string }> = [];
    for (const th of content.themes) {
      last = (await attempt(user, orgId, th.id, rightAnswers(th.id))).json();
      issued.push(...last.newCertificates);
    }
    expect(issued.map((c) => c.course).sort()).toEqual(['all', 'employee', 'owner']);
    const all = issued.find((c) => c.course === 'all') as { code: string };
    const pub = (await t.request({ method: 'GET', url: `/api/v1/certificates/${all.code}` })).json();
    expect(pub).toMatchObject({ code: all.code, name: user.name, course: 'all' });
    const page = await t.request({ method: 'GET', url: `/certificates/${all.code}` });
    expect(page.body).toContain(user.name);
    expect((await t.request({ method: 'GET', url: '/certificates/MC-XXXXX-XXXXX' })).statusCode).toBe(404);

    const pdf = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/learning/certificates/${all.code}/pdf`,
      as: user,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-cert-'));
    writeFileSync(path.join(dir, 'c.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'c.pdf'), '-']).toString();
    expect(text).toMatch(/修\s*了\s*証/);
    expect(text).toContain(all.code);
    expect(execFileSync('pdfinfo', [path.join(dir, 'c.pdf')]).toString()).toMatch(/Pages:\s+1\n/);
  }, 60_000);

  it('reminds members who have not started, by e-mail', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const lazy = await join(owner, orgId);
    const busy = await join(owner, orgId);
    await attempt(busy, orgId, 'updates', wrongAnswers('updates'));
    const res = (
      await t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/learning/reminders`, as: owner })
    ).json();
    expect(res.sent).toBe(2); // the owner and the lazy employee
    expect(t.mailer.lastTo(lazy.email).subject).toContain('学習');
    expect(t.mailer.sent.some((m) => m.to === busy.email && m.subject.includes('学習を始め'))).toBe(false);
  });
});

describe('tenancy', () => {
  it.each([
    ['progress', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/learning` })],
    ['matrix', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/learning/matrix` })],
    [
      'attempt',
      (id: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${id}/learning/themes/updates/attempts`,
        payload: { answers: {} },
      }),
    ],
    [
      'reminders',
      (id: string) => ({ method: 'POST' as const, url: `/api/v1/orgs/${id}/learning/reminders` }),
    ],
  ])('%s: another organisation gets 404', async (_n, route) => {
    await expectForeignOrg404(t, route);
  });
});
