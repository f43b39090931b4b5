// @vitest-environment happy-dom
// @vitest-environment-options { "url": "http://localhost/console/" }
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary, Message } from '../../../protocol/types';
import { ConversationHeader } from '../../../console/conversation/conversation-header';
import { MessageItem } from '../../../console/conversation/message-item';
import { InboxRow } from '../../../console/inbox/inbox-row';
import type { DesktopAlerts } from '../../../console/net/desktop-alerts';
import { fakeDesktop } from '../fake-desktop';
import { FakeSocket, msg, profile, row } from '../fake-socket';
import { renderSignedIn } from '../signed-in-app';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/console/');
});

const agent = { id: 'a1', email: 'alex@example.com', name: 'Alex', role: 'agent' as const };
const faq = (helpful: boolean | null): Message =>
  msg(2, { author: 'system', text: 'We ship within two days.', faq: { id: 'shipping', helpful } });
const rated = row('c1', {
  visitorName: 'Ana',
  status: 'resolved',
  survey: { rating: 2, comment: 'Slow answer', createdAt: '2025-01-01T11:00:00.000Z' },
});

function item(message: Message) {
  render(
    <ol>
      <MessageItem message={message} visitorName="Ana" />
    </ol>,
  );
  return screen.getByRole('listitem');
}

describe('automatic answers', () => {
  it('shows an automatic answer as such, not as an agent reply', () => {
    const li = item(faq(null));
    expect(li.textContent).toContain('Automatic answer');
    expect(li.className).not.toContain('msg-agent');
    expect(li.textContent).not.toContain('Visitor:');
  });

  it("shows whether it answered the visitor's question", () => {
    expect(item(faq(true)).textContent).toContain('Visitor: that answers it');
    cleanup();
    expect(item(faq(false)).textContent).toContain('Visitor: still needs a person');
  });

  it('keeps other system notes as they were', () => {
    expect(item(msg(3, { author: 'system', text: 'Conversation resolved' })).textContent).toContain('System');
  });
});

describe('satisfaction rating', () => {
  it("shows the visitor's rating and comment in the conversation header", () => {
    render(<ConversationHeader conversation={rated} busy={false} error={null} onResolve={vi.fn()} onReopen={vi.fn()} />);
    expect(screen.getByRole('banner').textContent).toContain('Rated 2/5: Slow answer');
  });

  it('marks a rated conversation in the inbox', () => {
    render(
      <ul>
        <InboxRow row={rated} selected={false} typing={false} now={Date.parse('2025-01-01T12:00:00.000Z')} onOpen={vi.fn()} />
      </ul>,
    );
    expect(screen.getByRole('link').textContent).toContain('Rated 2 out of 5');
  });
});

/** Signs in with one conversation whose log holds an automatic answer. */
async function signedIn(rows: ConversationSummary[], desktop: DesktopAlerts = fakeDesktop()) {
  const socket = new FakeSocket();
  socket
    .answer('conversation:list', () => ({ ok: true, data: rows }))
    .answer('conversation:get', (p) => ({
      ok: true,
      data: {
        conversation: rows.find((r) => r.id === p.conversationId)!,
        messages: [msg(1, { text: 'How long is shipping?' }), faq(null)],
        visitor: profile({ email: 'ana@example.com' }),
        history: [],
      },
    }));
  const { store } = await renderSignedIn(agent, socket, { desktop });
  await screen.findByRole('link', { name: /Ana/ });
  return { store, socket };
}

describe('conversation extras, live', () => {
  it('follows message:updated when the visitor says an automatic answer did not help', async () => {
    const { socket } = await signedIn([row('c1', { visitorName: 'Ana' })]);
    fireEvent.click(screen.getByRole('link', { name: /Ana/ }));
    const log = within(await screen.findByRole('log'));
    await log.findByText('We ship within two days.');
    socket.push('message:updated', faq(false));
    expect(await log.findByText('Visitor: still needs a person')).toBeTruthy();
  });

  it("shows the visitor's email in the visitor panel", async () => {
    await signedIn([row('c1', { visitorName: 'Ana' })]);
    fireEvent.click(screen.getByRole('link', { name: /Ana/ }));
    const panel = within(await screen.findByRole('complementary', { name: 'Visitor' }));
    expect((await panel.findByRole('link', { name: 'ana@example.com' })).getAttribute('href')).toBe('mailto:ana@example.com');
  });

  it('alerts on a low rating, with a desktop notification, and opens the conversation from it', async () => {
    const desktop = fakeDesktop('granted');
    const { socket } = await signedIn([{ ...rated, status: 'open' }], desktop);
    socket.push('survey:received', { conversationId: 'c1', visitorName: 'Ana', rating: 5, comment: null, unhappy: false });
    expect(screen.queryByRole('alert')).toBeNull();
    socket.push('survey:received', { conversationId: 'c1', visitorName: 'Ana', rating: 2, comment: 'Slow answer', unhappy: true });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Low rating 2/5 from Ana: Slow answer');
    expect(desktop.shown.map((n) => n.body)).toEqual(['Low rating 2/5 from Ana: Slow answer']);
    fireEvent.click(within(alert).getByRole('link', { name: 'Open conversation' }));
    expect(location.pathname).toBe('/console/c/c1');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    const heading = await screen.findByRole('heading', { name: 'Ana' });
    expect(heading.closest('header')!.textContent).toContain('Rated 2/5: Slow answer');
  });
});
