import { BlockList, isIPv4 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowed, Detector, settle } from './monitoring.detect.ts';
import { RuleIndex } from './monitoring.prefilter.ts';
import {
  type Compiled,
  compileRule,
  ipv4ToInt,
  loadRules,
  lowered,
  parseCondition,
  type RuleDef,
  requiredLiteral,
} from './monitoring.rules.ts';

const base = {
  title: { ja: 't', en: 't' },
  level: 'high' as const,
  group_by: ['source.ip'],
  suppress: '30m',
  explain: { what: { ja: 'w', en: 'w' }, actions: { ja: ['a'], en: ['a'] } },
};
const rule = (id: string, extra: Partial<RuleDef>) => compileRule({ id, ...base, ...extra } as RuleDef);

describe('conditions and modifiers', () => {
  it('parses and, or, not, parentheses, 1 of and all of', () => {
    const sel = new Map<string, Compiled>([
      ['a', { pred: () => true, need: null }],
      ['b', { pred: () => false, need: null }],
      ['sel_x', { pred: () => true, need: null }],
      ['sel_y', { pred: () => false, need: null }],
    ]);
    const c = (s: string) => parseCondition(s, sel).pred({});
    expect(c('a and not b')).toBe(true);
    expect(c('b or (a and not b)')).toBe(true);
    expect(c('1 of sel_*')).toBe(true);
    expect(c('all of sel_*')).toBe(false);
    expect(c('all of them')).toBe(false);
    expect(() => c('a and')).toThrow();
    expect(() => c('nothere')).toThrow();
  });

  it('matches contains, startswith, endswith, re, cidr, wildcard, all and lists case-insensitively', () => {
    const r = rule('m', {
      detection: {
        sel: {
          'process.command_line|contains|all': ['vssadmin', 'delete shadows'],
          'process.name|endswith': ['.EXE'],
          'source.ip|cidr': ['10.0.0.0/8', '192.168.0.0/16'],
          'user.name|wildcard': 'adm?n*',
          'url.domain|re': '^evil\\d+\\.example$',
        },
        condition: 'sel',
      },
    });
    const ok = {
      'process.command_line': 'cmd /c VSSADMIN Delete Shadows /all',
      'process.name': 'cmd.exe',
      'source.ip': '192.168.3.4',
      'user.name': 'Administrator',
      'url.domain': 'evil42.example',
    };
    expect(r.match(ok)).toBe(true);
    expect(r.match({ ...ok, 'source.ip': '172.16.0.1' })).toBe(false);
    expect(r.match({ ...ok, 'process.command_line': 'vssadmin list shadows' })).toBe(false);
    expect(r.match({ ...ok, 'source.ip': 'not-an-ip' })).toBe(false);
  });
});

describe('Detector', () => {
  it('fires an aggregation only from the Nth event within the window, per source', () => {
    const brute = rule('brute', {
      detection: {
        sel: { 'event.outcome': 'failure', 'event.category': 'authentication' },
        condition: 'sel',
      },
      aggregation: { count: 3, by: ['source.ip'], within: '1m' },
    });
    const detector = new Detector([brute]);
    const windows = new Map<string, number[]>();
    const d = { detect: (e: Parameters<Detector['detect']>[0]) => settle(detector.detect(e), windows) };
    const ev = (ip: string, s: number) => ({
      orgId: 'o1',
      sensorId: 's',
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, s)),
      fields: { 'event.outcome': 'failure', 'event.category': 'authentication', 'source.ip': ip },
    });
    expect(d.detect(ev('1.1.1.1', 0))).toHaveLength(0);
    expect(d.detect(ev('2.2.2.2', 1))).toHaveLength(0);
    expect(d.detect(ev('1.1.1.1', 2))).toHaveLength(0);
    const hits = d.detect(ev('1.1.1.1', 3));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.key).toBe('o1|brute|source.ip=1.1.1.1');
    // Another tenant's events never count toward this one's window.
    expect(d.detect({ ...ev('1.1.1.1', 4), orgId: 'o2' })).toHaveLength(0);
  });

  it('turns a vendor verdict into an alert only when no specific rule matched', () => {
    const verdict = compileRule({ id: 'vendor-verdict', kind: 'vendor_verdict', ...base } as RuleDef);
    const malware = rule('malware', {
      detection: { sel: { 'event.category': 'malware' }, condition: 'sel' },
    });
    const d = new Detector([malware, verdict]);
    const at = new Date();
    expect(
      d
        .detect({
          orgId: 'o',
          sensorId: 's',
          at,
          fields: { 'event.category': 'malware', 'mamori.verdict': true },
        })
        .map((h) => h.rule.id),
    ).toEqual(['malware']);
    expect(
      d
        .detect({
          orgId: 'o',
          sensorId: 's',
          at,
          fields: { 'event.category': 'web', 'mamori.verdict': true },
        })
        .map((h) => h.rule.id),
    ).toEqual(['vendor-verdict']);
  });

  it('honours per-tenant overrides: a disabled rule and a host exception', () => {
    const none = { disabled: new Set<string>(), hostExceptions: new Map<string, Set<string>>() };
    expect(allowed(undefined, 'malware', 'pc-1')).toBe(true);
    expect(allowed(none, 'malware', 'pc-1')).toBe(true);
    expect(allowed({ ...none, disabled: new Set(['malware']) }, 'malware', 'pc-1')).toBe(false);
    const except = { ...none, hostExceptions: new Map([['malware', new Set(['pc-1'])]]) };
    expect(allowed(except, 'malware', 'pc-1')).toBe(false);
    expect(allowed(except, 'malware', 'pc-2')).toBe(true);
    expect(allowed(except, 'malware', '')).toBe(true);
  });
});

describe('the starter rule pack', () => {
  it('loads and compiles every rule in content/rules', () => {
    const rules = loadRules();
    const ids = rules.map((r) => r.id);
    for (const id of [
      'malware-detected',
      'malware-blocked',
      'c2-known-bad-destination',
      'port-scan-from-outside',
      'rdp-exposed',
      'vpn-brute-force',
      'brute-force-login',
      'ransomware-behaviour',
      'malicious-attachment',
      'sensor-silent',
      'many-external-destinations',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('IPv4 ranges', () => {
  it('parses exactly what node:net accepts as IPv4', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.string({ maxLength: 20 }), fc.ipV4Extended()), (v) => {
        expect(ipv4ToInt(v) !== null).toBe(isIPv4(v));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches a cidr selection as BlockList does', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (net, ip, bits) => {
        const list = new BlockList();
        list.addSubnet(net, bits, 'ipv4');
        const r = rule('r', { detection: { sel: { 'source.ip|cidr': `${net}/${bits}` }, condition: 'sel' } });
        expect(r.match({ 'source.ip': ip })).toBe(list.check(ip, 'ipv4'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the rule index', () => {
  // Shapes the index must see through: or, not, 1 of / all of, lists of maps, null values, all.
  const shapes = [
    rule('eq-or', {
      detection: { a: { 'event.action': 'Deny' }, b: { 'rule.name|startswith': 'ET ' }, condition: 'a or b' },
    }),
    rule('not-only', { detection: { a: { 'user.name': 'admin' }, condition: 'not a' } }),
    rule('one-of', {
      detection: {
        s_1: { 'destination.port': 3389 },
        s_2: { 'destination.port': [22, 23] },
        condition: '1 of s_*',
      },
    }),
    rule('all-of', {
      detection: {
        s_1: { 'event.outcome': 'failure' },
        s_2: { 'user.name|contains': 'adm' },
        condition: 'all of s_*',
      },
    }),
    rule('list-of-maps', {
      detection: { sel: [{ 'host.name': 'PC-1' }, { 'process.name|endswith': '.exe' }], condition: 'sel' },
    }),
    rule('null-field', {
      detection: { sel: { 'user.name': null, 'event.outcome': 'success' }, condition: 'sel' },
    }),
    rule('all-mod', {
      detection: {
        sel: { 'process.name|all': ['a.exe', 'A.EXE'] },
        condition: 'sel and not (x)',
        x: { 'host.name': 'pc-2' },
      },
    }),
    rule('bool', { detection: { sel: { 'mamori.verdict': true }, condition: 'sel' } }),
  ];
  const rules = [...loadRules().filter((r) => !r.def.kind), ...shapes];
  const fieldNames = [
    'event.action',
    'rule.name',
    'user.name',
    'destination.port',
    'event.outcome',
    'host.name',
    'process.name',
    'mamori.verdict',
    'event.category',
    'source.ip',
    'process.command_line',
  ];
  const values = fc.oneof(
    fc.constantFrom(
      'deny',
      'DENY',
      'ET scan',
      'admin',
      'Admin',
      3389,
      22,
      '23',
      'failure',
      'success',
      'pc-1',
      'a.exe',
      'x.EXE',
      'pc-2',
      true,
      false,
      'malware',
      'authentication',
      '203.0.113.5',
      'vssadmin delete shadows',
    ),
    fc.string({ maxLength: 6 }),
  );
  const events = fc.dictionary(fc.constantFrom(...fieldNames), values, { maxKeys: 6 });

  it('offers every rule that matches, in rule order', () => {
    const index = new RuleIndex(rules, lowered);
    fc.assert(
      fc.property(events, (f) => {
        const ids = (rs: typeof rules) => rs.filter((r) => r.match(f)).map((r) => r.id);
        expect(ids(index.candidates(f))).toEqual(ids(rules));
      }),
      { numRuns: 5000 },
    );
  });

  it('narrows an equality rule to the events carrying its value', () => {
    const index = new RuleIndex(rules, lowered);
    const offered = index.candidates({ 'destination.port': 443 }).map((r) => r.id);
    expect(offered).not.toContain('one-of');
    expect(index.candidates({ 'destination.port': 3389 }).map((r) => r.id)).toContain('one-of');
    expect(offered).toContain('not-only');
  });
});

describe('the literal a pattern needs', () => {
  // Each piece of a pattern, with text it matches (so every generated line is a true match).
  const piece = fc.oneof(
    fc
      .constantFrom('bench', 'Marker', 'evil', 'rdp-', 'cmd_', 'a b')
      .map((w) => ({ re: w, text: fc.constant(w) })),
    fc.constant({ re: '\\d', text: fc.integer({ min: 0, max: 9 }).map(String) }),
    fc.constant({ re: '[0-9]{4}', text: fc.integer({ min: 1000, max: 9999 }).map(String) }),
    fc.constant({ re: '.*', text: fc.string({ maxLength: 5 }) }),
    fc.constant({ re: 'x?', text: fc.constantFrom('', 'x') }),
    fc.constant({ re: 'y{0,2}', text: fc.constantFrom('', 'y', 'yy') }),
    fc.constant({ re: '(ab)?', text: fc.constantFrom('', 'ab') }),
    fc.constant({ re: 'z+', text: fc.integer({ min: 1, max: 3 }).map((n) => 'z'.repeat(n)) }),
    fc.constant({ re: '\\.', text: fc.constant('.') }),
    fc.constant({ re: '\\u0041', text: fc.constant('A') }),
  );
  const matching = fc.array(piece, { minLength: 1, maxLength: 6 }).chain((ps) =>
    fc
      .tuple(fc.string({ maxLength: 4 }), fc.tuple(...ps.map((p) => p.text)), fc.string({ maxLength: 4 }))
      .map(([pre, texts, post]) => ({
        pattern: ps.map((p) => p.re).join(''),
        line: `${pre}${texts.join('')}${post}`,
      })),
  );

  it('is in every line the pattern matches (case aside)', () => {
    fc.assert(
      fc.property(matching, fc.boolean(), ({ pattern, line }, upper) => {
        const v = upper ? line.toUpperCase() : line;
        if (!new RegExp(pattern, 'i').test(v)) return;
        expect(v.toLowerCase()).toContain(requiredLiteral(pattern).toLowerCase());
      }),
      { numRuns: 10_000 },
    );
  });

  it('takes the longest plain run and gives up where it cannot follow', () => {
    expect(requiredLiteral('bench-4-[0-9]{4}-marker')).toBe('bench-4-');
    expect(requiredLiteral('^evil\\d+\\.example$')).toBe('.example');
    expect(requiredLiteral('colou?r-x')).toBe('colo');
    expect(requiredLiteral('a|b')).toBe('');
    expect(requiredLiteral('\\x41bc')).toBe('');
  });
});
