import { describe, expect, it } from 'vitest';
import { telHref } from '../../../console/format/phone';

describe('tel: links', () => {
  it('carry the number and its extension, and nothing else', () => {
    expect(telHref('+420602123456')).toBe('tel:+420602123456');
    expect(telHref('+420602123456;ext=12')).toBe('tel:+420602123456;ext=12');
    expect(telHref('+420602123456;ext=12"><script>')).toBe('tel:+420602123456;ext=12');
    expect(telHref('+420 602-123 456')).toBe('tel:+420602123456');
  });
});
