/**
 * Time zones that name one country, by area: "City CC" pairs. Enough to guess the default
 * country of a national phone number; the server parses it and says when the guess is wrong.
 */
const ZONES: Record<string, string> = {
  Europe:
    'Amsterdam NL Andorra AD Athens GR Belgrade RS Berlin DE Bratislava SK Brussels BE Bucharest RO Budapest HU ' +
    'Chisinau MD Copenhagen DK Dublin IE Helsinki FI Istanbul TR Kaliningrad RU Kiev UA Kyiv UA Lisbon PT ' +
    'Ljubljana SI London GB Luxembourg LU Madrid ES Malta MT Minsk BY Monaco MC Moscow RU Oslo NO Paris FR ' +
    'Podgorica ME Prague CZ Riga LV Rome IT Samara RU Sarajevo BA Skopje MK Sofia BG Stockholm SE Tallinn EE ' +
    'Tirane AL Vienna AT Vilnius LT Volgograd RU Warsaw PL Zagreb HR Zurich CH',
  Asia:
    'Almaty KZ Amman JO Baghdad IQ Bahrain BH Baku AZ Bangkok TH Beirut LB Calcutta IN Colombo LK Damascus SY ' +
    'Dhaka BD Dubai AE Ho_Chi_Minh VN Hong_Kong HK Irkutsk RU Jakarta ID Jerusalem IL Kabul AF Karachi PK ' +
    'Kathmandu NP Kolkata IN Krasnoyarsk RU Kuala_Lumpur MY Kuwait KW Manila PH Muscat OM Nicosia CY ' +
    'Novosibirsk RU Omsk RU Qatar QA Riyadh SA Saigon VN Seoul KR Shanghai CN Singapore SG Taipei TW ' +
    'Tashkent UZ Tbilisi GE Tehran IR Tel_Aviv IL Tokyo JP Ulaanbaatar MN Vladivostok RU Yakutsk RU ' +
    'Yekaterinburg RU Yerevan AM',
  Africa:
    'Abidjan CI Accra GH Addis_Ababa ET Algiers DZ Cairo EG Casablanca MA Dakar SN Dar_es_Salaam TZ ' +
    'Johannesburg ZA Kampala UG Khartoum SD Kinshasa CD Lagos NG Luanda AO Maputo MZ Nairobi KE Tripoli LY ' +
    'Tunis TN Windhoek NA',
  America:
    'Argentina/Buenos_Aires AR Asuncion PY Bogota CO Caracas VE Costa_Rica CR Edmonton CA Guatemala GT ' +
    'Halifax CA Havana CU La_Paz BO Lima PE Mexico_City MX Montevideo UY Panama PA Puerto_Rico PR Santiago CL ' +
    'Santo_Domingo DO Sao_Paulo BR St_Johns CA Toronto CA Vancouver CA Winnipeg CA',
  Australia: '* AU',
  Pacific: 'Auckland NZ Fiji FJ Honolulu US',
  Atlantic: 'Reykjavik IS Canary ES Azores PT Madeira PT',
};

/** The country a time zone names, when it names one: `Asia/Yerevan` → `AM`. */
export function countryOfZone(zone: string): string | undefined {
  const at = zone.indexOf('/');
  const pairs = ZONES[zone.slice(0, at)]?.split(' ') ?? [];
  const city = zone.slice(at + 1);
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === city || pairs[i] === '*') return pairs[i + 1];
  return undefined;
}

function region(locale: string, maximize: boolean): string | undefined {
  try {
    const l = new Intl.Locale(locale);
    const r = (maximize ? l.maximize() : l).region;
    // Only ISO 3166 letters: `es-419` (Latin America) names no country.
    return r && /^[A-Z]{2}$/.test(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The default country for a phone number written without a country code (ISO 3166 alpha-2).
 * The time zone comes first, as it tells where the visitor is, and many set their browser to
 * `en-US` wherever they live; then the locale's region (`cs-CZ`); then any `America/*` zone is
 * read as the US; last, the likely country of the language alone (`cs` → CZ).
 */
export function guessCountry(locale: string | undefined, zone: string | undefined): string | undefined {
  return (
    (zone && countryOfZone(zone)) ||
    (locale && region(locale, false)) ||
    (zone?.startsWith('America/') ? 'US' : undefined) ||
    (locale && region(locale, true)) ||
    undefined
  );
}
