import { describe, expect, it } from 'vitest';
import { currentBank } from '../diagnosis/index.ts';
import { learningThemeList } from '../learning/index.ts';
import { loadContent } from './guide.content.ts';
import { checkValues, dayInJapan, prefill, reportText } from './guide.reports.ts';

const content = loadContent({
  diagnosisItems: new Set(currentBank().parts.flatMap((p) => p.items.map((i) => i.no))),
  learningThemes: new Set(learningThemeList('ja').map((x) => x.id)),
});
const virus = content.forms.get('virus');
const access = content.forms.get('unauthorized-access');
if (!virus || !access) throw new Error('forms missing');

const source = {
  today: new Date('2026-03-01T16:00:00Z'),
  org: { name: '株式会社まもり製作所', prefectureLabel: '大阪府' },
  reporter: { name: '山田 太郎', email: 'yamada@example.test' },
  case: {
    topic: 'ransomware',
    title: '経理PCの暗号化',
    notes: '9時に発見\n共有フォルダも開けない',
    createdAt: new Date('2026-02-28T01:00:00Z'),
  },
  incident: null,
};

describe('IPA report drafts', () => {
  it('dates things as the calendar in Japan shows them', () => {
    expect(dayInJapan(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('fills what Mamori knows without an incident', () => {
    const v = prefill(virus, source, 'ja');
    expect(v).toMatchObject({
      reportDate: '2026-03-02',
      prefecture: '大阪府',
      company: '株式会社まもり製作所',
      kind: 'infected',
      foundOn: '2026-02-28',
      count: '',
      method: '',
      damage: '9時に発見\n共有フォルダも開けない',
    });
    expect(Object.keys(v)).toHaveLength(virus.sections.flatMap((s) => s.fields).length);
  });

  it('uses the incident’s first detection, host and alert count', () => {
    const v = prefill(
      access,
      {
        ...source,
        case: { ...source.case, topic: 'website-defacement' },
        incident: {
          id: 'inc-1',
          entity: 'host:web-01',
          severity: 4,
          firstSeenAt: new Date('2026-02-27T20:30:00Z'),
          lastSeenAt: new Date('2026-02-27T21:00:00Z'),
          alertCount: 3,
        },
      },
      'ja',
    );
    expect(v).toMatchObject({ foundOn: '2026-02-28', devices: ['server-web'], trigger: 'self-tool' });
    expect(v.other).toContain('インシデント inc-1');
    expect(v.other).toContain('重大度 緊急');
    expect(v.other).toContain('アラート 3 件');
  });

  it('writes plain text with labels, chosen options and indented notes', () => {
    const values = checkValues(virus, { ...prefill(virus, source, 'ja'), location: 'server', os: 'windows' });
    const text = reportText(virus, values, 'ja');
    expect(text.split('\n')[0]).toBe('コンピュータウイルス届出（下書き）');
    expect(text).toContain('■ 届出者');
    expect(text).toContain('発見か感染か: 感染');
    expect(text).toContain('3. 見つけた場所: サーバー');
    expect(text).toContain('7. 被害の状況:\n  9時に発見\n  共有フォルダも開けない');
    expect(text).toContain('電話番号: （未記入）');
    const en = reportText(virus, values, 'en');
    expect(en).toContain('Found or infected: Infected');
    expect(en).toContain('(not filled in)');
  });

  it('rejects values the form does not allow', () => {
    expect(() => checkValues(virus, { os: 'beos' })).toThrow();
    expect(() => checkValues(virus, { reportDate: 'yesterday' })).toThrow();
    expect(() => checkValues(access, { devices: 'pc' })).toThrow();
    expect(() => checkValues(virus, { other: 'x'.repeat(8001) })).toThrow();
    expect(checkValues(access, { devices: ['pc', 'nas'] }).devices).toEqual(['pc', 'nas']);
  });
});
