import type { ReferenceIndex } from '../reference/reference-index.ts';
import { FormRowSchema, type FormRow } from './form.schemas.ts';
import type { CheckableRow, Finding } from './form.rules.ts';

/**
 * Remembered findings of single rows. A row's own findings (everything but `duplicate_row`) depend only on its ten
 * fields, the reference index and the campaign's industry tags, so while a unit autosaves, the rows it did not touch
 * are not checked again. Kept per index object (an index is built once per set of reference versions and never
 * changes), bounded (the oldest entry goes first). The findings are frozen: callers copy the list before adding to it.
 */
const MAX_ROWS_PER_INDEX = 20_000;

// Every field of a row, which is every field checkRow may read: the schema's own list, so a field added later is keyed too.
const FIELDS = Object.keys(FormRowSchema.shape) as (keyof FormRow)[];

const byIndex = new WeakMap<ReferenceIndex, Map<string, readonly Finding[]>>();

/** The cache key of a row's content and the industry tags it is checked against. */
function keyOf(row: CheckableRow, tags: string): string {
  let key = tags;
  for (const field of FIELDS) {
    const value = row[field];
    // A string is written with its length, so no content can pass for a separator; anything else as JSON (which keeps
    // null apart from '', "1" apart from 1, and an array's items apart).
    key += typeof value === 'string' ? `|${String(value.length)}:${value}` : `|${value === undefined ? 'u' : JSON.stringify(value)}`;
  }
  return key;
}

/**
 * The remembered findings of one form's rows against `index` and `tags`: a function answering a row's own findings,
 * from the cache or computed (and remembered) by `check`. The part of the key the rows share is built once.
 */
export function rowFindingsCache(
  index: ReferenceIndex,
  tags: readonly string[] | undefined,
): (row: CheckableRow, check: () => Finding[]) => readonly Finding[] {
  const cache = byIndex.get(index) ?? new Map<string, readonly Finding[]>();
  byIndex.set(index, cache);
  const tagsKey = tags === undefined ? '' : `${String(tags.length)}:${tags.join('\u0002')}`;
  return (row, check) => {
    const key = keyOf(row, tagsKey);
    const hit = cache.get(key);
    if (hit) return hit;
    const findings = Object.freeze(check().map((f) => Object.freeze(f)));
    cache.set(key, findings);
    if (cache.size > MAX_ROWS_PER_INDEX) cache.delete(cache.keys().next().value!);
    return findings;
  };
}
