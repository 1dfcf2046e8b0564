import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../kernel/audit/audit.ts';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newCase = (u: TestUser, orgId: string, body: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/guide/cases`, payload: body, as: u });

/** An incident made the way a sensor makes one: an EDR malware alert on host pc-07. */
async function incidentOf(user: TestUser, orgId: string): Promise<string> {
  const sensor = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: { name: 'EDR', kind: 'edr' },
    as: user,
  });
  const line = JSON.stringify({
    '@timestamp': new Date().toISOString(),
    event: { kind: 'alert', category: 'malware', action: 'detected' },
    host: { name: 'pc-07' },
  });
  const ingest = await t.request({
    method: 'POST',
    url: '/api/v1/ingest',
    payload: line,
    headers: { authorization: `Bearer ${sensor.json().token}`, 'content-type': 'application/x-ndjson' },
  });
  expect(ingest.statusCode, ingest.body).toBe(202);
  for (let i = 0; i < 100; i++) {
    const alerts = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user });
    const id = alerts.json().items[0]?.incidentId;
    if (id) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no incident was made from the alert');
}

describe('referrals', () => {
  it('lists the organisations for one kind of trouble, with phone numbers and links', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/referrals?topic=ransomware' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.topic.id).toBe('ransomware');
    const ids = body.items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(
      expect.arrayContaining(['ipa-org-desk', 'police', 'ppc', 'jpcert', 'ipa-ransom-page']),
    );
    expect(ids).not.toContain('consumer-hotline');
    const police = body.items.find((o: { id: string }) => o.id === 'police');
    expect(police.contacts.map((c: { value: string }) => c.value)).toEqual(
      expect.arrayContaining(['#9110', '110']),
    );
    expect(police.contacts.find((c: { value: string }) => c.value === '#9110').href).toBe('tel:%239110');
  });

  it('sends consumer trouble to 188 and lists everything without a topic', async () => {
    const scam = (await t.request({ method: 'GET', url: '/api/v1/referrals?topic=support-scam' })).json();
    const hotline = scam.items.find((o: { id: string }) => o.id === 'consumer-hotline');
    expect(hotline.contacts[0]).toMatchObject({ kind: 'phone', value: '188', href: 'tel:188' });
    const all = (await t.request({ method: 'GET', url: '/api/v1/referrals' })).json();
    expect(all.topic).toBeNull();
    expect(all.items.length).toBeGreaterThan(scam.items.length);
  });

  it('answers an unknown topic with 400 in the asker’s language', async () => {
    const ja = await t.request({ method: 'GET', url: '/api/v1/referrals?topic=aliens' });
    expect(ja.statusCode).toBe(400);
    expect(ja.json().error).toMatchObject({ code: 'unknown_topic' });
    expect(ja.json().error.message).toContain('トラブルの種類');
    const en = await t.request({ method: 'GET', url: '/api/v1/referrals?topic=aliens&lang=en' });
    expect(en.json().error.message).toContain('no such kind of trouble');
  });
});

describe('public guide and threats', () => {
  it('serves a topic with first steps, what not to do and contacts', async () => {
    const list = (await t.request({ method: 'GET', url: '/api/v1/guide/topics' })).json();
    expect(list.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([
        'ransomware',
        'data-leak',
        'account-takeover',
        'website-defacement',
        'fraud-mail',
      ]),
    );
    const topic = (await t.request({ method: 'GET', url: '/api/v1/guide/topics/ransomware' })).json();
    expect(topic.steps[0].phase).toBe('first');
    expect(topic.dont.join()).toContain('身代金を払わない');
    expect(topic.steps.find((s: { id: string }) => s.id === 'police').referral.id).toBe('police');
    expect(topic.reportForms.map((f: { id: string }) => f.id)).toEqual(['virus']);
    expect((await t.request({ method: 'GET', url: '/api/v1/guide/topics/nope' })).statusCode).toBe(404);
  });

  it('lists the ten threats and links each to diagnosis items and learning themes', async () => {
    const list = (await t.request({ method: 'GET', url: '/api/v1/guide/threats' })).json();
    expect(list.items).toHaveLength(10);
    expect(list.items.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const th = (await t.request({ method: 'GET', url: '/api/v1/guide/threats/ransomware?lang=en' })).json();
    expect(th.diagnosisItems.map((i: { no: number }) => i.no)).toContain(11);
    expect(th.learningThemes.find((x: { id: string }) => x.id === 'backup').title).toMatch(/[A-Za-z]/);
    expect(th.guideTopics[0].id).toBe('ransomware');
  });
});

describe('cases', () => {
  it('starts a case, ticks steps with who and when, keeps notes and closes it (audited)', async () => {
    const { user, orgId } = await t.userWithOrg();
    const res = await newCase(user, orgId, { topic: 'ransomware' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      status: 'open',
      doneCount: 0,
      title: expect.stringContaining('ランサムウェア'),
    });
    expect(c.stepCount).toBeGreaterThan(5);

    const tick = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}/steps/isolate`,
      payload: { done: true },
      as: user,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    expect(tick.json().steps[0]).toMatchObject({ stepId: 'isolate', doneByName: user.name });
    const again = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}/steps/record`,
      payload: { done: true },
      as: user,
    });
    expect(again.json().doneCount).toBe(2);
    const untick = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}/steps/record`,
      payload: { done: false },
      as: user,
    });
    expect(untick.json().doneCount).toBe(1);
    const unknown = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}/steps/not-a-step`,
      payload: { done: true },
      as: user,
    });
    expect(unknown.statusCode).toBe(404);

    const notes = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}`,
      payload: { notes: '10:05 経理のPCでファイルが開けなくなった' },
      as: user,
    });
    expect(notes.json().notes).toContain('経理のPC');

    const closed = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}`,
      payload: { status: 'closed' },
      as: user,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const late = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}/steps/record`,
      payload: { done: true },
      as: user,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('case_closed');

    const list = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/guide/cases?status=closed`,
      as: user,
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: c.id, doneCount: 1 }] });
    const open = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/guide/cases?status=open`,
      as: user,
    });
    expect(open.json().total).toBe(0);

    const { items: audit } = await listAudit(t.database.db, { orgId, page: 1 });
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['guide.case.create', 'guide.case.step', 'guide.case.update']),
    );
    expect(actions.filter((a) => a === 'guide.case.step')).toHaveLength(3);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const { user, orgId } = await t.userWithOrg();
    const bad = await newCase(user, orgId, { topic: 'aliens' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_topic');
    expect((await newCase(user, orgId, { topic: 'ransomware', extra: 1 })).statusCode).toBe(400);
    const foreignIncident = await newCase(user, orgId, { topic: 'malware', incidentId: 'nope' });
    expect(foreignIncident.statusCode).toBe(400);
    expect(foreignIncident.json().error.code).toBe('unknown_incident');
    const list = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/guide/cases`, as: user });
    expect(list.json().total).toBe(0);
    const c = (await newCase(user, orgId, { topic: 'malware' })).json();
    const empty = await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}`,
      payload: {},
      as: user,
    });
    expect(empty.statusCode).toBe(400);
  });

  it('keeps each organisation’s cases to itself (SME ↔ SME)', async () => {
    const { user, orgId } = await t.userWithOrg();
    const c = (await newCase(user, orgId, { topic: 'malware' })).json();
    const other = await t.userWithOrg();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/orgs/${orgId}/guide/cases`, undefined],
      ['GET', `/api/v1/orgs/${orgId}/guide/cases/${c.id}`, undefined],
      ['PATCH', `/api/v1/orgs/${orgId}/guide/cases/${c.id}`, { notes: 'x' }],
      ['PUT', `/api/v1/orgs/${orgId}/guide/cases/${c.id}/steps/isolate`, { done: true }],
      ['GET', `/api/v1/orgs/${orgId}/guide/cases/${c.id}/reports/virus`, undefined],
      ['PUT', `/api/v1/orgs/${orgId}/guide/cases/${c.id}/reports/virus`, { values: {} }],
      ['GET', `/api/v1/orgs/${orgId}/guide/cases/${c.id}/reports/virus/text`, undefined],
    ] as const) {
      const res = await t.request({ method, url, payload, as: other.user });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Another organisation's case id under one's own org is not found either.
    const mine = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${other.orgId}/guide/cases/${c.id}`,
      as: other.user,
    });
    expect(mine.statusCode).toBe(404);
    const after = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}`, as: user })
    ).json();
    expect(after).toMatchObject({ notes: '', doneCount: 0 });
    await expectForeignOrg404(t, (id) => ({
      method: 'POST',
      url: `/api/v1/orgs/${id}/guide/cases`,
      payload: { topic: 'malware' },
    }));
  });

  it('lets the serving provider help, and no other provider', async () => {
    const { sme, provider } = await t.servedSme();
    const c = (await newCase(sme.user, sme.orgId, { topic: 'malware' })).json();
    const helped = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${sme.orgId}/guide/cases/${c.id}/steps/isolate`,
      payload: { done: true },
      as: provider.user,
    });
    expect(helped.statusCode, helped.body).toBe(200);
    expect(helped.json().steps[0].doneByName).toBe(provider.user.name);
    // The case says whom to tell: the SME's owner, and the provider serving it (not its staff).
    expect(helped.json().people).toEqual([{ name: sme.user.name, email: sme.user.email, role: 'owner' }]);
    expect(helped.json().providers).toEqual([{ name: `${provider.user.name}の会社` }]);
    const stranger = await t.userWithOrg('provider');
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/guide/cases/${c.id}`,
      as: stranger.user,
    });
    expect(res.statusCode).toBe(404);
    const anon = await t.request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/guide/cases` });
    expect(anon.statusCode).toBe(401);
  });
});

describe('IPA report drafts', () => {
  it('pre-fills the virus report from the incident, the organisation and the notes, and exports text', async () => {
    const { user, orgId } = await t.userWithOrg();
    const incidentId = await incidentOf(user, orgId);
    const c = (await newCase(user, orgId, { topic: 'malware', incidentId })).json();
    expect(c.reports).toEqual([{ id: 'virus', title: expect.stringContaining('ウイルス'), savedAt: null }]);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}`,
      payload: { notes: '添付ファイルを開いた後に警告が出た' },
      as: user,
    });
    const url = `/api/v1/orgs/${orgId}/guide/cases/${c.id}/reports/virus`;
    const draft = (await t.request({ method: 'GET', url, as: user })).json();
    expect(draft.fromIncident).toBe(true);
    expect(draft.values).toMatchObject({
      company: `${user.name}の会社`,
      prefecture: '東京都',
      name: user.name,
      email: user.email,
      count: '1',
      locationDetail: 'pc-07',
      method: 'software',
      damage: '添付ファイルを開いた後に警告が出た',
    });
    expect(draft.values.other).toContain(incidentId);
    expect(draft.savedAt).toBeNull();

    const saved = await t.request({
      method: 'PUT',
      url,
      payload: { values: { ...draft.values, location: 'pc', os: 'windows', osDetail: 'Windows 11' } },
      as: user,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().savedAt).toEqual(expect.any(String));

    const text = await t.request({ method: 'GET', url: `${url}/text`, as: user });
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.headers['content-disposition']).toContain(
      'attachment; filename="ipa-virus-report-draft.txt"',
    );
    expect(text.body).toContain('コンピュータウイルス届出（下書き）');
    expect(text.body).toContain('どこにも送信されていません');
    expect(text.body).toContain('3. 見つけた場所: パソコン');
    expect(text.body).toContain('4-2. バージョン・ディストリビューション: Windows 11');
    expect(text.body).toContain(`社名: ${user.name}の会社`);
    expect(text.body).toContain('FAX: （未記入）');
  });

  it('refuses unknown fields and choices, and a form the topic does not use', async () => {
    const { user, orgId } = await t.userWithOrg();
    const c = (await newCase(user, orgId, { topic: 'account-takeover' })).json();
    const url = `/api/v1/orgs/${orgId}/guide/cases/${c.id}/reports/unauthorized-access`;
    const draft = (await t.request({ method: 'GET', url, as: user })).json();
    expect(draft.values.devices).toEqual(['account']);
    const bad = await t.request({
      method: 'PUT',
      url,
      payload: { values: { devices: ['spaceship'] } },
      as: user,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['values.devices']).toBe('選択肢から選んでください');
    const unknown = await t.request({ method: 'PUT', url, payload: { values: { nope: 'x' } }, as: user });
    expect(unknown.statusCode).toBe(400);
    const date = await t.request({
      method: 'PUT',
      url,
      payload: { values: { foundOn: '22/11/2026' } },
      as: user,
    });
    expect(date.statusCode).toBe(400);
    const still = (await t.request({ method: 'GET', url, as: user })).json();
    expect(still.savedAt).toBeNull();
    const wrongForm = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/guide/cases/${c.id}/reports/virus`,
      as: user,
    });
    expect(wrongForm.statusCode).toBe(404);
  });
});
