import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { monitoringRuntime } from './monitoring.routes.ts';
import { registerSensor } from './monitoring.testing.ts';
import { parseThreatCsv, ThreatIndex } from './monitoring.threats.ts';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.operatorCookie('threat-ops@example.test');
});
afterAll(() => t.close());

const put = (name: string, csv: string, cookie = operator, lang = 'ja') =>
  t.request({
    method: 'PUT',
    url: `/api/v1/admin/threat-lists/${name}?lang=${lang}`,
    payload: csv,
    headers: { 'content-type': 'text/csv', cookie },
  });

describe('threat lists', () => {
  it('validates every row and reports each bad one by line', () => {
    const r = parseThreatCsv(
      '\uFEFFtype,value,description\nip,203.0.113.66,C2\ndomain,Evil.Example.,phishing\nhash,abc,x\nurl,http://x,y\nip,999.1.1.1,z\n',
    );
    expect(r.indicators.map((i) => i.value)).toEqual(['203.0.113.66', 'evil.example']);
    expect(r.errors).toEqual([
      { line: 4, reason: 'bad_hash' },
      { line: 5, reason: 'bad_type' },
      { line: 6, reason: 'bad_ip' },
    ]);
    expect(parseThreatCsv('name,address\nx,y\n').errors).toEqual([{ line: 1, reason: 'csv_header' }]);
    expect(parseThreatCsv('type,value\n"ip,1.2.3.4\n').errors[0]?.reason).toBe('csv_malformed');
  });

  it('matches addresses, parent domains and hashes', () => {
    const index = new ThreatIndex();
    (index as unknown as { byType: Record<string, Map<string, string>> }).byType = {
      ip: new Map([['203.0.113.66', 'feed']]),
      domain: new Map([['evil.example', 'feed']]),
      hash: new Map([['d41d8cd98f00b204e9800998ecf8427e', 'feed']]),
    };
    const a: Record<string, string | boolean> = { 'dns.question.name': 'cdn.a.EVIL.example' };
    index.enrich(a);
    expect(a['threat.indicator.value']).toBe('evil.example');
    const b: Record<string, string | boolean> = { 'url.domain': 'notevil.example' };
    index.enrich(b);
    expect(b['threat.indicator.matched']).toBeUndefined();
    const c: Record<string, string | boolean> = { 'file.hash.md5': 'D41D8CD98F00B204E9800998ECF8427E' };
    index.enrich(c);
    expect(c['threat.indicator.type']).toBe('hash');
  });

  it('the operator imports a list; a contacted address on it raises the C2 alert', async () => {
    const res = await put(
      'c2-feed',
      'type,value,description\nip,203.0.113.66,C2 server\ndomain,bad.example,\n',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ list: 'c2-feed', imported: 2 });
    const lists = await t.request({
      method: 'GET',
      url: '/api/v1/admin/threat-lists',
      headers: { cookie: operator },
    });
    expect(lists.json().items).toEqual([
      expect.objectContaining({ list: 'c2-feed', indicators: 2, ips: 1, domains: 1 }),
    ]);

    const { user, orgId } = await t.userWithOrg();
    const sensor = await registerSensor(t, user, orgId);
    const line = JSON.stringify({
      '@timestamp': new Date().toISOString(),
      event: { category: 'network', action: 'accept' },
      source: { ip: '192.168.1.20' },
      destination: { ip: '203.0.113.66', port: 443 },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/ingest',
      payload: line,
      headers: { authorization: `Bearer ${sensor.token}`, 'content-type': 'application/x-ndjson' },
    });
    await monitoringRuntime(t.app.mamori)?.worker.drain();
    const alerts = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user });
    expect(alerts.json().items.map((a: { rule: string }) => a.rule)).toContain('c2-known-bad-destination');
  });

  it('refuses a bad file whole, in the user’s language, and keeps the old list', async () => {
    await put('keep', 'type,value\nip,198.51.100.9\n');
    const bad = await put('keep', 'type,value\nip,198.51.100.10\nhash,zz\n', operator, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Nothing was imported');
    expect(bad.json().error.rejected).toEqual([
      { line: 3, reason: 'bad_hash', message: 'A hash must be MD5, SHA-1 or SHA-256 in hexadecimal.' },
    ]);
    const lists = await t.request({
      method: 'GET',
      url: '/api/v1/admin/threat-lists',
      headers: { cookie: operator },
    });
    expect(lists.json().items.find((l: { list: string }) => l.list === 'keep').indicators).toBe(1);
  });

  it('is for operators only', async () => {
    const { user } = await t.userWithOrg();
    expect((await put('x', 'type,value\nip,1.2.3.4\n', user.cookie)).statusCode).toBe(403);
    expect(
      (await t.request({ method: 'DELETE', url: '/api/v1/admin/threat-lists/keep', as: user })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'DELETE',
          url: '/api/v1/admin/threat-lists/keep',
          headers: { cookie: operator },
        })
      ).statusCode,
    ).toBe(204);
  });
});
