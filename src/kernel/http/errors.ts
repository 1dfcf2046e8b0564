import type { TOptions } from 'i18next';

/**
 * The one error catalog: stable code → HTTP status. The message key is
 * `errors.<code>` unless the code is namespaced by a module (`orgs.errors.x`).
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_corporate_number: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorKind = keyof typeof errorStatus;

export interface FieldError {
  key: string;
  params?: TOptions;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    /** Stable snake_case code sent to clients. */
    readonly code: string,
    opts: {
      kind?: ErrorKind;
      /** i18n key of the message; defaults to `errors.<code>`. */
      messageKey?: string;
      params?: TOptions;
      fields?: Record<string, FieldError>;
      /** Extra machine-readable detail merged into the error body. */
      detail?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.status = errorStatus[opts.kind ?? (code as ErrorKind)] ?? 400;
    this.messageKey = opts.messageKey ?? `errors.${code}`;
    this.params = opts.params;
    this.fields = opts.fields;
    this.detail = opts.detail;
  }
  readonly messageKey: string;
  readonly params: TOptions | undefined;
  readonly fields: Record<string, FieldError> | undefined;
  readonly detail: Record<string, unknown> | undefined;
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const unauthenticated = () => new AppError('unauthenticated');

/** A domain rule broken by the request, e.g. `orgs.last_owner` → code `last_owner`, status 409. */
export function ruleError(module: string, code: string, kind: ErrorKind = 'conflict'): AppError {
  return new AppError(code, { kind, messageKey: `${module}.errors.${code}` });
}
