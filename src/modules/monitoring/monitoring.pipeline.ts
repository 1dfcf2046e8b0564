import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AppDb } from '../../kernel/db/client.ts';
import type { ModuleContext } from '../../kernel/module.ts';
import type { EventBatch, EventPreparer, IngestStats, SensorRef } from './monitoring.prepare.ts';
import * as repo from './monitoring.repo.ts';
import { loadRules } from './monitoring.rules.ts';

/** The built-in pack, plus an installation's own rules from MONITORING_RULES_DIR (same format). */
export const rules = withSiteRules(loadRules(), process.env.MONITORING_RULES_DIR);

function withSiteRules(builtIn: ReturnType<typeof loadRules>, dir: string | undefined) {
  if (!dir) return builtIn;
  const ids = new Set(builtIn.map((r) => r.id));
  const site = loadRules(dir);
  const clash = site.find((r) => ids.has(r.id));
  if (clash) throw new Error(`${dir}: rule id ${clash.id} is already a built-in rule`);
  return [...builtIn, ...site];
}
export const rulesById = new Map(rules.map((r) => [r.id, r]));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export function newToken() {
  const token = `mms_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 8) };
}

/** Where prepared batches go: straight to the committer, or to JetStream for the workers. */
export interface EventSink {
  /** Resolves once the batch is durable (committed, or persisted by the stream). */
  submit(batch: EventBatch): Promise<unknown>;
  readonly full: boolean;
}

/** Prepares the lines and hands the batch to the sink; resolves when the accepted events are durable. */
export async function ingest(
  sink: EventSink,
  preparer: EventPreparer,
  s: SensorRef,
  lines: string | string[],
  source: string,
  receivedAt = new Date(),
  sourceIp?: string,
): Promise<IngestStats> {
  const { batch, stats } = await preparer.run(s, lines, source, receivedAt, sourceIp);
  if (stats.received > 0) await sink.submit(batch);
  return stats;
}

/** Job: a sensor silent past its expected interval raises the sensor-silent alert. */
export async function checkSilentSensors(ctx: Pick<ModuleContext, 'db'>, now: Date): Promise<number> {
  const rule = rulesById.get('sensor-silent');
  if (!rule) return 0;
  let n = 0;
  for (const s of await repo.silentSensors(ctx.db, now)) {
    const group = Object.fromEntries(rule.def.group_by.map((f) => [f, f === 'observer.name' ? s.name : '']));
    const key = [s.orgId, rule.id, ...rule.def.group_by.map((f) => `${f}=${group[f]}`)].join('|');
    const r = await ctx.db.transaction((tx) =>
      repo.upsertAlert(
        tx as unknown as AppDb,
        {
          orgId: s.orgId,
          ruleId: rule.id,
          key,
          group,
          severity: rule.severity,
          at: now,
          suppressMs: rule.suppressMs,
          sensorId: s.id,
          entity: `sensor:${s.id}`,
        },
        randomUUID,
      ),
    );
    if (r.created) n++;
  }
  return n;
}
