import type { SiteHoursState, SitePublic, SiteSettings } from '../../protocol/types';
import { LIMITS } from '../../protocol/events';
import { DEFAULT_SITE_OPTIONS, ownAwayMessage } from './site-options';
import { defaultHours, isOpen, nextOpening } from './hours';
import type { SiteRow, Store } from '../store/types';

export const DEMO_SITE_ID = 'demo';

/** Creates the demo site on first start; later starts keep what an admin changed. */
export async function ensureDemoSite(store: Store): Promise<void> {
  // Only into an empty server: a demo site an owner deleted stays deleted.
  if ((await store.listSites()).length > 0) return;
  await store.createSite({
    id: DEMO_SITE_ID,
    name: 'Demo shop',
    greeting: 'Hi there! Ask us anything, we usually answer within a few minutes.',
    color: '#3b4cca',
    allowedOrigins: [],
    hours: defaultHours('Europe/Prague'),
    options: {
      ...DEFAULT_SITE_OPTIONS,
      faqs: [
        {
          id: 'shipping',
          question: 'How long does shipping take?',
          keywords: ['shipping', 'delivery', 'ship', 'deliver'],
          answer: 'We ship within two working days; delivery in the EU takes 3 to 5 days after that.',
        },
      ],
    },
    createdAt: new Date().toISOString(),
  });
}

/** What the widget may know about a site, and whether this server can send email at all. */
export function toSitePublic(s: SiteRow, sendsEmail: boolean): SitePublic {
  const { channels, waitSeconds, surveyEnabled } = s.options;
  const awayMessage = ownAwayMessage(s.options.awayMessage);
  return { id: s.id, name: s.name, greeting: s.greeting, color: s.color, channels, awayMessage, waitSeconds, surveyEnabled, sendsEmail };
}

/**
 * Whether a browser on `origin` may open a visitor socket for the site. Pages the
 * relay itself serves (the demo site) are always allowed; a missing Origin means a
 * non-browser client, which could forge the header anyway.
 */
export function originAllowed(site: SiteRow, origin: string | undefined, relayOrigins: string[]): boolean {
  if (!origin) return true;
  if (relayOrigins.includes(origin)) return true;
  return site.allowedOrigins.includes(origin);
}

/** Everything an admin can change about a site. */
export function toSiteSettings(s: SiteRow): SiteSettings {
  return {
    id: s.id,
    name: s.name,
    greeting: s.greeting,
    color: s.color,
    allowedOrigins: s.allowedOrigins,
    hours: s.hours,
    ...s.options,
    awayMessage: ownAwayMessage(s.options.awayMessage),
  };
}

/** Settings an admin may give a site, as `site:create` and `site:update` take them. */
export type SiteInput = Partial<Omit<SiteSettings, 'id'>>;

/** `site` with the fields of `input` that are set. */
export function applySiteInput(site: SiteRow, input: SiteInput): SiteRow {
  const { hours, name, greeting, color, allowedOrigins, ...options } = input;
  return {
    ...site,
    name: name ?? site.name,
    greeting: greeting ?? site.greeting,
    color: color ?? site.color,
    allowedOrigins: allowedOrigins ?? site.allowedOrigins,
    hours: hours ?? site.hours,
    options: { ...site.options, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) },
  };
}

/**
 * A new site: open whenever an agent is there (hours of 08:00–20:00 in `timezone` are kept for
 * when the owner turns them on), every channel on, no other origins allowed yet.
 */
export function newSite(id: string, input: SiteInput, timezone: string, now = new Date()): SiteRow {
  const base: SiteRow = {
    id,
    name: id,
    greeting: 'Hi there! How can we help?',
    color: '#3b4cca',
    allowedOrigins: [],
    hours: defaultHours(timezone),
    options: { ...DEFAULT_SITE_OPTIONS },
    createdAt: now.toISOString(),
  };
  return applySiteInput(base, input);
}

/** Whether the site's opening hours close it now, and when they open it next. */
export function siteHoursState(site: SiteRow, now = Date.now()): SiteHoursState {
  if (!site.options.hoursEnabled || isOpen(site.hours, now)) return { siteId: site.id, openNow: true, nextOpening: null };
  const next = nextOpening(site.hours, now, LIMITS.callbackHorizonDays);
  return { siteId: site.id, openNow: false, nextOpening: next === null ? null : new Date(next).toISOString() };
}
