import { describe, expect, it } from 'vitest';
import type { MonthlyFigures } from '../monitoring/index.ts';
import { type ComposeInput, composeReport, MAX_RECOMMENDATIONS, overallUptime } from './reports.compose.ts';
import { advice } from './reports.content.ts';

function figures(over: Partial<MonthlyFigures> = {}): MonthlyFigures {
  return {
    from: '2026-09-30T15:00:00.000Z',
    to: '2026-10-31T15:00:00.000Z',
    events: {
      total: 1200,
      byCategory: [{ category: 'network', count: 1200, blocked: 30 }],
      bySensorKind: [{ kind: 'utm', count: 1200 }],
      byDay: [],
      authFailures: 0,
      pending: 0,
    },
    blocked: { total: 30 },
    detected: { alerts: 0, hits: 0, byRule: [], bySeverity: [] },
    incidents: { opened: 0, byStatus: [], items: [] },
    sensors: [
      {
        id: 's1',
        name: 'UTM',
        kind: 'utm',
        registeredAt: '2026-01-01T00:00:00.000Z',
        revokedAt: null,
        events: 1200,
        hours: 744,
        hoursWithEvents: 744,
        uptime: 1,
      },
    ],
    ...over,
  };
}

const topics: Record<number, string> = {
  1: 'OSやソフトの更新',
  2: 'ウイルス対策ソフト',
  3: '破られにくいパスワード',
};
const input = (f: MonthlyFigures, over: Partial<ComposeInput> = {}): ComposeInput => ({
  orgId: 'o1',
  month: '2026-10',
  final: true,
  lang: 'ja',
  now: new Date('2026-11-01T00:00:00Z'),
  figures: f,
  diagnosis: {
    id: 'd1',
    total: 100,
    band: 'complete',
    createdAt: '2026-06-01T00:00:00.000Z',
    answers: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'yes'])),
  },
  item: (no) => ({ topic: topics[no] ?? `項目${no}`, actions: [`対策${no}`], learningTheme: `theme-${no}` }),
  answerLabel: (a) => ({ no: '実施していない', partial: '一部実施している' })[a] ?? a,
  ruleTitle: (id) => id,
  advice,
  ...over,
});

describe('composeReport', () => {
  it('calls a quiet, fully diagnosed month calm with nothing extra to do', () => {
    const r = composeReport(input(figures()));
    expect(r.tone).toBe('calm');
    expect(r.headline).toBe('この月は大きな問題はありませんでした。監視は順調です。');
    expect(r.summary[0]).toBe(
      '2026年10月は、監視機器から 1,200 件の記録が届き、そのうち 30 件の不審な通信やウイルスなどを止めました。',
    );
    expect(r.recommendations).toEqual([]);
  });

  it('turns many failed logins into password advice tied to the company’s own answer', () => {
    const base = input(figures());
    const diagnosis = { ...(base.diagnosis as NonNullable<ComposeInput['diagnosis']>) };
    diagnosis.answers = { ...diagnosis.answers, '3': 'no' };
    const f = figures();
    f.events.authFailures = 19;
    expect(composeReport({ ...base, diagnosis }).recommendations.map((x) => x.id)).toEqual(['item-3']);
    f.events.authFailures = 20;
    const r = composeReport({ ...base, figures: f, diagnosis });
    expect(r.recommendations.map((x) => x.id)).toEqual(['signal-failed-logins']);
    expect(r.recommendations[0]).toMatchObject({
      item: { no: 3, answer: 'no', answerLabel: '実施していない' },
      link: { path: '/orgs/o1/learning/theme-3' },
    });
    expect(r.recommendations[0]?.text).toContain('ログインの失敗が 20 回');
  });

  it('puts open incidents first, then the month’s signals, silent sensors and weak items, at most five', () => {
    const f = figures({
      detected: {
        alerts: 2,
        hits: 2,
        byRule: [
          { ruleId: 'malware-detected', alerts: 1, hits: 1, severity: 3 },
          { ruleId: 'sensor-silent', alerts: 1, hits: 1, severity: 2 },
        ],
        bySeverity: [],
      },
      incidents: {
        opened: 2,
        byStatus: [
          { status: 'new', count: 1 },
          { status: 'closed', count: 1 },
        ],
        items: [],
      },
    });
    f.sensors[0] = {
      ...(f.sensors[0] as MonthlyFigures['sensors'][number]),
      hoursWithEvents: 600,
      uptime: 600 / 744,
    };
    const base = input(f);
    const diagnosis = base.diagnosis as NonNullable<ComposeInput['diagnosis']>;
    const answers = {
      ...diagnosis.answers,
      '2': 'no',
      '5': 'partial',
      '9': 'unknown',
      '12': 'no',
      '20': 'no',
    };
    const r = composeReport({ ...base, diagnosis: { ...diagnosis, answers } });
    expect(r.tone).toBe('act');
    expect(r.headline).toBe(
      '対応が終わっていない出来事が 1 件あります。「次にやること」を確認してください。',
    );
    expect(r.summary).toContain(
      'そのうち対応が必要な出来事（インシデント）は 2 件で、1 件は対応が終わり、1 件はまだ対応中です。',
    );
    expect(r.summary).toContain('監視機器「UTM」からの記録が途切れていた時間がありました（稼働率 80.6%）。');
    // item 2 is covered by the malware advice; the rest by "no" before "unknown" before "partial"
    expect(r.recommendations.map((x) => x.id)).toEqual([
      'incidents-open',
      'signal-malware',
      'sensors',
      'item-12',
      'item-20',
    ]);
    expect(r.recommendations).toHaveLength(MAX_RECOMMENDATIONS);
    expect(r.recommendations[1]?.item).toMatchObject({ no: 2, answer: 'no' });
  });

  it('asks for a diagnosis when there is none, and says so when nothing arrived', () => {
    const f = figures({ sensors: [] });
    f.events = { ...f.events, total: 0, byCategory: [] };
    f.blocked.total = 0;
    const r = composeReport(input(f, { diagnosis: null, lang: 'en' }));
    expect(r.tone).toBe('watch');
    expect(r.summary).toEqual(['In October 2026, no records arrived from the monitoring devices.']);
    expect(r.recommendations.map((x) => x.kind)).toEqual(['no-diagnosis']);
    expect(overallUptime(f)).toBeNull();
  });
});
