import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCef, parseJson, parseKeyValue, parseLine, parseRtx } from './monitoring.parse.ts';

const ctx = { receivedAt: new Date('2026-11-21T01:00:00Z'), sourceIp: '192.0.2.10' };

describe('syslog framing', () => {
  it('reads RFC 5424 with structured data and a BOM', () => {
    const r = parseLine(
      '<165>1 2026-11-21T10:00:00.123+09:00 fw01.example.jp utm 1234 ID47 [exampleSDID@32473 iut="3" eventSource="App\\"lication"] \uFEFFlogin failed for user=admin',
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.timestamp.toISOString()).toBe('2026-11-21T01:00:00.123Z');
    expect(r.event.fields['host.name']).toBe('fw01.example.jp');
    expect(r.event.fields['sd.exampleSDID@32473.eventSource']).toBe('App"lication');
    expect(r.event.fields['log.syslog.severity.code']).toBe(5);
    expect(r.event.fields['log.syslog.facility.code']).toBe(20);
  });

  it('reads RFC 3164 with a tag, assuming JST and the receive year', () => {
    const r = parseLine(
      '<34>Nov 21 09:59:58 mailgw postfix/smtpd[123]: connect from unknown[203.0.113.9]',
      ctx,
    );
    expect(r.ok && r.event.timestamp.toISOString()).toBe('2026-11-21T00:59:58.000Z');
    expect(r.ok && r.event.fields['process.name']).toBe('postfix/smtpd');
    expect(r.ok && r.event.fields.message).toContain('connect from unknown');
  });
});

describe('vendor payloads', () => {
  it('reads FortiGate key=value: a blocked virus is a verdict', () => {
    const r = parseLine(
      '<189>date=2026-11-21 time=10:01:02 devname="FG60F" devid="FG6H0F" logid="0211008192" type="utm" subtype="virus" eventtype="infected" level="warning" srcip=192.168.1.23 srcport=51515 dstip=198.51.100.7 dstport=80 action="blocked" service="HTTP" filename="invoice.exe" virus="W32/Agent.X!tr" msg="File is infected."',
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.format).toBe('kv');
    expect(r.event.fields).toMatchObject({
      'source.ip': '192.168.1.23',
      'destination.port': '80',
      'event.category': 'malware',
      'event.action': 'blocked',
      'file.name': 'invoice.exe',
      'mamori.verdict': true,
      'observer.vendor': 'Fortinet',
    });
    expect(r.event.timestamp.toISOString()).toBe('2026-11-21T01:01:02.000Z');
  });

  it('reads CEF with escaped pipes, equals signs and newlines', () => {
    const r = parseCef(
      'CEF:0|Trend|Deep \\| Security|10.0|1001|Malware \\| found|8|src=10.0.0.5 dst=203.0.113.1 msg=path\\=C:\\\\tmp\\nsecond line act=Quarantine fname=a b.exe',
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.fields['observer.product']).toBe('Deep | Security');
    expect(r.event.fields['rule.name']).toBe('Malware | found');
    expect(r.event.fields.message).toBe('path=C:\\tmp\nsecond line');
    expect(r.event.fields['file.name']).toBe('a b.exe');
    expect(r.event.fields['event.severity']).toBe(3);
    expect(r.event.fields['mamori.verdict']).toBe(true);
  });

  it('reads a Yamaha RTX line without timestamp or hostname, stamping the receive time', () => {
    const r = parseLine(
      '[INSPECT] LAN2[in][101080] TCP 203.0.113.5:51515 > 198.51.100.2:3389 (2026/11/21 10:00:00)',
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.format).toBe('rtx');
    expect(r.event.timestamp).toEqual(ctx.receivedAt);
    expect(r.event.fields).toMatchObject({
      'source.ip': '203.0.113.5',
      'destination.port': 3389,
      'network.direction': 'inbound',
      'observer.ip': '192.0.2.10',
    });
    expect(parseRtx('no brackets here', ctx).ok).toBe(false);
  });

  it('reads Suricata EVE alerts and maps severity', () => {
    const r = parseLine(
      JSON.stringify({
        timestamp: '2026-11-21T10:00:00.000000+0900',
        event_type: 'alert',
        src_ip: '198.51.100.9',
        src_port: 4444,
        dest_ip: '192.168.1.10',
        dest_port: 445,
        proto: 'TCP',
        alert: { action: 'blocked', signature_id: 2024218, signature: 'ET EXPLOIT SMB', severity: 1 },
      }),
      ctx,
    );
    expect(r.ok && r.event.fields).toMatchObject({
      'event.kind': 'alert',
      'event.severity': 4,
      'rule.name': 'ET EXPLOIT SMB',
      'mamori.verdict': true,
    });
  });

  it('reads Wazuh alerts, ECS documents and plain messages', () => {
    const w = parseJson(
      JSON.stringify({
        timestamp: '2026-11-21T01:00:00Z',
        rule: { level: 10, description: 'sshd: brute force', id: '5712', groups: ['authentication_failed'] },
        agent: { name: 'web01' },
        data: { srcip: '203.0.113.50' },
      }),
      ctx,
    );
    expect(w.ok && w.event.fields).toMatchObject({
      'host.name': 'web01',
      'source.ip': '203.0.113.50',
      'event.outcome': 'failure',
    });
    const e = parseJson(
      JSON.stringify({
        '@timestamp': '2026-11-21T01:00:00Z',
        event: { category: 'malware', action: 'detected' },
        host: { name: 'pc-12' },
      }),
      ctx,
    );
    expect(e.ok && e.event.format).toBe('ecs');
    expect(e.ok && e.event.fields['host.name']).toBe('pc-12');
    const m = parseJson(JSON.stringify({ '@timestamp': '2026-11-21T01:00:00Z', message: 'hello' }), ctx);
    expect(m.ok && m.event.format).toBe('json');
    expect(parseJson('{"@timestamp":"yesterday","message":"x"}', ctx)).toEqual({
      ok: false,
      reason: 'invalid_timestamp',
    });
    expect(parseKeyValue('just words', ctx).ok).toBe(false);
  });
});

describe('bad input', () => {
  const never = (name: string, f: (s: string) => unknown, arb: fc.Arbitrary<string>) =>
    it(`${name} never throws (10,000 cases)`, () => {
      fc.assert(
        fc.property(arb, (s) => {
          f(s);
        }),
        { numRuns: 10_000 },
      );
    });

  const lines = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom('<', '<999>', '<13>1 ', 'CEF:', 'CEF:0|a|b', '[INSPECT]', '{', '{"a":', '\\', '"'),
    fc
      .tuple(
        fc.constantFrom('<13>1 - - - - - [', 'CEF:0|v|p|1|s|n|5|', '<34>Nov 21 09:59:58 h ', 'a=b c=d e='),
        fc.string({ maxLength: 200 }),
      )
      .map(([a, b]) => a + b),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
    // Shift_JIS bytes decoded as UTF-8 come out with replacement characters.
    fc
      .uint8Array({ maxLength: 200 })
      .map((b) => new TextDecoder('utf-8').decode(Uint8Array.from([0x82, 0xa0, ...b]))),
  );
  never('parseLine', (s) => parseLine(s, ctx), lines);
  never('parseCef', (s) => parseCef(`CEF:${s}`, ctx), fc.string({ maxLength: 300 }));
  never('parseKeyValue', (s) => parseKeyValue(s, ctx), fc.string({ maxLength: 300 }));
  never('parseRtx', (s) => parseRtx(`[IP] ${s}`, ctx), fc.string({ maxLength: 300 }));
  never('parseJson', (s) => parseJson(s, ctx), fc.json({ maxDepth: 30 }));

  it('rejects with a reason: huge lines, deep nesting, invalid UTF-8, empty', () => {
    expect(parseLine('x'.repeat(1024 * 1024), ctx)).toEqual({ ok: false, reason: 'too_long' });
    expect(parseLine(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, ctx)).toEqual({
      ok: false,
      reason: 'json_too_deep',
    });
    expect(parseLine('abc\uFFFDdef', ctx)).toEqual({ ok: false, reason: 'invalid_utf8' });
    // What PostgreSQL text and jsonb cannot hold, sent raw or smuggled in by a JSON escape.
    expect(parseLine('<13>Nov 21 10:00:00 h a\0b', ctx)).toEqual({ ok: false, reason: 'nul_character' });
    expect(parseLine('{"message":"a\\u0000b"}', ctx)).toEqual({ ok: false, reason: 'nul_character' });
    expect(parseLine('<13>Nov 21 10:00:00 h a\ud800b', ctx)).toEqual({ ok: false, reason: 'broken_unicode' });
    expect(parseLine('{"message":"a\\udc00b"}', ctx)).toEqual({ ok: false, reason: 'broken_unicode' });
    expect(parseLine('{"message":"a\\ud83d\\ude00b \\u00e9"}', ctx).ok).toBe(true);
    expect(parseLine('   ', ctx)).toEqual({ ok: false, reason: 'empty' });
    expect(parseLine('CEF:0|only|three', ctx)).toEqual({ ok: false, reason: 'cef_header_incomplete' });
  });

  it('stays fast on a 1 MB line of CEF escapes', () => {
    const started = performance.now();
    parseCef(`CEF:0|a|b|c|d|e|5|${'k=\\\\= '.repeat(150_000)}`, ctx);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
