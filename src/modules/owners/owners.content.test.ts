import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, loadContent } from './owners.content.ts';

const modulesDir = path.resolve(import.meta.dirname, '..');

/** Every route path the web front end declares in the modules' ui/index.ts. */
function declaredRoutes(): Set<string> {
  const out = new Set<string>();
  for (const m of readdirSync(modulesDir)) {
    let src: string;
    try {
      src = readFileSync(path.join(modulesDir, m, 'ui', 'index.ts'), 'utf8');
    } catch {
      continue;
    }
    for (const match of src.matchAll(/path: '([^']+)'/g)) out.add(match[1] as string);
  }
  return out;
}

// Pages other modules are building at the same time (the incident guide, advisories): linked by path.
describe('content/owners', () => {
  it('loads: 3 principles, 7 actions, 3 reasons and 3 pitfalls in both languages', () => {
    const c = loadContent();
    expect(c.corner.principles).toHaveLength(3);
    expect(c.corner.actions.map((a) => a.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(c.why.reasons.items).toHaveLength(3);
    expect(c.why.pitfalls.items).toHaveLength(3);
  });

  it('links every action to a page the web front end has', () => {
    const routes = declaredRoutes();
    expect(routes.has('/orgs/:orgId/policies')).toBe(true);
    for (const a of loadContent().corner.actions)
      for (const l of a.links) expect(routes.has(l.path), `action ${a.no}: ${l.path}`).toBe(true);
  });

  it('refuses a broken file at start, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'owners-content-'));
    cpSync(contentDir, dir, { recursive: true });
    const file = path.join(dir, 'corner.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('reviewMonths: 12', 'reviewMonths: "soon"'));
    expect(() => loadContent(dir)).toThrow(/content\/owners\/corner\.yaml is invalid[\s\S]*reviewMonths/);
    writeFileSync(path.join(dir, 'why.yaml'), 'title: [unclosed');
    expect(() => loadContent(path.join(dir))).toThrow(/content\/owners/);
  });
});
