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

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const basicFields = {
  companyName: '株式会社みまもり製作所',
  assetScope: 'both',
  enactedOn: '2026-04-01',
  representativeTitle: '代表取締役',
  representativeName: '山田 太郎',
  showContact: true,
  contact: 'security@example.co.jp',
};

async function create(user: TestUser, orgId: string, fields = basicFields) {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/policies`,
    payload: { template: 'basic-policy', fields },
    as: user,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

describe('templates', () => {
  it('lists the three templates with their fields, in the request language', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/policy/templates' });
    const list = res.json();
    expect(list.map((x: { id: string }) => x.id).sort()).toEqual(['basic-policy', 'handbook', 'rules']);
    const basic = list.find((x: { id: string }) => x.id === 'basic-policy');
    expect(basic.fields.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['companyName', 'enactedOn']),
    );
    expect(basic.title).toContain('基本方針');
  });

  it('pre-fills from the profile and the latest diagnosis', async () => {
    const { user, orgId } = await t.userWithOrg();
    const answers = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [String(i + 1), i === 20 ? 'yes' : 'no']),
    );
    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/diagnoses`,
      payload: { answers },
      as: user,
    });
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/defaults?template=rules`,
      as: user,
    });
    const d = res.json();
    expect(d.fields.companyName).toBe(`${user.name}の会社`);
    expect(d.fields.usesPersonalDevices).toBe(true);
    expect(d.sections.byod).toBe(true);
    expect(d.basedOnDiagnosis).toBeTruthy();
  });
});

describe('versions, approval and publication', () => {
  it('keeps drafts in place, versions after approval, and diffs them', async () => {
    const { user, orgId } = await t.userWithOrg();
    const v1 = await create(user, orgId);
    expect(v1).toMatchObject({ version: 1, status: 'draft' });
    const edit = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}`,
      payload: { fields: { ...basicFields, representativeName: '山田 花子' } },
      as: user,
    });
    expect(edit.json()).toMatchObject({ id: v1.id, version: 1, status: 'draft' });

    const approve = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/approve`,
      payload: { version: 1 },
      as: user,
    });
    expect(approve.json()).toEqual({ version: 1, status: 'approved' });

    const v2 = await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}`,
      payload: { fields: { ...basicFields, representativeName: '佐藤 次郎' } },
      as: user,
    });
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft' });

    const diff = (
      await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/policies/${v1.id}/diff?from=1&to=2`,
        as: user,
      })
    ).json();
    const changed = diff.lines.filter((l: { change: string }) => l.change !== 'same');
    expect(
      changed.some(
        (l: { change: string; text: string }) => l.change === 'removed' && l.text.includes('山田 花子'),
      ),
    ).toBe(true);
    expect(
      changed.some(
        (l: { change: string; text: string }) => l.change === 'added' && l.text.includes('佐藤 次郎'),
      ),
    ).toBe(true);

    const doc = (
      await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/policies/${v1.id}`, as: user })
    ).json();
    expect(doc.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect(doc.versions[1].approvedByName).toBe(user.name);
  });

  it('refuses to publish an unapproved version, then publishes the approved one at a stable public page', async () => {
    const { user, orgId } = await t.userWithOrg();
    const v1 = await create(user, orgId);
    const early = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/publish`,
      payload: {},
      as: user,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ code: 'not_approved' });
    expect(early.json().error.message).toContain('承認');

    await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/approve`,
      payload: { version: 1 },
      as: user,
    });
    const pub = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/publish`,
      payload: {},
      as: user,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const url = new URL(pub.json().publicUrl);
    expect(url.pathname).toMatch(/^\/policies\/[A-Za-z0-9_-]+$/);
    const page = await t.request({ method: 'GET', url: url.pathname });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('株式会社みまもり製作所');
    expect(page.body).toContain('2026年4月1日');

    // A later draft does not change what the public sees.
    await t.request({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}`,
      payload: { fields: { ...basicFields, companyName: '改名後の会社' } },
      as: user,
    });
    const again = await t.request({ method: 'GET', url: url.pathname });
    expect(again.body).toContain('株式会社みまもり製作所');
    const unpublished = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/publish`,
      payload: { version: 2 },
      as: user,
    });
    expect(unpublished.statusCode).toBe(422);
  });

  it('lets a practitioner write but only the owner approve', async () => {
    const { user: owner, orgId } = await t.userWithOrg();
    const p = await t.signUp();
    const inv = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/invitations`,
      payload: { email: p.email, role: 'practitioner' },
      as: owner,
    });
    await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: p });
    const v1 = await create(p, orgId);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/approve`,
      payload: { version: 1 },
      as: p,
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers 400 naming the field for an empty company name or a date that does not exist', async () => {
    const { user, orgId } = await t.userWithOrg();
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies`,
      payload: {
        template: 'basic-policy',
        fields: { ...basicFields, companyName: '', enactedOn: '2026-02-30' },
      },
      as: user,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['fields.companyName', 'fields.enactedOn']);
    expect(res.json().error.fields['fields.enactedOn']).toContain('存在する日付');
    const list = (await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/policies`, as: user })).json();
    expect(list.items).toEqual([]);
    const unknownTemplate = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies`,
      payload: { template: 'nope', fields: {} },
      as: user,
    });
    expect(unknownTemplate.statusCode).toBe(400);
  });
});

describe('export', () => {
  it('exports .docx with Word headings and numbering, a PDF with Japanese text, and HTML', async () => {
    const { user, orgId } = await t.userWithOrg();
    const v1 = await create(user, orgId);
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-policy-'));

    const docx = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/export?format=docx`,
      as: user,
    });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    writeFileSync(path.join(dir, 'p.docx'), docx.rawPayload);
    const xml = execFileSync('unzip', ['-p', path.join(dir, 'p.docx'), 'word/document.xml']).toString();
    expect(xml).toContain('株式会社みまもり製作所');
    expect(xml).toContain('w:pStyle w:val="Heading1"');

    // The rules have numbered lists and tables: Word must see real numbering and tables.
    const defaults = (
      await t.request({
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/policies/defaults?template=rules`,
        as: user,
      })
    ).json();
    const rules = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${orgId}/policies`,
      payload: {
        template: 'rules',
        fields: { ...defaults.fields, backupPlace: '施錠できる棚のNAS' },
        sections: defaults.sections,
      },
      as: user,
    });
    expect(rules.statusCode, rules.body).toBe(201);
    const rulesDocx = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/${rules.json().id}/export?format=docx`,
      as: user,
    });
    writeFileSync(path.join(dir, 'r.docx'), rulesDocx.rawPayload);
    const rulesXml = execFileSync('unzip', ['-p', path.join(dir, 'r.docx'), 'word/document.xml']).toString();
    expect(rulesXml).toContain('w:numPr');
    expect(rulesXml).toContain('<w:tbl>');
    expect(rulesXml).toContain('第1条');
    const styles = execFileSync('unzip', ['-p', path.join(dir, 'p.docx'), 'word/styles.xml']).toString();
    expect(styles).toContain('w:eastAsia="Yu Gothic"');

    const pdf = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/export?format=pdf`,
      as: user,
    });
    writeFileSync(path.join(dir, 'p.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'p.pdf'), '-']).toString();
    expect(text).toContain('株式会社みまもり製作所');
    expect(text).toContain('情報セキュリティ基本方針');
    expect(
      execFileSync('pdftoppm', ['-r', '20', '-png', path.join(dir, 'p.pdf'), path.join(dir, 'pg')], {
        stdio: 'pipe',
      }).toString(),
    ).toBe('');

    const html = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/export?format=html`,
      as: user,
    });
    expect(html.body).toMatch(/^<!doctype html><html lang="ja">/);
    expect(html.body).toContain('<h1>');

    const bad = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/export?format=odt`,
      as: user,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('escapes what companies type into the HTML', async () => {
    const { user, orgId } = await t.userWithOrg();
    const v1 = await create(user, orgId, { ...basicFields, companyName: '<script>alert(1)</script>' });
    const html = await t.request({
      method: 'GET',
      url: `/api/v1/orgs/${orgId}/policies/${v1.id}/export?format=html`,
      as: user,
    });
    expect(html.body).not.toContain('<script>alert');
    expect(html.body).toContain('&lt;script&gt;');
  });
});

describe('tenancy', () => {
  it.each([
    ['list', (id: string) => ({ method: 'GET' as const, url: `/api/v1/orgs/${id}/policies` })],
    [
      'defaults',
      (id: string) => ({
        method: 'GET' as const,
        url: `/api/v1/orgs/${id}/policies/defaults?template=rules`,
      }),
    ],
    [
      'create',
      (id: string) => ({
        method: 'POST' as const,
        url: `/api/v1/orgs/${id}/policies`,
        payload: { template: 'basic-policy', fields: basicFields },
      }),
    ],
  ])('%s: another organisation gets 404', async (_n, route) => {
    await expectForeignOrg404(t, route);
  });

  it('does not reach another organisation’s document through its own org id', async () => {
    const a = await t.userWithOrg();
    const b = await t.userWithOrg();
    const doc = await create(b.user, b.orgId);
    for (const url of [
      `/api/v1/orgs/${a.orgId}/policies/${doc.id}`,
      `/api/v1/orgs/${a.orgId}/policies/${doc.id}/export?format=pdf`,
      `/api/v1/orgs/${a.orgId}/policies/${doc.id}/diff?from=1&to=1`,
    ]) {
      expect((await t.request({ method: 'GET', url, as: a.user })).statusCode).toBe(404);
    }
  });
});
