import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWords, extractLinks, parseMessage, type SmtpSink, startSmtpSink } from './smtp-sink.ts';

describe('smtp-sink', () => {
  let sink: SmtpSink;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-sink-'));
    sink = await startSmtpSink({ dir });
  });
  afterAll(async () => {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('receives and decodes a Japanese multipart mail sent by nodemailer', async () => {
    const url = 'http://127.0.0.1:3000/verify?token=abc123_XYZ-9&lang=ja';
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'mamori', pass: 'secret' },
    });
    await transport.sendMail({
      from: '"まもり" <noreply@mamori.example>',
      to: 'Tanaka@Example.test',
      bcc: 'audit@example.test',
      subject: '【確認】メールアドレスの確認',
      text: `田中様\n\n次のリンクを開いて、メールアドレスを確認してください。\n${url}\n\nこのリンクは24時間有効です。`,
      html: `<p>田中様</p><p><a href="${url.replace(/&/g, '&amp;')}">メールアドレスを確認する</a></p>`,
    });
    transport.close();

    const m = await sink.waitFor((x) => x.to.includes('tanaka@example.test'), 5000);
    expect(m.subject).toBe('【確認】メールアドレスの確認');
    expect(m.to).toEqual(['tanaka@example.test', 'audit@example.test']);
    expect(m.from).toBe('まもり <noreply@mamori.example>');
    expect(m.text).toContain('次のリンクを開いて、メールアドレスを確認してください。');
    expect(m.text).toContain('このリンクは24時間有効です。');
    expect(extractLinks(m.text)).toEqual([url]);
    expect(m.html).toContain('メールアドレスを確認する');
    expect(m.html).toContain('href="http://127.0.0.1:3000/verify?token=abc123_XYZ-9&amp;lang=ja"');

    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const onDisk = JSON.parse(readFileSync(join(dir, files[0] ?? ''), 'utf8'));
    expect(onDisk.subject).toBe(m.subject);
    expect(onDisk.text).toBe(m.text);
  });

  it('waitFor rejects with what it saw when nothing matches', async () => {
    await expect(sink.waitFor((x) => x.subject === 'never', 50)).rejects.toThrow(/no matching mail/);
  });
});

describe('MIME decoding', () => {
  it('decodes RFC 2047 B and Q words, joining a character split across words', () => {
    expect(decodeWords('=?UTF-8?B?44CQ56K66KqN44CR?= =?UTF-8?Q?=E3=83=A1=E3=83=BC=E3=83=AB_ok?=')).toBe(
      '【確認】メール ok',
    );
    // "確" is E7 A2 BA: split across two B words
    expect(decodeWords('=?utf-8?B?5w==?=\r\n =?utf-8?B?orot?=')).toBe('確-');
    expect(decodeWords('Re: =?UTF-8?Q?caf=C3=A9?= au lait')).toBe('Re: café au lait');
  });

  it('decodes quoted-printable and base64 bodies in multipart/alternative, and attachments', () => {
    const raw = [
      'From: =?UTF-8?B?44G+44KC44KK?= <noreply@mamori.example>',
      'To: a@example.test',
      'Subject: =?UTF-8?Q?=E3=81=8A=E7=9F=A5=E3=82=89=E3=81=9B?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative;',
      ' boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '=E3=81=93=E3=82=93=E3=81=AB=E3=81=A1=E3=81=AF https://x.example/a?b=3Dc=',
      '&d=3De=E3=80=82',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<b>こんにちは</b>').toString('base64'),
      '--inner--',
      '--outer',
      'Content-Type: application/pdf; name="report.pdf"',
      "Content-Disposition: attachment; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.7').toString('base64'),
      '--outer--',
      '',
    ].join('\r\n');
    const m = parseMessage(raw);
    expect(m.from).toBe('まもり <noreply@mamori.example>');
    expect(m.to).toEqual(['a@example.test']);
    expect(m.subject).toBe('お知らせ');
    expect(m.text).toBe('こんにちは https://x.example/a?b=c&d=e。');
    expect(extractLinks(m.text)).toEqual(['https://x.example/a?b=c&d=e']);
    expect(m.html).toBe('<b>こんにちは</b>');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]?.filename).toBe('報告.pdf');
    expect(Buffer.from(m.attachments[0]?.contentBase64 ?? '', 'base64').toString()).toBe('%PDF-1.7');
  });

  it('extractLinks stops at Japanese text and trailing punctuation', () => {
    expect(extractLinks('こちら：https://a.example/v?t=1から。次は(http://b.example/x).')).toEqual([
      'https://a.example/v?t=1',
      'http://b.example/x',
    ]);
  });
});
