// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConversationView, type ConversationViewProps } from '../../../console/conversation/conversation-view';
import { msg, profile, row } from '../fake-socket';

afterEach(cleanup);

function renderView(over: Partial<ConversationViewProps> = {}) {
  const props: ConversationViewProps = {
    conversation: row('c1', { visitorName: 'Amber Marten', status: 'open' }),
    messages: [
      msg(1, { text: 'Hi there' }),
      msg(2, { author: 'agent', authorName: 'Alex', text: 'Hello, how can I help?' }),
      msg(3, { text: 'Pricing?' }),
    ],
    pending: [],
    loading: false,
    error: null,
    agentName: 'Alex',
    typers: [],
    draft: '',
    statusBusy: false,
    statusError: null,
    onSend: vi.fn(),
    onRetry: vi.fn(),
    onResolve: vi.fn(),
    onReopen: vi.fn(),
    onTyping: vi.fn(),
    onDraft: vi.fn(),
    onLeaveReply: vi.fn(),
    ...over,
  };
  const view = render(<ConversationView {...props} />);
  return { props, view };
}

const reply = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });

describe('ConversationView', () => {
  it('shows the history in seq order in the log, visitor and agent told apart', () => {
    renderView();
    const items = within(screen.getByRole('log')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.msg-text')!.textContent)).toEqual(['Hi there', 'Hello, how can I help?', 'Pricing?']);
    expect(items[0]!.textContent).toContain('Amber Marten');
    expect(items[1]!.textContent).toContain('Alex');
    expect(items[1]!.className).toContain('msg-agent');
    expect(items[0]!.className).toContain('msg-visitor');
  });

  it('sends the reply on Enter and empties the box', () => {
    const { props } = renderView();
    fireEvent.input(reply(), { target: { value: '  Sure, one moment.  ' } });
    fireEvent.keyDown(reply(), { key: 'Enter' });
    expect(props.onSend).toHaveBeenCalledWith('Sure, one moment.', false);
    expect(reply().value).toBe('');
  });

  it('keeps Shift+Enter as a new line instead of sending', () => {
    const { props } = renderView();
    fireEvent.input(reply(), { target: { value: 'line one' } });
    fireEvent.keyDown(reply(), { key: 'Enter', shiftKey: true });
    expect(props.onSend).not.toHaveBeenCalled();
  });

  it('sends with the Send button too, and puts the focus back in the emptied box', () => {
    const { props } = renderView();
    fireEvent.input(reply(), { target: { value: 'Thanks!' } });
    const send = screen.getByRole('button', { name: 'Send' });
    send.focus();
    fireEvent.click(send);
    expect(props.onSend).toHaveBeenCalledWith('Thanks!', false);
    expect(document.activeElement).toBe(reply());
  });

  it('leaves the reply box on Escape', () => {
    const { props } = renderView();
    fireEvent.keyDown(reply(), { key: 'Escape' });
    expect(props.onLeaveReply).toHaveBeenCalled();
  });

  it('calls back on Resolve for an open conversation', () => {
    const { props } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(props.onResolve).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Reopen' })).toBeNull();
  });

  it('calls back on Reopen for a resolved conversation', () => {
    const { props } = renderView({ conversation: row('c1', { status: 'resolved' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(props.onReopen).toHaveBeenCalled();
  });

  it('shows own replies as sending, and failed ones with Retry under the same id', () => {
    const pending = [
      { id: 'p1', conversationId: 'c1', text: 'on its way', createdAt: '2025-01-01T11:00:00.000Z', state: 'sending' as const, error: null },
      { id: 'p2', conversationId: 'c1', text: 'lost', createdAt: '2025-01-01T11:01:00.000Z', state: 'failed' as const, error: 'No answer' },
    ];
    const { props } = renderView({ pending });
    const log = within(screen.getByRole('log'));
    expect(log.getByText('Sending…')).toBeTruthy();
    fireEvent.click(log.getByRole('button', { name: 'Retry' }));
    expect(props.onRetry).toHaveBeenCalledWith('p2');
  });

  it('says when the visitor is typing', () => {
    renderView({ typers: [null] });
    expect(screen.getByText('Amber Marten is typing…')).toBeTruthy();
  });

  it('renders markup in a message as literal text and creates no element', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { view } = renderView({ messages: [msg(1, { text: evil })], conversation: row('c1', { visitorName: evil }) });
    expect(within(screen.getByRole('log')).getByText(evil, { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: evil })).toBeTruthy();
    expect(view.container.querySelector('img')).toBeNull();
  });

  describe('tells the agent how a reply reaches a visitor who is offline', () => {
    it('says nothing while the visitor is in their chat', () => {
      renderView({ visitor: profile({ online: true }) });
      expect(screen.queryByText(/offline/)).toBeNull();
    });

    it('without SMTP: no email goes out, the visitor sees it when back', () => {
      renderView({ visitor: profile({ online: false, email: 'ana@example.test', sendsEmail: false }) });
      expect(
        screen.getByText('The visitor is offline and this server sends no email: they see your reply when they come back.'),
      ).toBeTruthy();
    });

    it('with SMTP and an address: the reply is emailed there', () => {
      renderView({ visitor: profile({ online: false, email: 'ana@example.test', sendsEmail: true }) });
      expect(
        screen.getByText('The visitor is offline: your reply is emailed to ana@example.test, and waits in their chat too.'),
      ).toBeTruthy();
    });

    it('with SMTP but no address: nothing is emailed', () => {
      renderView({ visitor: profile({ online: false, email: null, sendsEmail: true }) });
      expect(screen.getByText('The visitor is offline and left no email address: they see your reply when they come back.')).toBeTruthy();
    });
  });
});
