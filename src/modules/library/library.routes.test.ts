import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectForeignOrg404, type TestApp } from '../../kernel/testing/test-app.ts';
import { loadLibraryContent } from './library.content.ts';

const content = loadLibraryContent();
let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.operatorCookie('library-operator@example.test');
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });
const asOperator = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.request({ method, url, payload: payload as never, headers: { cookie: operator } });

const newEntry = (title: string) => ({
  category: 'guide',
  audiences: ['sme'],
  tags: ['basics'],
  title: { ja: title, en: '' },
  summary: { ja: `${title}の概要です。`, en: '' },
  body: { ja: `## ${title}\n本文です。<script>alert(1)</script>`, en: '' },
  links: [{ label: { ja: '公式ページ', en: '' }, url: 'https://www.example.go.jp/guide' }],
});

describe('library search (public)', () => {
  it('finds the personal-information page for a plain word like 漏えい, with its leak-report tag', async () => {
    const res = await get(`/api/v1/library/entries?q=${encodeURIComponent('漏えい 報告')}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items[0].id).toBe('personal-information-protection-act');
    expect(body.items[0].tags.map((x: { id: string }) => x.id)).toContain('leak-report');
    expect(body.items[0].category).toEqual({ id: 'law', label: '法令' });
  });

  it('filters by category, tag and audience, and pages', async () => {
    const laws = (await get('/api/v1/library/entries?category=law')).json();
    expect(laws.total).toBe(content.entries.filter((e) => e.category === 'law').length);
    expect(laws.items.every((e: { category: { id: string } }) => e.category.id === 'law')).toBe(true);

    const tagged = (await get('/api/v1/library/entries?tag=trade-secret')).json();
    expect(tagged.items.map((e: { id: string }) => e.id)).toEqual(['unfair-competition-prevention-act']);

    const general = (await get('/api/v1/library/entries?audience=general')).json();
    expect(general.items.map((e: { id: string }) => e.id)).toContain('information-security-management-exam');
    expect(general.items.map((e: { id: string }) => e.id)).not.toContain('my-number-act');

    const p1 = (await get('/api/v1/library/entries')).json();
    const p2 = (await get('/api/v1/library/entries?page=2')).json();
    expect(p1.pageSize).toBe(10);
    expect(p1.items).toHaveLength(10);
    expect(p2.items.length).toBe(p1.total - 10);
    expect(p2.items[0].id).not.toBe(p1.items[0].id);
  });

  it('answers in English when asked', async () => {
    const res = await get('/api/v1/library/entries?q=CISSP', { 'accept-language': 'en' });
    expect(res.json().items[0].title).toMatch(/^CISSP — the internationally/);
  });

  it('rejects bad filters with a 400 in the user language', async () => {
    const res = await get('/api/v1/library/entries?category=LAW!&page=0');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['category', 'page']);
  });

  it('serves a law page with its official links and related pages', async () => {
    const res = await get('/api/v1/library/entries/personal-information-protection-act');
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e.bodyHtml).toContain('<h2>');
    expect(e.links[0].url).toBe('https://www.ppc.go.jp/personalinfo/legal/leakAction/');
    expect(e.related.map((r: { id: string }) => r.id)).toContain('my-number-act');
    expect((await get('/api/v1/library/entries/no-such-page')).statusCode).toBe(404);
  });

  it('lists categories, tags and topics with counts', async () => {
    const tax = (await get('/api/v1/library/taxonomy')).json();
    expect(tax.categories.map((c: { id: string }) => c.id)).toEqual([
      'law',
      'guide',
      'qualification',
      'training',
    ]);
    expect(tax.audiences.map((a: { label: string }) => a.label)).toEqual([
      '一般利用者向け',
      '中小企業等向け',
    ]);
    expect(tax.categories.find((c: { id: string }) => c.id === 'qualification').count).toBe(4);
  });
});

describe('video catalogue', () => {
  it('filters by topic and says whether a video may be used in training', async () => {
    const res = (await get('/api/v1/library/videos?topic=telework')).json();
    expect(res.items).toHaveLength(1);
    expect(res.items[0]).toMatchObject({ minutes: 10, training: 'free', topic: { id: 'telework' } });
    expect(res.items[0].url).toMatch(/^https:\/\/www\.ipa\.go\.jp\//);
  });

  it('keeps a watched mark per member', async () => {
    const { user, orgId } = await t.userWithOrg();
    const url = `/api/v1/orgs/${orgId}/library/watched`;
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    const put = await t.request({ method: 'PUT', url: `${url}/ipa-ransomware-now`, as: user });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items.map((w: { videoId: string }) => w.videoId)).toEqual(['ipa-ransomware-now']);
    // Marking twice is harmless.
    await t.request({ method: 'PUT', url: `${url}/ipa-ransomware-now`, as: user });
    expect((await t.request({ method: 'GET', url, as: user })).json().items).toHaveLength(1);
    expect((await t.request({ method: 'PUT', url: `${url}/no-such-video`, as: user })).statusCode).toBe(404);
    const del = await t.request({ method: 'DELETE', url: `${url}/ipa-ransomware-now`, as: user });
    expect(del.json().items).toEqual([]);
  });

  it('hides one organisation’s marks from another', async () => {
    await expectForeignOrg404(t, (orgId) => ({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/library/watched`,
    }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/library/watched/ipa-ransomware-now`,
    }));
    await expectForeignOrg404(t, (orgId) => ({
      method: 'DELETE',
      url: `/api/v1/orgs/${orgId}/library/watched/ipa-ransomware-now`,
    }));
  });
});

describe('practice questions', () => {
  it('sends questions without answers, then checks them on the server with explanations', async () => {
    const set = (await get('/api/v1/library/practice?count=5')).json();
    expect(set.questions).toHaveLength(5);
    expect(set.total).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(set)).not.toMatch(/"answer"|"explanation"/);

    const byId = new Map(content.questions.map((q) => [q.id, q]));
    const [first, second] = set.questions as Array<{ id: string }>;
    const right = byId.get(first?.id ?? '')?.answer ?? 'a';
    const wrong = ['a', 'b', 'c', 'd'].find((c) => c !== byId.get(second?.id ?? '')?.answer) ?? 'a';
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/library/practice/check',
      payload: { answers: { [first?.id ?? '']: right, [second?.id ?? '']: wrong } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ correct: 1, total: 2 });
    expect(r.results[1]).toMatchObject({
      correct: false,
      chosen: wrong,
      answer: byId.get(second?.id ?? '')?.answer,
    });
    expect(r.results[1].explanation.length).toBeGreaterThan(20);
  });

  it('draws from one topic', async () => {
    const set = (await get('/api/v1/library/practice?topic=law&count=30')).json();
    expect(set.questions.length).toBe(content.questions.filter((q) => q.topic === 'law').length);
    expect(set.questions.every((q: { topic: { id: string } }) => q.topic.id === 'law')).toBe(true);
  });

  it('refuses unknown questions, unknown choices and empty answers', async () => {
    const check = (answers: unknown) =>
      t.request({ method: 'POST', url: '/api/v1/library/practice/check', payload: { answers } });
    const unknown = await check({ p99: 'a' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields['answers.p99']).toBe('この問題は見つかりません');
    expect((await check({ p01: 'e' })).json().error.fields['answers.p01']).toBe('選択肢から選んでください');
    expect((await check({})).statusCode).toBe(400);
  });
});

describe('newsletter subscription', () => {
  it('subscribes and unsubscribes a member, per person', async () => {
    const { user, orgId } = await t.userWithOrg();
    const url = `/api/v1/orgs/${orgId}/newsletter`;
    expect((await t.request({ method: 'GET', url, as: user })).json()).toMatchObject({ subscribed: false });
    const on = await t.request({ method: 'PUT', url, as: user });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ subscribed: true, elsewhere: false });
    const off = await t.request({ method: 'DELETE', url, as: user });
    expect(off.json()).toMatchObject({ subscribed: false });
  });

  it('hides one organisation’s subscription routes from another', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const)
      await expectForeignOrg404(t, (orgId) => ({ method, url: `/api/v1/orgs/${orgId}/newsletter` }));
  });
});

describe('operator catalogue', () => {
  it('is for operators only', async () => {
    const { user } = await t.userWithOrg();
    const res = await t.request({ method: 'GET', url: '/api/v1/admin/library/entries', as: user });
    expect(res.statusCode).toBe(403);
    expect((await get('/api/v1/admin/library/videos')).statusCode).toBe(401);
  });

  it('adds a page that the public can then find and read (raw HTML escaped)', async () => {
    const res = await asOperator(
      'PUT',
      '/api/v1/admin/library/entries/backup-checklist',
      newEntry('バックアップ点検表'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: 'backup-checklist', source: 'operator', hidden: false });
    const found = (await get(`/api/v1/library/entries?q=${encodeURIComponent('バックアップ点検表')}`)).json();
    expect(found.items.map((e: { id: string }) => e.id)).toEqual(['backup-checklist']);
    const page = (await get('/api/v1/library/entries/backup-checklist?lang=en')).json();
    // English left empty falls back to Japanese.
    expect(page.title).toBe('バックアップ点検表');
    expect(page.bodyHtml).not.toContain('<script>');
  });

  it('edits a built-in page, hides it and brings it back', async () => {
    const id = 'tls-settings';
    const edited = await asOperator(
      'PUT',
      `/api/v1/admin/library/entries/${id}`,
      newEntry('TLS設定（運営者による改訂）'),
    );
    expect(edited.json()).toMatchObject({ source: 'edited' });
    expect((await get(`/api/v1/library/entries/${id}`)).json().title).toBe('TLS設定（運営者による改訂）');

    const hidden = await asOperator('POST', `/api/v1/admin/library/entries/${id}/visibility`, {
      hidden: true,
    });
    expect(hidden.json()).toMatchObject({ hidden: true });
    expect((await get(`/api/v1/library/entries/${id}`)).statusCode).toBe(404);
    expect((await get('/api/v1/library/entries?tag=website')).json().total).toBe(0);

    await asOperator('POST', `/api/v1/admin/library/entries/${id}/visibility`, { hidden: false });
    expect((await asOperator('DELETE', `/api/v1/admin/library/entries/${id}`)).statusCode).toBe(204);
    expect((await get(`/api/v1/library/entries/${id}`)).json().title).toMatch(/^TLS暗号設定ガイドライン/);
    expect((await asOperator('DELETE', `/api/v1/admin/library/entries/${id}`)).statusCode).toBe(404);
  });

  it('checks links for form only and names unknown tags; nothing is stored', async () => {
    const bad = {
      ...newEntry('だめな例'),
      links: [{ label: { ja: 'x', en: '' }, url: 'http://example.com/' }],
    };
    const res = await asOperator('PUT', '/api/v1/admin/library/entries/bad-example', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['links.0.url']).toBe('https:// で始まるアドレスを入力してください');
    const tag = await asOperator('PUT', '/api/v1/admin/library/entries/bad-example', {
      ...newEntry('だめな例'),
      tags: ['basics', 'no-such-tag'],
    });
    expect(tag.statusCode).toBe(400);
    expect(Object.keys(tag.json().error.fields)).toEqual(['tags.1']);
    expect((await get('/api/v1/library/entries/bad-example')).statusCode).toBe(404);
    const slug = await asOperator('PUT', '/api/v1/admin/library/entries/Bad_Slug', newEntry('x'));
    expect(slug.statusCode).toBe(400);
  });

  it('adds and hides a video', async () => {
    const video = {
      title: { ja: '社内研修用の短い動画', en: 'A short in-house video' },
      publisher: { ja: '地域の商工会議所', en: 'Local chamber of commerce' },
      minutes: 7,
      topic: 'basics',
      viewers: ['employee'],
      training: 'free',
      url: 'https://www.example.or.jp/videos/basics',
      description: { ja: '基本の対策を7分で確認できます。', en: 'The basics in seven minutes.' },
    };
    const res = await asOperator('PUT', '/api/v1/admin/library/videos/chamber-basics', video);
    expect(res.statusCode, res.body).toBe(200);
    const list = (await get('/api/v1/library/videos?topic=basics')).json();
    expect(list.items.map((v: { id: string }) => v.id)).toContain('chamber-basics');
    await asOperator('POST', '/api/v1/admin/library/videos/chamber-basics/visibility', { hidden: true });
    const after = (await get('/api/v1/library/videos?topic=basics')).json();
    expect(after.items.map((v: { id: string }) => v.id)).not.toContain('chamber-basics');
    const admin = (await asOperator('GET', '/api/v1/admin/library/videos?q=chamber')).json();
    expect(admin.items[0]).toMatchObject({ id: 'chamber-basics', hidden: true, source: 'operator' });
  });
});
