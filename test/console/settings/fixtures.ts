import type { SiteSettings } from '../../../protocol/types';

/** The demo site's settings, unless told otherwise. */
export function site(over: Partial<SiteSettings> = {}): SiteSettings {
  const day = [{ from: '08:00', to: '20:00' }];
  return {
    id: 'demo',
    name: 'Demo shop',
    greeting: 'Hi there!',
    color: '#3b4cca',
    allowedOrigins: ['https://shop.example'],
    hours: { timezone: 'Europe/Prague', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } },
    hoursEnabled: true,
    channels: { chat: true, callback: true, feedback: true },
    awayMessage: 'We are away.',
    waitSeconds: 120,
    surveyEnabled: true,
    faqs: [{ id: 'shipping', question: 'How long does shipping take?', keywords: ['shipping', 'delivery'], answer: 'Two days.' }],
    keepConversationsDays: 0,
    ...over,
  };
}
