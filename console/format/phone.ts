/** The formatter once loaded; libphonenumber's metadata is a third of the console's size, so it comes on demand. */
let format: ((e164: string) => string) | null = null;
let loading: Promise<void> | null = null;

/** Loads the phone formatter once; later calls share the same promise. */
export function loadPhoneFormat(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then(
    (m) => {
      format = (n) => m.parsePhoneNumberFromString(n)?.formatInternational() ?? n;
    },
    () => {
      // Offline after a deploy, say: the numbers stay in E.164, which still dials.
      loading = null;
    },
  );
  return loading;
}

/** An E.164 number grouped as people read it, "+420602123456" → "+420 602 123 456", once the formatter is loaded. */
export function readablePhone(e164: string): string {
  return format ? format(e164) : e164;
}

/** The `tel:` link of a number; digits and the leading + only, so nothing else can ride along. */
export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^\d+]/g, '')}`;
}
