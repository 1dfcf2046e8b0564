import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../kernel/testing/test-app.ts';
import { canMove, getIncident, listIncidentSteps, moveIncident } from './monitoring.incidents.ts';
import { monitoringRuntime } from './monitoring.routes.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function incidentOf(): Promise<{ orgId: string; incidentId: string; userId: string }> {
  const { user, orgId } = await t.userWithOrg();
  const sensor = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: { name: 'EDR', kind: 'edr' },
    as: user,
  });
  const line = JSON.stringify({
    '@timestamp': new Date().toISOString(),
    event: { kind: 'alert', category: 'malware', action: 'detected' },
    host: { name: 'pc-07' },
  });
  await t.request({
    method: 'POST',
    url: '/api/v1/ingest',
    payload: line,
    headers: { authorization: `Bearer ${sensor.json().token}`, 'content-type': 'application/x-ndjson' },
  });
  await monitoringRuntime(t.app.mamori)?.worker.drain();
  const alerts = await t.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/alerts`, as: user });
  return { orgId, incidentId: alerts.json().items[0].incidentId, userId: user.id };
}

describe('incident workflow', () => {
  it('allows forward steps, reopening a resolved incident, and nothing after closed', () => {
    expect(canMove('new', 'triaged')).toBe(true);
    expect(canMove('triaged', 'closed')).toBe(true);
    expect(canMove('resolved', 'onsite')).toBe(true);
    expect(canMove('contacted', 'triaged')).toBe(false);
    expect(canMove('closed', 'new')).toBe(false);
  });

  it('starts new, records each step with its actor and note, and refuses a step back', async () => {
    const { orgId, incidentId, userId } = await incidentOf();
    const ctx = t.app.mamori;
    expect((await getIncident(ctx, orgId, incidentId)).status).toBe('new');
    await moveIncident(ctx, { orgId, incidentId, to: 'triaged', actorUserId: userId, note: '本物の検知' });
    await moveIncident(ctx, { orgId, incidentId, to: 'triaged', actorUserId: userId });
    await moveIncident(ctx, { orgId, incidentId, to: 'contacted', actorUserId: userId });
    await expect(
      moveIncident(ctx, { orgId, incidentId, to: 'new', actorUserId: userId }),
    ).rejects.toMatchObject({
      code: 'incident_step_not_allowed',
    });
    const steps = await listIncidentSteps(ctx, orgId, incidentId);
    expect(steps.map((s) => [s.fromStatus, s.toStatus, s.note])).toEqual([
      ['new', 'triaged', '本物の検知'],
      ['triaged', 'contacted', null],
    ]);
  });

  it('never moves or reads another tenant’s incident', async () => {
    const { incidentId } = await incidentOf();
    const other = await t.userWithOrg();
    const ctx = t.app.mamori;
    await expect(getIncident(ctx, other.orgId, incidentId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      moveIncident(ctx, { orgId: other.orgId, incidentId, to: 'closed', actorUserId: other.user.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
