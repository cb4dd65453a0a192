/**
 * ECharts draws a tooltip from the HTML its formatter returns. Agency names, accounts and the
 * printed text of cells come from a dataset anyone may have made, so every value goes in as text.
 */

/** HTML ECharts itself made (the colour dot it passes as `marker`): the one thing not escaped. */
export class EchartsHtml {
  constructor(readonly html: string) {}
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A tooltip's HTML: the template's own markup kept, every interpolated value escaped. */
export function tooltipHtml(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, literal, i) => {
    if (i >= values.length) return out + literal;
    const value = values[i];
    return out + literal + (value instanceof EchartsHtml ? value.html : escapeHtml(String(value ?? '')));
  }, '');
}
