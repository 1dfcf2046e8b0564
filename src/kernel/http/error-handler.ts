import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { hasKey, type Lang, t } from '../i18n/index.ts';
import { AppError, type FieldError } from './errors.ts';

type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

/** Turns one zod issue into a message key the user can read in their language. */
function fieldError(issue: ValidationIssue, missing: boolean): FieldError {
  const p = issue.params;
  if (issue.message && hasKey(issue.message)) {
    const keys = Array.isArray(p.keys) ? { keys: (p.keys as string[]).join(', ') } : {};
    return { key: issue.message, params: { ...p, ...keys } };
  }
  if (missing) return { key: 'fields.required' };
  switch (issue.keyword) {
    case 'invalid_type':
      return {
        key: /received undefined/.test(issue.message ?? '') ? 'fields.required' : 'fields.invalid_type',
      };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'fields.invalid_value' };
    case 'too_small':
      // "At least 1 character" is just "required" to a person.
      if (p.origin === 'string' && p.minimum === 1) return { key: 'fields.required' };
      return {
        key: `fields.too_small_${p.origin === 'number' || p.origin === 'array' ? p.origin : 'string'}`,
        params: p,
      };
    case 'too_big': {
      const origin = p.origin === 'number' || p.origin === 'array' ? p.origin : 'string';
      return { key: `fields.${issue.keyword}_${origin}`, params: p };
    }
    case 'invalid_format':
      if (p.format === 'email') return { key: 'fields.invalid_email' };
      if (p.format === 'url') return { key: 'fields.invalid_url' };
      return { key: 'fields.invalid_format' };
    case 'unrecognized_keys':
      return {
        key: 'fields.unrecognized_keys',
        params: { keys: (p.keys as string[] | undefined)?.join(', ') },
      };
    default:
      return { key: 'fields.invalid' };
  }
}

/** Whether the input had nothing at `segments` (so the field is missing, not wrong). */
function isMissing(input: unknown, segments: string[]): boolean {
  if (segments.length === 0) return input === undefined;
  let cur: unknown = input;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return true;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur === undefined;
}

export function validationError(
  issues: ValidationIssue[],
  part: string | undefined,
  input?: unknown,
): AppError {
  const fields: Record<string, FieldError> = {};
  let code = 'validation_failed';
  for (const issue of issues) {
    const segments = issue.instancePath.split('/').filter(Boolean);
    const path = segments.join('.') || part || 'body';
    const missing =
      issue.keyword !== 'unrecognized_keys' && segments.length > 0 && isMissing(input, segments);
    if (!fields[path]) {
      const f = fieldError(issue, missing);
      // Messages may name the field, e.g. 「設問 {{field}} に回答してください」.
      fields[path] = { key: f.key, params: { ...f.params, field: segments.at(-1) ?? path } };
    }
    // A rule with its own stable code (e.g. invalid_corporate_number) names the whole error.
    const own = (issue.params.params as { errorCode?: unknown } | undefined)?.errorCode;
    if (typeof own === 'string') code = own;
  }
  return new AppError(code, { kind: 'validation_failed', fields });
}

export function errorBody(err: AppError, lang: Lang) {
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([k, f]) => [k, t(lang, f.key, f.params)]))
    : undefined;
  return {
    error: {
      code: err.code,
      message: t(lang, err.messageKey, err.params),
      ...(fields ? { fields } : {}),
      ...err.detail,
    },
  };
}

const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_json',
};

/** Maps anything thrown to the API's error body; never leaks a stack or SQL. */
export function toAppError(err: unknown, bodyLimit: number, req?: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const carried = (err as { appError?: unknown } | null)?.appError;
  if (carried instanceof AppError) return carried;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = (err as { validationContext?: string }).validationContext;
    const input =
      part === 'body'
        ? req?.body
        : part === 'querystring'
          ? req?.query
          : part === 'params'
            ? req?.params
            : undefined;
    return validationError(err.validation as ValidationIssue[], part, input);
  }
  const fe = err as FastifyError;
  if (fe && typeof fe.code === 'string') {
    const mapped = fastifyCodes[fe.code];
    if (mapped === 'body_too_large') {
      return new AppError(mapped, { params: { limit: `${Math.round(bodyLimit / 1024)} KiB` } });
    }
    if (mapped) return new AppError(mapped);
    if (fe.code === 'FST_ERR_VALIDATION') return new AppError('validation_failed');
  }
  if (fe && fe.statusCode === 429) return new AppError('rate_limited', { params: { seconds: 60 } });
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('validation_failed', { kind: 'validation_failed' });
  }
  return new AppError('internal');
}

export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const appErr = toAppError(err, bodyLimit, req);
    if (appErr.status >= 500 || isResponseSerializationError(err as never)) {
      req.log.error({ err }, 'request failed');
    }
    void reply.status(appErr.status).send(errorBody(appErr, req.lang));
  });
}
