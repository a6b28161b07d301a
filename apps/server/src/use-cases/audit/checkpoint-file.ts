import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';

/** The head of the audit chain at one moment, anchored outside the database. */
export interface AuditCheckpoint {
  /** Rows in the chain. */
  count: number;
  lastId: number;
  lastHash: string;
  /** When it was taken (ISO). */
  at: string;
}

/** The checkpoints file (one signed JSON line per checkpoint, append-only) inside AUDIT_CHECKPOINT_DIR. */
export const checkpointFile = (config: Pick<Config, 'auditCheckpointDir'>) => path.join(config.auditCheckpointDir, 'audit-checkpoints.jsonl');

/** The default key file of the embedded setup (a single process, so one key). */
const defaultKeyFile = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'audit-checkpoint.key');

type KeyConfig = Pick<Config, 'auditCheckpointKey' | 'auditCheckpointKeyFile' | 'databaseUrl' | 'dataDir'>;

/**
 * The signing key, which the database never holds: AUDIT_CHECKPOINT_KEY, else the file AUDIT_CHECKPOINT_KEY_FILE, else
 * (embedded PGlite only) DATA_DIR/audit-checkpoint.key, generated on first use when `create`. Null when none is set up.
 */
export function checkpointKey(config: KeyConfig, create: boolean): Buffer | null {
  if (config.auditCheckpointKey) return Buffer.from(config.auditCheckpointKey, 'utf8');
  const file = config.auditCheckpointKeyFile ?? (config.databaseUrl ? null : defaultKeyFile(config));
  if (!file) return null;
  if (!existsSync(file)) {
    if (config.auditCheckpointKeyFile) throw new Error(`找不到审计检查点密钥文件 ${file}，请检查 AUDIT_CHECKPOINT_KEY_FILE`);
    if (!create) return null;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 16) throw new Error(`审计检查点密钥文件 ${file} 中的密钥太短（至少 16 个字符）`);
  return Buffer.from(key, 'utf8');
}

/** HMAC-SM3 over the checkpoint's fields, hex. */
export function signCheckpoint(key: Buffer, c: AuditCheckpoint): string {
  return createHmac('sm3', key).update(`zhengji-audit-checkpoint/v1\n${c.count}\n${c.lastId}\n${c.lastHash}\n${c.at}`).digest('hex');
}

/** Appends one signed checkpoint line; one small O_APPEND write, so instances sharing the folder never interleave. */
export async function appendCheckpoint(config: Pick<Config, 'auditCheckpointDir'>, key: Buffer, c: AuditCheckpoint): Promise<void> {
  mkdirSync(config.auditCheckpointDir, { recursive: true });
  const line = JSON.stringify({ v: 1, count: c.count, lastId: c.lastId, lastHash: c.lastHash, at: c.at, hmac: signCheckpoint(key, c) });
  await appendFile(checkpointFile(config), `${line}\n`, { encoding: 'utf8', mode: 0o640 });
}

/** Parses and checks one line; null when it is malformed or its signature does not hold. */
function parseLine(key: Buffer, line: string): AuditCheckpoint | null {
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    const { count, lastId, lastHash, at, hmac } = o;
    if (
      o.v !== 1 ||
      !Number.isSafeInteger(count) ||
      !Number.isSafeInteger(lastId) ||
      typeof lastHash !== 'string' ||
      typeof at !== 'string' ||
      typeof hmac !== 'string'
    )
      return null;
    const c: AuditCheckpoint = { count: count as number, lastId: lastId as number, lastHash, at };
    const expected = Buffer.from(signCheckpoint(key, c), 'hex');
    const given = Buffer.from(hmac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? c : null;
  } catch {
    return null;
  }
}

/** What the checkpoints file holds: its valid checkpoints, the latest (highest last id), and the lines that failed their check. */
export interface CheckpointReading {
  file: string;
  valid: AuditCheckpoint[];
  latest: AuditCheckpoint | null;
  lines: number;
  /** 1-based numbers of the lines that are malformed or wrongly signed: never trusted. */
  invalidLines: number[];
}

/** Reads every checkpoint line; a missing file reads as no checkpoint. */
export async function readCheckpoints(config: Pick<Config, 'auditCheckpointDir'>, key: Buffer): Promise<CheckpointReading> {
  const file = checkpointFile(config);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw new Error(`无法读取审计检查点文件 ${file}：${err.message}`, { cause: err });
  });
  const reading: CheckpointReading = { file, valid: [], latest: null, lines: 0, invalidLines: [] };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    reading.lines++;
    const c = parseLine(key, line);
    if (!c) {
      reading.invalidLines.push(i + 1);
      return;
    }
    reading.valid.push(c);
    if (!reading.latest || c.lastId > reading.latest.lastId) reading.latest = c;
  });
  return reading;
}

/** The last line of the file, read from its tail (the file grows for years); null when there is none. */
export async function lastCheckpointLine(config: Pick<Config, 'auditCheckpointDir'>, key: Buffer): Promise<AuditCheckpoint | null> {
  const handle = await open(checkpointFile(config), 'r').catch(() => null);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const last = buffer.toString('utf8').trimEnd().split('\n').at(-1) ?? '';
    return parseLine(key, last);
  } finally {
    await handle.close();
  }
}
