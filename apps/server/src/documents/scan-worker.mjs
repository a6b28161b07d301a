// Entry of the scan worker thread (see scan-reader.ts), started without tsx (execArgv: []). Plain JavaScript, so that
// Node starts it as is under npm start, vitest and the benchmarks alike. It imports the decoding libraries natively —
// through tsx's hooks pdf.js alone would cost ~200 MB more memory — and then the TypeScript worker through tsx's API.
import * as canvas from '@napi-rs/canvas';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { tsImport } from 'tsx/esm/api';
import * as zxing from 'zxing-wasm/reader';

// pdf.js runs its parser in this thread ("fake worker") and takes it from here instead of importing it again.
globalThis.pdfjsWorker = pdfjsWorker;
const { runScanWorker } = await tsImport('./scan-worker.ts', import.meta.url);
await runScanWorker({ canvas, pdfjs, zxing });
