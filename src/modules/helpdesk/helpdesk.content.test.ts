import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentDir, loadContent } from './helpdesk.content.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function copy(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'helpdesk-content-'));
  cpSync(contentDir, d, { recursive: true });
  dir = d;
  return d;
}

function edit(d: string, file: string, change: (json: Record<string, unknown>) => void) {
  const p = path.join(d, file);
  const json = JSON.parse(readFileSync(p, 'utf8'));
  change(json);
  writeFileSync(p, JSON.stringify(json));
}

describe('helpdesk content', () => {
  it('loads the shipped files: six categories in ja and en, four priorities, JST business hours', () => {
    const c = loadContent();
    expect(c.categories.map((x) => x.id)).toEqual([
      'virus',
      'suspicious-mail',
      'account',
      'website',
      'device-loss',
      'other',
    ]);
    expect(c.sla.priorities.critical.allDay).toBe(true);
    expect(c.calendar.utcOffsetMinutes).toBe(540);
    expect(c.calendar.isClosed('2026-11-23')).toBe(true); // 勤労感謝の日
    expect(c.calendar.isClosed('2026-12-30')).toBe(true); // year-end closure
    expect(c.calendar.isClosed('2026-11-24')).toBe(false);
  });

  it('fails naming the file when sla.json is wrong', () => {
    const d = copy();
    edit(d, 'sla.json', (j) => {
      (j.businessHours as Record<string, string>).start = '19:00';
    });
    expect(() => loadContent(d)).toThrow(
      /content\/helpdesk\/sla\.json is invalid[\s\S]*start must be before/,
    );
  });

  it('fails naming the file when a category lacks English', () => {
    const d = copy();
    edit(d, 'categories.json', (j) => {
      const [first] = j.categories as { title: Record<string, string> }[];
      if (first) first.title = { ja: 'ウイルス' };
    });
    expect(() => loadContent(d)).toThrow(/content\/helpdesk\/categories\.json is invalid/);
  });

  it('fails naming the file when it is not JSON', () => {
    const d = copy();
    writeFileSync(path.join(d, 'sla.json'), '{ nope');
    expect(() => loadContent(d)).toThrow(/content\/helpdesk\/sla\.json cannot be read/);
  });
});
