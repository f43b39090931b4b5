/** Languages written right to left, by base language. None ships yet; a dictionary in one flips the panel. */
const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;

/** The text direction of a BCP 47 tag, for the widget's `dir`. */
export function textDirection(tag: string): 'rtl' | 'ltr' {
  return RTL.test(tag) ? 'rtl' : 'ltr';
}
