import { describe, expect, it } from 'vitest';
import { contentDisposition, contentMatches, safeFilename } from './onsite.files.ts';
import { formatMinutes, formatWhen, formatYen } from './onsite.format.ts';

describe('evidence files', () => {
  it('accepts bytes only when they are what the type says', () => {
    expect(contentMatches('application/pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(contentMatches('application/pdf', Buffer.from('<html>'))).toBe(false);
    expect(
      contentMatches('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe(true);
    expect(contentMatches('image/png', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    expect(contentMatches('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(contentMatches('text/plain', Buffer.from('ログ: 不審な通信\n'))).toBe(true);
    expect(contentMatches('text/plain', Buffer.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(contentMatches('text/plain', Buffer.from([0xc3, 0x28]))).toBe(false);
  });

  it('names files without folders, control or shell characters, with the real extension', () => {
    expect(safeFilename('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(safeFilename('C:\\Users\\x\\請求書.PDF', 'application/pdf')).toBe('請求書.pdf');
    expect(safeFilename('a\u0000b\r\n"c".png', 'image/png')).toBe('a_b___c_.png');
    expect(safeFilename('...', 'image/jpeg')).toBe('file.jpg');
    expect(safeFilename('x'.repeat(300), 'image/png')).toHaveLength(120);
    expect(safeFilename('report.exe', 'application/pdf')).toBe('report.pdf');
  });

  it('keeps Japanese names in downloads with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '請求書.pdf')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.pdf`,
    );
  });
});

describe('formats for people', () => {
  it('writes times in Japan time, yen and minutes in each language', () => {
    const d = new Date('2026-11-25T05:00:00Z');
    expect(formatWhen(d, 'ja')).toBe('2026年11月25日(水) 14:00');
    expect(formatWhen(d, 'en')).toBe('Wed, 25 Nov 2026, 14:00 (JST)');
    expect(formatYen(1234567, 'ja')).toBe('1,234,567円');
    expect(formatYen(0, 'en')).toBe('¥0');
    expect(formatMinutes(150, 'ja')).toBe('2時間30分');
    expect(formatMinutes(120, 'ja')).toBe('2時間');
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(61, 'en')).toBe('1 h 1 min');
  });
});
