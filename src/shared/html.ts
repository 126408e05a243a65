/** HTML escaping for text put into markup by hand (embed codes, snippets): build time and browser alike. */

/** Text safe inside a double- or single-quoted attribute value, and as element text: & < > " ' escaped. */
export const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
