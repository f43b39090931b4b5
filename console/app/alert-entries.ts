import { callbackAlertText } from '../callbacks/labels';
import { lowRatingAlertText } from '../conversation/survey-labels';
import { alertText } from '../feedback/labels';
import type { CallbackState } from '../state/callback-types';
import type { FeedbackState } from '../state/feedback-types';
import type { ConsoleState } from '../state/types';
import { callbackPath, conversationPath, feedbackPath } from './route';

/** One live alert as the alert bar and desktop notifications show it. */
export interface LiveAlert {
  kind: 'callback' | 'survey' | 'feedback' | 'mention';
  /** The request, conversation or feedback it is about. */
  id: string;
  /** Unique per occasion: a request alerts again for a new due time. */
  key: string;
  text: string;
  href: string;
  /** The link's name, e.g. "Open request". */
  openLabel: string;
  /** Title of the desktop notification. */
  title: string;
}

/** The parts of the state alerts are made of, so a memo can depend on exactly these. */
export interface AlertSlices {
  callbacks: Pick<CallbackState, 'alerts' | 'items'>;
  surveyAlerts: ConsoleState['surveyAlerts'];
  feedback: Pick<FeedbackState, 'alerts'>;
  mentionAlerts: ConsoleState['mentionAlerts'];
}

/**
 * Every live alert, a call that is due first: the visitor waits by the phone, while a
 * low rating or a complaint can wait the minute it takes.
 */
export function liveAlerts(state: AlertSlices): LiveAlert[] {
  const list: LiveAlert[] = [];
  for (const a of state.callbacks.alerts) {
    const item = state.callbacks.items[a.id];
    if (!item) continue;
    list.push({
      kind: 'callback',
      id: a.id,
      key: `callback:${a.id}:${a.dueAt}`,
      text: callbackAlertText(item),
      href: callbackPath(a.id),
      openLabel: 'Open request',
      title: 'Earshot: call back due',
    });
  }
  for (const s of state.surveyAlerts) {
    list.push({
      kind: 'survey',
      id: s.conversationId,
      key: `survey:${s.conversationId}:${s.rating}`,
      text: lowRatingAlertText(s),
      href: conversationPath(s.conversationId),
      openLabel: 'Open conversation',
      title: 'Earshot: low rating',
    });
  }
  for (const m of state.mentionAlerts) {
    list.push({
      kind: 'mention',
      id: m.messageId,
      key: `mention:${m.messageId}`,
      text: `${m.from} mentioned you in a note: ${m.text}`,
      href: conversationPath(m.conversationId),
      openLabel: 'Open conversation',
      title: 'Earshot: you were mentioned',
    });
  }
  for (const f of state.feedback.alerts) {
    list.push({
      kind: 'feedback',
      id: f.id,
      key: `feedback:${f.id}`,
      text: alertText(f),
      href: feedbackPath(f.id),
      openLabel: 'Open feedback',
      title: 'Earshot: unhappy feedback',
    });
  }
  return list;
}

/** Whether any alert slice changed between two states, so unrelated changes cost nothing. */
export function alertsChanged(a: AlertSlices, b: AlertSlices): boolean {
  return (
    a.callbacks.alerts !== b.callbacks.alerts ||
    a.surveyAlerts !== b.surveyAlerts ||
    a.feedback.alerts !== b.feedback.alerts ||
    a.mentionAlerts !== b.mentionAlerts
  );
}
