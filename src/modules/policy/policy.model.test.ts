import { describe, expect, it } from 'vitest';
import { buildDocument, documentLines, fieldsSchema, fill, formatDate } from './policy.model.ts';
import { loadTemplates } from './policy.template.ts';

const templates = loadTemplates();
const basic = templates.get('basic-policy');
const rules = templates.get('rules');
if (!basic || !rules) throw new Error('templates missing');

const basicValues = {
  companyName: '株式会社みまもり製作所',
  assetScope: basic.fields.find((f) => f.id === 'assetScope')?.options?.[0]?.value ?? '',
  enactedOn: '2026-04-01',
  representativeTitle: '代表取締役',
  representativeName: '山田 太郎',
  showContact: true,
  contact: 'security@example.co.jp',
};

describe('the document model', () => {
  it('fills the basic policy for a small manufacturer (snapshot)', () => {
    const doc = buildDocument(basic, basicValues, {}, 'ja');
    expect(doc.title).not.toContain('{{');
    expect(JSON.stringify(doc)).not.toContain('{{');
    expect(documentLines(doc).join('\n')).toContain('2026年4月1日');
    expect(documentLines(doc).join('\n')).toContain('株式会社みまもり製作所');
    expect(doc).toMatchSnapshot();
  });

  it('drops the contact section when the company gives none', () => {
    const withContact = buildDocument(basic, basicValues, {}, 'ja');
    const without = buildDocument(basic, { ...basicValues, showContact: false, contact: '' }, {}, 'ja');
    expect(without.sections.length).toBe(withContact.sections.length - 1);
  });

  it('includes the BYOD and telework chapters only when they apply, and numbers articles across chapters', () => {
    const base = {
      companyName: '有限会社テスト',
      enactedOn: '2026-01-15',
      securityOfficer: '情報セキュリティ責任者',
      systemAdmin: 'システム管理者',
      passwordMinLength: 12,
      backupFrequency: 'weekly',
      backupPlace: '施錠できる棚のNAS',
      reviewMonths: 12,
      usesCloud: true,
      usesPersonalDevices: false,
      allowsTelework: false,
      handlesMyNumber: true,
      developsSystems: false,
    };
    const small = buildDocument(rules, base, {}, 'ja');
    const byod = buildDocument(rules, { ...base, usesPersonalDevices: true }, {}, 'ja');
    const switchedOff = buildDocument(rules, { ...base, usesPersonalDevices: true }, { byod: false }, 'ja');
    const ids = (d: typeof small) => d.sections.map((s) => s.id);
    const optional = rules.sections.filter((s) => s.optional).map((s) => s.id);
    expect(optional.length).toBeGreaterThanOrEqual(4);
    expect(ids(byod).length).toBe(ids(small).length + 1);
    expect(ids(switchedOff)).toEqual(ids(small));
    expect(small.sections[0]?.number).toBe('第1章');
    const articles = small.sections.flatMap((s) => s.sections.map((x) => x.number));
    expect(articles.slice(0, 3)).toEqual(['第1条', '第2条', '第3条']);
    expect(documentLines(small).join('\n')).toContain('12');
    expect(small).toMatchSnapshot();
  });

  it('writes dates and removes empty optional values with their brackets', () => {
    expect(formatDate('2026-04-01', 'ja')).toBe('2026年4月1日');
    expect(formatDate('2026-04-01', 'en')).toBe('1 April 2026');
    const fields = new Map([
      ['x', { id: 'x', type: 'text' as const, label: { ja: 'x', en: 'x' }, required: false }],
    ]);
    expect(fill({ ja: '窓口は「{{x}}」です。', en: 'Desk: {{x}}.' }, 'ja', fields, { x: '' })).toBe(
      '窓口はです。',
    );
    expect(fill({ ja: '窓口は「{{x}}」です。', en: 'Desk: {{x}}.' }, 'ja', fields, { x: '総務部' })).toBe(
      '窓口は「総務部」です。',
    );
  });

  it('validates fields: required text, real dates, number ranges, select options, unknown keys', () => {
    const schema = fieldsSchema(basic);
    expect(schema.safeParse(basicValues).success).toBe(true);
    const bad = schema.safeParse({ ...basicValues, companyName: ' ', enactedOn: '2026-02-30', extra: 1 });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.') || i.code);
    expect(paths).toEqual(expect.arrayContaining(['companyName', 'enactedOn', 'unrecognized_keys']));
    const r = fieldsSchema(rules).safeParse({ passwordMinLength: 4 });
    expect(r.error?.issues.some((i) => i.path[0] === 'passwordMinLength')).toBe(true);
  });
});
