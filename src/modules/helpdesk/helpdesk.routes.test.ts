import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLink } from '../../kernel/testing/memory-mailer.ts';
import {
  createTestApp,
  expectForeignOrg404,
  type TestApp,
  type TestUser,
} from '../../kernel/testing/test-app.ts';
import { escalateOverdue } from './helpdesk.escalation.ts';
import { dueDates } from './helpdesk.service.ts';
import { consultation } from './helpdesk.tables.ts';

let t: TestApp;
let operator: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  const email = `ops-${Date.now()}@example.test`;
  operator = { id: '', email, name: 'ops', password: '', cookie: await t.operatorCookie(email) };
});
afterAll(() => t.close());

const newConsultation = {
  category: 'suspicious-mail',
  priority: 'high',
  subject: '請求書を装ったメールの添付を開いてしまった',
  description: '経理の担当者が「請求書.zip」を開きました。パソコンはLANから外しています。',
};

async function open(user: TestUser, orgId: string, body: object = newConsultation) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/consultations`,
    payload: body,
    as: user,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; ref: string; status: string; resolution: { dueAt: string | null } };
}

/** Invites a new user with `role` (in `locale`) and has them accept. */
async function joinAs(owner: TestUser, orgId: string, role: string, locale: 'ja' | 'en' = 'ja') {
  const invitee = await t.signUp({ locale });
  const inv = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/invitations`,
    payload: { email: invitee.email, role },
    as: owner,
  });
  expect(inv.statusCode, inv.body).toBe(201);
  const accepted = await t.request({
    method: 'POST',
    url: `/api/v1/invitations/${inv.json().id}/accept`,
    as: invitee,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return invitee;
}

const mailsTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);

describe('desk information', () => {
  it('lists categories and SLA targets from content, in the request language', async () => {
    const ja = (await t.request({ method: 'GET', url: '/api/v1/helpdesk/info' })).json();
    expect(ja.categories.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['virus', 'suspicious-mail', 'account', 'website', 'device-loss', 'other']),
    );
    expect(ja.categories[0].title).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(ja.priorities.find((p: { id: string }) => p.id === 'critical').allDay).toBe(true);
    const en = (await t.request({ method: 'GET', url: '/api/v1/helpdesk/info?lang=en' })).json();
    expect(en.categories[0].title).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('consultations between an SME and its provider', () => {
  it('runs a whole thread: open → answered → waiting → open → resolved → closed, mailing the other side each time', async () => {
    const { sme, provider } = await t.servedSme();
    const analyst = await joinAs(provider.user, provider.orgId, 'analyst', 'en');
    const c = await open(sme.user, sme.orgId);
    expect(c.status).toBe('open');

    // the desk hears of it, each in their own language
    expect(t.mailer.lastTo(provider.user.email).subject).toContain(`#${c.ref}`);
    expect(t.mailer.lastTo(provider.user.email).subject).toContain('新しい相談');
    expect(t.mailer.lastTo(analyst.email).subject).toContain('New consultation');
    expect(firstLink(t.mailer.lastTo(analyst.email).text)).toContain(
      `/orgs/${sme.orgId}/consultations/${c.id}`,
    );

    // it appears in the provider's queue
    const queue = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${provider.orgId}/helpdesk/queue`,
      as: analyst,
    });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(c.id);

    // the analyst answers; the SME's member gets the answer by mail
    const answer = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/messages`,
      payload: {
        body: 'ZIP の中身を確認します。受信したメールを .eml で添付してください。',
        status: 'waiting_customer',
      },
      as: analyst,
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const mail = t.mailer.lastTo(sme.user.email);
    expect(mail.subject).toBe(`【相談窓口】ご相談 #${c.ref} に回答がありました`);
    expect(mail.text).toContain('.eml で添付してください');
    expect(mail.text).toContain('お客様の返信待ち');

    let detail = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}`, as: sme.user })
    ).json();
    expect(detail.status).toBe('waiting_customer');
    expect(detail.firstResponse.state).toBe('met');
    expect(detail.resolution.state).toBe('paused');
    expect(detail.resolution.dueAt).toBeNull();
    expect(detail.viewer).toEqual({ side: 'customer', canReply: true, canClose: true, canAttach: true });

    // the customer replies: back to the desk, the clock runs again
    const before = t.mailer.sent.length;
    const back = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/messages`,
      payload: { body: '添付しました。' },
      as: sme.user,
    });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().status).toBe('open');
    const deskMails = t.mailer.sent.slice(before);
    expect(deskMails.map((m) => m.to).sort()).toEqual([analyst.email, provider.user.email].sort());
    expect(deskMails.find((m) => m.to === analyst.email)?.subject).toContain('the customer replied');
    detail = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}`, as: analyst })
    ).json();
    expect(detail.resolution.state).toBe('running');
    expect(new Date(detail.resolution.dueAt).getTime()).toBeGreaterThanOrEqual(
      new Date(c.resolution.dueAt ?? 0).getTime(),
    );
    expect(detail.messages.map((m: { side: string }) => m.side)).toEqual(['desk', 'customer']);
    expect(detail.viewer.side).toBe('desk');

    // resolved, then closed by the customer
    const resolved = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/messages`,
      payload: { body: '無害なファイルでした。念のためパスワードを変更してください。', status: 'resolved' },
      as: provider.user,
    });
    expect(resolved.json().status).toBe('resolved');
    const closed = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/close`,
      as: sme.user,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/messages`,
      payload: { body: 'もう一つ質問です' },
      as: sme.user,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('closed');

    // every accepted write is audited
    const audit = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit?action=helpdesk.consultation',
      as: operator,
    });
    const actions = (audit.json().items as { action: string; target: string }[]).filter(
      (i) => i.target === c.id,
    );
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        'helpdesk.consultation.close',
        'helpdesk.consultation.open',
        'helpdesk.consultation.reply',
        'helpdesk.consultation.reply',
        'helpdesk.consultation.reply',
      ].sort(),
    );
  });

  it('filters lists server-side (status, priority, overdue, customer) and pages them', async () => {
    const { sme, provider } = await t.servedSme();
    const a = await open(sme.user, sme.orgId, { ...newConsultation, priority: 'low' });
    const b = await open(sme.user, sme.orgId, {
      ...newConsultation,
      priority: 'critical',
      category: 'virus',
    });
    // b was opened long ago: its SLA is broken
    const long = new Date(Date.now() - 3 * 86_400_000);
    await t.app.mamori.db
      .update(consultation)
      .set({ createdAt: long, ...dueDates({ createdAt: long, priority: 'critical', pauses: [] }) })
      .where(eq(consultation.id, b.id));
    const list = (q: string, as = sme.user) =>
      t
        .request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/consultations?${q}`, as })
        .then((r) => r.json());
    expect((await list('priority=low')).items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const overdue = await list('overdue=true');
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    expect(overdue.items[0].overdue).toBe(true);
    expect((await list('status=resolved')).total).toBe(0);
    expect((await list('')).items[0].id).toBe(b.id); // overdue first
    const queue = (q: string) =>
      t
        .request({
          method: 'GET',
          url: `/api/v1/orgs/${provider.orgId}/helpdesk/queue?${q}`,
          as: provider.user,
        })
        .then((r) => r.json());
    expect((await queue(`customer=${sme.orgId}&overdue=1`)).items.map((i: { id: string }) => i.id)).toEqual([
      b.id,
    ]);
    expect((await queue('page=2')).items).toEqual([]);
    const bad = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/consultations?status=lost`,
      as: sme.user,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets employees see only their own consultations; owners see all', async () => {
    const { user, orgId } = await t.userWithOrg();
    const employee = await joinAs(user, orgId, 'employee');
    const mine = await open(employee, orgId);
    const owners = await open(user, orgId);
    const seen = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/consultations`, as: employee })
    ).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const hidden = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/consultations/${owners.id}`,
      as: employee,
    });
    expect(hidden.statusCode).toBe(404);
    const all = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/consultations`, as: user })
    ).json();
    expect(all.total).toBe(2);
  });
});

describe('validation', () => {
  it('rejects bad input with a message in the user’s language and changes nothing', async () => {
    const { user, orgId } = await t.userWithOrg();
    const count = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/consultations`, as: user })).json().total;
    const ja = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/consultations`,
      payload: { ...newConsultation, category: 'aliens' },
      as: user,
    });
    expect(ja.statusCode).toBe(400);
    expect(ja.json().error.fields.category).toBe('相談の種類を一覧から選んでください。');
    const en = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/consultations?lang=en`,
      payload: { ...newConsultation, subject: '' },
      as: user,
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields.subject).toMatch(/[a-z]/);
    const extra = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/consultations`,
      payload: { ...newConsultation, status: 'closed' },
      as: user,
    });
    expect(extra.statusCode).toBe(400);
    const priority = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/consultations`,
      payload: { ...newConsultation, priority: 'urgent!!' },
      as: user,
    });
    expect(priority.statusCode).toBe(400);
    expect(await count()).toBe(0);
  });

  it('does not let the customer set the status', async () => {
    const { sme } = await t.servedSme();
    const c = await open(sme.user, sme.orgId);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/messages`,
      payload: { body: '解決しました', status: 'resolved' },
      as: sme.user,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.status).toBe('状態は窓口の担当者が変更します。');
  });

  it('keeps provider organisations out of opening consultations', async () => {
    const { user, orgId } = await t.userWithOrg('provider');
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/consultations`,
      payload: newConsultation,
      as: user,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('only_sme');
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const upload = (user: TestUser, orgId: string, id: string, body: Buffer, type: string, name = 'mail.pdf') =>
    t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/consultations/${id}/attachments?name=${encodeURIComponent(name)}`,
      payload: body,
      headers: { 'content-type': type },
      as: user,
    });

  it('stores allowed files, serves them as downloads to both sides, and refuses others', async () => {
    const { sme, provider } = await t.servedSme();
    const c = await open(sme.user, sme.orgId);
    const res = await upload(sme.user, sme.orgId, c.id, pdf, 'application/pdf', '請求書.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({
      name: '請求書.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      side: 'customer',
    });
    const eml = await upload(
      sme.user,
      sme.orgId,
      c.id,
      Buffer.from('Subject: hi\r\n\r\nbody'),
      'message/rfc822',
      'x.eml',
    );
    expect(eml.statusCode, eml.body).toBe(201);

    const down = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/attachments/${att.id}`,
      as: provider.user,
    });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).toContain('attachment;');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.rawPayload.equals(pdf)).toBe(true);

    const exe = await upload(
      sme.user,
      sme.orgId,
      c.id,
      Buffer.from('MZ'),
      'application/x-msdownload',
      'a.exe',
    );
    expect(exe.statusCode).toBe(415);
    const html = await upload(sme.user, sme.orgId, c.id, Buffer.from('<script>'), 'text/html', 'a.html');
    expect(html.statusCode).toBe(415);
    const big = await upload(
      sme.user,
      sme.orgId,
      c.id,
      Buffer.alloc(5 * 1024 * 1024 + 1, 1),
      'image/png',
      'big.png',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('5120 KiB');
    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}`, as: sme.user })
    ).json();
    expect(detail.attachments).toHaveLength(2);
  });

  it('hides files from other organisations', async () => {
    const { sme } = await t.servedSme();
    const c = await open(sme.user, sme.orgId);
    const att = (await upload(sme.user, sme.orgId, c.id, pdf, 'application/pdf')).json();
    const other = await t.userWithOrg();
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/attachments/${att.id}`,
      as: other.user,
    });
    expect(res.statusCode).toBe(404);
    const viaOwnOrg = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${other.orgId}/consultations/${c.id}/attachments/${att.id}`,
      as: other.user,
    });
    expect(viaOwnOrg.statusCode).toBe(404);
  });
});

describe('tenancy', () => {
  it('answers 404 to members of another SME on every consultation route', async () => {
    const { user, orgId } = await t.userWithOrg();
    const c = await open(user, orgId);
    const routes = [
      (o: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${o}/consultations` }),
      (o: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${o}/consultations`,
        payload: newConsultation,
      }),
      (o: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${o}/consultations/${c.id}` }),
      (o: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${o}/consultations/${c.id}/messages`,
        payload: { body: 'x' },
      }),
      (o: string) => ({ method: 'POST' as const, url: `/api/v1/orgs/${o}/consultations/${c.id}/close` }),
      (o: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${o}/consultations/${c.id}/attachments?name=a.txt`,
        payload: 'hello',
        headers: { 'content-type': 'text/plain' },
      }),
      (o: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${o}/helpdesk/queue` }),
      (o: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${o}/advisories` }),
      (o: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${o}/advisories/x` }),
      (o: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${o}/advisories/x/forward`,
        payload: { to: 'all' },
      }),
      (o: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${o}/advisories`,
        payload: { title: 't', severity: 'low', affected: 'a', actions: 'b' },
      }),
    ];
    for (const route of routes) await expectForeignOrg404(t, route);
    // another SME's member cannot reach this consultation even through their own org's path
    const other = await t.userWithOrg();
    const viaOwn = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${other.orgId}/consultations/${c.id}`,
      as: other.user,
    });
    expect(viaOwn.statusCode).toBe(404);
  });

  it('keeps providers apart: another provider sees neither the SME nor its consultations', async () => {
    const { sme, provider } = await t.servedSme();
    const c = await open(sme.user, sme.orgId);
    const rival = await t.userWithOrg('provider');
    for (const url of [
      `/api/v1/orgs/${sme.orgId}/consultations`,
      `/api/v1/orgs/${sme.orgId}/consultations/${c.id}`,
      `/api/v1/orgs/${provider.orgId}/helpdesk/queue`,
    ]) {
      const res = await t.request({ method: 'GET', url, as: rival.user });
      expect(res.statusCode, url).toBe(404);
    }
    const post = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/consultations/${c.id}/messages`,
      payload: { body: '横から失礼します' },
      as: rival.user,
    });
    expect(post.statusCode).toBe(404);
    const rivalQueue = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${rival.orgId}/helpdesk/queue`, as: rival.user })
    ).json();
    expect(rivalQueue.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('keeps an SME out of a provider’s queue, and a provider out of SMEs it does not serve', async () => {
    const { sme, provider } = await t.servedSme();
    const stranger = await t.userWithOrg();
    const c = await open(stranger.user, stranger.orgId);
    const queue = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${provider.orgId}/helpdesk/queue`,
      as: sme.user,
    });
    expect(queue.statusCode).toBe(404);
    const notServed = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${stranger.orgId}/consultations/${c.id}`,
      as: provider.user,
    });
    expect(notServed.statusCode).toBe(404);
  });

  it('keeps operator routes for operators', async () => {
    const { user } = await t.userWithOrg();
    for (const url of ['/api/v1/admin/helpdesk/consultations', '/api/v1/admin/helpdesk/consultations/x']) {
      expect((await t.request({ method: 'GET', url, as: user })).statusCode).toBe(403);
    }
    const post = await t.request({
      method: 'POST',
      url: '/api/v1/admin/advisories',
      payload: { title: 't', severity: 'low', affected: 'a', actions: 'b' },
      as: user,
    });
    expect(post.statusCode).toBe(403);
  });
});

describe('the operator answers SMEs without a provider', () => {
  it('receives the consultation, answers it, and the SME is mailed in its language', async () => {
    const owner = await t.signUp({ locale: 'en' });
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      as: owner,
      payload: { name: 'Sakura Trading', kind: 'sme', prefecture: '27', industry: 'I', employees: '1-5' },
    });
    const orgId = created.json().id as string;
    const c = await open(owner, orgId, { ...newConsultation, category: 'device-loss', priority: 'normal' });
    expect(t.mailer.lastTo(operator.email).subject).toContain(`#${c.ref}`);
    expect(firstLink(t.mailer.lastTo(operator.email).text)).toContain(`/admin/helpdesk/${c.id}`);
    const list = (
      await t.request({
        method: 'GET',
        url: `/api/v1/admin/helpdesk/consultations?org=${orgId}`,
        as: operator,
      })
    ).json();
    expect(list.items.map((i: { id: string; servedBy: string }) => [i.id, i.servedBy])).toEqual([
      [c.id, 'operator'],
    ]);
    const mine = (
      await t.request({
        method: 'GET',
        url: '/api/v1/admin/helpdesk/consultations?servedBy=operator',
        as: operator,
      })
    ).json();
    expect(mine.items.every((i: { servedBy: string }) => i.servedBy === 'operator')).toBe(true);
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const theirs = (
      await t.request({
        method: 'GET',
        url: '/api/v1/admin/helpdesk/consultations?servedBy=provider',
        as: operator,
      })
    ).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/helpdesk/consultations/${c.id}/messages`,
      payload: { body: 'Please lock the phone remotely first.' },
      as: operator,
    });
    expect(res.statusCode, res.body).toBe(201);
    const mail = t.mailer.lastTo(owner.email);
    expect(mail.subject).toBe(`[Desk] Your consultation #${c.ref} has an answer`);
    expect(mail.text).toContain('lock the phone remotely');
    expect(firstLink(mail.text)).toContain(`/orgs/${orgId}/consultations/${c.id}`);
  });

  it('lets the operator read but not answer consultations a provider handles', async () => {
    const { sme } = await t.servedSme();
    const c = await open(sme.user, sme.orgId);
    const detail = await t.request({
      method: 'GET',
      url: `/api/v1/admin/helpdesk/consultations/${c.id}`,
      as: operator,
    });
    expect(detail.json().viewer.canReply).toBe(false);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/helpdesk/consultations/${c.id}/messages`,
      payload: { body: 'x' },
      as: operator,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('SLA escalation', () => {
  it('mails the provider’s managers once per level, operators at level 2, and never at night unless critical', async () => {
    const { sme, provider } = await t.servedSme();
    const analyst = await joinAs(provider.user, provider.orgId, 'analyst');
    const normal = await open(sme.user, sme.orgId, { ...newConsultation, priority: 'normal' });
    const critical = await open(sme.user, sme.orgId, { ...newConsultation, priority: 'critical' });
    // Both opened on Monday 2026-11-16 10:00 JST
    const start = new Date('2026-11-16T10:00:00+09:00');
    for (const [id, priority] of [
      [normal.id, 'normal'],
      [critical.id, 'critical'],
    ] as const) {
      await t.app.mamori.db
        .update(consultation)
        .set({ createdAt: start, ...dueDates({ createdAt: start, priority, pauses: [] }) })
        .where(eq(consultation.id, id));
    }
    const escalations = (email: string) => mailsTo(email).filter((m) => m.subject.includes('期限超過'));

    // 21:00 JST the same day: critical (1 hour, 24/7) is late and mailed even at night
    await escalateOverdue(t.app.mamori, new Date('2026-11-16T21:00:00+09:00'));
    const night = escalations(provider.user.email);
    expect(night.length).toBeGreaterThan(0);
    expect(night.every((m) => m.subject.includes(`#${critical.ref}`))).toBe(true);
    expect(night.some((m) => m.subject.includes('レベル2'))).toBe(true);

    // Wednesday 03:00: normal's first response (due Tuesday 10:00) is late, but it waits for the morning
    await escalateOverdue(t.app.mamori, new Date('2026-11-18T03:00:00+09:00'));
    expect(escalations(provider.user.email).filter((m) => m.subject.includes(normal.ref))).toHaveLength(0);

    // Wednesday 12:00: normal is overdue at level 1 and 2 (1.5 × 9h reached Tue 14:30); managers only, not analysts
    await escalateOverdue(t.app.mamori, new Date('2026-11-18T12:00:00+09:00'));
    const normalMails = escalations(provider.user.email).filter((m) => m.subject.includes(normal.ref));
    expect(normalMails.map((m) => m.subject.match(/レベル(\d)/)?.[1]).sort()).toEqual(['1', '2']);
    expect(escalations(analyst.email)).toHaveLength(0);
    expect(
      mailsTo(operator.email).filter((m) => m.subject.includes(normal.ref) && m.subject.includes('期限超過')),
    ).toHaveLength(1);

    // a second run sends nothing new
    const count = t.mailer.sent.length;
    await escalateOverdue(t.app.mamori, new Date('2026-11-18T12:05:00+09:00'));
    expect(t.mailer.sent.length).toBe(count);
  });
});

describe('advisories', () => {
  const advisory = {
    title: 'VPN 機器の脆弱性: すぐに更新を',
    severity: 'critical',
    affected: '社外から VPN で接続している会社',
    actions:
      '1. 機器のファームウェアを **最新** にする\n2. 管理者パスワードを変える\n\n<script>alert(1)</script>',
  };

  it('lets the operator publish to everyone, renders Markdown without raw HTML, and lists it in the Atom feed', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/admin/advisories',
      payload: advisory,
      as: operator,
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.actionsHtml).toContain('<strong>最新</strong>');
    expect(a.actionsHtml).not.toContain('<script>');
    expect(a.actionsHtml).toContain('&lt;script&gt;');

    const { user, orgId } = await t.userWithOrg();
    const list = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/advisories`, as: user })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const feed = await t.request({ method: 'GET', url: '/api/v1/advisories.atom' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed');
    expect(feed.body).toContain('VPN 機器の脆弱性');
    expect(feed.body).not.toContain('<script>');
    const pub = await t.request({ method: 'GET', url: `/api/v1/advisories/${a.id}` });
    expect(pub.json().title).toBe(advisory.title);
  });

  it('lets a provider publish to its customers only; their owners are told; the feed leaves it out', async () => {
    const { sme, provider } = await t.servedSme();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${provider.orgId}/advisories`,
      payload: { ...advisory, title: '取引先を装う請求書メールに注意', severity: 'high' },
      as: provider.user,
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.source).toBe('provider');
    const mail = t.mailer.lastTo(sme.user.email);
    expect(mail.subject).toBe('【セキュリティ情報・重要】取引先を装う請求書メールに注意');
    expect(firstLink(mail.text)).toContain(`/orgs/${sme.orgId}/advisories/${a.id}`);

    const seen = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${sme.orgId}/advisories/${a.id}`,
      as: sme.user,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canForward).toBe(true);
    const own = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${provider.orgId}/advisories`, as: provider.user })
    ).json();
    expect(own.items.map((i: { id: string }) => i.id)).toEqual([a.id]);

    // another SME, and another provider, cannot see it
    const stranger = await t.userWithOrg();
    const hidden = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${stranger.orgId}/advisories/${a.id}`,
      as: stranger.user,
    });
    expect(hidden.statusCode).toBe(404);
    const strangerList = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${stranger.orgId}/advisories`, as: stranger.user })
    ).json();
    expect(strangerList.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    const rival = await t.userWithOrg('provider');
    const rivalView = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${rival.orgId}/advisories/${a.id}`,
      as: rival.user,
    });
    expect(rivalView.statusCode).toBe(404);
    const forged = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${stranger.orgId}/advisories/${a.id}/forward`,
      payload: { to: 'all' },
      as: stranger.user,
    });
    expect(forged.statusCode).toBe(404);

    const feed = await t.request({ method: 'GET', url: '/api/v1/advisories.atom' });
    expect(feed.body).not.toContain('取引先を装う請求書メールに注意');
    expect((await t.request({ method: 'GET', url: `/api/v1/advisories/${a.id}` })).statusCode).toBe(404);

    // SMEs cannot publish
    const smePost = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/advisories`,
      payload: advisory,
      as: sme.user,
    });
    expect(smePost.statusCode).toBe(403);
  });

  it('forwards to all or chosen members, once each, in each member’s language, audited', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const ja = await joinAs(owner, orgId, 'employee', 'ja');
    const en = await joinAs(owner, orgId, 'employee', 'en');
    const a = (
      await t.request({
        method: 'POST',
        url: '/api/v1/admin/advisories',
        payload: { ...advisory, title: 'Wi-Fi ルーターの更新' },
        as: operator,
      })
    ).json();

    const all = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/advisories/${a.id}/forward`,
      payload: { to: 'all', note: '今日中にお願いします' },
      as: owner,
    });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().sent).toBe(2);
    const jaMail = t.mailer.lastTo(ja.email);
    expect(jaMail.subject).toContain('【セキュリティ情報・緊急】Wi-Fi ルーターの更新');
    expect(jaMail.text).toContain('今日中にお願いします');
    expect(jaMail.text).toContain('管理者パスワードを変える');
    expect(jaMail.text).toContain('1. 機器のファームウェアを 最新 にする');
    expect(t.mailer.lastTo(en.email).subject).toContain('[Security advisory, Critical]');
    expect(mailsTo(owner.email).some((m) => m.subject.includes('Wi-Fi ルーターの更新'))).toBe(false);

    const chosen = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/advisories/${a.id}/forward`,
      payload: { to: 'members', userIds: [en.id, en.id] },
      as: owner,
    });
    expect(chosen.json().sent).toBe(1);
    expect(mailsTo(en.email).filter((m) => m.subject.includes('Wi-Fi'))).toHaveLength(2);
    expect(mailsTo(ja.email).filter((m) => m.subject.includes('Wi-Fi'))).toHaveLength(1);

    const before = t.mailer.sent.length;
    const stranger = await t.signUp();
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/advisories/${a.id}/forward?lang=en`,
      payload: { to: 'members', userIds: [ja.id, stranger.id] },
      as: owner,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.userIds).toBe('Someone chosen is not a member of this organisation.');
    // nothing but the stranger's own sign-up confirmation was sent
    expect(t.mailer.sent.length).toBe(before + 1);
    const byEmployee = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/advisories/${a.id}/forward`,
      payload: { to: 'all' },
      as: ja,
    });
    expect(byEmployee.statusCode).toBe(403);

    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/advisories/${a.id}`, as: owner })
    ).json();
    expect(detail.forwards.count).toBe(2);
    const audit = (
      await t.request({
        method: 'GET',
        url: `/api/v1/admin/audit?action=helpdesk.advisory.forward&orgId=${orgId}`,
        as: operator,
      })
    ).json();
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0]).toMatchObject({ target: a.id, actorEmail: owner.email });
  });

  it('rejects a bad advisory or forward in the user’s language and publishes nothing', async () => {
    const { provider, sme } = await t.servedSme();
    const count = async () =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/orgs/${provider.orgId}/advisories`,
          as: provider.user,
        })
      ).json().total;
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${provider.orgId}/advisories?lang=en`,
      payload: { ...advisory, title: '  ', severity: 'apocalyptic' },
      as: provider.user,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['severity', 'title']);
    expect(bad.json().error.message).toMatch(/^[\x20-\x7e]+$/);
    const html = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${provider.orgId}/advisories`,
      payload: { ...advisory, extra: '<b>x</b>' },
      as: provider.user,
    });
    expect(html.statusCode).toBe(400);
    expect(await count()).toBe(0);
    const before = t.mailer.sent.length;
    const a = (
      await t.request({ method: 'POST', url: '/api/v1/admin/advisories', payload: advisory, as: operator })
    ).json();
    const forward = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/advisories/${a.id}/forward`,
      payload: { to: 'everyone' },
      as: sme.user,
    });
    expect(forward.statusCode).toBe(400);
    expect(forward.json().error.message).toBe('入力内容に誤りがあります。赤字の項目を確認してください。');
    const alone = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/advisories/${a.id}/forward`,
      payload: { to: 'all' },
      as: sme.user,
    });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.fields.to).toBe('送り先のメンバーがいません。先にメンバーを招待してください。');
    expect(t.mailer.sent.length).toBe(before);
  });

  it('contributes new advisories to the weekly digest of an SME member', async () => {
    const { sme, provider } = await t.servedSme();
    const since = new Date(Date.now() - 1000);
    const a = (
      await t.request({
        method: 'POST',
        url: `/api/v1/orgs/${provider.orgId}/advisories`,
        payload: { ...advisory, title: 'ダイジェスト用の注意喚起', severity: 'medium' },
        as: provider.user,
      })
    ).json();
    const { helpdeskModule } = await import('./module.ts');
    const section = await helpdeskModule.digest?.(t.app.mamori, {
      orgId: sme.orgId,
      userId: sme.user.id,
      lang: 'ja',
      since,
      until: new Date(Date.now() + 1000),
    });
    expect(section?.id).toBe('helpdesk.advisories');
    expect(section?.title).toBe('新しいセキュリティ情報');
    expect(section?.items).toContainEqual({
      text: '[注意] ダイジェスト用の注意喚起',
      url: expect.stringContaining(`/orgs/${sme.orgId}/advisories/${a.id}`),
    });
    const later = await helpdeskModule.digest?.(t.app.mamori, {
      orgId: sme.orgId,
      userId: sme.user.id,
      lang: 'en',
      since: new Date(Date.now() + 1000),
      until: new Date(Date.now() + 2000),
    });
    expect(later).toBeNull();
  });
});
