import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './client.ts';

describe('the embedded database folder is opened by one process at a time', () => {
  it('refuses a second holder naming the first one, and takes over a lock left by a dead process', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zj-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    writeFileSync(path.join(dir, 'zhengji.pid'), String(other.pid));
    expect(() => lockDataDir(dir)).toThrow(`正被另一个征集系统进程（PID ${String(other.pid)}）使用`);
    other.kill();
    await new Promise((r) => other.once('exit', r));
    const unlock = lockDataDir(dir);
    expect(() => lockDataDir(path.join(dir, 'missing', 'x'))).toThrow();
    unlock();
    lockDataDir(dir)();
  });
});
