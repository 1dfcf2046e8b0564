import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLink } from '../../kernel/testing/memory-mailer.ts';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';
import type { Answer } from './diagnosis.bank.ts';
import { scoreDto } from './diagnosis.schema.ts';
import { sendReviewReminders } from './diagnosis.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sheet = (a: Answer, over: Record<number, Answer> = {}) =>
  Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), over[i + 1] ?? a]));

async function save(user: TestUser, orgId: string, answers: Record<string, string>) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/diagnoses`,
    payload: { answers },
    as: user,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('GET /api/v1/diagnosis/questions', () => {
  it('lists 25 questions in 3 parts with the 4 choices, in the request language', async () => {
    const ja = (await t.request({ method: 'GET', url: '/api/v1/diagnosis/questions' })).json();
    expect(ja.version).toBeTruthy();
    expect(ja.choices).toEqual([
      { value: 'yes', points: 4, label: '実施している' },
      { value: 'partial', points: 2, label: '一部実施している' },
      { value: 'no', points: 0, label: '実施していない' },
      { value: 'unknown', points: -1, label: 'わからない' },
    ]);
    expect(ja.parts.map((p: { id: string; items: unknown[] }) => [p.id, p.items.length])).toEqual([
      ['basic', 5],
      ['employee', 13],
      ['organization', 7],
    ]);
    expect(ja.parts[0].items[0]).toMatchObject({ no: 1, learningTheme: 'updates' });
    expect(ja.parts[0].items[0].text).toMatch(/か？$/);
    const en = (await t.request({ method: 'GET', url: '/api/v1/diagnosis/questions?lang=en' })).json();
    expect(en.choices[3].label).toBe("Don't know");
  });
});

describe('POST /api/v1/diagnosis/score (no account)', () => {
  it('scores, bands and explains the weak items', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/diagnosis/score',
      payload: { answers: sheet('yes', { 1: 'no', 7: 'partial', 20: 'unknown' }) },
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ total: 100 - 4 - 2 - 5, max: 100, band: 'mostly' });
    expect(r.parts).toEqual([
      expect.objectContaining({ id: 'basic', score: 16, max: 20 }),
      expect.objectContaining({ id: 'employee', score: 50, max: 52 }),
      expect.objectContaining({ id: 'organization', score: 23, max: 28 }),
    ]);
    expect(r.weakItems.map((w: { no: number; answer: string }) => [w.no, w.answer])).toEqual([
      [1, 'no'],
      [7, 'partial'],
      [20, 'unknown'],
    ]);
    expect(r.weakItems[0].advice.length).toBeGreaterThan(10);
    // The route skips response re-validation for speed: the presenter must still match the schema.
    expect(scoreDto.strict().safeParse(r).success).toBe(true);
    expect(r.weakItems[0].actions.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      'a missing answer',
      (a: Record<string, unknown>) => delete a['7'],
      'answers.7',
      '設問 7 に回答してください。',
    ],
    ['a wrong value', (a: Record<string, unknown>) => (a['12'] = 'maybe'), 'answers.12', '設問 12 の回答は'],
    ['item 26', (a: Record<string, unknown>) => (a['26'] = 'yes'), 'answers', '26'],
    ['item 0', (a: Record<string, unknown>) => (a['0'] = 'yes'), 'answers', '0'],
  ])('answers 400 naming the item for %s', async (_label, mutate, field, text) => {
    const answers: Record<string, unknown> = sheet('yes');
    mutate(answers);
    const res = await t.request({ method: 'POST', url: '/api/v1/diagnosis/score', payload: { answers } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[field]).toContain(text);
  });

  it('answers 400 to a body without answers, or with answers as an array', async () => {
    for (const payload of [{}, { answers: ['yes'] }, { answers: null }]) {
      const res = await t.request({ method: 'POST', url: '/api/v1/diagnosis/score', payload });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('saved diagnoses', () => {
  it('saves, lists newest first, and compares with the previous one item by item', async () => {
    const { user, orgId } = await t.userWithOrg();
    const first = await save(user, orgId, sheet('partial'));
    expect(first).toMatchObject({ total: 50, band: 'insufficient' });
    const second = await save(user, orgId, sheet('partial', { 1: 'yes', 2: 'yes', 3: 'no' }));
    expect(second.total).toBe(50 + 2 + 2 - 2);

    const list = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/diagnoses`, as: user })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect(list.items[0].createdByName).toBe(user.name);

    const cmp = (
      await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/diagnoses/${second.id}/comparison`,
        as: user,
      })
    ).json();
    expect(cmp.previous).toMatchObject({ id: first.id, total: 50, delta: 2 });
    expect(cmp.previous.changedItems).toEqual([
      { no: 1, from: 'partial', to: 'yes' },
      { no: 2, from: 'partial', to: 'yes' },
      { no: 3, from: 'partial', to: 'no' },
    ]);
    expect(cmp.peers).toBeNull();

    const firstCmp = (
      await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/diagnoses/${first.id}/comparison`,
        as: user,
      })
    ).json();
    expect(firstCmp.previous).toBeNull();
  });

  it('lets employees read but not save', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const employee = await t.signUp();
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: employee.email, role: 'employee' },
      as: owner,
    });
    await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: employee });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/diagnoses`,
      payload: { answers: sheet('yes') },
      as: employee,
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/diagnoses`, as: employee })).statusCode,
    ).toBe(200);
  });
});

describe('peer comparison', () => {
  it('appears once 5 other organisations share industry and size, from their latest results', async () => {
    const mine = await t.userWithOrg();
    // userWithOrg puts every org in industry E, 6-20 staff; use another group to stay independent.
    const group = { industry: 'G', employees: '101-300' };
    await t.request({ method: 'PATCH', url: `/api/v1/orgs/${mine.orgId}`, payload: group, as: mine.user });
    const own = await save(mine.user, mine.orgId, sheet('partial'));

    const others: Array<{ user: TestUser; orgId: string }> = [];
    for (let i = 0; i < 5; i++) {
      const o = await t.userWithOrg();
      await t.request({ method: 'PATCH', url: `/api/v1/orgs/${o.orgId}`, payload: group, as: o.user });
      others.push(o);
    }
    const url = `/api/v1/orgs/${mine.orgId}/diagnoses/${own.id}/comparison`;
    // Old results do not count: the first other org answers twice, only its latest (0) counts.
    const [first, , , , last] = others as [typeof mine, typeof mine, typeof mine, typeof mine, typeof mine];
    await save(first.user, first.orgId, sheet('yes'));
    await save(first.user, first.orgId, sheet('no'));
    for (const o of others.slice(1, 4)) await save(o.user, o.orgId, sheet('yes'));
    let cmp = (await t.request({ method: 'GET', url, as: mine.user })).json();
    expect(cmp.peers).toBeNull();
    expect(cmp.peerCount).toBe(4);

    await save(last.user, last.orgId, sheet('partial'));
    cmp = (await t.request({ method: 'GET', url, as: mine.user })).json();
    // Others: 0, 100, 100, 100, 50 → average 70; mine is 50: one below, one tie → (1 + 0.5) / 5 = 30 %.
    expect(cmp.peers).toEqual({ industry: 'G', employees: '101-300', count: 5, average: 70, percentile: 30 });
  });
});

describe('improvement plan', () => {
  it('assigns a weak item to a member, mails them, and reminds them on the review date', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const p = await t.signUp();
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: p.email, role: 'practitioner' },
      as: owner,
    });
    await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: p });

    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/improvement-tasks`,
      payload: {
        itemNo: 11,
        title: '週に一度のバックアップを決める',
        assigneeUserId: p.id,
        dueDate: '2020-01-31',
        reviewDate: '2020-03-01',
      },
      as: owner,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ itemNo: 11, assigneeName: p.name, status: 'open', overdue: true });
    const assigned = t.mailer.lastTo(p.email);
    expect(assigned.subject).toContain('週に一度のバックアップを決める');
    expect(firstLink(assigned.text)).toContain(`/orgs/${orgId}/diagnosis`);

    const before = t.mailer.sent.length;
    expect(
      await sendReviewReminders(t.app.mamori, new Date('2020-03-01T09:00:00+09:00')),
    ).toBeGreaterThanOrEqual(1);
    const reminder = t.mailer.lastTo(p.email);
    expect(reminder.subject).toContain('見直しの日です');
    // Once per review date.
    const count = t.mailer.sent.length;
    await sendReviewReminders(t.app.mamori, new Date('2020-03-02T09:00:00+09:00'));
    expect(t.mailer.sent.length).toBe(count);
    expect(count).toBeGreaterThan(before);

    // The assignee may tick it done, but not rename it.
    const id = res.json().id;
    const rename = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/improvement-tasks/${id}`,
      payload: { title: 'x' },
      as: p,
    });
    expect(rename.statusCode).toBe(200); // practitioners are editors
    const done = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/improvement-tasks/${id}`,
      payload: { status: 'done' },
      as: p,
    });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
  });

  it('refuses an assignee from outside the organisation and impossible dates', async () => {
    const { user, orgId } = await t.userWithOrg();
    const outsider = await t.signUp();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/improvement-tasks`,
      payload: { itemNo: 3, title: 'x', assigneeUserId: outsider.id },
      as: user,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('assignee_not_member');
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/improvement-tasks`,
      payload: { itemNo: 3, title: 'x', dueDate: '2026-02-30' },
      as: user,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['dueDate']);
    const list = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/improvement-tasks`, as: user })
    ).json();
    expect(list.items).toEqual([]);
  });
});

describe('report and export', () => {
  it('renders a Japanese PDF whose text copies out and whose fonts render', async () => {
    const { user, orgId } = await t.userWithOrg();
    const d = await save(user, orgId, sheet('yes', { 2: 'no', 9: 'unknown' }));
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/diagnoses/${d.id}/report.pdf`,
      as: user,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-pdf-'));
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
    expect(text).toContain('情報セキュリティ自社診断 結果');
    expect(text).toContain(`${user.name}の会社`);
    expect(text).toContain('まず確かめる項目');
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toContain('NotoSansJP');
    const render = execFileSync('pdftoppm', ['-r', '30', '-png', file, path.join(dir, 'p')], {
      stdio: 'pipe',
    });
    expect(render.toString()).toBe('');
  });

  it('exports the history as CSV that Excel opens in Japanese', async () => {
    const { user, orgId } = await t.userWithOrg();
    await save(user, orgId, sheet('no'));
    const res = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/diagnoses.csv`, as: user });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF診断日時,合計点,判定')).toBe(true);
    expect(res.body.split('\r\n')[1]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,0,早急な対策が必要,0,0,0,実施していない/,
    );
  });
});

describe('operator statistics', () => {
  it('counts diagnoses, averages by industry, bands and the most often weak items', async () => {
    const cookie = await t.operatorCookie('stats-ops@example.test');
    const res = await t.request({ method: 'GET', url: '/api/v1/admin/diagnosis/stats', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.diagnoses).toBeGreaterThan(0);
    expect(s.byBand.length).toBeGreaterThan(0);
    expect(s.weakItems[0]).toEqual(
      expect.objectContaining({ no: expect.any(Number), topic: expect.any(String) }),
    );
    const { user } = await t.userWithOrg();
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/admin/diagnosis/stats', as: user })).statusCode,
    ).toBe(403);
  });
});

describe('tenancy', () => {
  it.each([
    [
      'save',
      (id: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${id}/diagnoses`,
        payload: { answers: sheet('yes') },
      }),
    ],
    ['list', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/diagnoses` })],
    ['csv', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/diagnoses.csv` })],
    ['tasks', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/improvement-tasks` })],
    [
      'create task',
      (id: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${id}/improvement-tasks`,
        payload: { itemNo: 1, title: 'x' },
      }),
    ],
  ])('%s: another organisation gets 404', async (_n, route) => {
    await expectForeignOrg404(t, route);
  });

  it('does not show one organisation’s diagnosis through another’s URL', async () => {
    const a = await t.userWithOrg();
    const b = await t.userWithOrg();
    const d = await save(b.user, b.orgId, sheet('yes'));
    for (const suffix of ['', '/comparison', '/report.pdf']) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${a.orgId}/diagnoses/${d.id}${suffix}`,
        as: a.user,
      });
      expect(res.statusCode).toBe(404);
    }
  });
});
