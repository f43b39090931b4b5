/** The `tel:` link of a number; digits and the leading + only, so nothing else can ride along. */
export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`;
}
