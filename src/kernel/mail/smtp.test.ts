import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { cookieHeader, createTestApp, type TestApp } from '../testing/test-app.ts';
import { createMailer } from './mailer.ts';

let sink: SmtpSink;
let t: TestApp;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({
    mailer: createMailer({
      smtpUrl: sink.url,
      mailFrom: 'Mamori <no-reply@mamori.local>',
      dataDir: '/nonexistent',
    }),
  });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('mail over SMTP (SMTP_URL)', () => {
  it('delivers the confirmation mail to a real SMTP server; its link confirms the address', async () => {
    const email = 'smtp-user@example.test';
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email, password: 'smtp-password-1', name: '佐藤 一郎', locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    const mail = await sink.waitFor((m) => m.to.includes(email), 10_000);
    expect(mail.subject).toBe('[Mamori] Please confirm your e-mail address');
    expect(mail.text).toContain('Dear 佐藤 一郎,');
    const link = new URL(mail.text.match(/https?:\/\/\S+/)?.[0] ?? '');
    const verified = await t.request({ method: 'GET', url: link.pathname + link.search });
    expect(verified.statusCode).toBe(302);
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieHeader(verified) },
    });
    expect(me.json().user).toMatchObject({ email, emailVerified: true, locale: 'en' });
  });
});
