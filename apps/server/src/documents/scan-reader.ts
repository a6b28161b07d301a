// Reads the QR codes of a finalized 推荐表 from an uploaded scan (PDF, JPEG or PNG), off the main event loop.
//
// Decoding (pdf.js page rendering, zxing-wasm) takes from a tenth of a second to seconds of CPU, so it runs in ONE
// long-lived worker thread (scan-worker.mjs → scan-worker.ts → scan-decode.ts) that takes the scans one at a time from a
// queue. Every call has a time limit counted from the call (queue wait included): when it passes, the worker is
// terminated (whatever it was doing), the call answers `timeout`, and the next scan starts a fresh worker.
import { Worker } from 'node:worker_threads';
import { encodeFormCode, parseFormCode, type FormCodePayload } from './form-code.ts';
import type { DecodeOutcome, ScanMime } from './scan-decode.ts';
import type { WorkerJob, WorkerReply } from './scan-worker.ts';

export type { ScanMime } from './scan-decode.ts';
export type { FormCodePayload } from './form-code.ts';

export interface ScanReadOptions {
  /** Time limit of the whole call, queue wait included; default 20 000 ms. */
  timeoutMs?: number;
  /** A PDF with more pages is refused (`invalid`); default 50. */
  maxPages?: number;
}

/** One of our codes read from the scan: the payload, and the first page (1-based) it was read on. */
export interface ScanCode {
  payload: FormCodePayload;
  page: number;
}

export type ScanReadResult =
  /** At least one of our codes was read. `codes` are distinct, in page order; `foreign` = other QR texts read. */
  | { status: 'found'; pages: number; codes: ScanCode[]; foreign: string[] }
  /** Every page was read and none carries one of our codes (blank page, code unreadable, only foreign codes). */
  | { status: 'none'; pages: number; foreign: string[] }
  /** The file cannot be read at all; `message` (Chinese) says what to do. */
  | { status: 'invalid'; message: string }
  /** The time limit passed; `message` (Chinese) says what to do. */
  | { status: 'timeout'; message: string };

export const SCAN_READ_DEFAULTS = { timeoutMs: 20_000, maxPages: 50 } as const;

/** The second, finer pass (only run when the first found nothing) is not started after this share of the time limit. */
const SOFT_DEADLINE_SHARE = 0.6;
/** A QR text that is not ours is kept up to this length (it is shown or logged, never trusted). */
const MAX_FOREIGN_TEXT = 300;
/** Heap limit of the worker: a hostile PDF ends the worker (answered `invalid`), never the server. */
const WORKER_HEAP_MB = 768;

const MIMES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'] satisfies ScanMime[];

interface Pending {
  id: number;
  bytes: Buffer;
  mime: ScanMime;
  maxPages: number;
  timeoutMs: number;
  startedAt: number;
  resolve(result: ScanReadResult): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

let nextId = 1;
let worker: Worker | null = null;
let running: Pending | null = null;
const queue: Pending[] = [];

/**
 * Reads every page of the scan and returns our codes found on it (each with the first page it appears on), the other QR
 * texts, or why the file cannot be read. Never throws for bad input; rejects only if the reader itself is broken.
 */
export function readFormCodes(bytes: Buffer, mime: ScanMime, opts: ScanReadOptions = {}): Promise<ScanReadResult> {
  if (!MIMES.includes(mime)) {
    return Promise.resolve({ status: 'invalid', message: '只能读取 PDF、JPG 或 PNG 格式的扫描件：请另存为其中一种格式后重新上传。' });
  }
  const timeoutMs = positive(opts.timeoutMs, SCAN_READ_DEFAULTS.timeoutMs);
  const maxPages = Math.floor(positive(opts.maxPages, SCAN_READ_DEFAULTS.maxPages));
  return new Promise<ScanReadResult>((resolve, reject) => {
    const pending: Pending = { id: nextId++, bytes, mime, maxPages, timeoutMs, startedAt: Date.now(), resolve, reject };
    // The clock runs from the call: a scan waiting behind others does not wait longer than its limit.
    pending.timer = setTimeout(() => expire(pending), timeoutMs);
    queue.push(pending);
    pump();
  });
}

/** Starts the worker ahead of the first scan (optional, e.g. at server start): loading the decoders takes a second. */
export function startScanReader(): void {
  if (!worker) startWorker();
}

/** Ends the worker thread (server shutdown, end of a test file); calls waiting or running answer `timeout`. */
export async function closeScanReader(): Promise<void> {
  for (const p of [...queue.splice(0), ...(running ? [running] : [])]) {
    clearTimeout(p.timer);
    p.resolve(timeoutResult(p.timeoutMs));
  }
  running = null;
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function timeoutResult(timeoutMs: number): ScanReadResult {
  const limit = timeoutMs >= 1000 ? `（超过 ${Math.round(timeoutMs / 1000)} 秒）` : '';
  return {
    status: 'timeout',
    message: `读取扫描件超时${limit}：请上传 150–300 dpi、只含推荐表各页的扫描件，或稍后重试；仍不能识别时可手工输入页面上印的 8 位校验码。`,
  };
}

function expire(p: Pending): void {
  const waiting = queue.indexOf(p);
  if (waiting >= 0) queue.splice(waiting, 1);
  if (running === p) {
    // The worker may be deep inside a page: end it; the next scan starts a fresh one.
    const w = worker;
    worker = null;
    running = null;
    void w?.terminate();
  }
  p.resolve(timeoutResult(p.timeoutMs));
  pump();
}

function finish(p: Pending, result: ScanReadResult | Error): void {
  clearTimeout(p.timer);
  if (running === p) running = null;
  if (result instanceof Error) p.reject(result);
  else p.resolve(result);
  pump();
}

function pump(): void {
  if (running) return;
  const p = queue.shift();
  if (!p) return;
  running = p;
  const w = worker ?? startWorker();
  // A copy is transferred: the caller keeps its buffer, and the worker owns its bytes.
  const bytes = new Uint8Array(p.bytes);
  const softDeadline = p.startedAt + p.timeoutMs * SOFT_DEADLINE_SHARE;
  const job: WorkerJob = { id: p.id, bytes, mime: p.mime, maxPages: p.maxPages, softDeadline };
  w.postMessage(job, [bytes.buffer]);
}

function startWorker(): Worker {
  const w = new Worker(new URL('./scan-worker.mjs', import.meta.url), {
    // Not the parent's `--import tsx`: the entry loads the libraries natively and only our TypeScript through tsx.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  w.unref(); // an idle reader never keeps the process alive; a running call has its ref'd timer
  worker = w;
  w.on('message', (reply: WorkerReply) => {
    const p = running;
    if (worker !== w || !p || reply.type === 'ready' || reply.id !== p.id) return;
    if (reply.type === 'done') {
      finish(p, toResult(reply.outcome));
    } else {
      process.emitWarning(`scan reader: ${reply.message}`);
      finish(p, { status: 'invalid', message: '扫描件无法读取，文件可能已损坏：请重新扫描推荐表（PDF、JPG 或 PNG）后上传。' });
    }
  });
  const lost = (err: Error): void => {
    if (worker !== w) return; // terminated on purpose
    worker = null;
    const p = running;
    if (!p) return;
    if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      finish(p, { status: 'invalid', message: '扫描件过大或过于复杂，无法读取：请以 150–300 dpi 扫描、只保留推荐表各页后重新上传。' });
    } else {
      finish(p, new Error(`扫描件读取程序异常退出：${err.message}`, { cause: err }));
    }
  };
  w.on('error', lost);
  w.on('exit', (code) => lost(new Error(`worker exited with code ${code}`)));
  return w;
}

function toResult(outcome: DecodeOutcome): ScanReadResult {
  if (outcome.status === 'invalid') return outcome;
  const codes: ScanCode[] = [];
  const seen = new Set<string>();
  const foreign: string[] = [];
  for (const { text, page } of outcome.texts) {
    const payload = parseFormCode(text);
    if (payload) {
      const key = encodeFormCode(payload);
      if (!seen.has(key)) codes.push({ payload, page });
      seen.add(key);
    } else {
      const kept = text.length > MAX_FOREIGN_TEXT ? `${text.slice(0, MAX_FOREIGN_TEXT)}…` : text;
      if (!foreign.includes(kept)) foreign.push(kept);
    }
  }
  return codes.length ? { status: 'found', pages: outcome.pages, codes, foreign } : { status: 'none', pages: outcome.pages, foreign };
}
