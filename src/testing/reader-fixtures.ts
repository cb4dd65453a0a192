/**
 * Builders for the readers' tests: small PDF and DOCX files written from invented content, so
 * no binary file from elsewhere enters the repository.
 */
import JSZip from 'jszip';

export interface PdfText {
  text: string;
  x: number;
  /** Baseline, in points from the bottom of an A4 page. */
  y: number;
  size?: number;
  /** Turned 90°, like a watermark or a margin stamp. */
  rotated?: boolean;
  /** 1: STSong-Light, 2: SimHei. A change of font ends a pdfjs text item. */
  font?: 1 | 2;
}

/**
 * A PDF whose pages hold the given runs in a non-embedded Chinese font (STSong-Light,
 * UniGB-UCS2-H), the way many office tools write CJK text. A page with no runs is a blank
 * page, as in a scan without a text layer.
 */
export function makePdf(pages: PdfText[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const addFont = (name: string): number => {
    const font = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /UniGB-UCS2-H ` +
        `/DescendantFonts [${objects.length + 2} 0 R] >>`,
    );
    add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${name} ` +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> ' +
        `/FontDescriptor ${objects.length + 2} 0 R /DW 1000 >>`,
    );
    add(
      `<< /Type /FontDescriptor /FontName /${name} /Flags 6 /FontBBox [0 -200 1000 900] ` +
        '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
    );
    return font;
  };
  // Two fonts, so a test can switch fonts the way mixed CJK/Latin text does.
  const fonts = [addFont('STSong-Light'), addFont('SimHei')];
  const pageIds: number[] = [];
  for (const runs of pages) {
    const stream = runs
      .map(({ text, x, y, size = 12, rotated = false, font = 1 }) => {
        const matrix = rotated ? `0 1 -1 0 ${x} ${y}` : `1 0 0 1 ${x} ${y}`;
        return `BT /F${font} ${size} Tf ${matrix} Tm <${ucs2Hex(text)}> Tj ET`;
      })
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 595 842] ` +
          `/Resources << /Font << /F1 ${fonts[0]} 0 R /F2 ${fonts[1]} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function ucs2Hex(text: string): string {
  return [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

export type DocxBlock = string | { table: (string | { text: string; span: number })[][] };

/** A minimal .docx: paragraphs and tables (a cell may span columns with gridSpan). */
export async function makeDocx(blocks: DocxBlock[]): Promise<Uint8Array> {
  const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((block) =>
      typeof block === 'string'
        ? paragraph(block)
        : `<w:tbl>${block.table
            .map(
              (row) =>
                `<w:tr>${row
                  .map((cell) =>
                    typeof cell === 'string'
                      ? `<w:tc>${paragraph(cell)}</w:tc>`
                      : `<w:tc><w:tcPr><w:gridSpan w:val="${cell.span}"/></w:tcPr>${paragraph(cell.text)}</w:tc>`,
                  )
                  .join('')}</w:tr>`,
            )
            .join('')}</w:tbl>`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
