import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.ts';
import { firstLink } from '../testing/memory-mailer.ts';
import { cookieHeader, createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signIn = (email: string, password: string, lang = 'ja') =>
  t.request({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password },
    headers: { 'accept-language': lang },
  });

describe('sign-up and e-mail confirmation', () => {
  it('mails a Japanese confirmation link; signing in waits for it', async () => {
    const email = 'confirm-me@example.test';
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email, password: 'long-enough-pass', name: '確認 花子' },
    });
    expect(res.statusCode).toBe(200);
    const mail = t.mailer.lastTo(email);
    expect(mail.subject).toBe('【Mamori】メールアドレスの確認をお願いします');
    expect(mail.text).toContain('確認 花子 様');
    expect(mail.html).toContain('<a href="http://127.0.0.1:3999/api/auth/verify-email?token=');

    const early = await signIn(email, 'long-enough-pass');
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toMatchObject({ code: 'email_not_verified' });
    expect(early.json().error.message).toContain('確認');

    const link = new URL(firstLink(t.mailer.lastTo(email).text));
    const verified = await t.request({ method: 'GET', url: link.pathname + link.search });
    expect(verified.statusCode).toBe(302);
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieHeader(verified) },
    });
    expect(me.json().user).toMatchObject({ email, emailVerified: true, isOperator: false, locale: 'ja' });

    const { items } = await listAudit(t.database.db, { action: 'auth.', page: 1 });
    const mine = items.filter((i) => i.actorEmail === email).map((i) => i.action);
    expect(mine).toEqual(expect.arrayContaining(['auth.sign_up', 'auth.email_verified']));
  });

  it('refuses short passwords; a taken address gets the same answer as a new one (no enumeration)', async () => {
    const short = await t.request({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email: 'short@example.test', password: 'short', name: 'x' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('パスワードは 10 文字以上にしてください。');
    const user = await t.signUp();
    const dup = await t.request({
      method: 'POST',
      url: '/api/auth/sign-up/email?lang=en',
      payload: { email: user.email, password: 'another-long-pass', name: 'x' },
    });
    expect(dup.statusCode).toBe(200);
    expect((await signIn(user.email, 'another-long-pass')).statusCode).toBe(401);
    expect((await signIn(user.email, user.password)).statusCode).toBe(200);
  });

  it('answers a wrong password with 401 in the request language', async () => {
    const user = await t.signUp();
    const res = await signIn(user.email, 'not-the-password', 'en');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'invalid_email_or_password',
      message: 'The e-mail address or password is wrong.',
    });
  });
});

describe('password reset', () => {
  it('mails a link that sets a new password and ends old sessions', async () => {
    const user = await t.signUp();
    const req = await t.request({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: user.email, redirectTo: '/reset-password' },
    });
    expect(req.statusCode).toBe(200);
    const mail = t.mailer.lastTo(user.email);
    expect(mail.subject).toBe('【Mamori】パスワードの再設定');
    const link = new URL(firstLink(mail.text));
    const landing = await t.request({ method: 'GET', url: link.pathname + link.search });
    expect(landing.statusCode).toBe(302);
    const token = new URL(landing.headers.location as string, 'http://x').searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await t.request({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { newPassword: 'a-brand-new-password', token },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(user.email, user.password)).statusCode).toBe(401);
    expect((await signIn(user.email, 'a-brand-new-password')).statusCode).toBe(200);
    const old = await t.request({ method: 'GET', url: '/api/v1/me', as: user });
    expect(old.statusCode).toBe(401);
  });

  it('does not reveal whether an address is registered', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: 'nobody@example.test', redirectTo: '/reset-password' },
    });
    expect(res.statusCode).toBe(200);
    expect(t.mailer.sent.some((m) => m.to === 'nobody@example.test')).toBe(false);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('enables TOTP, then asks for the code at sign-in', async () => {
    const user = await t.signUp();
    const enable = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      payload: { password: user.password },
      as: user,
    });
    expect(enable.statusCode, enable.body).toBe(200);
    const { totpURI, backupCodes } = enable.json();
    expect(backupCodes.length).toBeGreaterThan(5);
    const secret = new URL(totpURI).searchParams.get('secret') ?? '';
    const code = () => createOTP(base32.decode(secret)).totp();

    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      payload: { code: '000000' },
      as: user,
    });
    expect(wrong.statusCode).toBe(401);
    const confirm = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      payload: { code: await code() },
      as: user,
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieHeader(confirm, user.cookie) },
    });
    expect(me.json().user.twoFactorEnabled).toBe(true);

    const first = await signIn(user.email, user.password);
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    const noSession = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieHeader(first) },
    });
    expect(noSession.statusCode).toBe(401);
    const second = await t.request({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      payload: { code: await code() },
      headers: { cookie: cookieHeader(first) },
    });
    expect(second.statusCode, second.body).toBe(200);
    const signedIn = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieHeader(second, cookieHeader(first)) },
    });
    expect(signedIn.statusCode).toBe(200);
  });
});

describe('the auth bridge', () => {
  it('does not expose better-auth’s own organisation endpoints', async () => {
    const user = await t.signUp();
    const res = await t.request({
      method: 'POST',
      url: '/api/auth/organization/create',
      payload: { name: 'x', slug: 'x' },
      as: user,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});

describe('rate limits', () => {
  it('slows down repeated sign-in attempts with 429 and a readable message', async () => {
    const limited = await createTestApp({ config: { rateLimit: true } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await limited.request({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          payload: { email: 'guess@example.test', password: `guess-${i}-password` },
        });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.json().error.message).toContain('しばらく待って');
        }
      }
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.slice(10)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
