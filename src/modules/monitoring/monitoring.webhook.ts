import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../../kernel/db/client.ts';
import { incidentWebhook } from './monitoring.desk.tables.ts';

export type WebhookRow = typeof incidentWebhook.$inferSelect;
export const SIGNATURE_HEADER = 'x-mamori-signature';
export const WEBHOOK_TIMEOUT_MS = 5_000;

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Addresses inside a private network: a webhook must not be a way to reach them from the server. */
function privateAddress(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal'))
    return true;
  if (isIP(h) === 4) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(h) === 6)
    return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  return false;
}

/**
 * Webhooks go out over HTTPS to a public address. A loopback receiver (plain http too) is
 * accepted only when this installation itself runs on loopback: a developer's machine or a test.
 */
export function webhookUrlAllowed(url: string, publicUrl: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  const self = new URL(publicUrl);
  const local = loopback.has(u.hostname) && loopback.has(self.hostname);
  if (local) return u.protocol === 'https:' || u.protocol === 'http:';
  return u.protocol === 'https:' && !privateAddress(u.hostname);
}

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** `sha256=<hex>` of the exact body bytes, keyed with the shared secret (as receivers verify it). */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export async function getWebhook(db: AppDb, orgId: string) {
  const [row] = await db.select().from(incidentWebhook).where(eq(incidentWebhook.orgId, orgId));
  return row;
}

export async function saveWebhook(db: AppDb, orgId: string, url: string, secret: string) {
  const [row] = await db
    .insert(incidentWebhook)
    .values({ orgId, url, secret })
    .onConflictDoUpdate({
      target: incidentWebhook.orgId,
      set: { url, secret, updatedAt: new Date(), lastStatus: null, lastError: null, lastAt: null },
    })
    .returning();
  return row as WebhookRow;
}

export async function deleteWebhook(db: AppDb, orgId: string) {
  const r = await db.delete(incidentWebhook).where(eq(incidentWebhook.orgId, orgId)).returning();
  return r.length > 0;
}

/** Deliveries still in flight (the process waits for them on shutdown; tests wait for them too). */
const inFlight = new Set<Promise<void>>();
export const webhooksSettled = () => Promise.allSettled([...inFlight]).then(() => undefined);

/**
 * Posts the payload in the background: the request that caused it never waits, and a slow
 * or dead receiver is cut off after WEBHOOK_TIMEOUT_MS. The outcome is kept for the settings page.
 */
export function deliverWebhook(
  db: AppDb,
  hook: WebhookRow,
  event: string,
  data: Record<string, unknown>,
  log?: { warn(obj: unknown, msg: string): void },
): void {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const body = JSON.stringify({ event, sentAt: new Date().toISOString(), data });
  const run = (async () => {
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mamori-Webhook/1',
          'x-mamori-event': event,
          'x-mamori-timestamp': timestamp,
          [SIGNATURE_HEADER]: signBody(hook.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error =
        err instanceof Error && err.name === 'TimeoutError'
          ? 'timeout'
          : String((err as Error).message ?? err);
      log?.warn({ err, orgId: hook.orgId }, 'webhook delivery failed');
    }
    await db
      .update(incidentWebhook)
      .set({ lastStatus: status, lastError: error, lastAt: new Date() })
      .where(eq(incidentWebhook.orgId, hook.orgId))
      .catch(() => undefined);
  })();
  inFlight.add(run);
  void run.finally(() => inFlight.delete(run));
}
