/** Options of `canonicalJson`. */
export interface CanonicalJsonOptions {
  /** Normalise every string and object key to Unicode NFC (the notice snapshot and the final list, whose hashes are published). */
  nfc?: boolean;
}

/** What JSON.stringify would write for a value that is not a JSON value (undefined, a function, a symbol). */
const isOmitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * Canonical JSON, the one serialisation every stored hash is taken over (form versions, the audit chain, reference
 * versions, the notice snapshot, the final list): exactly what JSON.stringify writes, but with object keys sorted by
 * UTF-16 code unit and no whitespace. So a Date is its ISO text (its toJSON), an undefined property is left out, and an
 * undefined array element, NaN or Infinity is null: a value gives the same text before it is stored as JSON and after
 * it is read back, which is what lets a hash taken when writing verify later. A bigint is refused, as by JSON.stringify.
 */
export function canonicalJson(value: unknown, options: CanonicalJsonOptions = {}): string {
  const text = (s: string) => JSON.stringify(options.nfc ? s.normalize('NFC') : s);
  const write = (v: unknown, key: string): string => {
    const x: unknown = typeof (v as { toJSON?: unknown } | null)?.toJSON === 'function' ? (v as { toJSON: (k: string) => unknown }).toJSON(key) : v;
    if (x === null || isOmitted(x)) return 'null';
    switch (typeof x) {
      case 'string':
        return text(x);
      case 'number':
        return Number.isFinite(x) ? JSON.stringify(x) : 'null';
      case 'boolean':
        return x ? 'true' : 'false';
      case 'bigint':
        throw new TypeError('canonicalJson: a bigint has no JSON form');
      default:
        break;
    }
    if (Array.isArray(x)) return `[${x.map((item, i) => write(item, String(i))).join(',')}]`;
    const obj = x as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => !isOmitted(obj[k]))
      .sort();
    return `{${keys.map((k) => `${text(k)}:${write(obj[k], k)}`).join(',')}}`;
  };
  return write(value, '');
}
