import { describe, expect, it } from 'vitest';
import { feedbackReducer, initialFeedback } from '../../../console/state/feedback-reducer';
import { DEFAULT_VIEW, matchesView, newFeedbackCount, toFilter, visibleFeedback } from '../../../console/state/feedback-selectors';
import type { FeedbackAction, FeedbackState, FeedbackView } from '../../../console/state/feedback-types';
import { initialState, reducer } from '../../../console/state/reducer';
import { item, reply } from './fixtures';

function run(...actions: FeedbackAction[]): FeedbackState {
  return actions.reduce(feedbackReducer, initialFeedback());
}

const ALL: FeedbackView = { ...DEFAULT_VIEW, status: 'all' };

describe('feedback reducer: live pushes', () => {
  it('alerts on unhappy feedback from feedback:new, once even when the push repeats', () => {
    const s = run({ type: 'feedback/received', item: item('a') }, { type: 'feedback/received', item: item('a') });
    expect(s.alerts.map((a) => a.id)).toEqual(['a']);
    expect(s.items.a).toBeDefined();
  });

  it('does not alert on happy feedback', () => {
    const s = run({ type: 'feedback/received', item: item('b', { rating: 5, category: 'praise' }) });
    expect(s.alerts).toEqual([]);
  });

  it('drops the alert when the agent dismisses it or opens the item', () => {
    const s = run({ type: 'feedback/received', item: item('a') }, { type: 'feedback/received', item: item('b') });
    expect(feedbackReducer(s, { type: 'feedback/alert-dismissed', id: 'a' }).alerts.map((a) => a.id)).toEqual(['b']);
    expect(feedbackReducer(s, { type: 'feedback/open-requested', id: 'b' }).alerts.map((a) => a.id)).toEqual(['a']);
  });

  it('does not let an older copy replace a newer one', () => {
    const s = run(
      { type: 'feedback/updated', item: item('a', { status: 'archived', updatedAt: '2025-01-01T12:00:00.000Z' }) },
      { type: 'feedback/updated', item: item('a', { status: 'new' }) },
    );
    expect(s.items.a!.status).toBe('archived');
  });
});

describe('feedback reducer: list answers', () => {
  it('merges a list answer and marks the current view loaded', () => {
    const s = run({ type: 'feedback/listed', view: DEFAULT_VIEW, items: [item('a'), item('b')], tick: 0, complete: true });
    expect(Object.keys(s.items).sort()).toEqual(['a', 'b']);
    expect(s.loaded).toBe(true);
  });

  it('forgets held items of the view that a complete answer no longer lists', () => {
    const s = run(
      { type: 'feedback/listed', view: ALL, items: [item('a'), item('b', { category: 'idea' })], tick: 0, complete: true },
      { type: 'feedback/listed', view: DEFAULT_VIEW, items: [item('b', { category: 'idea' })], tick: 0, complete: true },
    );
    expect(Object.keys(s.items)).toEqual(['b']);
  });

  it('keeps an item pushed while the list was on its way', () => {
    let s = run({ type: 'feedback/listed', view: DEFAULT_VIEW, items: [], tick: 0, complete: true });
    const asked = s.tick;
    s = feedbackReducer(s, { type: 'feedback/received', item: item('late') });
    s = feedbackReducer(s, { type: 'feedback/listed', view: DEFAULT_VIEW, items: [], tick: asked, complete: true });
    expect(s.items.late).toBeDefined();
  });

  it('marks the view unloaded when it changes, until its answer comes', () => {
    const s = run(
      { type: 'feedback/listed', view: DEFAULT_VIEW, items: [], tick: 0, complete: true },
      { type: 'feedback/view', view: ALL },
    );
    expect(s.loaded).toBe(false);
  });
});

describe('feedback reducer: older pages', () => {
  const firstPage: FeedbackAction = {
    type: 'feedback/listed',
    view: DEFAULT_VIEW,
    items: [item('b'), item('a')],
    tick: 0,
    complete: false,
  };
  const afterA = { createdAt: '2025-01-01T10:00:00.000Z', id: 'a' };
  const old = (id: string) => item(id, { createdAt: '2025-01-01T09:00:00.000Z', updatedAt: '2025-01-01T09:00:00.000Z' });

  it('knows the view has more after a full first page, starting after its last item', () => {
    expect(run(firstPage).older).toEqual(afterA);
    expect(run({ ...firstPage, complete: true }).older).toBeNull();
  });

  it('adds an older page, keeping fresher held copies and pruning nothing, and knows when it has all', () => {
    const fresh = old('y');
    const pushedFresh = item('x', { createdAt: '2025-01-01T09:00:00.000Z', updatedAt: '2025-01-01T12:00:00.000Z', text: 'edited' });
    let s = run(firstPage, { type: 'feedback/updated', item: pushedFresh }, { type: 'feedback/received', item: fresh });
    s = feedbackReducer(s, { type: 'feedback/older', view: DEFAULT_VIEW, before: afterA, items: [old('x'), old('z')], complete: false });
    expect(Object.keys(s.items).sort()).toEqual(['a', 'b', 'x', 'y', 'z']);
    expect(s.items.x!.text).toBe('edited');
    expect(s.older).toEqual({ createdAt: '2025-01-01T09:00:00.000Z', id: 'z' });
    s = feedbackReducer(s, { type: 'feedback/older', view: DEFAULT_VIEW, before: s.older!, items: [], complete: true });
    expect(s.older).toBeNull();
  });

  it('keeps the items loaded with Show older when a first page is answered again', () => {
    const s = run(firstPage, { type: 'feedback/older', view: DEFAULT_VIEW, before: afterA, items: [old('z')], complete: true }, firstPage);
    expect(Object.keys(s.items).sort()).toEqual(['a', 'b', 'z']);
    expect(s.older).toEqual(afterA);
  });

  it('does not move the cursor for a page of another view or one that no longer continues it', () => {
    const moved = run(firstPage, { ...firstPage, items: [item('c'), item('b')] });
    const stale = feedbackReducer(moved, { type: 'feedback/older', view: DEFAULT_VIEW, before: afterA, items: [old('z')], complete: true });
    expect(stale.older).toEqual({ createdAt: '2025-01-01T10:00:00.000Z', id: 'b' });
    expect(stale.items.z).toBeDefined();
    const otherView = feedbackReducer(run(firstPage), { type: 'feedback/older', view: ALL, before: afterA, items: [], complete: true });
    expect(otherView.older).toEqual(afterA);
  });

  it('forgets the cursor when the view changes, until the new view answers', () => {
    const s = run(firstPage, { type: 'feedback/view', view: ALL });
    expect(s.older).toBeNull();
    expect(feedbackReducer(s, { ...firstPage, view: ALL }).older).toEqual(afterA);
  });
});

describe('feedback reducer: the open item', () => {
  const opened: FeedbackAction[] = [
    { type: 'feedback/open-requested', id: 'a' },
    { type: 'feedback/open-loaded', detail: { item: item('a'), replies: [] } },
  ];

  it('holds the item and its replies once loaded', () => {
    const s = run(...opened);
    expect(s.open).toMatchObject({ id: 'a', loading: false, replies: [] });
    expect(s.items.a!.text).toBe('text of a');
  });

  it('marks the item answered and adds the reply to the thread once the server took it', () => {
    const s = run(...opened, { type: 'feedback/replied', reply: reply('r1', 'a') });
    expect(s.items.a!.status).toBe('answered');
    expect(s.open!.replies.map((r) => r.id)).toEqual(['r1']);
  });

  it('keeps a pushed email status that arrived before the ack of its reply', () => {
    const s = run(
      ...opened,
      { type: 'feedback/reply-updated', reply: reply('r1', 'a', { emailStatus: 'sent' }) },
      { type: 'feedback/replied', reply: reply('r1', 'a', { emailStatus: 'pending' }) },
    );
    expect(s.open!.replies.map((r) => [r.id, r.emailStatus])).toEqual([['r1', 'sent']]);
  });

  it('drops a late answer for an item the agent already left', () => {
    const s = run(
      { type: 'feedback/open-requested', id: 'a' },
      { type: 'feedback/open-requested', id: 'b' },
      {
        type: 'feedback/open-loaded',
        detail: { item: item('a'), replies: [reply('r1', 'a')] },
      },
    );
    expect(s.open).toMatchObject({ id: 'b', replies: [] });
  });

  it('is forgotten with everything else on sign-out', () => {
    const state = reducer({ ...initialState(), auth: 'signed-in' }, { type: 'feedback/received', item: item('a') });
    const out = reducer(state, { type: 'auth/signed-out' });
    expect(out.feedback.items).toEqual({});
    expect(out.feedback.alerts).toEqual([]);
  });
});

describe('feedback selectors', () => {
  it('Unhappy keeps ratings 1 and 2 and hides a rating of 4 or none, like the server', () => {
    const unhappy = { ...ALL, unhappy: true };
    expect(matchesView(item('a', { rating: 2 }), unhappy)).toBe(true);
    expect(matchesView(item('b', { rating: 4 }), unhappy)).toBe(false);
    expect(matchesView(item('c', { rating: null }), unhappy)).toBe(false);
  });

  it('matches the page as a substring of the URL', () => {
    expect(matchesView(item('a'), { ...ALL, page: '/check' })).toBe(true);
    expect(matchesView(item('a'), { ...ALL, page: '/pricing' })).toBe(false);
  });

  it('lists the view newest first, ties by id descending like the server, and counts the new items', () => {
    const s = run(
      {
        type: 'feedback/listed',
        view: ALL,
        tick: 0,
        complete: true,
        items: [item('old'), item('newer', { createdAt: '2025-01-02T10:00:00.000Z' }), item('done', { status: 'answered' })],
      },
      { type: 'feedback/view', view: ALL },
    );
    expect(visibleFeedback(s).map((f) => f.id)).toEqual(['newer', 'old', 'done']);
    expect(newFeedbackCount(s)).toBe(2);
  });

  it('counts new feedback as the server does once it has said, whatever the console holds', () => {
    const held = run({ type: 'feedback/listed', view: DEFAULT_VIEW, tick: 0, complete: false, items: [item('a'), item('b')] });
    expect(newFeedbackCount(held)).toBe(2);
    const counted = feedbackReducer(held, { type: 'feedback/new-count', count: 731 });
    expect(newFeedbackCount(counted)).toBe(731);
    expect(newFeedbackCount(feedbackReducer(counted, { type: 'feedback/new-count', count: 0 }))).toBe(0);
  });

  it('asks the server without empty fields', () => {
    expect(toFilter(DEFAULT_VIEW)).toEqual({ status: 'new' });
    expect(toFilter({ status: 'all', category: 'idea', unhappy: true, page: '/x' })).toEqual({
      status: 'all',
      category: 'idea',
      unhappy: true,
      page: '/x',
    });
  });
});
