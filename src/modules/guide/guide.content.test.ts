import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentBank } from '../diagnosis/index.ts';
import { learningThemeList } from '../learning/index.ts';
import { contentDir, type KnownIds, loadContent, phases } from './guide.content.ts';

const known: KnownIds = {
  diagnosisItems: new Set(currentBank().parts.flatMap((p) => p.items.map((i) => i.no))),
  learningThemes: new Set(learningThemeList('ja').map((x) => x.id)),
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A copy of content/guide with one file rewritten. */
function withEdit(rel: string, edit: (s: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-content-'));
  dirs.push(dir);
  cpSync(contentDir, dir, { recursive: true });
  const file = path.join(dir, rel);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return dir;
}

describe('guide content', () => {
  const content = loadContent(known);

  it('covers the five troubles of the issue (and more), each with every phase and something not to do', () => {
    const ids = content.topics.map((x) => x.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'ransomware',
        'malware',
        'data-leak',
        'account-takeover',
        'website-defacement',
        'fraud-mail',
      ]),
    );
    for (const topic of content.topics) {
      for (const ph of phases)
        expect(
          topic.steps.some((s) => s.phase === ph),
          `${topic.id} ${ph}`,
        ).toBe(true);
      expect(topic.dont.ja.length).toBeGreaterThan(0);
      expect(
        topic.steps.some((s) => s.referral),
        `${topic.id} names whom to contact`,
      ).toBe(true);
    }
  });

  it('puts the police, IPA, the PPC, JPCERT/CC and 188 on the referral map with a way to reach them', () => {
    for (const id of ['ipa-org-desk', 'ipa-report', 'police', 'ppc', 'jpcert', 'consumer-hotline']) {
      const o = content.orgById.get(id);
      expect(o, id).toBeTruthy();
      expect(Boolean(o?.url) || (o?.contacts.length ?? 0) > 0, id).toBe(true);
    }
    const phones = content.orgById.get('police')?.contacts.map((c) => c.value);
    expect(phones).toEqual(expect.arrayContaining(['#9110', '110']));
  });

  it('has the ten threats of the newest confirmed list, ranked 1–10', () => {
    expect(content.threats.year).toBe(2026);
    expect(content.threats.threats.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(content.threats.threats[0]?.title.ja).toBe('ランサム攻撃による被害');
  });

  it('fails naming the file when a threat names an unknown learning theme', () => {
    const dir = withEdit('threats.yaml', (s) =>
      s.replace('learningThemes: [updates, antivirus', 'learningThemes: [nope, antivirus'),
    );
    expect(() => loadContent(known, dir)).toThrow(
      /content\/guide\/threats\.yaml.*unknown learning theme nope/,
    );
  });

  it('fails naming the file when a threat names an unknown diagnosis item', () => {
    const dir = withEdit('threats.yaml', (s) =>
      s.replace('diagnosisItems: [1, 2, 11, 24]', 'diagnosisItems: [1, 2, 11, 99]'),
    );
    expect(() => loadContent(known, dir)).toThrow(/threats\.yaml.*unknown diagnosis item 99/);
  });

  it('fails naming the file when a step names an unknown organisation', () => {
    const dir = withEdit('topics/ransomware.yaml', (s) => s.replace('referral: police', 'referral: sheriff'));
    expect(() => loadContent(known, dir)).toThrow(/topics\/ransomware\.yaml.*unknown organisation sheriff/);
  });

  it('fails naming the file when a text lacks its English', () => {
    const dir = withEdit('referrals.yaml', (s) => s.replace(', en: Report an incident }', ' }'));
    expect(() => loadContent(known, dir)).toThrow(/referrals\.yaml is invalid/);
  });
});
