import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.ts';
import { renderActionMail } from './templates.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('file outbox (no SMTP_URL)', () => {
  it('writes each mail as an RFC 5322 .eml file the operator can list and read', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mamori-mail-'));
    const mailer = createMailer({
      dataDir: dir,
      mailFrom: 'Mamori <no-reply@mamori.local>',
      smtpUrl: undefined,
    });
    const mail = renderActionMail(
      'ja',
      'mail.verify',
      { email: 'taro@example.test', name: '山田 太郎' },
      'http://x/verify?token=<a>',
    );
    await mailer.send(mail);
    const files = await readdir(path.join(dir, 'outbox'));
    const eml = files.find((f) => f.endsWith('.eml')) ?? '';
    const raw = await readFile(path.join(dir, 'outbox', eml), 'utf8');
    expect(raw).toMatch(/^From: Mamori <no-reply@mamori\.local>$/m);
    expect(raw).toMatch(/^To: taro@example\.test$/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(raw).toContain('multipart/alternative');
    const list = await mailer.listOutbox();
    expect(list).toEqual([expect.objectContaining({ to: 'taro@example.test', subject: mail.subject })]);
    const read = await mailer.readOutbox(list[0]?.id ?? '');
    expect(read?.text).toContain('山田 太郎 様');
    expect(await mailer.readOutbox('../../etc/passwd')).toBeNull();
  });

  it('escapes the link in the HTML part', () => {
    const mail = renderActionMail(
      'en',
      'mail.reset',
      { email: 'a@b.c', name: '<b>x</b>' },
      'http://x/?a=1&b="2"',
    );
    expect(mail.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(mail.html).toContain('href="http://x/?a=1&amp;b=&quot;2&quot;"');
    expect(mail.subject).toBe('[Mamori] Reset your password');
  });
});
