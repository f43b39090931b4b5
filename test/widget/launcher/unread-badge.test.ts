// @vitest-environment happy-dom
import { within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLauncher } from '../../../widget/launcher/launcher';
import { unreadBadge } from '../../../widget/launcher/unread-badge';
import { t } from '../helpers/t';

let root: ShadowRoot;
beforeEach(() => {
  document.body.innerHTML = '';
  root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
});

/** The loader's launcher with the panel's badge on it, as a page has them once the panel runs. */
function setup() {
  const launcher = createLauncher(root, t, () => {});
  const describe = vi.spyOn(launcher, 'describe');
  const draw = unreadBadge(launcher, t);
  const button = within(root as unknown as HTMLElement).getByRole('button', { name: 'Open chat' });
  const description = () => root.getElementById(button.getAttribute('aria-describedby')!)?.textContent;
  return { launcher, describe, draw, button, description };
}

describe('unread badge', () => {
  it('shows the count on the launcher and says it in its description while closed', () => {
    const { draw, button, description } = setup();
    draw(2, false);
    expect(description()).toBe('2 unread messages');
    expect(within(button).getByText('2').closest('[hidden]')).toBeNull();
    draw(1, false);
    expect(description()).toBe('1 unread message');
  });

  it('is hidden and says nothing while the chat is open or nothing is unread', () => {
    const { draw, button, description } = setup();
    draw(1, true);
    expect(within(button).getByText('1').closest('[hidden]')).not.toBeNull();
    expect(description()).toBe('');
    draw(0, false);
    expect(within(button).getByText('0').closest('[hidden]')).not.toBeNull();
    expect(description()).toBe('');
  });

  it('comes after availability in the description', () => {
    const { launcher, draw, description } = setup();
    launcher.setStatus({ available: false, openNow: false, agentsOnline: 0, typicalReplyMinutes: null });
    draw(3, false);
    expect(description()).toBe('Leave us a message. 3 unread messages');
  });

  it('shows 99+ past 99', () => {
    const { draw, button } = setup();
    draw(120, false);
    expect(within(button).getByText('99+')).toBeTruthy();
  });

  it('redraws the launcher only when what it shows changes', () => {
    const { draw, describe } = setup();
    draw(2, false);
    draw(2, false);
    draw(2, false);
    expect(describe).toHaveBeenCalledTimes(1);
    draw(2, true);
    expect(describe).toHaveBeenCalledTimes(2);
  });
});
