// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelloResult, SiteStatus } from '../../../protocol/types';
import { FakeSocket, helloResult, message, site } from '../helpers/fake-socket';
import { clearIntervalsAfterEach } from '../helpers/intervals';
import { testHost } from '../helpers/panel-host';

const sockets: FakeSocket[] = [];
vi.mock('../../../widget/net/socket', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../widget/net/socket')>()),
  openSocket: (_relay: string, _site: string, token: () => string | null) => {
    const s = new FakeSocket(token);
    sockets.push(s);
    return s.asSocket();
  },
}));
const { mountPanel } = await import('../../../widget/panel/mount');

clearIntervalsAfterEach();

const online: SiteStatus = { available: true, openNow: true, agentsOnline: 1, typicalReplyMinutes: null };
const away: SiteStatus = { available: false, openNow: true, agentsOnline: 0, typicalReplyMinutes: null };

/** A panel, opened by the visitor, whose server answers hello with `hello` and whose status is `status`. */
async function open(status: SiteStatus, hello: Partial<HelloResult> = {}) {
  const host = testHost({ status: Promise.resolve(status) });
  const { root } = host;
  const panel = mountPanel(host);
  const socket = sockets.at(-1)!;
  // The loader's answer comes as `host.status`; every hello brings the current one.
  socket.reply('visitor:hello', () => helloResult({ status, ...hello }));
  socket.reply('message:list', () => ({ ok: true, data: { conversationId: 'c1', messages: [], lastSeq: 0 } }));
  socket.reply('conversation:read', () => ({ ok: true, data: null }));
  socket.reply('message:send', (p) => ({ ok: true, data: message(1, { id: p.id, text: p.text, author: 'visitor' }) }));
  panel.setOpen(true, true);
  const view = within(root as unknown as HTMLElement);
  await vi.waitFor(() => expect(view.getByRole('heading', { name: 'Demo shop' })).toBeTruthy());
  return { host, panel, root, view, socket };
}

const withConversation = (status: 'pending' | 'open' | 'resolved' = 'open', over: Partial<HelloResult> = {}) => ({
  conversation: { id: 'c1', status, lastSeq: 0, visitorReadSeq: 0 },
  ...over,
});

beforeEach(() => {
  document.body.innerHTML = '';
  document.title = 'Pricing – Demo shop';
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('leave a message', () => {
  it('replaces the chat while nobody is available and sends email, message and this page with offline:send', async () => {
    const { view, socket, root } = await open(away);
    const region = await view.findByRole('region', { name: 'Leave a message' });
    expect(within(region).getByText(site.awayMessage)).toBeTruthy();
    expect(view.queryByRole('textbox', { name: 'Message' })?.tagName).toBe('TEXTAREA');
    socket.reply('offline:send', (p) => ({ ok: true, data: message(1, { author: 'visitor', text: p.text }) }));
    fireEvent.input(within(region).getByRole('textbox', { name: 'Email' }), { target: { value: 'ana@example.com' } });
    fireEvent.input(within(region).getByRole('textbox', { name: 'Message' }), { target: { value: 'Do you ship to Norway?' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Send message' }));

    await vi.waitFor(() => expect(view.getByText("Thanks! We'll answer by email at ana@example.com.")).toBeTruthy());
    expect(socket.requests('offline:send')).toEqual([
      {
        id: expect.any(String),
        email: 'ana@example.com',
        text: 'Do you ship to Norway?',
        page: { url: location.href, title: 'Pricing – Demo shop' },
      },
    ]);
    expect(view.queryByRole('region', { name: 'Leave a message' })).toBeNull();
    expect(within(view.getByRole('log')).getByText('Do you ship to Norway?')).toBeTruthy();
    expect(root.activeElement).toBe(view.getByRole('textbox', { name: 'Message' }));
    // The agent comes back and answers: it shows at once.
    socket.fire('message:new', message(2, { text: 'Yes, we do.' }));
    expect(within(view.getByRole('log')).getByText('Yes, we do.')).toBeTruthy();
  });

  it('asks for the email address before sending anything', async () => {
    const { view, socket } = await open(away);
    const region = await view.findByRole('region', { name: 'Leave a message' });
    fireEvent.input(within(region).getByRole('textbox', { name: 'Message' }), { target: { value: 'Hello?' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Send message' }));
    const email = within(region).getByRole('textbox', { name: 'Email' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(view.getByText('Enter your email address, so we can answer you.')).toBeTruthy();
    expect(socket.requests('offline:send')).toEqual([]);
  });

  it('follows pushed availability: Leave a message when everyone leaves, the chat when someone is back', async () => {
    const { view, socket, host } = await open(online);
    expect(view.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    socket.fire('site:status', away);
    expect(await view.findByRole('region', { name: 'Leave a message' })).toBeTruthy();
    expect(host.launcher.setStatus).toHaveBeenLastCalledWith(away);
    socket.fire('site:status', online);
    expect(view.queryByRole('region', { name: 'Leave a message' })).toBeNull();
    expect(view.getByRole('button', { name: 'Send' })).toBeTruthy();
    expect(host.launcher.setStatus).toHaveBeenLastCalledWith(online);
  });

  it('keeps a visitor’s conversation when nobody is available, with the away message', async () => {
    const { view } = await open(away, withConversation());
    expect(view.queryByRole('region', { name: 'Leave a message' })).toBeNull();
    expect(view.getByRole('log')).toBeTruthy();
    expect(view.getByText(site.awayMessage)).toBeTruthy();
  });

  it('offers Call me back, which switches to the callback view', async () => {
    const { view } = await open(away);
    const region = await view.findByRole('region', { name: 'Leave a message' });
    fireEvent.click(within(region).getByRole('button', { name: 'Call me back' }));
    expect(view.getByRole('tab', { name: 'Call me back' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows only the other ways to reach the site when it switched chat off', async () => {
    const { view, socket } = await open(online);
    socket.fire('site:settings', { ...site, channels: { chat: false, callback: true, feedback: false } });
    const region = await view.findByRole('region', { name: 'Chat is switched off here.' });
    expect(within(region).getByRole('button', { name: 'Call me back' })).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Send feedback' })).toBeNull();
    expect(view.queryByRole('tab', { name: 'Feedback' })).toBeNull();
  });
});

describe('waiting too long', () => {
  async function sendFirst() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const m = await open(online);
    const box = m.view.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Is the mug in stock?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await vi.waitFor(() => expect(m.socket.requests('message:send')).toHaveLength(1));
    return m;
  }

  it('says sorry after the site’s waitSeconds without an agent reply, and takes an email for the answer', async () => {
    const { view, socket } = await sendFirst();
    vi.advanceTimersByTime((site.waitSeconds - 1) * 1000);
    expect(view.queryByText('Sorry for the wait…')).toBeNull();
    vi.advanceTimersByTime(1000);
    await vi.waitFor(() => expect(view.getByText('Sorry for the wait…')).toBeTruthy());
    const notice = view.getByRole('region', { name: 'Sorry for the wait…' });
    expect(within(notice).getByRole('button', { name: 'Call me back' })).toBeTruthy();
    // The conversation stays.
    expect(within(view.getByRole('log')).getByText('Is the mug in stock?')).toBeTruthy();

    socket.reply('visitor:identify', (p) => ({ ok: true, data: { name: null, email: p.email } }));
    fireEvent.input(within(notice).getByRole('textbox', { name: 'Email' }), { target: { value: 'ana@example.com' } });
    fireEvent.click(within(notice).getByRole('button', { name: 'Email me the answer' }));
    await vi.waitFor(() => expect(view.getByText("Thanks! We'll answer by email at ana@example.com.")).toBeTruthy());
    expect(socket.requests('visitor:identify')).toEqual([{ email: 'ana@example.com' }]);
    expect(view.queryByText('Sorry for the wait…')).toBeNull();
  });

  it('says nothing when an agent replies in time', async () => {
    const { view, socket } = await sendFirst();
    vi.advanceTimersByTime(30_000);
    socket.fire('message:new', message(2, { text: 'Yes, three left.' }));
    vi.advanceTimersByTime(site.waitSeconds * 1000);
    expect(view.queryByText('Sorry for the wait…')).toBeNull();
    expect(view.queryByText('Loading…')).toBeNull();
  });
});

describe('automatic answers', () => {
  const faq = (helpful: boolean | null) =>
    message(1, { author: 'system', authorName: 'Demo shop', text: 'We ship within 2 days.', faq: { id: 'shipping', helpful } });

  it('labels them and sends “That answers it” with faq:answer, then acknowledges', async () => {
    const { view, socket } = await open(online, withConversation('pending'));
    socket.fire('message:new', faq(null));
    const log = view.getByRole('log');
    expect(within(log).getByText('Automatic answer')).toBeTruthy();
    socket.reply('faq:answer', (p) => ({ ok: true, data: faq(p.helpful) }));
    fireEvent.click(within(log).getByRole('button', { name: 'That answers it' }));
    await vi.waitFor(() => expect(within(log).getByText('Glad it helped!')).toBeTruthy());
    expect(socket.requests('faq:answer')).toEqual([{ messageId: 'm1', helpful: true }]);
    expect(within(log).queryByRole('button', { name: 'That answers it' })).toBeNull();
  });

  it('follows message:updated, e.g. “I still need a person” chosen in another tab', async () => {
    const { view, socket } = await open(online, withConversation('pending'));
    socket.fire('message:new', faq(null));
    fireEvent.click(view.getByRole('button', { name: 'I still need a person' }));
    expect(socket.requests('faq:answer')).toEqual([{ messageId: 'm1', helpful: false }]);
    socket.fire('message:updated', faq(false));
    expect(view.getByText('Thanks. A person will answer here.')).toBeTruthy();
    expect(view.queryByRole('button', { name: 'I still need a person' })).toBeNull();
  });
});

describe('the default away text on a server that sends email', () => {
  it('promises an answer by email and asks for the address', async () => {
    const { view } = await open(away, { site: { ...site, awayMessage: '' } });
    const region = await view.findByRole('region', { name: 'Leave a message' });
    expect(within(region).getByText("We're away right now. Leave us a message and we'll answer by email.")).toBeTruthy();
    expect(within(region).getByRole('textbox', { name: 'Email' })).toBeTruthy();
  });
});

describe('on a server that sends no email', () => {
  const noEmail = { site: { ...site, sendsEmail: false } };

  it('takes a left message without asking for an email address, and says the answer comes here', async () => {
    const { view, socket } = await open(away, noEmail);
    const region = await view.findByRole('region', { name: 'Leave a message' });
    expect(within(region).queryByRole('textbox', { name: 'Email' })).toBeNull();
    socket.reply('offline:send', (p) => ({ ok: true, data: message(1, { author: 'visitor', text: p.text }) }));
    fireEvent.input(within(region).getByRole('textbox', { name: 'Message' }), { target: { value: 'Do you ship to Norway?' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Send message' }));
    await vi.waitFor(() => expect(view.getByText("Thanks! We'll answer here as soon as we can.")).toBeTruthy());
    expect(socket.requests('offline:send')).toEqual([expect.not.objectContaining({ email: expect.anything() })]);
    expect(view.queryByText(/email/i)).toBeNull();
  });

  it('shows the default away text that promises no email, but an owner’s own text as written', async () => {
    const { view } = await open(away, { site: { ...site, sendsEmail: false, awayMessage: '' } });
    const region = await view.findByRole('region', { name: 'Leave a message' });
    expect(
      within(region).getByText("We're away right now. Leave us a message: we'll answer here, in this chat, when you come back."),
    ).toBeTruthy();
    document.body.innerHTML = '';
    const own = await open(away, { site: { ...site, sendsEmail: false, awayMessage: 'Back on Monday.' } });
    expect(within(await own.view.findByRole('region', { name: 'Leave a message' })).getByText('Back on Monday.')).toBeTruthy();
  });

  it('offers no transcript by email after a resolved chat', async () => {
    const { view } = await open(online, { ...withConversation('resolved'), ...noEmail });
    await view.findByRole('form', { name: 'How did we do?' });
    expect(view.queryByRole('button', { name: 'Email me the transcript' })).toBeNull();
  });
});

describe('after a resolved chat', () => {
  it('asks for a rating and sends it with survey:send', async () => {
    const { view, socket, root } = await open(online, withConversation('open'));
    socket.fire('conversation:status', { id: 'c1', status: 'resolved', lastSeq: 0, visitorReadSeq: 0 });
    const form = await view.findByRole('form', { name: 'How did we do?' });
    // Compact until the visitor picks a face: then the comment and the button.
    expect(within(form).queryByRole('button', { name: 'Send rating' })).toBeNull();
    expect(within(form).queryByRole('textbox', { name: 'Comment (optional)' })).toBeNull();
    expect(within(form).getByRole('radio', { name: '1 – Very bad' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('radio', { name: '5 – Very good' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Comment (optional)' }), { target: { value: 'Quick!' } });
    socket.reply('survey:send', () => ({ ok: true, data: null }));
    fireEvent.click(within(form).getByRole('button', { name: 'Send rating' }));
    await vi.waitFor(() => expect(view.getByText('Thanks for your rating!')).toBeTruthy());
    expect(socket.requests('survey:send')).toEqual([{ conversationId: 'c1', rating: 5, comment: 'Quick!' }]);
    // The form and its button are gone: the thank-you holds the focus.
    expect(root.activeElement).toBe(view.getByText('Thanks for your rating!'));
  });

  it('shows no survey when the site does not ask for ratings', async () => {
    const { view, socket } = await open(online, withConversation('resolved', { site: { ...site, surveyEnabled: false } }));
    await view.findByRole('button', { name: 'Email me the transcript' });
    expect(view.queryByRole('form', { name: 'How did we do?' })).toBeNull();
    expect(socket.requests('survey:send')).toEqual([]);
  });

  it('asks for an email address before emailing the transcript to a visitor who gave none', async () => {
    const { view, socket, root } = await open(online, withConversation('resolved'));
    fireEvent.click(await view.findByRole('button', { name: 'Email me the transcript' }));
    const email = view.getByRole('textbox', { name: 'Email' });
    expect(root.activeElement).toBe(email);
    expect(socket.requests('transcript:send')).toEqual([]);
    socket.reply('transcript:send', () => ({ ok: true, data: null }));
    fireEvent.input(email, { target: { value: 'ana@example.com' } });
    fireEvent.click(view.getByRole('button', { name: 'Email me the transcript' }));
    await vi.waitFor(() => expect(view.getByText("We've sent the transcript to ana@example.com.")).toBeTruthy());
    expect(socket.requests('transcript:send')).toEqual([{ conversationId: 'c1', email: 'ana@example.com' }]);
    expect(root.activeElement).toBe(view.getByText("We've sent the transcript to ana@example.com."));
  });

  it('emails the transcript at once to the address the visitor gave, and says when email is not set up', async () => {
    const { view, socket } = await open(online, withConversation('resolved', { email: 'ana@example.com' }));
    socket.reply('transcript:send', () => ({ ok: false, code: 'email_not_configured', message: 'no SMTP' }));
    fireEvent.click(await view.findByRole('button', { name: 'Email me the transcript' }));
    await vi.waitFor(() => expect(view.getByRole('alert').textContent).toBe("This server can't send email yet, sorry."));
    expect(socket.requests('transcript:send')).toEqual([{ conversationId: 'c1', email: 'ana@example.com' }]);
    expect(view.queryByRole('textbox', { name: 'Email' })).toBeNull();
  });
});

describe('typical reply time', () => {
  it('shows the site’s typical first-reply time while someone is there', async () => {
    const { view, socket } = await open({ ...online, typicalReplyMinutes: 5 });
    expect(view.getByText('Typically replies in 5 minutes')).toBeTruthy();
    socket.fire('site:status', { ...online, typicalReplyMinutes: 1 });
    expect(view.getByText('Typically replies in 1 minute')).toBeTruthy();
    socket.fire('site:status', online);
    expect(view.queryByText(/Typically replies/)).toBeNull();
  });
});
