import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project root (two levels above apps/server). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_MIGRATION_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number('DATABASE_POOL_SIZE 应为 1 至 200 的整数').int().min(1).max(200).default(20),
  REFERENCE_DIR: z.string().optional(),
  ZHENGJI_DEMO: z.string().optional(),
  ZHENGJI_ADMIN_USERNAME: z.string().optional(),
  ZHENGJI_ADMIN_PASSWORD: z.string().optional(),
  ZHENGJI_SECURE_COOKIES: z.string().optional(),
  ZHENGJI_TRUST_PROXY: z.string().optional(),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(30),
  LOGIN_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('zhengji@localhost'),
  ZHENGJI_PUBLIC_URL: z.url('ZHENGJI_PUBLIC_URL 应为网站地址，如 https://zhengji.example.gov.cn').optional(),
  LOG_LEVEL: z.string().default('warn'),
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
  AUDIT_CHECKPOINT_KEY: z.string().min(16, 'AUDIT_CHECKPOINT_KEY 至少 16 个字符').optional(),
  AUDIT_CHECKPOINT_KEY_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).default(10),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
});

/** Parsed configuration of the server. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The owner's URL migrations run as (PostgreSQL); DATABASE_URL is then the app's less privileged role. */
  databaseMigrationUrl: string | undefined;
  /** Connections of this instance's PostgreSQL pool (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  referenceDir: string | null;
  demo: boolean;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  secureCookies: boolean;
  trustProxy: boolean;
  lockoutThreshold: number;
  lockoutMinutes: number;
  loginIpLimitPerMinute: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address people reach the site at (links in mails), without a trailing slash. */
  publicUrl: string;
  logLevel: string;
  webDistDir: string;
  /** Folder of the signed audit checkpoints (audit-checkpoints.jsonl), kept by the operator outside the database. */
  auditCheckpointDir: string;
  /** The checkpoint signing key (HMAC-SM3), never stored in the database; or a file holding it. */
  auditCheckpointKey: string | undefined;
  auditCheckpointKeyFile: string | undefined;
  auditCheckpointMinutes: number;
  /** How often this instance's audit sealer runs (0: never; tests seal on demand). */
  auditSealIntervalMs: number;
  /** Whether every JSON answer is also checked against its zod schema (the tests); off in service, where the compiled serializer writes it. */
  checkResponses: boolean;
}

/** Reads the environment once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  const defaultRef = path.resolve(PROJECT_ROOT, '../shared/reference');
  const referenceDir = e.REFERENCE_DIR ? path.resolve(e.REFERENCE_DIR) : existsSync(defaultRef) ? defaultRef : null;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL || undefined,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    referenceDir,
    demo: e.DATABASE_URL ? e.ZHENGJI_DEMO === '1' : e.ZHENGJI_DEMO !== '0',
    adminUsername: e.ZHENGJI_ADMIN_USERNAME,
    adminPassword: e.ZHENGJI_ADMIN_PASSWORD,
    secureCookies: e.ZHENGJI_SECURE_COOKIES === '1',
    trustProxy: e.ZHENGJI_TRUST_PROXY === '1',
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    loginIpLimitPerMinute: e.LOGIN_IP_LIMIT_PER_MINUTE,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.ZHENGJI_PUBLIC_URL ?? `http://localhost:${String(e.PORT)}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(PROJECT_ROOT, 'apps/web/dist'),
    auditCheckpointDir: path.resolve(e.AUDIT_CHECKPOINT_DIR ?? path.join(e.DATA_DIR, 'audit-checkpoints')),
    auditCheckpointKey: e.AUDIT_CHECKPOINT_KEY,
    auditCheckpointKeyFile: e.AUDIT_CHECKPOINT_KEY_FILE ? path.resolve(e.AUDIT_CHECKPOINT_KEY_FILE) : undefined,
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    auditSealIntervalMs: e.AUDIT_SEAL_INTERVAL_MS,
    checkResponses: false,
  };
}

/** Configuration for tests: defaults, no demo, no reference import unless asked. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), demo: false, referenceDir: null, logLevel: 'silent', checkResponses: true, ...overrides };
}
