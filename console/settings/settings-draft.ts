import type { BusinessHours, Channels, Faq, SiteSettings } from '../../protocol/types';
import type { SitePatch } from '../net/site-settings';

/** A scripted answer as the form edits it: keywords as one comma-separated line. */
export interface FaqDraft {
  id: string;
  question: string;
  keywords: string;
  answer: string;
}

/** The settings form's values, as typed; `patchFor` turns them into what the server takes. */
export interface SettingsDraft {
  name: string;
  color: string;
  channels: Channels;
  greeting: string;
  awayMessage: string;
  /** As typed, so a half-typed number is not lost. */
  waitSeconds: string;
  surveyEnabled: boolean;
  /** As typed, like the waiting time. */
  keepConversationsDays: string;
  /** One origin per line. */
  origins: string;
  /** Opening hours decide when the site is open; off: whenever an agent is there. */
  hoursEnabled: boolean;
  timezone: string;
  weekly: BusinessHours['weekly'];
  faqs: FaqDraft[];
}

/** The form's starting values for a site. */
export function toDraft(site: SiteSettings): SettingsDraft {
  return {
    name: site.name,
    color: site.color,
    channels: { ...site.channels },
    greeting: site.greeting,
    awayMessage: site.awayMessage,
    waitSeconds: String(site.waitSeconds),
    keepConversationsDays: String(site.keepConversationsDays),
    surveyEnabled: site.surveyEnabled,
    origins: site.allowedOrigins.join('\n'),
    hoursEnabled: site.hoursEnabled,
    timezone: site.hours.timezone,
    weekly: site.hours.weekly,
    faqs: site.faqs.map((f) => ({ id: f.id, question: f.question, keywords: f.keywords.join(', '), answer: f.answer })),
  };
}

/** The origins of the text box: one a line, blank lines skipped, a trailing slash forgiven. */
export function originsOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** The scripted answers of the form as the server takes them. */
export function faqsOf(drafts: FaqDraft[]): Faq[] {
  return drafts.map((f) => ({
    id: f.id,
    question: f.question,
    keywords: f.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    answer: f.answer,
  }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed against the server's copy, so one admin's save does not undo another's edit elsewhere. */
export function patchFor(site: SiteSettings, draft: SettingsDraft): SitePatch {
  const patch: SitePatch = { siteId: site.id };
  if (draft.name !== site.name) patch.name = draft.name;
  if (draft.color !== site.color) patch.color = draft.color;
  if (draft.hoursEnabled !== site.hoursEnabled) patch.hoursEnabled = draft.hoursEnabled;
  if (!same(draft.channels, site.channels)) patch.channels = draft.channels;
  if (draft.greeting !== site.greeting) patch.greeting = draft.greeting;
  if (draft.awayMessage !== site.awayMessage) patch.awayMessage = draft.awayMessage;
  // An empty or non-numeric entry goes as NaN (sent as null), and the server says what it needs.
  const wait = draft.waitSeconds.trim() === '' ? NaN : Number(draft.waitSeconds);
  if (wait !== site.waitSeconds) patch.waitSeconds = wait;
  const keep = draft.keepConversationsDays.trim() === '' ? NaN : Number(draft.keepConversationsDays);
  if (keep !== site.keepConversationsDays) patch.keepConversationsDays = keep;
  if (draft.surveyEnabled !== site.surveyEnabled) patch.surveyEnabled = draft.surveyEnabled;
  const origins = originsOf(draft.origins);
  if (!same(origins, site.allowedOrigins)) patch.allowedOrigins = origins;
  const hours: BusinessHours = { timezone: draft.timezone.trim(), weekly: draft.weekly };
  if (!same(hours, site.hours)) patch.hours = hours;
  const faqs = faqsOf(draft.faqs);
  if (!same(faqs, site.faqs)) patch.faqs = faqs;
  return patch;
}

/** Whether the draft differs from the server's copy. */
export function isDirty(site: SiteSettings, draft: SettingsDraft): boolean {
  return Object.keys(patchFor(site, draft)).length > 1;
}

/**
 * The form slot for a server error's `field`, e.g. `faqs.0.keywords.2` → `faqs.0.keywords`,
 * `allowedOrigins.1` → `allowedOrigins`; null when no field of the form matches.
 */
export function errorSlot(field: string | undefined): string | null {
  if (!field) return null;
  const p = field.split('.');
  if (p[0] === 'faqs')
    return p[1] !== undefined && ['question', 'keywords', 'answer'].includes(p[2] ?? '') ? p.slice(0, 3).join('.') : 'faqs';
  if (p[0] === 'hours') return p[1] === 'weekly' && p[2] ? `hours.weekly.${p[2]}` : 'hours.timezone';
  if (p[0] === 'allowedOrigins' || p[0] === 'channels') return p[0];
  return ['name', 'color', 'greeting', 'awayMessage', 'waitSeconds', 'surveyEnabled', 'hoursEnabled', 'keepConversationsDays'].includes(
    field,
  )
    ? field
    : null;
}

/**
 * A server message as it reads beside its field: without the field path it starts with,
 * naming the origin or the range at fault where there are several.
 */
export function fieldMessage(field: string, message: string, patch: SitePatch): string {
  const rest = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  const p = field.split('.');
  if (p[0] === 'allowedOrigins' && p[1] !== undefined)
    return `${patch.allowedOrigins?.[Number(p[1])] ?? `Origin ${Number(p[1]) + 1}`} ${rest}`;
  if (p[0] === 'hours' && p[1] === 'weekly' && p[3] !== undefined) return `Hours ${Number(p[3]) + 1}: ${rest}`;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
