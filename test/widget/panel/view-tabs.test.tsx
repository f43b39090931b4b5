// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelShell } from '../../../widget/panel/panel-shell';
import type { PanelView } from '../../../widget/panel/views';
import type { ViewId } from '../../../widget/state/types';
import { t } from '../helpers/t';

afterEach(cleanup);

// A third view stands in for the "Call me back" one to come: the switcher takes any list.
const views = [
  { id: 'chat', label: 'tab_chat', channel: 'chat' },
  { id: 'feedback', label: 'tab_feedback', channel: 'feedback' },
  { id: 'callback', label: 'agent', channel: 'callback' },
] satisfies PanelView[];

function Panel({ list = views, unread = 0 }: { list?: PanelView[]; unread?: number }) {
  const [active, setActive] = useState<ViewId>('chat');
  return (
    <PanelShell t={t} open title="Demo shop" views={list} active={active} unread={unread} onSelect={setActive} onClose={() => {}}>
      {(id) => <p>content of {id}</p>}
    </PanelShell>
  );
}

const tab = (name: string | RegExp) => screen.getByRole('tab', { name });

describe('view tabs', () => {
  it('shows the site name as the heading and one tab per view, the chat selected', () => {
    render(<Panel />);
    expect(screen.getByRole('heading', { name: 'Demo shop' })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: 'Ways to reach us' })).toBeTruthy();
    expect(tab('Chat').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Chat' }).textContent).toBe('content of chat');
  });

  it('switches the view on click and hides the others', async () => {
    render(<Panel />);
    fireEvent.click(tab('Feedback'));
    expect(await screen.findByRole('tabpanel', { name: 'Feedback' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel', { name: 'Chat' })).toBeNull();
    expect(tab('Feedback').getAttribute('aria-selected')).toBe('true');
  });

  it('moves with the arrow keys, wrapping around, and with Home and End', async () => {
    render(<Panel />);
    fireEvent.keyDown(tab('Chat'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Feedback'));
    await screen.findByRole('tabpanel', { name: 'Feedback' });
    fireEvent.keyDown(tab('Feedback'), { key: 'End' });
    await screen.findByRole('tabpanel', { name: 'Support' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Chat'));
    await screen.findByRole('tabpanel', { name: 'Chat' });
    fireEvent.keyDown(tab('Chat'), { key: 'ArrowLeft' });
    await screen.findByRole('tabpanel', { name: 'Support' });
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(tab('Chat'));
  });

  it('is a single tab stop: only the selected tab is in the tab order', async () => {
    render(<Panel />);
    fireEvent.click(tab('Feedback'));
    await screen.findByRole('tabpanel', { name: 'Feedback' });
    expect(screen.getAllByRole('tab').map((el) => el.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('counts unread messages on the chat tab while another view is open', async () => {
    render(<Panel unread={2} />);
    expect(tab('Chat').textContent).toBe('Chat');
    fireEvent.click(tab('Feedback'));
    expect(await screen.findByRole('tab', { name: 'Chat 2 unread messages' })).toBeTruthy();
  });

  it('draws no tabs when there is only the chat', () => {
    render(<Panel list={[views[0]!]} />);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getByText('content of chat')).toBeTruthy();
  });
});
