import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization, twoFactor } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { AppDb } from '../db/client.ts';
import { normalizeLang, t } from '../i18n/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { renderActionMail } from '../mail/templates.ts';
import { authSchema, user as userTable } from './auth.tables.ts';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (~25 ms here).
const argonOptions = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const INVITATION_DAYS = 7;

/** Roles that may manage an organisation; the rest only use it. */
const ac = createAccessControl(defaultStatements);
const manage = ac.newRole(ownerAc.statements);
const use = ac.newRole(memberAc.statements);
export const orgRoles = { owner: manage, manager: manage, practitioner: use, employee: use, analyst: use };
export type OrgRole = keyof typeof orgRoles;
export const managingRoles: readonly OrgRole[] = ['owner', 'manager'];

/** Internal header carrying the client address Fastify resolved; any client-sent copy is dropped. */
export const CLIENT_IP_HEADER = 'x-mamori-client-ip';

export function createAuth(deps: { db: AppDb; config: Config; mailer: Mailer }) {
  const { db, config, mailer } = deps;

  const localeOf = async (email: string) => {
    const [row] = await db
      .select({ locale: userTable.locale })
      .from(userTable)
      .where(eq(userTable.email, email));
    return normalizeLang(row?.locale);
  };

  return betterAuth({
    appName: 'Mamori',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: config.trustedOrigins,
    database: drizzleAdapter(db, { provider: 'pg', schema: authSchema }),
    telemetry: { enabled: false },
    user: {
      additionalFields: {
        isOperator: { type: 'boolean', defaultValue: false, input: false, required: false },
        locale: { type: 'string', defaultValue: 'ja', input: true, required: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: (password) => hash(password, argonOptions),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      sendResetPassword: async ({ user, url }) => {
        const lang = normalizeLang((user as { locale?: string }).locale);
        await mailer.send(renderActionMail(lang, 'mail.reset', user, url));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, url }) => {
        const lang = normalizeLang((user as { locale?: string }).locale);
        await mailer.send(renderActionMail(lang, 'mail.verify', user, url));
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: config.rateLimit,
      storage: 'memory',
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60 * 10, max: 10 },
        '/request-password-reset': { window: 60 * 10, max: 5 },
        '/reset-password': { window: 60 * 10, max: 10 },
        '/send-verification-email': { window: 60 * 10, max: 5 },
        '/two-factor/verify-totp': { window: 60, max: 10 },
        '/two-factor/verify-backup-code': { window: 60, max: 10 },
      },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [
      twoFactor({ issuer: 'Mamori' }),
      organization({
        ac,
        roles: orgRoles,
        creatorRole: 'owner',
        invitationExpiresIn: INVITATION_DAYS * 24 * 60 * 60,
        cancelPendingInvitationsOnReInvite: true,
        requireEmailVerificationOnInvitation: true,
        sendInvitationEmail: async ({ id, role, email, organization: org, inviter }) => {
          const lang = await localeOf(email);
          const url = `${config.publicUrl}/invitations/${id}`;
          const params = {
            orgName: org.name,
            inviterName: inviter.user.name,
            role: t(lang, `roles.${role}`),
            days: INVITATION_DAYS,
          };
          await mailer.send(renderActionMail(lang, 'mail.invitation', { email, name: email }, url, params));
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
