import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../kernel/testing/test-app.ts';

/** A member of `orgId` with `role`, invited by `owner` and joined. */
export async function joinAs(
  t: TestApp,
  owner: TestUser,
  orgId: string,
  role: string,
  locale: 'ja' | 'en' = 'ja',
) {
  const u = await t.signUp({ locale });
  const inv = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/invitations`,
    payload: { email: u.email, role },
    as: owner,
  });
  expect(inv.statusCode, inv.body).toBe(201);
  const ok = await t.request({ method: 'POST', url: `/api/v1/invitations/${inv.json().id}/accept`, as: u });
  expect(ok.statusCode, ok.body).toBeLessThan(300);
  return u;
}

/** An SME of its own whose owner reads English, served by `providerOrgId`. */
export async function englishSme(t: TestApp, providerOrgId: string) {
  const user = await t.signUp({ locale: 'en' });
  const org = await t.request({
    method: 'POST',
    url: '/api/v1/orgs',
    as: user,
    payload: { name: 'Sakura Trading', kind: 'sme', prefecture: '27', industry: 'I', employees: '6-20' },
  });
  expect(org.statusCode, org.body).toBe(201);
  const orgId = org.json().id as string;
  const grant = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/providers`,
    as: user,
    payload: { providerOrgId },
  });
  expect(grant.statusCode, grant.body).toBe(201);
  return { user, orgId };
}

/**
 * A real incident from the pipeline: a sensor of the SME sends a malware event and the detection
 * worker (running in the test app) turns it into an alert and an incident; we wait for it.
 */
export async function realIncident(t: TestApp, as: TestUser, orgId: string, host = 'pc-07'): Promise<string> {
  const sensor = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: { name: 'EDR', kind: 'edr' },
    as,
  });
  expect(sensor.statusCode, sensor.body).toBe(201);
  const line = JSON.stringify({
    '@timestamp': new Date().toISOString(),
    event: { kind: 'alert', category: 'malware', action: 'detected' },
    host: { name: host },
  });
  const ingest = await t.request({
    method: 'POST',
    url: '/api/v1/ingest',
    payload: line,
    headers: { authorization: `Bearer ${sensor.json().token}`, 'content-type': 'application/x-ndjson' },
  });
  expect(ingest.statusCode, ingest.body).toBe(202);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const alerts = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as });
    const id = alerts.json().items?.find((a: { incidentId: string | null }) => a.incidentId)?.incidentId;
    if (id) return id as string;
    if (Date.now() > deadline) throw new Error(`no incident for ${orgId}: ${alerts.body}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const requestPayload = (incidentId?: string) => ({
  ...(incidentId ? { incidentId } : {}),
  reason: 'パソコンの画面に身代金を要求する表示が出ました。',
  siteAddress: '大阪府大阪市北区梅田1-1-1',
  contactName: '総務 佐藤',
  contactPhone: '06-1234-5678',
});

export const costs = [
  { label: '技術者派遣費（2時間）', amountYen: 12000 },
  { label: '交通費', amountYen: 3000 },
];

/** Walks a dispatch from request to recorded work; returns its id. */
export async function dispatchWithWork(
  t: TestApp,
  sme: { user: TestUser; orgId: string },
  analyst: TestUser,
  incidentId?: string,
): Promise<string> {
  const base = `/api/v1/orgs/${sme.orgId}/onsite/dispatches`;
  const r = await t.request({ method: 'POST', url: base, as: sme.user, payload: requestPayload(incidentId) });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  const steps: [string, Record<string, unknown>][] = [
    ['schedule', { engineerName: '田中 一郎', scheduledAt: '2026-11-25T05:00:00.000Z' }],
    ['arrive', {}],
    ['work', { summary: '感染した端末を隔離し、駆除しました。', workMinutes: 150, costs }],
  ];
  for (const [name, payload] of steps) {
    const res = await t.request({ method: 'POST', url: `${base}/${id}/${name}`, as: analyst, payload });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  }
  return id;
}
