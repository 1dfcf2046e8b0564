import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../kernel/testing/test-app.ts';

/** Tests: registers a sensor for the organisation through the API; its id and one-time token. */
export async function registerSensor(
  t: TestApp,
  user: TestUser,
  orgId: string,
  body: object = { name: 'UTM 本社', kind: 'utm', vendor: 'Fortinet' },
): Promise<{ id: string; token: string }> {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/sensors`,
    payload: body,
    as: user,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
}
