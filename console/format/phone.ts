/**
 * The `tel:` link of a number (E.164, with `;ext=` when it has an extension); digits, the leading +
 * and the extension's digits only, so nothing else can ride along.
 */
export function telHref(e164: string): string {
  const [number = '', ext] = e164.split(';ext=');
  return `tel:${number.replace(/[^\d+]/g, '')}${ext ? `;ext=${ext.replace(/\D/g, '')}` : ''}`;
}
