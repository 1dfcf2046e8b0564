import type { Lang } from '../i18n/index.ts';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  isOperator: boolean;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  locale: Lang;
  sessionId: string;
  activeOrgId: string | null;
}

export interface AuditNote {
  action?: string;
  orgId?: string | null;
  target?: string | null;
  data?: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's language: `?lang=`, then Accept-Language, else ja. */
    lang: Lang;
    /** Resolved once per request from the session cookie; null when signed out. */
    getActor(): Promise<Actor | null>;
    /** Details a handler adds to the audit entry of a state-changing request. */
    audit: AuditNote;
  }
  interface FastifyContextConfig {
    /** Audit action name for this route, e.g. `orgs.create`. */
    audit?: string;
  }
}
