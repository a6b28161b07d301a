import type { FormHeader, FormRow } from '@zhengji/domain/form/form.schemas.ts';
import { ImportFailure, type ZipLimits } from './guarded-unzip.ts';

/** One thing the importer could not read, in Chinese; `row` is the 1-based data row of the table. */
export interface ImportProblem {
  row?: number;
  column?: string;
  message: string;
}

/** What an import read: header fields, rows in table order, and problems. A failed file has no rows. */
export interface FormImportResult {
  header: Partial<FormHeader> & { unitName?: string };
  rows: FormRow[];
  problems: ImportProblem[];
}

/** Options of an import; tests lower the archive limits with `zipLimits`. */
export interface ImportOptions {
  zipLimits?: Partial<ZipLimits>;
}

/** A result for a file that could not be read at all. */
export function failedImport(error: unknown): FormImportResult {
  if (error instanceof ImportFailure) return { header: {}, rows: [], problems: [{ message: error.message }] };
  throw error;
}
