import { inferAdditionalFields, twoFactorClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';
import i18n, { currentLang } from './i18n.ts';

type Navigate = (to: string) => void;
let navigateTo: Navigate = (to) => window.location.assign(to);

/** The router registers itself here so auth callbacks navigate without a page reload. */
export function setAuthNavigator(fn: Navigate): void {
  navigateTo = fn;
}

export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
  fetchOptions: {
    credentials: 'same-origin',
    onRequest(ctx) {
      ctx.headers.set('Accept-Language', currentLang());
    },
  },
  plugins: [
    inferAdditionalFields({ user: { locale: { type: 'string', required: false } } }),
    twoFactorClient({
      onTwoFactorRedirect() {
        // keep ?redirect= so the second step can continue where the user was going
        navigateTo(`/sign-in/two-factor${window.location.search}`);
      },
    }),
  ],
});

export interface AuthError {
  status?: number;
  code?: string;
  message?: string;
}

const KNOWN_CODES = new Set([
  'INVALID_EMAIL_OR_PASSWORD',
  'INVALID_PASSWORD',
  'INVALID_EMAIL',
  'EMAIL_NOT_VERIFIED',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'USER_ALREADY_EXISTS',
  'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'INVALID_CODE',
  'INVALID_BACKUP_CODE',
  'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE',
  'INVALID_TWO_FACTOR_COOKIE',
  'SESSION_EXPIRED',
  'SESSION_NOT_FRESH',
  'EMAIL_ALREADY_VERIFIED',
]);

/** A message for a better-auth error in the UI language (better-auth answers in English). */
export function authErrorMessage(error: AuthError | null | undefined): string {
  if (!error) return i18n.t('common.errors.unknown');
  if (error.status === 429) return i18n.t('auth.errors.TOO_MANY_REQUESTS');
  if (error.code && KNOWN_CODES.has(error.code)) return i18n.t(`auth.errors.${error.code}`);
  if (error.status !== undefined && error.status >= 500) return i18n.t('common.errors.server');
  if (error.status === 0 || error.status === undefined) return i18n.t('common.errors.network');
  return error.message || i18n.t('common.errors.unknown');
}

/** Only same-site paths ("/x", not "//host" or "/\\host") are followed after sign-in. */
export function safeRedirect(value: string | null | undefined, fallback = '/dashboard'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
