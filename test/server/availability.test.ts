import { describe, expect, it, vi } from 'vitest';
import { nanoid } from 'nanoid';
import type { ConversationSummary, Message, SiteStatus, WEEKDAYS } from '../../protocol/types';
import { typicalReplyMinutes } from '../../server/domain/availability';
import { matchFaq } from '../../server/domain/faq';
import type { VisitorClientEvents } from '../../protocol/events';
import { ADMIN, agent, nextEvent, startTestServer, visitor, type AgentSocket, useServer } from '../helpers/server';

const t = useServer({ smtp: true });

type LeftMessage = Parameters<VisitorClientEvents['offline:send']>[0];

/** A message left for the team while nobody is there ("Hello?" from ana@example.test), with what the test changes. */
const leftMessage = (over: Partial<LeftMessage> = {}): LeftMessage => ({
  email: 'ana@example.test',
  text: 'Hello?',
  page: { url: 'http://shop.test/', title: 'Shop' },
  ...over,
});
const allDay = { from: '00:00', to: '24:00' };
const week = (ranges: { from: string; to: string }[]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ranges])) as Record<
    (typeof WEEKDAYS)[number],
    typeof ranges
  >;

async function newAgent(): Promise<AgentSocket> {
  const a = await agent(t.server.url);
  t.sockets.push(a);
  return a;
}
async function newVisitor(opts: { language?: string } = {}) {
  const v = await visitor(t.server.url);
  t.sockets.push(v.socket);
  if (opts.language)
    await v.socket.emitWithAck('visitor:hello', {
      page: { url: 'http://shop.test/', title: 'Shop' },
      language: opts.language,
      timezone: 'Europe/Prague',
    });
  return v;
}
async function status(): Promise<SiteStatus> {
  const res = await fetch(`${t.server.url}/api/sites/demo/status`);
  expect(res.headers.get('cache-control')).toBe('public, max-age=30');
  expect(res.headers.get('set-cookie')).toBeNull();
  return (await res.json()).data;
}
async function openAllDay(a: AgentSocket) {
  const r = await a.emitWithAck('site:update', { siteId: 'demo', hours: { timezone: 'UTC', weekly: week([allDay]) } });
  expect(r.ok).toBe(true);
}

describe('presence and availability', () => {
  it('is unavailable with no agent signed in, and says so in a cacheable status that sets nothing', async () => {
    expect(await status()).toMatchObject({ available: false, agentsOnline: 0, typicalReplyMinutes: null });
  });

  it('tells an open widget live when an agent comes, goes away, comes back and signs out', async () => {
    const v = await newVisitor();
    const seen: boolean[] = [];
    v.socket.on('site:status', (s: SiteStatus) => seen.push(s.available));
    const a = await newAgent();
    await openAllDay(a);
    await expect.poll(() => seen.at(-1)).toBe(true);
    await a.emitWithAck('agent:setAway', { away: true });
    await expect.poll(() => seen.at(-1)).toBe(false);
    await a.emitWithAck('agent:setAway', { away: false });
    await expect.poll(() => seen.at(-1)).toBe(true);
    a.disconnect();
    await expect.poll(() => seen.at(-1)).toBe(false);
  });

  it('tells every tab at hello who is there, since a tab that was away missed the pushes', async () => {
    const hello = async () => {
      const v = await newVisitor();
      const r = await v.socket.emitWithAck('visitor:hello', {
        page: { url: 'http://shop.test/', title: 'Shop' },
        language: 'en',
        timezone: 'UTC',
      });
      if (!r.ok) throw new Error(r.code);
      return r.data.status;
    };
    expect(await hello()).toMatchObject({ available: false, agentsOnline: 0 });
    await openAllDay(await newAgent());
    await expect.poll(async () => (await hello())?.available).toBe(true);
  });

  it('is unavailable outside opening hours even with an agent online, live in the widget', async () => {
    const v = await newVisitor();
    const a = await newAgent();
    await openAllDay(a);
    await expect.poll(async () => (await a.emitWithAck('agent:presence', {})).ok).toBe(true);
    const closed = nextEvent<SiteStatus>(v.socket, 'site:status', (s) => !s.openNow);
    await a.emitWithAck('site:update', { siteId: 'demo', hoursEnabled: true, hours: { timezone: 'UTC', weekly: week([]) } });
    expect(await closed).toMatchObject({ available: false, openNow: false, agentsOnline: 1 });
  });
});

describe('opening hours ending', () => {
  it('reach an open widget live when the clock passes closing time', async () => {
    await t.server.close();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-24T11:59:00Z'));
      t.server = await startTestServer(t.data.dir, 0, {}, { presenceTickMs: 100 });
      const a = await newAgent();
      expect(
        (
          await a.emitWithAck('site:update', {
            siteId: 'demo',
            hoursEnabled: true,
            hours: { timezone: 'UTC', weekly: week([{ from: '08:00', to: '12:00' }]) },
          })
        ).ok,
      ).toBe(true);
      const v = await newVisitor();
      await expect.poll(async () => (await status()).available).toBe(true);
      const closed = nextEvent<SiteStatus>(v.socket, 'site:status', (s) => !s.openNow);
      vi.setSystemTime(new Date('2026-11-24T12:00:30Z'));
      expect(await closed).toMatchObject({ available: false, openNow: false, agentsOnline: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('launcher strings', () => {
  it('come with the status in the language asked for, with its plural forms', async () => {
    const res = await fetch(`${t.server.url}/api/sites/demo/status?lang=ru-RU`);
    const body = await res.json();
    expect(body.data.strings).toMatchObject({ open_chat: 'Открыть чат', unread_few: '{count} непрочитанных сообщения' });
    const unknown = await (await fetch(`${t.server.url}/api/sites/demo/status?lang=de`)).json();
    expect(unknown.data.strings).toBeUndefined();
  });

  it('come in the first of the visitor’s languages Earshot speaks, as the panel picks its dictionary', async () => {
    // The loader sends `data-locale` (here none) and then navigator.languages, comma-separated.
    const list = await (await fetch(`${t.server.url}/api/sites/demo/status?lang=,de-AT,constructor,cs-CZ,ru`)).json();
    expect(list.data.strings).toMatchObject({ open_chat: 'Otevřít chat' });
  });

  it('cover every plural category each language has', async () => {
    const { LAUNCHER_STRINGS } = await import('../../protocol/launcher-strings');
    for (const [lang, strings] of Object.entries(LAUNCHER_STRINGS)) {
      for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
        expect(strings, `${lang} ${category}`).toHaveProperty(`unread_${category}`);
      }
    }
  });
});

describe('leave a message', () => {
  it(
    "stores the message as a conversation, emails the owner, and emails the agent's later reply " + 'to the visitor in their language',
    async () => {
      const v = await newVisitor({ language: 'ru-RU' });
      const sent = await v.socket.emitWithAck('offline:send', {
        email: 'ivan@example.test',
        name: 'Иван',
        text: 'Есть ли доставка в Ереван?',
        page: { url: 'http://shop.test/', title: 'Shop' },
      });
      if (!sent.ok) throw new Error(sent.message);
      const [owner] = await t.smtp.waitFor(1);
      expect(owner!.to).toMatchObject({ text: ADMIN.email });
      expect(owner!.replyTo).toMatchObject({ text: 'ivan@example.test' });
      expect(owner!.text).toContain('> Есть ли доставка в Ереван?');
      v.socket.disconnect();

      const a = await newAgent();
      const list = await a.emitWithAck('conversation:list', {});
      expect(list.ok && list.data[0]).toMatchObject({ visitorName: 'Иван', lastMessage: { text: 'Есть ли доставка в Ереван?' } });
      await a.emitWithAck('message:send', { id: nanoid(), conversationId: sent.data.conversationId, text: 'Да, 3–5 дней.' });
      const mails = await t.smtp.waitFor(2);
      const reply = mails[1]!;
      expect(reply.to).toMatchObject({ text: 'ivan@example.test' });
      expect(reply.subject).toBe('Новый ответ от Demo shop');
      expect(reply.text).toContain('Здравствуйте, Иван!');
      expect(reply.text).toContain('Да, 3–5 дней.');
    },
  );

  it('stores a left message sent again with its id once, and emails the owner once', async () => {
    const v = await newVisitor();
    const input = leftMessage({ id: 'left-1' });
    const [first, again] = await Promise.all([v.socket.emitWithAck('offline:send', input), v.socket.emitWithAck('offline:send', input)]);
    expect(first).toMatchObject({ ok: true, data: { id: 'left-1', seq: 1 } });
    expect(again).toEqual(first);
    const later = await v.socket.emitWithAck('offline:send', input);
    expect(later).toEqual(first);
    await t.smtp.waitFor(1);
    const a = await newAgent();
    await a.emitWithAck('agent:presence', {});
    expect(t.smtp.messages).toHaveLength(1);
    const list = await a.emitWithAck('conversation:list', {});
    expect(list.ok && list.data.map((c) => c.lastSeq)).toEqual([1]);
  });

  it("queues the owner's email on a retry when the first try stored the message and stopped before it", async () => {
    const v = await newVisitor();
    // What a crash between storing and queueing leaves: the message, and no email.
    const c = await t.server.store.latestOrNewConversation(v.hello.visitorId, 'demo', 'conv-crash', new Date().toISOString());
    await t.server.store.appendMessage({
      id: 'left-crash',
      conversationId: c.id,
      author: 'visitor',
      agentId: null,
      authorName: null,
      text: 'Hello?',
      now: new Date().toISOString(),
      visitorId: v.hello.visitorId,
    });
    const input = leftMessage({ id: 'left-crash' });
    expect(await v.socket.emitWithAck('offline:send', input)).toMatchObject({ ok: true, data: { id: 'left-crash' } });
    expect(await v.socket.emitWithAck('offline:send', input)).toMatchObject({ ok: true, data: { id: 'left-crash' } });
    const [owner] = await t.smtp.waitFor(1);
    expect(owner!.text).toContain('> Hello?');
    const a = await newAgent();
    await a.emitWithAck('agent:presence', {});
    expect(t.smtp.messages).toHaveLength(1);
  });

  it('does not email a reply to a visitor who is still on the site', async () => {
    const v = await newVisitor();
    const sent = await v.socket.emitWithAck('offline:send', leftMessage());
    await t.smtp.waitFor(1);
    const a = await newAgent();
    const live = nextEvent<Message>(v.socket, 'message:new');
    await a.emitWithAck('message:send', { id: nanoid(), conversationId: sent.ok ? sent.data.conversationId : '', text: 'Hi Ana!' });
    await live;
    await a.emitWithAck('agent:presence', {});
    expect(t.smtp.messages).toHaveLength(1);
  });

  it('needs a valid email', async () => {
    const v = await newVisitor();
    const r = await v.socket.emitWithAck('offline:send', leftMessage({ email: 'nope' }));
    expect(r).toMatchObject({ ok: false, code: 'invalid_payload', field: 'email' });
  });
});

describe('scripted answers', () => {
  it('answers a matching message at once, marked automatic, and the agent sees both', async () => {
    const a = await newAgent();
    const v = await newVisitor();
    const atAgent: Message[] = [];
    a.on('message:new', (m) => atAgent.push(m));
    const answer = nextEvent<Message>(v.socket, 'message:new', (m) => m.author === 'system');
    const q = await v.socket.emitWithAck('message:send', {
      id: nanoid(),
      conversationId: null,
      text: 'How long does delivery to Brno take?',
    });
    const auto = await answer;
    expect(auto).toMatchObject({ author: 'system', authorName: 'Demo shop', faq: { id: 'shipping', helpful: null }, seq: 2 });
    expect(auto.text).toMatch(/ship within two working days/);
    await expect.poll(() => atAgent.map((m) => m.author)).toEqual(['visitor', 'system']);

    const resolved = nextEvent<{ status: string }>(v.socket, 'conversation:status');
    const marked = await v.socket.emitWithAck('faq:answer', { messageId: auto.id, helpful: true });
    expect(marked).toMatchObject({ ok: true, data: { faq: { helpful: true } } });
    expect((await resolved).status).toBe('resolved');
    expect(q.ok).toBe(true);
  });

  it("previews the visitor's question in the inbox, not the automatic answer after it", async () => {
    const a = await newAgent();
    const rows: ConversationSummary[] = [];
    a.on('message:new', (_m, row) => rows.push(row));
    const v = await newVisitor();
    const q = await v.socket.emitWithAck('message:send', {
      id: nanoid(),
      conversationId: null,
      text: 'How long does delivery to Brno take?',
    });
    await expect.poll(() => rows.length).toBe(2);
    expect(rows[1]!.lastMessage).toMatchObject({ author: 'visitor', text: 'How long does delivery to Brno take?' });
    const list = await a.emitWithAck('conversation:list', {});
    expect(list.ok && list.data.find((r) => r.id === (q.ok ? q.data.conversationId : ''))?.lastMessage?.text).toBe(
      'How long does delivery to Brno take?',
    );
  });

  it('stays quiet once an agent has replied, and for messages that match nothing', async () => {
    const a = await newAgent();
    const v = await newVisitor();
    const first = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hello there' });
    const id = first.ok ? first.data.conversationId : '';
    await a.emitWithAck('message:send', { id: nanoid(), conversationId: id, text: 'Hi!' });
    await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: id, text: 'What about shipping?' });
    await a.emitWithAck('agent:presence', {});
    const page = await v.socket.emitWithAck('message:list', { conversationId: id, after: 0 });
    expect(page.ok && page.data.messages.map((m) => m.author)).toEqual(['visitor', 'agent', 'visitor']);
  });

  it('matches keywords regardless of case and accents, preferring the answer with most hits', () => {
    const faqs = [
      { id: 'a', question: 'Doprava?', keywords: ['doprava', 'dodání'], answer: 'A' },
      { id: 'b', question: 'Returns?', keywords: ['return', 'refund', 'money back'], answer: 'B' },
    ];
    expect(matchFaq('Jak dlouho trvá DODANI?', faqs)?.id).toBe('a');
    expect(matchFaq('I want my money back, can I return it?', faqs)?.id).toBe('b');
    expect(matchFaq('Hello', faqs)).toBeNull();
  });
});

describe('after the chat', () => {
  async function resolvedChat() {
    const a = await newAgent();
    const v = await newVisitor();
    const m = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Is the mug dishwasher safe?' });
    const id = m.ok ? m.data.conversationId : '';
    await a.emitWithAck('message:send', { id: nanoid(), conversationId: id, text: 'Yes it is.' });
    await a.emitWithAck('conversation:setStatus', { conversationId: id, status: 'resolved' });
    return { a, v, id };
  }

  it('stores a satisfaction rating on the conversation and alerts agents about a 2', async () => {
    const { a, v, id } = await resolvedChat();
    const alert = nextEvent<{ unhappy: boolean; rating: number }>(a, 'survey:received');
    const row = nextEvent<ConversationSummary>(a, 'conversation:updated', (c) => c.survey !== null);
    expect(await v.socket.emitWithAck('survey:send', { conversationId: id, rating: 2, comment: 'Slow answer' })).toEqual({
      ok: true,
      data: null,
    });
    expect(await alert).toMatchObject({ unhappy: true, rating: 2 });
    expect((await row).survey).toMatchObject({ rating: 2, comment: 'Slow answer' });
  });

  it('sends one address at most three transcripts an hour, whoever asks', async () => {
    const { v, id } = await resolvedChat();
    for (let i = 0; i < 3; i++)
      expect(await v.socket.emitWithAck('transcript:send', { conversationId: id, email: 'victim@example.test' })).toMatchObject({
        ok: true,
      });
    const other = await resolvedChat();
    expect(await other.v.socket.emitWithAck('transcript:send', { conversationId: other.id, email: 'Victim@Example.test' })).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    expect(await other.v.socket.emitWithAck('transcript:send', { conversationId: other.id, email: 'own@example.test' })).toMatchObject({
      ok: true,
    });
  });

  it('takes a time zone this server does not know as none, so the visitor still chats and gets a transcript', async () => {
    const { v, id } = await resolvedChat();
    expect(
      await v.socket.emitWithAck('visitor:hello', {
        page: { url: 'http://shop.test/', title: 'Shop' },
        language: 'en',
        timezone: 'Mars/Olympus_Mons',
      }),
    ).toMatchObject({ ok: true });
    expect(await v.socket.emitWithAck('transcript:send', { conversationId: id, email: 'ana@example.test' })).toEqual({
      ok: true,
      data: null,
    });
    const [mail] = await t.smtp.waitFor(1);
    expect(mail!.text).toMatch(/Is the mug dishwasher safe\?/);
    expect((await t.server.store.getVisitor(v.hello.visitorId))!.timezone).toBe('Europe/Prague');
  });

  it('refuses new chats, reopened ones and left messages while the site has chat turned off, but lets a chat going on finish', async () => {
    const { a, v, id } = await resolvedChat();
    const going = await newVisitor();
    const first = await going.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Where is my order?' });
    expect((await a.emitWithAck('site:update', { siteId: 'demo', channels: { chat: false, callback: true, feedback: true } })).ok).toBe(
      true,
    );
    // Going on: by its id, and by none (a tab that has not heard of it yet) alike.
    expect(
      await going.socket.emitWithAck('message:send', {
        id: nanoid(),
        conversationId: first.ok ? first.data.conversationId : '',
        text: 'Order 42',
      }),
    ).toMatchObject({ ok: true });
    expect(await going.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Thanks' })).toMatchObject({
      ok: true,
    });
    // Resolved last time: writing again would reopen it.
    expect(await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: id, text: 'One more thing' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'One more thing' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const fresh = await newVisitor();
    expect(await fresh.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hi' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await fresh.socket.emitWithAck('offline:send', leftMessage())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a rating before the chat is resolved', async () => {
    const v = await newVisitor();
    const m = await v.socket.emitWithAck('message:send', { id: nanoid(), conversationId: null, text: 'Hi' });
    const r = await v.socket.emitWithAck('survey:send', { conversationId: m.ok ? m.data.conversationId : '', rating: 5 });
    expect(r).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('emails the transcript to the visitor in their language (Czech here)', async () => {
    const { v, id } = await resolvedChat();
    expect(await v.socket.emitWithAck('transcript:send', { conversationId: id, email: 'ana@example.test' })).toEqual({
      ok: true,
      data: null,
    });
    const [mail] = await t.smtp.waitFor(1);
    expect(mail!.subject).toBe('Vaše konverzace s Demo shop');
    expect(mail!.text).toMatch(/Vy:\nIs the mug dishwasher safe\?/);
    expect(mail!.text).toMatch(/Admin:\nYes it is\./);
  });
});

describe('site settings', () => {
  it.each([
    ['an origin that is not an origin', { allowedOrigins: ['shop.example.com'] }, 'allowedOrigins.0'],
    ['an origin with a path', { allowedOrigins: ['https://shop.example.com/'] }, 'allowedOrigins.0'],
    ['an empty keyword list', { faqs: [{ id: 'x', question: 'Q?', keywords: [], answer: 'A' }] }, 'faqs.0.keywords'],
    ['a waiting time of -1', { waitSeconds: -1 }, 'waitSeconds'],
    [
      'opening hours that overlap',
      {
        hours: {
          timezone: 'UTC',
          weekly: {
            mon: [
              { from: '09:00', to: '17:00' },
              { from: '13:00', to: '18:00' },
            ],
            tue: [],
            wed: [],
            thu: [],
            fri: [],
            sat: [],
            sun: [],
          },
        },
      },
      'hours.weekly.mon',
    ],
  ])('refuses %s with a clear message', async (_name, patch, field) => {
    const a = await newAgent();
    const r = await a.emitWithAck('site:update', { siteId: 'demo', ...patch });
    expect(r).toMatchObject({ ok: false, code: 'invalid_payload', field });
  });

  it('saves channels, greeting and origins, and open widgets follow without a code change', async () => {
    const a = await newAgent();
    const v = await newVisitor();
    const pushed = nextEvent<{ channels: { callback: boolean }; greeting: string }>(v.socket, 'site:settings');
    const r = await a.emitWithAck('site:update', {
      siteId: 'demo',
      greeting: 'Ahoj!',
      channels: { chat: true, callback: false, feedback: true },
      allowedOrigins: ['https://shop.example.com'],
    });
    expect(r).toMatchObject({ ok: true, data: { greeting: 'Ahoj!', allowedOrigins: ['https://shop.example.com'] } });
    expect(await pushed).toMatchObject({ greeting: 'Ahoj!', channels: { callback: false } });
    const fresh = await newVisitor();
    expect(fresh.hello.site).toMatchObject({ greeting: 'Ahoj!', channels: { chat: true, callback: false, feedback: true } });
  });

  it('keeps settings away from visitors', async () => {
    const v = await newVisitor();
    const emit = v.socket.emitWithAck.bind(v.socket) as unknown as (e: string, p: unknown) => Promise<unknown>;
    expect(await emit('site:update', { siteId: 'demo', greeting: 'hacked' })).toMatchObject({ ok: false, code: 'unknown_event' });
    expect(await emit('site:list', {})).toMatchObject({ ok: false, code: 'unknown_event' });
  });
});

describe('typical reply time', () => {
  it('is hidden with fewer than five first replies and the median otherwise', () => {
    expect(typicalReplyMinutes([60_000, 120_000])).toBeNull();
    expect(typicalReplyMinutes([30_000, 60_000, 4 * 60_000, 10 * 60_000, 60 * 60_000])).toBe(4);
  });
});
