import type { SiteHoursState, SiteSettings } from '../../protocol/types';

/** "Tue 08:00" in the site's zone, with the zone named when it is not the agent's own. */
function openingText(at: string, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${get('hour')}:${get('minute')} ${get('weekday')}${timezone === own ? '' : ` ${timezone} time`}`;
}

/**
 * "Demo shop is closed by its opening hours (opens 08:00 Tue)" for each site its hours close
 * now, so an agent who is online knows why visitors see the site as away.
 */
export function closedSiteNotes(sites: SiteSettings[] | null, states: SiteHoursState[]): { siteId: string; text: string }[] {
  const notes: { siteId: string; text: string }[] = [];
  for (const state of states) {
    const site = sites?.find((s) => s.id === state.siteId);
    if (!site || state.openNow) continue;
    const when = state.nextOpening ? `opens ${openingText(state.nextOpening, site.hours.timezone)}` : 'no opening in the next two weeks';
    notes.push({ siteId: site.id, text: `${site.name} is closed by its opening hours (${when})` });
  }
  return notes;
}
