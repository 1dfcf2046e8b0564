import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, loadLibraryContent } from './library.content.ts';

const content = loadLibraryContent();

/** A copy of the content folder with one file replaced, to see start-up refuse it. */
function withFile(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'library-content-'));
  for (const f of ['taxonomy.yaml', 'entries.yaml', 'videos.yaml', 'practice.yaml']) {
    const text = readFileSync(path.join(contentDir, f), 'utf8');
    writeFileSync(path.join(dir, f), f === file ? edit(text) : text);
  }
  return dir;
}

describe('library content', () => {
  it('covers the laws, guides, qualifications and training the handbook names', () => {
    const ids = content.entries.map((e) => e.id);
    for (const id of [
      'personal-information-protection-act',
      'my-number-act',
      'unfair-competition-prevention-act',
      'unauthorized-access-act',
      'nisc-law-handbook',
      'mobile-device-settings',
      'tls-settings',
      'procurement-security-requirements',
      'information-security-management-exam',
      'registered-information-security-specialist',
      'cissp',
      'it-passport-exam',
      'cyder',
      'ctf-seccon',
    ])
      expect(ids).toContain(id);
    for (const c of ['law', 'guide', 'qualification', 'training'])
      expect(content.entries.some((e) => e.category === c)).toBe(true);
  });

  it('has at least 20 practice questions, each with four choices and an explanation in both languages', () => {
    expect(content.questions.length).toBeGreaterThanOrEqual(20);
    for (const q of content.questions) {
      expect(q.choices).toHaveLength(4);
      expect(q.explanation.ja.length).toBeGreaterThan(20);
      expect(q.explanation.en.length).toBeGreaterThan(20);
    }
    // Answers are spread over the choices, so always picking the same letter does not pass.
    for (const letter of ['a', 'b', 'c', 'd']) {
      const share = content.questions.filter((q) => q.answer === letter).length / content.questions.length;
      expect(share, `answer ${letter}`).toBeLessThanOrEqual(0.35);
    }
  });

  it('links only to https addresses', () => {
    const urls = [
      ...content.entries.flatMap((e) => e.links.map((l) => l.url)),
      ...content.videos.map((v) => v.url),
    ];
    for (const u of urls) expect(new URL(u).protocol).toBe('https:');
  });

  it('refuses a file with an http link, naming the file', () => {
    const dir = withFile('entries.yaml', (s) => s.replace('https://www.ppc.go.jp/', 'http://www.ppc.go.jp/'));
    expect(() => loadLibraryContent(dir)).toThrow(/content\/library\/entries\.yaml is invalid/);
  });

  it('refuses an entry that names a tag the taxonomy does not have', () => {
    const dir = withFile('entries.yaml', (s) =>
      s.replace('tags: [trade-secret, insider]', 'tags: [trade-secret, nope]'),
    );
    expect(() => loadLibraryContent(dir)).toThrow(
      /entries\.yaml: unfair-competition-prevention-act names unknown tag "nope"/,
    );
  });

  it('refuses a question whose answer is not one of a–d', () => {
    const dir = withFile('practice.yaml', (s) => s.replace(/^ {2}answer: [a-d]$/m, '  answer: e'));
    expect(() => loadLibraryContent(dir)).toThrow(/practice\.yaml is invalid/);
  });
});
