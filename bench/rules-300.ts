/**
 * Imported first by the monitoring bench: writes 284 more rules beside the 16 of the built-in
 * pack (300 in all) into a temporary MONITORING_RULES_DIR. They have the shapes of real rules —
 * command lines, ports, domains, accounts, counting rules — but values the generated stream
 * never carries, so the planted-alert check stays exact while every event pays for 300 rules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = path.join(tmpdir(), `mamori-bench-rules-${process.pid}`);
mkdirSync(dir, { recursive: true });
const docs: string[] = [];
const explain = `explain:
  what: { ja: "ベンチマーク用の規則です。", en: "A rule for the benchmark." }
  actions: { ja: ["なし"], en: ["none"] }`;
for (let i = 0; i < 284; i++) {
  const head = `id: bench-${i}\ntitle: { ja: "ベンチ ${i}", en: "Bench ${i}" }\nlevel: ${['low', 'medium', 'high'][i % 3]}\nlogsource: { category: any }`;
  let body: string;
  switch (i % 6) {
    case 0:
      body = `detection:\n  proc:\n    process.command_line|contains: ["tool${i}.exe -x", "--bench-${i}"]\n  condition: proc\ngroup_by: [host.name]`;
      break;
    case 1:
      body = `detection:\n  port:\n    destination.port: ${50000 + i}\n  outside:\n    source.ip|cidr: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]\n  condition: port and not outside\ngroup_by: [source.ip]`;
      break;
    case 2:
      body = `detection:\n  domain:\n    url.domain|endswith: [".bench${i}.example", ".x${i}.invalid"]\n  condition: domain\ngroup_by: [url.domain]`;
      break;
    case 3:
      body = `detection:\n  svc:\n    user.name: svc-bench-${i}\n    event.outcome: failure\n  condition: svc\naggregation: { count: 5, by: [source.ip], within: 5m }\ngroup_by: [source.ip]`;
      break;
    case 4:
      body = `detection:\n  re:\n    message|re: "bench-${i}-[0-9]{4}-marker"\n  condition: re\ngroup_by: [host.name]`;
      break;
    default:
      body = `detection:\n  a:\n    event.action: bench-action-${i}\n  b:\n    rule.name|startswith: "BENCH-${i}"\n  condition: 1 of a or b\ngroup_by: [host.name]`;
  }
  docs.push(`${head}\n${body}\nsuppress: 30m\n${explain}`);
}
writeFileSync(path.join(dir, 'bench.yaml'), `${docs.join('\n---\n')}\n`);
process.env.MONITORING_RULES_DIR = dir;
export const benchRulesDir = dir;
