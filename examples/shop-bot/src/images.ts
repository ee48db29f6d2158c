// Product pictures drawn as small SVGs, so the carousel has images without hosting any files.
// 382×200 is the generic template's horizontal 1.91:1 ratio (§3.1).
import type { Product, ProductKind } from './catalog.js';

export const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char);

const glyphs: Record<ProductKind, string> = {
  // A cup with steam.
  tea: `<path d="M40 78h64v34a28 28 0 0 1-28 28h-8a28 28 0 0 1-28-28z" fill="#fff" fill-opacity=".92"/>
    <path d="M104 86h8a14 14 0 0 1 0 28h-8" fill="none" stroke="#fff" stroke-width="7" stroke-opacity=".92"/>
    <path d="M58 66c-6-8 6-12 0-22M76 66c-6-8 6-12 0-22" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-opacity=".7"/>`,
  // A coffee bean.
  coffee: `<ellipse cx="80" cy="100" rx="34" ry="46" transform="rotate(-30 80 100)" fill="#fff" fill-opacity=".92"/>
    <path d="M62 66c24 18 12 50 36 68" fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round"/>`,
  // A spice jar.
  spice: `<rect x="52" y="56" width="56" height="18" rx="4" fill="#fff" fill-opacity=".7"/>
    <rect x="44" y="74" width="72" height="74" rx="12" fill="#fff" fill-opacity=".92"/>
    <circle cx="80" cy="111" r="14" fill="currentColor"/>`,
};

/**
 * The picture of a product, as an SVG document: its colour and a drawing of its kind, centred so
 * that a square crop (the receipt's thumbnail) keeps it. The card shows the title under it already.
 */
export function productSvg(product: Product): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="382" height="200" viewBox="0 0 382 200" color="${product.color}">
  <title>${escapeXml(product.title)}</title>
  <rect width="382" height="200" fill="${product.color}"/>
  <circle cx="191" cy="100" r="72" fill="#000" fill-opacity=".12"/>
  <g transform="translate(111 0)">${glyphs[product.kind]}</g>
  <text x="366" y="184" text-anchor="end" fill="#fff" fill-opacity=".75" font-size="13" letter-spacing="3" font-family="system-ui, sans-serif">${product.kind.toUpperCase()}</text>
</svg>
`;
}
