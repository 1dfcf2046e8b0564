import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/**
 * Every setting Mamori reads, with the embedded defaults that make
 * `npm start` work on a fresh machine. README's configuration table mirrors this.
 */
const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url().optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Mamori <no-reply@mamori.local>'),
  AUTH_SECRET: z.string().min(32).optional(),
  SYSLOG_PORT: z.coerce.number().int().min(0).max(65535).default(5514),
  NATS_URL: z.string().optional(),
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default('MAMORI_EVENTS'),
  MONITORING_DETECT: onOff.default(true),
  /** Read by the monitoring module when it loads its rules; listed here so a typo fails start. */
  MONITORING_RULES_DIR: z.string().min(1).optional(),
  MONITORING_QUEUE_EVENTS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  MONITORING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Threads preparing incoming events: `auto` leaves one core to the main thread (at most 4). */
  MONITORING_PREPARE_THREADS: z
    .string()
    .regex(/^(auto|\d{1,2})$/)
    .default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAMORI_RATE_LIMIT: onOff.default(true),
  OPERATOR_EMAIL: z.email().optional(),
  OPERATOR_PASSWORD: z.string().min(10).optional(),
  TRUSTED_ORIGINS: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  authSecret: string;
  syslogPort: number;
  natsUrl: string | undefined;
  /** JetStream stream of accepted event batches (with NATS_URL). */
  natsStream: string;
  /** Whether this process runs detection workers (with NATS_URL, ingest-only nodes turn it off). */
  monitoringDetect: boolean;
  /** Accepted events waiting for their commit before senders are told to slow down (429). */
  monitoringQueueEvents: number;
  monitoringRetentionDays: number;
  /** Worker threads that parse, match rules and encode incoming events (0: the main thread does). */
  monitoringPrepareThreads: number;
  logLevel: Env['LOG_LEVEL'];
  rateLimit: boolean;
  operator: { email: string; password: string | undefined } | undefined;
  trustedOrigins: string[];
  /** Where built web assets are served from. */
  webDir: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The secret signs sessions; without AUTH_SECRET one is made once and kept in DATA_DIR. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable (FOO= in a unit file or .env) means "not set", not "invalid".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(overrides.dataDir ?? e.DATA_DIR);
  const port = overrides.port ?? e.PORT;
  const host = overrides.host ?? e.HOST;
  const publicUrl = (overrides.publicUrl ?? e.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, '');
  const config: Config = {
    host,
    port,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    authSecret: e.AUTH_SECRET ?? overrides.authSecret ?? persistentSecret(dataDir),
    syslogPort: e.SYSLOG_PORT,
    natsUrl: e.NATS_URL || undefined,
    natsStream: e.NATS_STREAM,
    monitoringDetect: e.MONITORING_DETECT,
    monitoringQueueEvents: e.MONITORING_QUEUE_EVENTS,
    monitoringRetentionDays: e.MONITORING_RETENTION_DAYS,
    monitoringPrepareThreads:
      e.MONITORING_PREPARE_THREADS === 'auto'
        ? Math.min(4, availableParallelism() - 1)
        : Number(e.MONITORING_PREPARE_THREADS),
    logLevel: e.LOG_LEVEL,
    rateLimit: e.MAMORI_RATE_LIMIT,
    operator: e.OPERATOR_EMAIL ? { email: e.OPERATOR_EMAIL, password: e.OPERATOR_PASSWORD } : undefined,
    trustedOrigins: [
      new URL(publicUrl).origin,
      ...(e.TRUSTED_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ],
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
    ...overrides,
  };
  return config;
}
