import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import type { AppDb } from '../db/client.ts';
import { hasKey, t } from '../i18n/index.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';

/*
 * better-auth's HTTP endpoints that browsers may call. Organisation
 * management is deliberately not exposed here: it goes through
 * /api/v1/orgs, which validates, audits and enforces tenancy.
 */
const exposed: RegExp[] = [
  /^\/sign-up\/email$/,
  /^\/sign-in\/email$/,
  /^\/sign-out$/,
  /^\/get-session$/,
  /^\/verify-email$/,
  /^\/send-verification-email$/,
  /^\/request-password-reset$/,
  /^\/reset-password(\/[^/]+)?$/,
  /^\/change-password$/,
  /^\/update-user$/,
  /^\/list-sessions$/,
  /^\/revoke-sessions?$/,
  /^\/revoke-other-sessions$/,
  /^\/two-factor\/[a-z-]+$/,
  /^\/ok$/,
  /^\/error$/,
];

/** Audit names for state-changing auth calls. */
const auditNames: Record<string, string> = {
  '/sign-up/email': 'auth.sign_up',
  '/sign-in/email': 'auth.sign_in',
  '/sign-out': 'auth.sign_out',
  '/verify-email': 'auth.email_verified',
  '/request-password-reset': 'auth.password_reset_requested',
  '/reset-password': 'auth.password_reset',
  '/change-password': 'auth.password_changed',
  '/update-user': 'auth.profile_updated',
  '/two-factor/enable': 'auth.two_factor_enabled',
  '/two-factor/disable': 'auth.two_factor_disabled',
  '/two-factor/verify-totp': 'auth.two_factor_verified',
  '/two-factor/verify-backup-code': 'auth.two_factor_backup_code_used',
  '/revoke-sessions': 'auth.sessions_revoked',
  '/revoke-other-sessions': 'auth.sessions_revoked',
};

function toWebRequest(req: FastifyRequest, url: URL): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(CLIENT_IP_HEADER, req.ip);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== undefined;
  if (hasBody) headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? JSON.stringify(req.body) : undefined,
  });
}

/** better-auth answers `{code, message}`; the API answers `{error:{code,message}}` in the user's language. */
function localizeError(req: FastifyRequest, status: number, text: string): string {
  let parsed: { code?: string; message?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: fall through to a generic message */
  }
  const raw = parsed.code ?? (status === 429 ? 'TOO_MANY_REQUESTS' : 'UNKNOWN');
  const key = hasKey(`auth.errors.${raw}`) ? `auth.errors.${raw}` : 'auth.errors.UNKNOWN';
  const message = t(req.lang, key);
  // Top-level code/message stay for better-auth's own client, which reads them.
  return JSON.stringify({ error: { code: raw.toLowerCase(), message }, code: raw, message });
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, db: AppDb): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(req.url, 'http://internal');
    const sub = url.pathname.replace(/^\/api\/auth/, '');
    if (!exposed.some((re) => re.test(sub))) {
      return reply.callNotFound();
    }
    const before = req.method === 'GET' ? null : await req.getActor();
    const response = await auth.handler(
      toWebRequest(req, new URL(url.pathname + url.search, auth.options.baseURL)),
    );
    const text = await response.text();
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);

    const auditName = auditNames[sub.replace(/^\/reset-password\/.+$/, '/reset-password')];
    if (auditName && response.status < 400 && (req.method === 'POST' || sub === '/verify-email')) {
      let who: { id?: string; email?: string } | undefined;
      try {
        who = (JSON.parse(text) as { user?: { id: string; email: string } }).user;
      } catch {
        /* redirects and empty bodies carry no user */
      }
      if (!who && cookies.length) {
        // Confirming an address signs the user in: name them from the new session.
        const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
        const s = await auth.api.getSession({ headers: new Headers({ cookie }) }).catch(() => null);
        if (s) who = { id: s.user.id, email: s.user.email };
      }
      const email =
        who?.email ?? before?.email ?? (req.body as { email?: string } | undefined)?.email ?? null;
      await recordAudit(db, {
        action: auditName,
        actorId: who?.id ?? before?.userId ?? null,
        actorEmail: email,
        ip: req.ip,
      });
    }
    if (response.status >= 400) {
      reply.header('content-type', 'application/json; charset=utf-8');
      return reply.send(localizeError(req, response.status, text));
    }
    return reply.send(text);
  };
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', schema: { hide: true }, handler });
}
