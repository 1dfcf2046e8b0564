import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectForeignOrg404, type TestApp } from '../../kernel/testing/test-app.ts';

let t: TestApp;
let opCookie = '';
beforeAll(async () => {
  t = await createTestApp();
  opCookie = await t.operatorCookie('dir-ops@example.test');
});
afterAll(() => t.close());

const profile = {
  name: '高橋 恵',
  kana: 'たかはし めぐみ',
  prefectures: ['27', '28'],
  qualifications: ['riss', 'smeca'],
  affiliation: '高橋情報セキュリティ事務所',
  email: 'takahashi@example.test',
  pr: '中小企業向けに、ランサムウェア対策や標的型メールの見分け方をわかりやすくお話しします。',
};

describe('security presenters', () => {
  it('apply → operator approves → the public finds them and asks for a seminar → the presenter answers', async () => {
    const user = await t.signUp();
    const applied = await t.request({
      method: 'PUT',
      url: '/api/v1/presenter/me',
      payload: profile,
      as: user,
    });
    expect(applied.json()).toMatchObject({ status: 'pending', name: profile.name });
    expect(t.mailer.lastTo('dir-ops@example.test').subject).toContain('セキュリティプレゼンターの申請');

    expect(
      (await t.request({ method: 'GET', url: '/api/v1/presenters?prefecture=27' })).json().items,
    ).toEqual([]);
    const approved = await t.request({
      method: 'POST',
      url: `/api/v1/admin/presenters/${applied.json().id}/review`,
      payload: { decision: 'approved' },
      headers: { cookie: opCookie },
    });
    expect(approved.json().status).toBe('approved');
    expect(t.mailer.lastTo(profile.email).subject).toContain('承認');

    const found = (
      await t.request({ method: 'GET', url: '/api/v1/presenters?prefecture=27&qualification=riss' })
    ).json().items;
    expect(found.map((p: { name: string }) => p.name)).toEqual([profile.name]);
    expect(found[0].qualifications[0]).toEqual({ id: 'riss', label: '情報処理安全確保支援士' });
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/presenters?prefecture=01' })).json().items,
    ).toEqual([]);

    const req = await t.request({
      method: 'POST',
      url: `/api/v1/presenters/${applied.json().id}/requests`,
      payload: {
        requesterName: '山本 一郎',
        requesterEmail: 'yamamoto@shoko.example',
        requesterOrg: '○○商工会議所',
        prefecture: '27',
        preferredDates: '2027年2月中旬の平日午後',
        audience: '会員企業の経営者 約30名',
        message: '情報セキュリティ5か条を中心にご講演をお願いできますか。',
      },
    });
    expect(req.statusCode).toBe(201);
    expect(t.mailer.lastTo(profile.email).subject).toContain('○○商工会議所');

    const inbox = (await t.request({ method: 'GET', url: '/api/v1/presenter/me/requests', as: user })).json()
      .items;
    expect(inbox[0]).toMatchObject({ requesterOrg: '○○商工会議所', status: 'new' });
    const answered = await t.request({
      method: 'POST',
      url: `/api/v1/presenter/me/requests/${inbox[0].id}/reply`,
      payload: { status: 'accepted', reply: '2月17日の午後でいかがでしょうか。' },
      as: user,
    });
    expect(answered.json()).toMatchObject({ status: 'accepted' });
    const mail = t.mailer.lastTo('yamamoto@shoko.example');
    expect(mail.text).toContain('2月17日の午後でいかがでしょうか。');
    expect(mail.headers?.['Reply-To']).toBe(profile.email);
  });

  it('validates the application: kana, prefectures, qualifications', async () => {
    const user = await t.signUp();
    for (const [patch, field] of [
      [{ kana: 'Takahashi' }, 'kana'],
      [{ prefectures: [] }, 'prefectures'],
      [{ qualifications: ['wizard'] }, 'qualifications.0'],
    ] as const) {
      const res = await t.request({
        method: 'PUT',
        url: '/api/v1/presenter/me',
        payload: { ...profile, ...patch },
        as: user,
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/presenter/me', as: user })).json()).toBeNull();
  });

  it('does not take seminar requests for presenters who are not approved', async () => {
    const user = await t.signUp();
    const p = (
      await t.request({ method: 'PUT', url: '/api/v1/presenter/me', payload: profile, as: user })
    ).json();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/presenters/${p.id}/requests`,
      payload: {
        requesterName: 'x',
        requesterEmail: 'x@example.test',
        requesterOrg: 'x',
        prefecture: '13',
        preferredDates: 'x',
        audience: 'x',
        message: 'x',
      },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('provider and IT supporter directory', () => {
  it('lists published providers by category, prefecture and industry', async () => {
    const provider = await t.userWithOrg('provider');
    const saved = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${provider.orgId}/directory`,
      payload: {
        categories: ['vulnerability', 'forensics'],
        prefectures: ['13'],
        industries: ['E'],
        description: 'Webサイトの脆弱性診断と、被害にあったときの調査を行います。',
        url: 'https://example.co.jp',
        published: true,
      },
      as: provider.user,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const found = (
      await t.request({ method: 'GET', url: '/api/v1/directory?category=forensics&prefecture=13&industry=E' })
    ).json().items;
    expect(found.map((l: { orgId: string }) => l.orgId)).toContain(provider.orgId);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/directory?category=audit' }))
        .json()
        .items.some((l: { orgId: string }) => l.orgId === provider.orgId),
    ).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/v1/directory?category=magic' })).statusCode).toBe(
      400,
    );

    const sme = await t.userWithOrg();
    const refused = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${sme.orgId}/directory`,
      payload: {
        categories: ['audit'],
        prefectures: ['13'],
        industries: [],
        description: 'x',
        published: true,
      },
      as: sme.user,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('another organisation gets 404', async () => {
    await expectForeignOrg404(t, (id) => ({ method: 'GET', url: `/api/v1/orgs/${id}/directory` }));
  });
});

describe('mail language', () => {
  it('writes to the presenter in their language and answers the requester in theirs', async () => {
    const user = await t.signUp({ locale: 'en' });
    const p = (
      await t.request({
        method: 'PUT',
        url: '/api/v1/presenter/me',
        payload: { ...profile, email: 'en-presenter@example.test' },
        as: user,
      })
    ).json();
    await t.request({
      method: 'POST',
      url: `/api/v1/admin/presenters/${p.id}/review`,
      payload: { decision: 'approved' },
      headers: { cookie: opCookie },
    });
    expect(t.mailer.lastTo('en-presenter@example.test').subject).toContain('presenter application');
    await t.request({
      method: 'POST',
      url: `/api/v1/presenters/${p.id}/requests?lang=ja`,
      payload: {
        requesterName: '田中',
        requesterEmail: 'ja-requester@example.test',
        requesterOrg: '△△協会',
        prefecture: '27',
        preferredDates: '3月',
        audience: '20名',
        message: 'お願いします',
      },
    });
    expect(t.mailer.lastTo('en-presenter@example.test').subject).toContain('Seminar request');
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/presenter/me/requests', as: user })).json()
      .items;
    await t.request({
      method: 'POST',
      url: `/api/v1/presenter/me/requests/${inbox[0].id}/reply`,
      payload: { status: 'declined', reply: 'Sorry, not this time.' },
      as: user,
    });
    expect(t.mailer.lastTo('ja-requester@example.test').subject).toContain('お返事');
  });
});
