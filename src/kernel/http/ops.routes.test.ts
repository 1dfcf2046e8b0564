import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('answers health and readiness', async () => {
    expect((await t.request({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.request({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('exposes Prometheus metrics including request counts', async () => {
    await t.request({ method: 'GET', url: '/healthz' });
    const res = await t.request({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/mamori_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('mamori_process_cpu_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document listing the org routes', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orgs', '/api/v1/orgs/{orgId}/members']),
    );
    expect(
      doc.paths['/api/v1/orgs'].post.requestBody.content['application/json'].schema.properties.prefecture
        .enum,
    ).toHaveLength(47);
    const docs = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown API routes with the error body, in either language', async () => {
    const ja = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(ja.statusCode).toBe(404);
    expect(ja.json().error.code).toBe('route_not_found');
    const en = await t.request({ method: 'GET', url: '/api/v1/nothing-here?lang=en' });
    expect(en.json().error.message).toBe('There is nothing at GET /api/v1/nothing-here.');
  });

  it('sets security headers', async () => {
    const res = await t.request({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
