import { existsSync, readFileSync } from 'node:fs';
import pdfMake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces';

/** Debian's fonts-noto-cjk; a .ttc needs the PostScript name of the face to use. */
const NOTO_DIR = '/usr/share/fonts/opentype/noto';
const REGULAR_TTC = `${NOTO_DIR}/NotoSansCJK-Regular.ttc`;
const BOLD_TTC = `${NOTO_DIR}/NotoSansCJK-Bold.ttc`;
const SERIF_REGULAR_TTC = `${NOTO_DIR}/NotoSerifCJK-Regular.ttc`;
const SERIF_BOLD_TTC = `${NOTO_DIR}/NotoSerifCJK-Bold.ttc`;

/** Name of the CJK font family to use in pdfmake document definitions. */
export const PDF_CJK_FONT = 'NotoSansCJK';
/** The Song-style (serif) family, for official documents (GB/T 9704 names 小标宋/仿宋, proprietary; Noto Serif CJK SC stands in). */
export const PDF_CJK_SERIF_FONT = 'NotoSerifCJK';

const FONT_FILES = [REGULAR_TTC, BOLD_TTC, SERIF_REGULAR_TTC, SERIF_BOLD_TTC];

/** Names under which the font files are kept in pdfmake's in-memory file system (read from disk once). */
const VFS_REGULAR = 'zhengji-noto-sans-cjk-regular.ttc';
const VFS_BOLD = 'zhengji-noto-sans-cjk-bold.ttc';
const VFS_SERIF_REGULAR = 'zhengji-noto-serif-cjk-regular.ttc';
const VFS_SERIF_BOLD = 'zhengji-noto-serif-cjk-bold.ttc';

let loaded = false;

function loadFontsOnce(): void {
  if (loaded) return;
  for (const file of FONT_FILES) {
    if (!existsSync(file)) {
      throw new Error(`缺少中文字体文件 ${file}，请安装 Debian 软件包 fonts-noto-cjk`);
    }
  }
  // The in-memory file system exists on the Node build too, but the typings only declare it for browsers.
  const { virtualfs } = pdfMake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
  virtualfs.writeFileSync(VFS_REGULAR, readFileSync(REGULAR_TTC));
  virtualfs.writeFileSync(VFS_BOLD, readFileSync(BOLD_TTC));
  virtualfs.writeFileSync(VFS_SERIF_REGULAR, readFileSync(SERIF_REGULAR_TTC));
  virtualfs.writeFileSync(VFS_SERIF_BOLD, readFileSync(SERIF_BOLD_TTC));
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  loaded = true;
}

/**
 * The pdfmake singleton with the Noto CJK faces. A [file, PostScript name] pair is what pdfkit's font() takes
 * for a collection (the typings only know a single source). The dictionary is rebuilt for every document
 * because pdfmake replaces the file name in it by the file's bytes when it loads a face.
 */
export function pdfMakeWithCjkFonts(): typeof pdfMake {
  loadFontsOnce();
  const fonts = {
    [PDF_CJK_FONT]: {
      normal: [VFS_REGULAR, 'NotoSansCJKsc-Regular'],
      bold: [VFS_BOLD, 'NotoSansCJKsc-Bold'],
      italics: [VFS_REGULAR, 'NotoSansCJKsc-Regular'],
      bolditalics: [VFS_BOLD, 'NotoSansCJKsc-Bold'],
    },
    [PDF_CJK_SERIF_FONT]: {
      normal: [VFS_SERIF_REGULAR, 'NotoSerifCJKsc-Regular'],
      bold: [VFS_SERIF_BOLD, 'NotoSerifCJKsc-Bold'],
      italics: [VFS_SERIF_REGULAR, 'NotoSerifCJKsc-Regular'],
      bolditalics: [VFS_SERIF_BOLD, 'NotoSerifCJKsc-Bold'],
    },
  } as unknown as TFontDictionary;
  pdfMake.setFonts(fonts);
  return pdfMake;
}
