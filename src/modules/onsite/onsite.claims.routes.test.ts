import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { createTestApp, type TestApp, type TestUser } from '../../kernel/testing/test-app.ts';
import { dispatchWithWork, englishSme, joinAs, realIncident } from './onsite.test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const claimsUrl = (orgId: string, rest = '') => `/api/v1/orgs/${orgId}/onsite/claims${rest}`;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function pdfText(buf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onsite-pdf-'));
  const file = path.join(dir, 'claim.pdf');
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Fonts that do not render show up as pdffonts errors or missing embedding. */
function fontsEmbedded(buf: Buffer): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'onsite-pdf-'));
  const file = path.join(dir, 'claim.pdf');
  writeFileSync(file, buf);
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.includes('NotoSansJP') && !/\bno\s+no\s+no\b/.test(out);
}

interface World {
  sme: { user: TestUser; orgId: string };
  provider: { user: TestUser; orgId: string };
  analyst: TestUser;
  incidentId: string;
  dispatchId: string;
}

async function world(): Promise<World> {
  const { sme, provider } = await t.servedSme();
  const analyst = await joinAs(t, provider.user, provider.orgId, 'analyst');
  const incidentId = await realIncident(t, sme.user, sme.orgId);
  const dispatchId = await dispatchWithWork(t, sme, analyst, incidentId);
  return { sme, provider, analyst, incidentId, dispatchId };
}

const claimBody = (w: World, extra: Record<string, unknown> = {}) => ({
  incidentId: w.incidentId,
  dispatchId: w.dispatchId,
  useDispatchCosts: true,
  insurer: 'まもり損害保険株式会社',
  policyNumber: 'CY-2026-000123',
  lossDate: '2026-11-21',
  coveredItems: [{ label: 'データ復旧作業', amountYen: 50000 }],
  otherCosts: [{ label: '社内の残業代', amountYen: 8000 }],
  notes: '初動対応費用の請求です。',
  ...extra,
});

function upload(w: World, claimId: string, as: TestUser, name: string, type: string, body: Buffer) {
  return t.request({
    method: 'POST',
    url: `${claimsUrl(w.sme.orgId, `/${claimId}/attachments`)}?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': type },
    payload: body,
    as,
  });
}

describe('insurance claim records', () => {
  let w: World;
  let claimId: string;
  beforeAll(async () => {
    w = await world();
  });

  it('prepares a claim with the dispatch costs pulled in, which the SME can read but not change', async () => {
    const res = await t.request({
      method: 'POST',
      url: claimsUrl(w.sme.orgId),
      as: w.analyst,
      payload: claimBody(w),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    claimId = c.id;
    expect(c).toMatchObject({
      status: 'draft',
      coveredItems: [
        { label: '技術者派遣費（2時間）', amountYen: 12000, source: 'dispatch' },
        { label: '交通費', amountYen: 3000, source: 'dispatch' },
        { label: 'データ復旧作業', amountYen: 50000, source: 'manual' },
      ],
      coveredTotalYen: 65000,
      otherTotalYen: 8000,
      incident: { id: w.incidentId },
      can: { edit: true, attach: true, moveTo: ['submitted'] },
    });

    const seen = await t.request({
      method: 'GET',
      url: claimsUrl(w.sme.orgId, `/${claimId}`),
      as: w.sme.user,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().can).toEqual({ edit: false, attach: false, moveTo: [] });
    const list = await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId), as: w.sme.user });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([claimId]);

    for (const r of [
      { method: 'PATCH', url: claimsUrl(w.sme.orgId, `/${claimId}`), payload: { insurer: 'x' } },
      { method: 'POST', url: claimsUrl(w.sme.orgId, `/${claimId}/status`), payload: { to: 'submitted' } },
      { method: 'POST', url: claimsUrl(w.sme.orgId), payload: claimBody(w) },
    ] as const) {
      const denied = await t.request({ ...r, as: w.sme.user });
      expect(denied.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    expect((await upload(w, claimId, w.sme.user, 'a.png', 'image/png', PNG)).statusCode).toBe(403);
  });

  it('keeps evidence files safely named, checks their bytes and size, and serves them back', async () => {
    const png = await upload(w, claimId, w.analyst, '../../被害状況の画面.png', 'image/png', PNG);
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({
      filename: '被害状況の画面.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    const pdf = await upload(w, claimId, w.analyst, 'invoice;rm -rf.PDF', 'application/pdf', PDF);
    expect(pdf.json().filename).toBe('invoice_rm -rf.pdf');
    const txt = await upload(
      w,
      claimId,
      w.analyst,
      'ログ',
      'text/plain; charset=utf-8',
      Buffer.from('不審な通信の記録\n'),
    );
    expect(txt.json().filename).toBe('ログ.txt');

    const got = await t.request({
      method: 'GET',
      url: claimsUrl(w.sme.orgId, `/${claimId}/attachments/${png.json().id}`),
      as: w.sme.user,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''%E8%A2%AB");
    expect(got.rawPayload.equals(PNG)).toBe(true);

    const before = (
      await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId, `/${claimId}`), as: w.analyst })
    ).json();
    const tooBig = await upload(
      w,
      claimId,
      w.analyst,
      'big.pdf',
      'application/pdf',
      Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({
      code: 'attachment_too_large',
      message: 'ファイルが大きすぎます。1ファイル 5 MiB までです。',
    });
    const tooBigEn = await t.request({
      method: 'POST',
      url: `${claimsUrl(w.sme.orgId, `/${claimId}/attachments`)}?name=big.pdf&lang=en`,
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.alloc(5 * 1024 * 1024 + 1, 0x25),
      as: w.analyst,
    });
    expect(tooBigEn.json().error.message).toBe('The file is too large. Each file may be at most 5 MiB.');
    const zip = await upload(
      w,
      claimId,
      w.analyst,
      'logs.zip',
      'application/zip',
      Buffer.from('PK\u0003\u0004'),
    );
    expect(zip.statusCode).toBe(415);
    expect(zip.json().error.message).toBe(
      '添付できるのは PDF・PNG・JPEG の画像・テキストファイル（.txt）だけです。',
    );
    const fake = await upload(
      w,
      claimId,
      w.analyst,
      'evil.pdf',
      'application/pdf',
      Buffer.from('<script>alert(1)</script>'),
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('attachment_mismatch');
    const html = await upload(w, claimId, w.analyst, 'x.html', 'text/html', Buffer.from('<p>x</p>'));
    expect(html.statusCode).toBe(415);
    const empty = await upload(w, claimId, w.analyst, 'empty.txt', 'text/plain', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const after = (
      await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId, `/${claimId}`), as: w.analyst })
    ).json();
    expect(after).toEqual(before);
    expect(after.attachments).toHaveLength(3);

    const gone = await t.request({
      method: 'DELETE',
      url: claimsUrl(w.sme.orgId, `/${claimId}/attachments/${txt.json().id}`),
      as: w.analyst,
    });
    expect(gone.statusCode).toBe(204);
  });

  it('refuses bad costs and dates in the user’s language and changes nothing', async () => {
    const before = (
      await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId, `/${claimId}`), as: w.analyst })
    ).json();
    const bad = await t.request({
      method: 'PATCH',
      url: claimsUrl(w.sme.orgId, `/${claimId}`),
      as: w.analyst,
      payload: { otherCosts: [{ label: '残業', amountYen: -100 }], lossDate: '2026-02-30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      'otherCosts.0.amountYen': '金額は 0 以上の整数（円）で入力してください。',
      lossDate: '日付を YYYY-MM-DD の形で入力してください。',
    });
    const badEn = await t.request({
      method: 'POST',
      url: claimsUrl(w.sme.orgId),
      as: w.analyst,
      headers: { 'accept-language': 'en' },
      payload: claimBody(w, { coveredItems: [{ label: 'Recovery', amountYen: 99.9 }] }),
    });
    expect(badEn.statusCode).toBe(400);
    expect(badEn.json().error.fields['coveredItems.0.amountYen']).toBe(
      'Enter the amount as a whole number of yen, 0 or more.',
    );
    const otherIncident = await realIncident(t, w.sme.user, w.sme.orgId, 'pc-99');
    const mismatch = await t.request({
      method: 'POST',
      url: claimsUrl(w.sme.orgId),
      as: w.analyst,
      payload: claimBody(w, { incidentId: otherIncident }),
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields.dispatchId).toBe('この駆け付けは別のインシデントのものです。');
    const after = (
      await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId, `/${claimId}`), as: w.analyst })
    ).json();
    expect(after).toEqual(before);
    expect(
      (await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId), as: w.analyst })).json().total,
    ).toBe(1);
  });

  it('moves draft → submitted → approved → paid, mailing the owner, and locks the record once submitted', async () => {
    const base = claimsUrl(w.sme.orgId, `/${claimId}`);
    const edit = await t.request({
      method: 'PATCH',
      url: base,
      as: w.analyst,
      payload: { policyNumber: 'CY-2026-000124' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const submitted = await t.request({
      method: 'POST',
      url: `${base}/status`,
      as: w.analyst,
      payload: { to: 'submitted', note: '郵送しました' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    const mail = t.mailer.lastTo(w.sme.user.email);
    expect(mail.subject).toBe('【Mamori】サイバー保険の請求を保険会社に提出しました');
    expect(mail.text).toContain('請求額（補償の対象）: 65,000円');
    expect(mail.text).toContain('御社で何かしていただく必要はありません');

    const locked = await t.request({ method: 'PATCH', url: base, as: w.analyst, payload: { insurer: 'x' } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('claim_not_editable');
    const skip = await t.request({
      method: 'POST',
      url: `${base}/status`,
      as: w.analyst,
      payload: { to: 'paid' },
    });
    expect(skip.statusCode).toBe(409);

    await t.request({
      method: 'POST',
      url: `${base}/status`,
      as: w.analyst,
      payload: { to: 'approved', approvedAmountYen: 60000 },
    });
    expect(t.mailer.lastTo(w.sme.user.email).text).toContain('支払われる金額: 60,000円');
    const paid = await t.request({
      method: 'POST',
      url: `${base}/status`,
      as: w.analyst,
      payload: { to: 'paid' },
    });
    expect(paid.json()).toMatchObject({ status: 'paid', approvedAmountYen: 60000, can: { moveTo: [] } });
    expect(paid.json().steps.map((s: { kind: string }) => s.kind)).toEqual([
      'created',
      'attached',
      'attached',
      'attached',
      'detached',
      'edited',
      'submitted',
      'approved',
      'paid',
    ]);
    expect((await upload(w, claimId, w.analyst, 'late.png', 'image/png', PNG)).statusCode).toBe(409);

    const audit = await t.app.mamori.db
      .select({ action: auditLog.action, actor: auditLog.actorEmail })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, w.sme.orgId), like(auditLog.action, 'onsite.claim.%')));
    const actions = audit.map((a) => a.action);
    for (const a of [
      'onsite.claim.create',
      'onsite.claim.attach',
      'onsite.claim.detach',
      'onsite.claim.update',
    ]) {
      expect(actions).toContain(a);
    }
    expect(actions.filter((a) => a === 'onsite.claim.status')).toHaveLength(3);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([w.analyst.email]));
  });

  it('exports the claim as a Japanese or English PDF that reads as text', async () => {
    const ja = await t.request({
      method: 'GET',
      url: claimsUrl(w.sme.orgId, `/${claimId}/pdf`),
      as: w.sme.user,
    });
    expect(ja.statusCode).toBe(200);
    expect(ja.headers['content-type']).toBe('application/pdf');
    expect(ja.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(fontsEmbedded(ja.rawPayload)).toBe(true);
    const text = pdfText(ja.rawPayload);
    for (const s of [
      'サイバー保険 請求記録',
      'まもり損害保険株式会社',
      'CY-2026-000124',
      '2026年11月21日',
      '技術者派遣費（2時間）（駆け付けの記録から）',
      '12,000円',
      '65,000円',
      '社内の残業代',
      '田中 一郎',
      '2時間30分',
      '被害状況の画面.png',
      '支払い済み',
      '60,000円',
    ]) {
      expect(text, s).toContain(s);
    }
    const en = await t.request({
      method: 'GET',
      url: claimsUrl(w.sme.orgId, `/${claimId}/pdf?lang=en`),
      as: w.analyst,
    });
    const enText = pdfText(en.rawPayload);
    expect(enText).toContain('Cyber insurance claim record');
    expect(enText).toContain('Policy number');
    expect(enText).toContain('¥65,000');
    expect(enText).toContain('(from the dispatch record)');
  });

  it('refuses to pull costs from a dispatch with no work recorded', async () => {
    const fresh = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${w.sme.orgId}/onsite/dispatches`,
      as: w.sme.user,
      payload: { incidentId: w.incidentId, reason: 'もう一度見てほしい' },
    });
    const res = await t.request({
      method: 'POST',
      url: claimsUrl(w.sme.orgId),
      as: w.analyst,
      payload: claimBody(w, { dispatchId: fresh.json().id }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.dispatchId).toBe(
      'この駆け付けはまだ作業が記録されていないため、費用を取り込めません。',
    );
  });
});

describe('claim mails in the owner’s language', () => {
  it('tells an English-speaking owner in English', async () => {
    const provider = await t.userWithOrg('provider');
    const sme = await englishSme(t, provider.orgId);
    const incidentId = await realIncident(t, sme.user, sme.orgId);
    const c = await t.request({
      method: 'POST',
      url: claimsUrl(sme.orgId),
      as: provider.user,
      payload: {
        incidentId,
        insurer: 'Mamori Insurance',
        policyNumber: 'P-1',
        lossDate: '2026-11-20',
        coveredItems: [{ label: 'Forensics', amountYen: 30000 }],
      },
    });
    expect(c.statusCode, c.body).toBe(201);
    await t.request({
      method: 'POST',
      url: claimsUrl(sme.orgId, `/${c.json().id}/status`),
      as: provider.user,
      payload: { to: 'submitted' },
    });
    const mail = t.mailer.lastTo(sme.user.email);
    expect(mail.subject).toBe('[Mamori] Your cyber insurance claim has been submitted');
    expect(mail.text).toContain('Amount claimed (covered costs): ¥30,000');
    expect(mail.text).toContain('Comment: (no comment)');
  });
});

describe('tenancy of claims', () => {
  it('keeps every claim route to the SME and its provider', async () => {
    const w = await world();
    const created = await t.request({
      method: 'POST',
      url: claimsUrl(w.sme.orgId),
      as: w.analyst,
      payload: claimBody(w),
    });
    const id = created.json().id as string;
    const att = await upload(w, id, w.analyst, 'a.png', 'image/png', PNG);
    const attId = att.json().id as string;
    const other = await t.servedSme();
    const rival = await t.userWithOrg('provider');
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${w.sme.orgId}/providers`,
      as: w.sme.user,
      payload: { providerOrgId: rival.orgId },
    });

    const routes = (o: string): Omit<InjectOptions, 'headers'>[] => [
      { method: 'GET', url: claimsUrl(o, `/${id}`) },
      { method: 'PATCH', url: claimsUrl(o, `/${id}`), payload: { insurer: 'x' } },
      { method: 'POST', url: claimsUrl(o, `/${id}/status`), payload: { to: 'submitted' } },
      { method: 'GET', url: claimsUrl(o, `/${id}/pdf`) },
      { method: 'GET', url: claimsUrl(o, `/${id}/attachments/${attId}`) },
      { method: 'DELETE', url: claimsUrl(o, `/${id}/attachments/${attId}`) },
    ];
    const before = (
      await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId, `/${id}`), as: w.sme.user })
    ).json();
    const outsiders: [string, TestUser, string][] = [
      ['another SME', other.sme.user, w.sme.orgId],
      ['another SME, through its own org', other.sme.user, other.sme.orgId],
      ['another SME’s provider', other.provider.user, w.sme.orgId],
      ['another SME’s provider, through its customer', other.provider.user, other.sme.orgId],
      ['a rival provider of the same SME', rival.user, w.sme.orgId],
    ];
    for (const [who, user, orgId] of outsiders) {
      for (const r of routes(orgId)) {
        const res = await t.request({ ...r, as: user });
        expect(res.statusCode, `${who}: ${r.method} ${r.url} → ${res.body}`).toBe(404);
      }
      const up = await t.request({
        method: 'POST',
        url: `${claimsUrl(orgId, `/${id}/attachments`)}?name=x.png`,
        headers: { 'content-type': 'image/png' },
        payload: PNG,
        as: user,
      });
      expect(up.statusCode, `${who}: upload`).toBe(404);
    }
    for (const user of [other.sme.user, other.provider.user]) {
      expect((await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId), as: user })).statusCode).toBe(
        404,
      );
      const create = await t.request({
        method: 'POST',
        url: claimsUrl(w.sme.orgId),
        as: user,
        payload: claimBody(w),
      });
      expect(create.statusCode).toBe(404);
    }
    // The rival provider serves the SME but cannot draw on the first provider's dispatch.
    const steal = await t.request({
      method: 'POST',
      url: claimsUrl(w.sme.orgId),
      as: rival.user,
      payload: claimBody(w),
    });
    expect(steal.statusCode).toBe(400);
    expect(steal.json().error.fields.dispatchId).toBe('この駆け付けの記録は見つかりませんでした。');
    const after = (
      await t.request({ method: 'GET', url: claimsUrl(w.sme.orgId, `/${id}`), as: w.sme.user })
    ).json();
    expect(after).toEqual(before);
    expect(
      (await t.request({ method: 'GET', url: claimsUrl(w.provider.orgId), as: w.analyst })).json().total,
    ).toBe(1);
    expect(
      (await t.request({ method: 'GET', url: claimsUrl(rival.orgId), as: rival.user })).json().total,
    ).toBe(0);
    expect(
      (await t.request({ method: 'GET', url: claimsUrl(w.provider.orgId), as: w.sme.user })).statusCode,
    ).toBe(404);
  });
});
