/** pdf.js's CMaps and standard font data in the browser: copied into the build by vite.config.ts (`pdfjsAssets`), served from the app's own origin. */
const base = new URL(`${import.meta.env.BASE_URL}pdfjs/`, self.location.href).href;

export const PDFJS_ASSETS = { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/` };
