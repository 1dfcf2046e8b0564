import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModuleContext, ModuleManifest } from '../../kernel/module.ts';
import { createTestApp, type TestApp, type TestUser } from '../../kernel/testing/test-app.ts';
import { DIGEST_JOB, runWeeklyDigest } from './library.digest.ts';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.operatorCookie('digest-operator@example.test');
});
afterAll(() => t.close());
beforeEach(() => {
  t.mailer.sent.length = 0;
});

const runJob = () =>
  t.request({ method: 'POST', url: `/api/v1/admin/jobs/${DIGEST_JOB}/run`, headers: { cookie: operator } });

async function subscriber(locale: 'ja' | 'en' = 'ja'): Promise<{ user: TestUser; orgId: string }> {
  const user = await t.signUp({ locale });
  const org = await t.request({
    method: 'POST',
    url: '/api/v1/orgs',
    as: user,
    payload: { name: `${user.name} 商店`, kind: 'sme', prefecture: '27', industry: 'E', employees: '6-20' },
  });
  const orgId = org.json().id as string;
  const res = await t.request({ method: 'PUT', url: `/api/v1/orgs/${orgId}/newsletter`, as: user });
  expect(res.json().subscribed).toBe(true);
  return { user, orgId };
}

const addEntry = (id: string, title: string, titleEn = '') =>
  t.request({
    method: 'PUT',
    url: `/api/v1/admin/library/entries/${id}`,
    headers: { cookie: operator },
    payload: {
      category: 'guide',
      audiences: ['sme'],
      tags: ['basics'],
      title: { ja: title, en: titleEn },
      summary: { ja: '新しい資料です。', en: '' },
      body: { ja: '本文', en: '' },
      links: [{ label: { ja: '公式', en: '' }, url: 'https://www.example.go.jp/' }],
    },
  });

/** Digest mails only (the sign-up confirmation goes to the same address). */
const mailsTo = (email: string) =>
  t.mailer.sent.filter((m) => m.to === email && m.headers?.['List-Unsubscribe']);
const inAWeek = (d = new Date()) => new Date(d.getTime() + 7 * 24 * 60 * 60_000);

describe('weekly digest', () => {
  it('sends one mail with the new library pages, in Japanese, with one-click unsubscribe; never twice a week', async () => {
    const { user, orgId } = await subscriber('ja');
    expect((await addEntry('digest-new-guide', '週間メールで届く新しい手引き')).statusCode).toBe(200);

    expect((await runJob()).statusCode).toBe(204);
    const mails = mailsTo(user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as (typeof mails)[number];
    expect(mail.subject).toMatch(/^【Mamori】今週のセキュリティだより/);
    expect(mail.text).toContain(`${user.name} 様`);
    expect(mail.text).toContain(`「${user.name} 商店」向けに`);
    expect(mail.text).toContain('■ 資料室の新着（');
    expect(mail.text).toContain('［設定・調達ガイド］週間メールで届く新しい手引き');
    expect(mail.text).toContain('http://127.0.0.1:3999/library/digest-new-guide');
    expect(mail.text).toContain(`http://127.0.0.1:3999/orgs/${orgId}/newsletter`);
    expect(mail.html).toContain('週間メールで届く新しい手引き');
    const unsubscribe = /http:\/\/127\.0\.0\.1:3999\/newsletter\/unsubscribe\?token=[\w.-]+/.exec(
      mail.text,
    )?.[0];
    expect(unsubscribe).toBeTruthy();
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    // Same week: nothing more, however often the job runs.
    await runJob();
    await runJob();
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it('writes to each person in their own language', async () => {
    const { user } = await subscriber('en');
    await addEntry(
      'digest-english-guide',
      '英語の利用者向けの新しい手引き',
      'A new guide for English readers',
    );
    await runJob();
    const mail = mailsTo(user.email)[0];
    expect(mail?.subject).toMatch(/^\[Mamori\] This week's security news/);
    expect(mail?.text).toContain('New in the library (');
    expect(mail?.text).toContain('[Configuration and procurement guides] A new guide for English readers');
    expect(mail?.text).toContain('Unsubscribe (one click, no sign-in)');
  });

  it('skips a subscriber when there is nothing new', async () => {
    const { user } = await subscriber();
    // A week from now nothing has been added in the last seven days.
    const later = inAWeek(inAWeek());
    await runWeeklyDigest(t.app.mamori, later);
    expect(mailsTo(user.email)).toHaveLength(0);
  });

  it('collects every mounted module’s section, and one failing module does not stop the others', async () => {
    const { user, orgId } = await subscriber();
    const asked: string[] = [];
    const advisories: ModuleManifest = {
      id: 'advisories-test',
      routes: () => {},
      digest: async (_ctx, req) => {
        asked.push(`${req.orgId}:${req.lang}`);
        return req.userId === user.id
          ? { id: 'helpdesk.advisories', title: '注意喚起', items: [{ text: '偽の請求書メールに注意' }] }
          : null;
      },
    };
    const broken: ModuleManifest = {
      id: 'broken-test',
      routes: () => {},
      digest: async () => {
        throw new Error('boom');
      },
    };
    const ctx: ModuleContext = { ...t.app.mamori, modules: [advisories, broken, ...t.app.mamori.modules] };
    const later = inAWeek(inAWeek());
    await expect(runWeeklyDigest(ctx, later)).rejects.toThrow(/library.weekly-digest: \d+ problem/);
    expect(asked).toContain(`${orgId}:ja`);
    const mail = mailsTo(user.email)[0];
    expect(mail?.text).toContain('■ 注意喚起（1件）\n・偽の請求書メールに注意');
  });

  it('unsubscribes through the mail link: GET asks, POST stops, the next week sends nothing', async () => {
    const { user, orgId } = await subscriber();
    await addEntry('digest-unsubscribe-guide', '配信停止の確認用の手引き');
    await runJob();
    const mail = mailsTo(user.email)[0];
    const link = new URL(/http:\/\/\S+newsletter\/unsubscribe\?token=\S+/.exec(mail?.text ?? '')?.[0] ?? '');

    const page = await t.request({ method: 'GET', url: link.pathname + link.search });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('配信を停止する');
    expect(page.body).not.toContain(user.email); // masked
    // Opening the page changes nothing.
    const still = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/newsletter`, as: user });
    expect(still.json().subscribed).toBe(true);

    // What a mail program does for RFC 8058 one-click: a form POST to the List-Unsubscribe address.
    const post = await t.request({
      method: 'POST',
      url: link.pathname + link.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('停止しました');
    const after = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/newsletter`, as: user });
    expect(after.json().subscribed).toBe(false);

    await addEntry('digest-after-unsubscribe', '停止後に追加された手引き');
    t.mailer.sent.length = 0;
    await runWeeklyDigest(t.app.mamori, inAWeek());
    expect(mailsTo(user.email)).toHaveLength(0);

    const again = await t.request({ method: 'POST', url: link.pathname + link.search });
    expect(again.body).toContain('すでに停止しています');
    const audit = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit?action=library.newsletter.unsubscribe_link',
      headers: { cookie: operator },
    });
    expect(audit.json().items.some((a: { actorEmail: string }) => a.actorEmail === user.email)).toBe(true);
  });

  it('refuses a forged or broken link', async () => {
    const res = await t.request({ method: 'POST', url: '/newsletter/unsubscribe?token=dXNlcg.forged' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('このリンクは使えません');
    expect((await t.request({ method: 'GET', url: '/newsletter/unsubscribe' })).statusCode).toBe(404);
  });

  it('stops writing to someone who left the organisation', async () => {
    const { user, orgId } = await subscriber();
    const owner = await t.signUp();
    // The subscriber hands the organisation over and leaves: make a second owner, then remove themselves.
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: owner.email, role: 'owner' },
      as: user,
    });
    await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: owner });
    const members = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/members`, as: owner });
    const me = members.json().members.find((m: { userId: string }) => m.userId === user.id);
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/members/${me.id}`,
      as: owner,
    });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    // The new owner subscribes too, so the run below does send — just not to the one who left.
    await t.request({ method: 'PUT', url: `/api/v1/orgs/${orgId}/newsletter`, as: owner });
    await addEntry('digest-after-leaving', '退会後に追加された手引き');
    await runJob();
    expect(mailsTo(owner.email)).toHaveLength(1);
    expect(mailsTo(user.email)).toHaveLength(0);
  });
});
