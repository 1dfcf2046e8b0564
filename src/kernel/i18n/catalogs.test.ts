import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, mergeCatalogs } from './index.ts';

function leafKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function pluralBase(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

function sameKeys(ja: unknown, en: unknown): { onlyJa: string[]; onlyEn: string[] } {
  const j = new Set(leafKeys(ja).map(pluralBase));
  const e = new Set(leafKeys(en).map(pluralBase));
  return { onlyJa: [...j].filter((k) => !e.has(k)), onlyEn: [...e].filter((k) => !j.has(k)) };
}

const root = join(import.meta.dirname, '..', '..', '..');
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;

function webCatalog(lang: 'ja' | 'en'): Record<string, unknown> {
  const parts = [readJson(join(root, 'web', 'locales', `${lang}.json`))];
  const modulesDir = join(root, 'src', 'modules');
  for (const name of readdirSync(modulesDir).sort()) {
    const file = join(modulesDir, name, 'ui', 'locales', `${lang}.json`);
    if (existsSync(file)) parts.push(readJson(file));
  }
  return Object.assign({}, ...parts);
}

describe('message catalogs', () => {
  it('server: every key exists in Japanese and English', () => {
    expect(sameKeys(catalogs.ja, catalogs.en)).toEqual({ onlyJa: [], onlyEn: [] });
  });

  it('web: every key exists in Japanese and English', () => {
    expect(sameKeys(webCatalog('ja'), webCatalog('en'))).toEqual({ onlyJa: [], onlyEn: [] });
  });

  it('merges module catalogs deeply without dropping base keys', () => {
    expect(mergeCatalogs({ a: { b: '1', c: '2' } }, { a: { d: '3' } })).toEqual({
      a: { b: '1', c: '2', d: '3' },
    });
  });
});
