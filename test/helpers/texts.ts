import type { Ack, ErrorCode } from '../../protocol/types';

/** The text of each element, in order: what a list, a menu or a log reads out. */
export function texts(elements: Element[]): (string | null)[] {
  return elements.map((e) => e.textContent);
}

/** A refusing ack, as the server sends it: a known code, a message, and the field at fault if one is. */
export function refusal(code: ErrorCode, message: string, field?: string): Ack<never> {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}
