import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';

const run = (args: string[], dataDir: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/main.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_MIGRATION_URL: '', TEST_DATABASE_URL: '' },
    encoding: 'utf8',
  });

describe('operator CLI on the embedded database', () => {
  it('creates a user, backs up, restores into a new folder and verifies the audit chain', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'zj-cli-'));
    const a = path.join(base, 'a');
    const b = path.join(base, 'b');
    expect(run(['create-user', '--username', 'clerk1', '--role', 'center', '--name', '中心职员'], a)).toMatch(
      /已创建用户 clerk1（center），一次性密码：\S{16}/,
    );
    expect(run(['backup', '--out', path.join(base, 'b.jsonl.gz')], a)).toContain('备份完成');
    expect(run(['restore', '--in', path.join(base, 'b.jsonl.gz')], b)).toContain('恢复完成');
    expect(run(['verify-audit'], b)).toContain('审计日志哈希链完整（1 条）');
  }, 400_000);
});
