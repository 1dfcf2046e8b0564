import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type App, buildApp } from '../../app.ts';
import { ensureOperator } from '../auth/operator.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createMemoryMailer, firstLink } from './memory-mailer.ts';
import { createTestDatabase } from './test-db.ts';

export const PUBLIC_URL = 'http://127.0.0.1:3999';

/** Cookies from set-cookie headers, as a Cookie request header. */
export function cookieHeader(res: LightMyRequestResponse, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=', 2) as [string, string]),
  );
  const set = res.headers['set-cookie'];
  for (const line of Array.isArray(set) ? set : set ? [set] : []) {
    const [pair] = line.split(';');
    const idx = pair?.indexOf('=') ?? -1;
    if (!pair || idx < 0) continue;
    const value = pair.slice(idx + 1);
    if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, idx));
    else jar.set(pair.slice(0, idx), value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  cookie: string;
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  mailer: ReturnType<typeof createMemoryMailer>;
  /** inject() as a signed-in user (or anonymous without `as`). */
  request(opts: InjectOptions & { as?: TestUser }): Promise<LightMyRequestResponse>;
  /** Signs up, confirms the address by following the mailed link, and returns the signed-in user. */
  signUp(opts?: {
    email?: string;
    name?: string;
    password?: string;
    locale?: 'ja' | 'en';
  }): Promise<TestUser>;
  /** Makes (or promotes) a platform operator, signs them in and returns their cookie header. */
  operatorCookie(email: string): Promise<string>;
  /** A user with an organisation of their own (`kind` sme by default). */
  userWithOrg(kind?: 'sme' | 'provider'): Promise<{ user: TestUser; orgId: string }>;
  /** An SME whose owner has entrusted it to a provider (お助け隊 contract); both with their first user. */
  servedSme(): Promise<{
    sme: { user: TestUser; orgId: string };
    provider: { user: TestUser; orgId: string };
  }>;
  close(): Promise<void>;
}

let seq = 0;

export async function createTestApp(
  opts: { mailer?: Mailer; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mamori-app-'));
  const config = loadConfig(
    { MAMORI_RATE_LIMIT: 'off', LOG_LEVEL: 'silent', SYSLOG_PORT: '0', MONITORING_PREPARE_THREADS: '0' },
    { dataDir, publicUrl: PUBLIC_URL, authSecret: 'test-secret-'.padEnd(40, 'x'), ...opts.config },
  );
  const database = await createTestDatabase();
  const mailer = createMemoryMailer();
  const app = await buildApp(config, { database, mailer: opts.mailer ?? mailer, logger: false });
  await app.ready();

  const request: TestApp['request'] = ({ as, headers, ...rest }) =>
    app.inject({ ...rest, headers: { ...headers, ...(as ? { cookie: as.cookie } : {}) } } as InjectOptions);

  const signUp: TestApp['signUp'] = async (o = {}) => {
    seq += 1;
    const email = o.email ?? `user${seq}-${Date.now()}@example.test`;
    const name = o.name ?? `テスト 利用者${seq}`;
    const password = o.password ?? 'correct-horse-battery';
    const res = await request({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email, name, password, locale: o.locale ?? 'ja' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const link = new URL(firstLink(mailer.lastTo(email).text));
    const verified = await request({ method: 'GET', url: link.pathname + link.search });
    expect(verified.statusCode, verified.body).toBe(302);
    const cookie = cookieHeader(verified);
    expect(cookie).toContain('session_token');
    return { id: res.json().user.id, email, name, password, cookie };
  };

  const userWithOrg: TestApp['userWithOrg'] = async (kind = 'sme') => {
    const user = await signUp();
    const res = await request({
      method: 'POST',
      url: '/api/v1/orgs',
      as: user,
      payload: { name: `${user.name}の会社`, kind, prefecture: '13', industry: 'E', employees: '6-20' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { user, orgId: res.json().id };
  };

  const operatorCookie: TestApp['operatorCookie'] = async (email) => {
    const password = 'operator-password';
    await ensureOperator(app.mamori, { email, password });
    const res = await request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    return cookieHeader(res);
  };

  const servedSme: TestApp['servedSme'] = async () => {
    const sme = await userWithOrg('sme');
    const provider = await userWithOrg('provider');
    const res = await request({
      method: 'POST',
      url: `/api/v1/orgs/${sme.orgId}/providers`,
      as: sme.user,
      payload: { providerOrgId: provider.orgId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { sme, provider };
  };

  return {
    app,
    database,
    config,
    mailer,
    request,
    signUp,
    operatorCookie,
    userWithOrg,
    servedSme,
    close: async () => {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The tenancy test every org route needs, in one line: a member of another
 * organisation gets 404 and nothing changes.
 */
export async function expectForeignOrg404(
  t: TestApp,
  route: (orgId: string) => Omit<InjectOptions, 'headers'>,
): Promise<void> {
  const victim = await t.userWithOrg();
  const outsider = await t.userWithOrg();
  const before = await t.request({
    method: 'GET',
    url: `/api/v1/orgs/${victim.orgId}/members`,
    as: victim.user,
  });
  const res = await t.request({ ...route(victim.orgId), as: outsider.user });
  expect(res.statusCode, `${route(victim.orgId).method} ${route(victim.orgId).url}: ${res.body}`).toBe(404);
  expect(res.json().error.code).toBe('not_found');
  const after = await t.request({
    method: 'GET',
    url: `/api/v1/orgs/${victim.orgId}/members`,
    as: victim.user,
  });
  expect(after.json()).toEqual(before.json());
}
