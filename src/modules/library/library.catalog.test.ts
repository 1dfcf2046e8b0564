import { describe, expect, it } from 'vitest';
import { normalize, paginate, score, terms } from './library.catalog.ts';
import { digestWeek, unsubscribeToken, verifyUnsubscribeToken } from './library.digest.ts';
import { maskEmail } from './library.unsubscribe.ts';

describe('search', () => {
  it('ignores width and case', () => {
    expect(normalize('ＰＰＣ　Ｑ＆Ａ')).toBe('ppc q&a');
    expect(terms('  個人情報   漏えい ')).toEqual(['個人情報', '漏えい']);
  });

  it('needs every word and ranks title matches above body matches', () => {
    const title: Array<[number, string]> = [
      [5, 'マイナンバー法'],
      [1, '従業員の番号'],
    ];
    const body: Array<[number, string]> = [
      [5, '個人情報保護法'],
      [1, 'マイナンバーを含む場合'],
    ];
    expect(score(title, ['マイナンバー'])).toBeGreaterThan(score(body, ['マイナンバー']));
    expect(score(title, ['マイナンバー', '営業秘密'])).toBe(0);
  });

  it('pages', () => {
    const p = paginate([1, 2, 3, 4, 5], 2, 2);
    expect(p).toEqual({ items: [3, 4], total: 5, page: 2, pageSize: 2 });
  });
});

describe('digest week', () => {
  it('starts on Monday 09:00 in Japan (00:00 UTC)', () => {
    expect(digestWeek(new Date('2026-11-22T23:59:59Z'))).toBe('2026-W47'); // Monday 08:59 JST
    expect(digestWeek(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W48'); // Monday 09:00 JST
    expect(digestWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(digestWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  });
});

describe('unsubscribe token', () => {
  const secret = 's'.repeat(40);
  it('names its user only when signed with our secret', () => {
    const token = unsubscribeToken(secret, 'user-123');
    expect(verifyUnsubscribeToken(secret, token)).toBe('user-123');
    expect(verifyUnsubscribeToken('t'.repeat(40), token)).toBeNull();
    const forged = `${Buffer.from('user-999').toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyUnsubscribeToken(secret, forged)).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'garbage')).toBeNull();
    expect(verifyUnsubscribeToken(secret, '')).toBeNull();
  });

  it('shows only enough of the address to recognise it', () => {
    expect(maskEmail('yamada@example.test')).toBe('ya****@example.test');
    expect(maskEmail('a@b.jp')).toBe('a***@b.jp');
  });
});
