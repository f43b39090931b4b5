// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatPanel, type ChatPanelProps } from '../../../widget/chat/chat-panel';
import type { TimelineItem } from '../../../widget/state/selectors';
import { t } from '../helpers/t';

afterEach(cleanup);

const own = (over: Partial<TimelineItem> = {}): TimelineItem => ({
  id: 'a',
  author: 'visitor',
  authorName: null,
  text: 'Is the mug in stock?',
  createdAt: '2024-05-01T10:00:00.000Z',
  delivery: 'sending',
  error: null,
  ...over,
});

function props(over: Partial<ChatPanelProps> = {}): ChatPanelProps {
  return {
    t,
    greeting: 'Hi there!',
    items: [],
    typing: null,
    connection: 'online',
    error: null,
    resolved: false,
    loadingHistory: false,
    onSend: vi.fn(),
    onRetry: vi.fn(),
    onInput: vi.fn(),
    ...over,
  };
}

describe('ChatPanel', () => {
  it('shows the greeting as the first bubble', () => {
    render(<ChatPanel {...props()} />);
    expect(screen.getByText('Hi there!')).toBeTruthy();
  });

  it('puts messages in a polite log', () => {
    render(<ChatPanel {...props({ items: [own()] })} />);
    const log = screen.getByRole('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(within(log).getByText('Is the mug in stock?')).toBeTruthy();
  });

  it('shows an own message as sending, then as sent', () => {
    const { rerender } = render(<ChatPanel {...props({ items: [own()] })} />);
    expect(screen.getByText('Sending…')).toBeTruthy();
    rerender(<ChatPanel {...props({ items: [own({ delivery: 'sent' })] })} />);
    expect(screen.queryByText('Sending…')).toBeNull();
    expect(screen.getByText(/Sent$/)).toBeTruthy();
  });

  it('shows a failed message with its reason and a Retry button that retries it', () => {
    const p = props({ items: [own({ delivery: 'failed', error: 'too_long' })] });
    render(<ChatPanel {...p} />);
    expect(screen.getByText(/Not sent: the message is too long/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(p.onRetry).toHaveBeenCalledWith('a');
  });

  it('shows an agent message with the agent’s name', () => {
    const item = own({ id: 'r', author: 'agent', authorName: 'Ada', text: 'Yes, three left', delivery: null });
    render(<ChatPanel {...props({ items: [item] })} />);
    const log = screen.getByRole('log');
    expect(within(log).getByText('Ada')).toBeTruthy();
    expect(within(log).getByText('Yes, three left')).toBeTruthy();
  });

  it('shows who is typing', () => {
    render(<ChatPanel {...props({ typing: { name: 'Ada' } })} />);
    expect(screen.getByText('Ada is typing…')).toBeTruthy();
  });

  it('renders markup in a message as literal text and creates no element from it', () => {
    const text = '<img src=x onerror=alert(1)>';
    const { container } = render(<ChatPanel {...props({ items: [own({ text })], greeting: text })} />);
    expect(within(screen.getByRole('log')).getByText(text)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says it is reconnecting while offline and still lets the visitor type and send', () => {
    const p = props({ connection: 'offline' });
    render(<ChatPanel {...p} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Reconnecting…/);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    expect(box.disabled).toBe(false);
    fireEvent.input(box, { target: { value: 'still here' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(p.onSend).toHaveBeenCalledWith('still here');
  });

  it('shows the server’s reason when the chat is unavailable', () => {
    render(<ChatPanel {...props({ connection: 'error', error: 'Chat is not enabled for this site.' })} />);
    expect(screen.getByRole('alert').textContent).toContain('Chat is not enabled for this site.');
  });
});
