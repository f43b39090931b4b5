// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CannedReply } from '../../../protocol/types';
import { ReplyBox, type ReplyBoxProps } from '../../../console/conversation/reply-box';
import { fillPlaceholders } from '../../../console/conversation/reply-suggest';

afterEach(cleanup);

const canned = (id: string, shortcut: string, text: string, agentId: string | null = 'a1'): CannedReply => ({
  id,
  shortcut,
  text,
  agentId,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});

function renderBox(over: Partial<ReplyBoxProps> = {}) {
  const props: ReplyBoxProps = {
    draft: '',
    canned: [
      canned('r1', 'thanks', 'Thanks for waiting, {visitor.name}! {agent.name} from {site.name} here.', null),
      canned('r2', 'refund', 'Refunds take 5 days, {visitor.name}.'),
      canned('r3', 'hours', 'We are open 9 to 5.'),
    ],
    agents: [
      { id: 'a2', name: 'Petra Nová' },
      { id: 'a3', name: 'Pavel Dvořák' },
    ],
    placeholders: { 'visitor.name': 'Jana', 'agent.name': 'Alex', 'site.name': 'Shop' },
    onDraft: vi.fn(),
    onSend: vi.fn(),
    onTyping: vi.fn(),
    onEscape: vi.fn(),
    ...over,
  };
  render(<ReplyBox {...props} />);
  return props;
}

const box = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Reply|Internal note/ });
const type = (value: string) => fireEvent.input(box(), { target: { value, selectionStart: value.length, selectionEnd: value.length } });
const key = (k: string) => fireEvent.keyDown(box(), { key: k });
const options = () => within(screen.getByRole('listbox', { name: 'Canned replies' })).getAllByRole('option');

describe('ReplyBox: canned replies after /', () => {
  it('lists canned replies at a / at the start, narrowed by the shortcut typed, and inserts the chosen one with Enter, filled in', () => {
    const props = renderBox();
    type('/');
    expect(options().map((o) => o.textContent)).toEqual([
      expect.stringContaining('/thanks · shared'),
      expect.stringContaining('/refund'),
      expect.stringContaining('/hours'),
    ]);
    type('/ref');
    expect(options()).toHaveLength(1);
    key('Enter');
    expect(box().value).toBe('Refunds take 5 days, Jana.');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(props.onSend).not.toHaveBeenCalled();
    key('Enter');
    expect(props.onSend).toHaveBeenCalledWith('Refunds take 5 days, Jana.', false);
  });

  it('moves through the list with the arrows (wrapping), marking the active option for screen readers', () => {
    renderBox();
    type('/');
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    key('ArrowDown');
    expect(options()[2]!.getAttribute('aria-selected')).toBe('true');
    expect(box().getAttribute('aria-activedescendant')).toBe(options()[2]!.id);
    key('ArrowDown');
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowUp');
    key('Enter');
    expect(box().value).toBe('We are open 9 to 5.');
  });

  it('finds a reply by a word of its text too', () => {
    renderBox();
    type('/waiting');
    expect(options().map((o) => o.querySelector('.suggest-label')!.textContent)).toEqual(['/thanks · shared']);
  });

  it('closes with Escape and keeps the typed text, without leaving the box', () => {
    const props = renderBox();
    type('/th');
    key('Escape');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box().value).toBe('/th');
    expect(props.onEscape).not.toHaveBeenCalled();
  });

  it('opens no list for a / later in the text', () => {
    renderBox();
    type('see /thanks');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('says so when nothing matches, and then Enter sends the text as typed', () => {
    const props = renderBox();
    type('/zzz');
    expect(screen.getByText('No canned reply matches.')).toBeTruthy();
    key('Enter');
    expect(props.onSend).toHaveBeenCalledWith('/zzz', false);
  });

  it('fills a placeholder with no value, and one it does not know, with nothing', () => {
    renderBox({ placeholders: { 'agent.name': 'Alex' } });
    type('/thanks');
    key('Enter');
    expect(box().value).toBe('Thanks for waiting! Alex from here.');
    expect(fillPlaceholders('Hi {visitor.name}, your order {order.id} ships { visitor.name }.', { 'visitor.name': 'Jana' })).toBe(
      'Hi Jana, your order ships Jana.',
    );
    expect(fillPlaceholders('Hi {visitor.name}, {unknown}', {})).toBe('Hi,');
  });
});

describe('ReplyBox: internal notes', () => {
  it('sends a note in Note mode, tells the agent only agents see it, and says nothing is typed to the visitor', () => {
    const props = renderBox();
    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    expect(screen.getByRole('button', { name: 'Note' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/Only agents see notes/)).toBeTruthy();
    type('Premium customer');
    expect(props.onTyping).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(props.onSend).toHaveBeenCalledWith('Premium customer', true);
  });

  it('completes @ with an agent name in a note, by keyboard, and never in a reply', () => {
    renderBox();
    type('ask @P');
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    type('ask @Pe');
    const list = screen.getByRole('listbox', { name: 'Mention an agent' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Petra Nová']);
    key('Enter');
    expect(box().value).toBe('ask @Petra Nová ');
  });
});
