/**
 * Normalisation of codes and names typed by people (full-width digits, odd dashes, stray spaces,
 * full/half-width parentheses) so that they compare equal to the reference data.
 */

// Dash-like characters people (and Word) type inside codes: hyphen, non-breaking hyphen, figure dash, en/em dash,
// minus, small/full-width hyphen-minus, katakana prolonged mark, ideographic dash-like 一 is deliberately excluded.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u30FC\u2E3A\u2E3B]/g;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const NEEDS_FOLDING = /[\uFF01-\uFF5E\u3000\u00A0\u2010-\u2015\u2212\uFE58\uFE63\u30FC\u2E3A\u2E3B]/;

// Fast paths: most codes and names are already in canonical form, and the rules compare thousands of them per check.
const ONLY_CJK = /^[\u3400-\u9fff]+$/;
const NAME_KEY_CHANGES = /[\sA-Z\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\uFE58\uFE63\u30FC\u2E3A\u2E3B]/;

/** Full-width ASCII → half-width, ideographic/non-breaking spaces → space, dash variants → `-`. */
export function toHalfWidth(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(DASHES, '-');
}

/** True when a code holds only ASCII digits and single hyphens (a plain loop: this runs for every look-up). */
function isFoldedCode(code: string): boolean {
  let previous = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 45 ? previous === 45 : c < 48 || c > 57) return false;
    previous = c;
  }
  return true;
}

/** Normalises a typed occupation code: `４－１０－０１－０５` → `4-10-01-05`; spaces removed. */
export function normalizeOccupationCode(code: string): string {
  if (isFoldedCode(code)) return code;
  return toHalfWidth(code).replace(/\s+/g, '').replace(/-+/g, '-');
}

/** Trims a name and writes its parentheses full-width, as the 大典 does: `工业(产品)` → `工业（产品）`. */
export function normalizeName(name: string): string {
  return toHalfWidth(name).trim().replace(/\s+/g, ' ').replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Comparison key of a name: half-width, no whitespace, parentheses half-width, lowercase.
 * Two names are "the same" for the rules when their keys are equal.
 */
export function nameKey(name: string): string {
  if (!NAME_KEY_CHANGES.test(name)) return name;
  return toHalfWidth(name).replace(/\s+/g, '').toLowerCase();
}

// Catalogue marks after a CJK character or closing parenthesis, before an opening parenthesis or the end:
// `电子商务师S`, `信息通信网络机务员S（…）`, `网络与信息安全管理员（数据安全管理员）S`, `…L/S`, `…L_S`, `…①`.
const STANDARD_MARKS = /(?<=[\u3400-\u9fff）)])(?:[LS][/_][LS]|[LS])?①?(?=[（(]|$)/g;

/** A standard's name without the catalogue's S/L/① marks (e.g. `电子商务师S` → `电子商务师`). */
export function stripStandardMarks(name: string): string {
  return name.replace(STANDARD_MARKS, '');
}

/**
 * Comparison key of a standard name: 《》, a leading `国家职业技能标准`, a trailing `（2019年版）` and the S/L/① marks
 * stripped, then as `nameKey`. `《国家职业技能标准 电子商务师》`, `电子商务师S` and `电子商务师` share one key.
 */
export function standardNameKey(name: string): string {
  // Fast path: a name of Chinese characters only carries no marks, quotes, spaces or parentheses to strip.
  if (ONLY_CJK.test(name) && !name.startsWith('国家职业')) return name;
  const bare = toHalfWidth(name)
    .replace(/\s+/g, '')
    .replace(/[《》〈〉"“”]/g, '')
    .replace(/^国家职业(?:技能)?标准[:：]?/, '')
    .replace(/\((?:19|20)\d{2}年?版?\)$/, '');
  return stripStandardMarks(bare).toLowerCase();
}

/** The version string of an edition year: 2019 → `2019年版`; null stays null. */
export function standardVersionOf(editionYear: number | null | undefined): string | null {
  return editionYear == null ? null : `${String(editionYear)}年版`;
}

/**
 * The edition year a typed version names: `2019年版`, `2019版`, `（2019年版）`, `２０１９` → 2019;
 * null when no plausible four-digit year is present.
 */
export function parseStandardVersion(version: string): number | null {
  const match = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(toHalfWidth(version));
  return match?.[1] === undefined ? null : Number(match[1]);
}
