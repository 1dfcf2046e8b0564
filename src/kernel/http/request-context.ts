import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import type { Auth } from '../auth/auth.ts';
import type { AppDb } from '../db/client.ts';
import { langFromRequest, normalizeLang } from '../i18n/index.ts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

export function headersOf(req: FastifyRequest): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  return h;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per-request language, lazily resolved actor, CSRF origin check for
 * cookie-authenticated writes, and the audit entry of every accepted write.
 */
export function registerRequestContext(
  app: FastifyInstance,
  deps: { auth: Auth; db: AppDb; trustedOrigins: string[] },
): void {
  const { auth, db } = deps;
  const trusted = new Set(deps.trustedOrigins);

  app.decorateRequest('lang', 'ja');
  app.decorateRequest('audit', null as never);
  app.decorateRequest('getActor', null as never);

  app.addHook('onRequest', async (req) => {
    req.lang = langFromRequest(req.query, req.headers['accept-language']);
    req.audit = {};
    let actor: Promise<Actor | null> | undefined;
    req.getActor = () => {
      actor ??= auth.api.getSession({ headers: headersOf(req) }).then((s) => {
        if (!s) return null;
        const u = s.user as typeof s.user & {
          isOperator?: boolean;
          locale?: string;
          twoFactorEnabled?: boolean | null;
        };
        return {
          userId: u.id,
          email: u.email,
          name: u.name,
          isOperator: u.isOperator === true,
          emailVerified: u.emailVerified,
          twoFactorEnabled: u.twoFactorEnabled === true,
          locale: normalizeLang(u.locale),
          sessionId: s.session.id,
          activeOrgId: (s.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
        };
      });
      return actor;
    };

    // Browsers always send Origin on cross-site writes; a cookie-carrying write
    // from an origin we do not serve is a CSRF attempt. Scripts without cookies
    // (sensors with bearer tokens) are unaffected.
    if (unsafe.has(req.method) && req.url.startsWith('/api/v1/') && req.headers.cookie) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const sameHost = origin && req.headers.host && new URL(origin).host === req.headers.host;
      if ((origin && !trusted.has(origin) && !sameHost) || site === 'cross-site') {
        throw new AppError('csrf_rejected');
      }
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!unsafe.has(req.method) || !req.url.startsWith('/api/v1/') || reply.statusCode >= 400) return payload;
    const action = req.audit.action ?? req.routeOptions.config.audit;
    if (!action) return payload;
    const actor = await req.getActor();
    const params = req.params as Record<string, string> | undefined;
    await recordAudit(db, {
      action,
      orgId: req.audit.orgId ?? params?.orgId ?? null,
      actorId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      target: req.audit.target ?? null,
      ip: req.ip,
      data: req.audit.data ?? null,
    });
    return payload;
  });
}

export async function requireActor(req: FastifyRequest): Promise<Actor> {
  const actor = await req.getActor();
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

export async function requireOperator(req: FastifyRequest): Promise<Actor> {
  const actor = await requireActor(req);
  if (!actor.isOperator) throw new AppError('forbidden');
  return actor;
}
