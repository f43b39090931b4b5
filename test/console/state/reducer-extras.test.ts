import { describe, expect, it } from 'vitest';
import { initialState, reducer } from '../../../console/state/reducer';
import { liveAlerts } from '../../../console/app/alert-entries';
import { conversationPath } from '../../../console/app/route';
import type { Action, ConsoleState } from '../../../console/state/types';
import { msg, profile, row } from '../fake-socket';
import { site } from '../settings/fixtures';

const run = (actions: Action[], from: ConsoleState = initialState()) => actions.reduce(reducer, from);
const opened = () =>
  run([
    { type: 'open/requested', id: 'c1' },
    {
      type: 'open/loaded',
      conversation: row('c1'),
      messages: [msg(1), msg(2, { author: 'system', faq: { id: 'f', helpful: null } })],
      visitor: profile(),
      history: [],
    },
  ]);
const low = { conversationId: 'c1', visitorName: 'Ana', rating: 2, comment: 'Slow', unhappy: true };

describe('reducer: availability extras', () => {
  it('replaces an updated message in the open conversation by id, keeping its place', () => {
    const s = run([{ type: 'message/updated', message: msg(2, { author: 'system', faq: { id: 'f', helpful: false } }) }], opened());
    expect(s.open!.messages.map((m) => m.faq?.helpful ?? null)).toEqual([null, false]);
  });

  it('ignores an update of a message not on screen', () => {
    const before = opened();
    expect(run([{ type: 'message/updated', message: msg(9, { conversationId: 'other' }) }], before)).toBe(before);
  });

  it('alerts on an unhappy rating once per conversation, not on a happy one', () => {
    const s = run([
      { type: 'survey/received', survey: { ...low, conversationId: 'c2', rating: 5, unhappy: false } },
      { type: 'survey/received', survey: low },
      { type: 'survey/received', survey: low },
    ]);
    expect(s.surveyAlerts).toEqual([low]);
    expect(run([{ type: 'survey/alert-dismissed', conversationId: 'c1' }], s).surveyAlerts).toEqual([]);
  });

  it('replaces a site pushed by site:updated and keeps the others', () => {
    const s = run([
      { type: 'sites/listed', sites: [site(), site({ id: 'blog', name: 'Blog' })] },
      { type: 'sites/updated', site: site({ greeting: 'New' }) },
    ]);
    expect(s.sites!.map((x) => [x.id, x.greeting])).toEqual([
      ['demo', 'New'],
      ['blog', 'Hi there!'],
    ]);
  });

  it('forgets presence, sites and alerts at sign-out', () => {
    const s = run([
      { type: 'presence', agents: [{ id: 'a', name: 'A', online: true, away: false }] },
      { type: 'survey/received', survey: low },
      { type: 'auth/signed-out' },
    ]);
    expect([s.presence, s.sites, s.surveyAlerts]).toEqual([null, null, []]);
  });
});

describe('mention alerts', () => {
  it('lists a mention as a live alert that opens the conversation', () => {
    const s = reducer(initialState(), {
      type: 'mention/received',
      mention: { conversationId: 'c9', messageId: 'n1', from: 'Petra', text: '@Alex look' },
    });
    expect(liveAlerts(s)).toEqual([
      expect.objectContaining({ kind: 'mention', text: 'Petra mentioned you in a note: @Alex look', href: conversationPath('c9') }),
    ]);
  });
});
