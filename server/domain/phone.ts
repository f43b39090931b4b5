import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { PHONE_EXTENSION } from '../../protocol/events';
import { AppError } from '../errors';

/**
 * A phone number in E.164 (`+420602123456`), from national or international input, with its
 * extension the way RFC 3966 writes it (`+420602123456;ext=12`) when it has one: dropping it
 * would have an agent call the switchboard. `country` is the default for numbers written
 * without a country code.
 */
export function toE164(input: string, country?: string): string {
  const cleaned = input.trim();
  // Letters only in an extension: "x 12", "ext. 12", or ";ext=12" as stored and shown back.
  if (!/\d/.test(cleaned) || /[a-z]/i.test(cleaned.replace(PHONE_EXTENSION, ''))) {
    throw new AppError('invalid_phone', 'Enter a phone number using digits, for example +420 602 123 456.', 'phone');
  }
  const parsed = parsePhoneNumberFromString(cleaned, { defaultCountry: country?.toUpperCase() as CountryCode | undefined });
  if (!parsed || !parsed.isValid()) {
    throw new AppError(
      'invalid_phone',
      country
        ? `This is not a valid phone number in ${country.toUpperCase()} or internationally. Check the digits, or start with ` +
            `+ and the country code.`
        : 'This is not a valid phone number. Start with + and the country code, for example +420 602 123 456.',
      'phone',
    );
  }
  return parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number;
}

/** A number from `toE164` as people read it: `+420 602 123 456`, `+420 602 123 456 ext. 12`. */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(`tel:${e164}`)?.formatInternational() ?? e164;
}
