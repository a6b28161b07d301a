// Entry of the scan worker thread (see scan-reader.ts). Plain JavaScript so that Node can start it as is, under tsx
// (npm start, the CLI), under vitest and in the benchmarks alike; it loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./scan-worker.ts', import.meta.url);
