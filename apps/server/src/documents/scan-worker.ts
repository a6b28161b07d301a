// The scan worker thread: decodes one scan at a time, posted by scan-reader.ts, and answers with what it read.
// Started through scan-worker.mjs, which hands in the decoding libraries.
import { parentPort } from 'node:worker_threads';
import { decodeScan, prepareDecoder, type DecodeOutcome, type DecodeRequest, type DecoderLibraries } from './scan-decode.ts';

export interface WorkerJob extends DecodeRequest {
  id: number;
}
export type WorkerReply = { type: 'ready' } | { type: 'done'; id: number; outcome: DecodeOutcome } | { type: 'failed'; id: number; message: string };

export async function runScanWorker(libraries: DecoderLibraries): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('scan-worker.ts runs only as a worker thread (see scan-reader.ts)');
  port.on('message', (job: WorkerJob) => {
    decodeScan(job).then(
      (outcome) => port.postMessage({ type: 'done', id: job.id, outcome } satisfies WorkerReply),
      (err: unknown) =>
        port.postMessage({ type: 'failed', id: job.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply),
    );
  });
  await prepareDecoder(libraries);
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
