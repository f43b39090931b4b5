// @vitest-environment happy-dom
import { within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLauncher } from '../../../widget/launcher/launcher';
import { t } from '../helpers/t';

let root: ShadowRoot;
beforeEach(() => {
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
});
const view = () => within(root as unknown as HTMLElement);

describe('launcher', () => {
  it('is a collapsed "Open chat" button that calls back when clicked', () => {
    const onClick = vi.fn();
    createLauncher(root, t, onClick);
    const button = view().getByRole('button', { name: 'Open chat' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is an expanded "Close chat" button while the chat is open', () => {
    const launcher = createLauncher(root, t, () => {});
    launcher.setOpen(true);
    expect(view().getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows availability in its icon: a chat bubble while someone is there, an envelope when not', () => {
    const launcher = createLauncher(root, t, () => {});
    const icon = () => root.querySelector('path')!.getAttribute('d');
    const bubble = icon();
    launcher.setStatus({ available: false, openNow: true, agentsOnline: 0, typicalReplyMinutes: null });
    const envelope = icon();
    expect(envelope).not.toBe(bubble);
    launcher.setStatus({ available: true, openNow: true, agentsOnline: 1, typicalReplyMinutes: null });
    expect(icon()).toBe(bubble);
    launcher.setStatus({ available: false, openNow: false, agentsOnline: 1, typicalReplyMinutes: null });
    launcher.setOpen(true);
    expect(icon()).not.toBe(envelope); // the close cross while open
    launcher.setOpen(false);
    expect(icon()).toBe(envelope);
  });

  it('describes availability without changing its name, next to what the panel adds (the unread count)', () => {
    const launcher = createLauncher(root, t, () => {});
    launcher.setStatus({ available: false, openNow: false, agentsOnline: 0, typicalReplyMinutes: null });
    launcher.describe('2 unread messages');
    const button = view().getByRole('button', { name: 'Open chat' });
    const description = root.getElementById(button.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Leave us a message. 2 unread messages');
    expect(button.title).toBe('Leave us a message');
    launcher.setStatus({ available: true, openNow: true, agentsOnline: 2, typicalReplyMinutes: 3 });
    expect(button.title).toBe("We're online");
    launcher.describe('');
    expect(description?.textContent).toBe("We're online");
  });

  it('is described by the panel’s words alone while availability is unknown', () => {
    const launcher = createLauncher(root, t, () => {});
    launcher.describe('1 unread message');
    const button = view().getByRole('button', { name: 'Open chat' });
    expect(root.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe('1 unread message');
  });
});
