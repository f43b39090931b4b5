import type { CallbackSlots, VisitorCallback } from '../../protocol/types';
import type { CallbackKey } from './strings';

/** "As soon as possible" or a window the visitor picks. */
export type WhenMode = 'asap' | 'time';

/** The form as the visitor fills it in. */
export interface CallbackDraft {
  phone: string;
  name: string;
  topic: string;
  mode: WhenMode;
  /** The visitor-local day shown in the day picker (`2025-11-25`), or null for the first. */
  day: string | null;
  /** The chosen window's start (UTC ISO), when `mode` is `time`. */
  start: string | null;
}

/** The inputs an error can stand next to. */
export type FieldName = 'phone' | 'name' | 'topic' | 'when';

/** A message for the visitor as a dictionary key, so state stays free of any language. */
export interface Problem {
  key: CallbackKey;
  vars?: Record<string, string | number>;
}

export type FieldErrors = Partial<Record<FieldName, Problem>>;

/** Asking the server whether a request is open; the form; the request's status; picking a new time. */
export type Phase = 'restoring' | 'form' | 'status' | 'change';

export interface CallbackState {
  phase: Phase;
  draft: CallbackDraft;
  errors: FieldErrors;
  /** A problem with no field to stand by. */
  alert: Problem | null;
  /** A request, change or cancel awaits its answer. */
  busy: boolean;
  /** Counts refusals, so the form moves focus to the first field at fault each time. */
  refusals: number;
  /** The visitor's request as the server last told it. */
  request: VisitorCallback | null;
  slots: CallbackSlots | null;
  slotsStatus: 'idle' | 'loading' | 'ready' | 'failed';
}

export type CallbackAction =
  | { type: 'edit'; change: Partial<CallbackDraft> }
  | { type: 'refused'; errors: FieldErrors; alert?: Problem | null }
  | { type: 'busy' }
  /** The server's answer to a request, change or cancel. */
  | { type: 'saved'; request: VisitorCallback }
  /** `callback:mine` answered: the latest request, open or not. */
  | { type: 'restored'; request: VisitorCallback | null }
  /** A `callback:updated` push. */
  | { type: 'updated'; request: VisitorCallback }
  | { type: 'slots/loading' }
  | { type: 'slots'; slots: CallbackSlots | null }
  | { type: 'change' }
  | { type: 'keep' }
  /** Another request after a finished one. */
  | { type: 'again' };

/** Whether a request still waits for a call. */
export const isOpen = (c: VisitorCallback | null): c is VisitorCallback => c?.status === 'waiting' || c?.status === 'rescheduled';

/** A fresh view: asking the server first when it can, else straight to the form. */
export function initialCallback(online: boolean): CallbackState {
  return {
    phase: online ? 'restoring' : 'form',
    draft: { phone: '', name: '', topic: '', mode: 'asap', day: null, start: null },
    errors: {},
    alert: null,
    busy: false,
    refusals: 0,
    request: null,
    slots: null,
    slotsStatus: 'idle',
  };
}

/** Which errors an edit settles: the field's own. */
function settled(errors: FieldErrors, change: Partial<CallbackDraft>): FieldErrors {
  const next = { ...errors };
  for (const k of ['phone', 'name', 'topic'] as const) if (k in change) delete next[k];
  if ('mode' in change || 'start' in change) delete next.when;
  return next;
}

/** The draft's time, as the request being changed has it. */
function whenOf(c: VisitorCallback): Pick<CallbackDraft, 'mode' | 'start' | 'day'> {
  return c.asap ? { mode: 'asap', start: null, day: null } : { mode: 'time', start: c.dueAt, day: null };
}

/** Shows a request on the status screen, or keeps the visitor picking a new time while it stays open. */
function show(s: CallbackState, request: VisitorCallback): CallbackState {
  if (s.phase === 'change' && isOpen(request)) return { ...s, request };
  return { ...s, phase: 'status', request, errors: {} };
}

/** The "Call me back" view's state transitions: pure, so they are tested without a DOM. */
export function callbackReducer(s: CallbackState, a: CallbackAction): CallbackState {
  switch (a.type) {
    case 'edit':
      return { ...s, draft: { ...s.draft, ...a.change }, errors: settled(s.errors, a.change) };
    case 'refused':
      return { ...s, busy: false, errors: a.errors, alert: a.alert ?? null, refusals: s.refusals + 1 };
    case 'busy':
      return { ...s, busy: true, errors: {}, alert: null };
    case 'saved':
      return { ...s, phase: 'status', request: a.request, busy: false, errors: {}, alert: null };
    case 'restored': {
      const c = a.request;
      // A number from an earlier request saves typing it again.
      // As it was shown (`+420 602 123 456 ext. 12`), which both checks read back.
      const draft = c && !s.draft.phone ? { ...s.draft, phone: c.phoneDisplay, name: s.draft.name || c.name || '' } : s.draft;
      if (isOpen(c) && !s.busy && (s.phase === 'restoring' || s.phase === 'form' || s.request?.id === c.id))
        return show({ ...s, draft }, c);
      return { ...s, draft, phase: s.phase === 'restoring' ? 'form' : s.phase };
    }
    case 'updated': {
      const c = a.request;
      const held = s.request;
      if (held?.id === c.id) {
        if (c.updatedAt < held.updatedAt) return s;
        // A visitor writing a new request after a finished one is not pulled back to it.
        return s.phase === 'form' && !isOpen(c) ? { ...s, request: c } : show(s, c);
      }
      // Another tab's new request: follow it unless this one is open.
      return isOpen(c) && !isOpen(held) && !s.busy ? show(s, c) : s;
    }
    case 'slots/loading':
      return { ...s, slotsStatus: 'loading' };
    case 'slots': {
      if (!a.slots) return { ...s, slotsStatus: 'failed' };
      // A chosen window that is gone (taken, or past) must be picked again.
      const gone = s.draft.start !== null && !a.slots.slots.some((x) => x.start === s.draft.start);
      return { ...s, slots: a.slots, slotsStatus: 'ready', draft: gone ? { ...s.draft, start: null } : s.draft };
    }
    case 'change':
      return isOpen(s.request) ? { ...s, phase: 'change', errors: {}, alert: null, draft: { ...s.draft, ...whenOf(s.request) } } : s;
    case 'keep':
      return { ...s, phase: 'status', errors: {}, alert: null };
    case 'again':
      return { ...s, phase: 'form', errors: {}, alert: null, draft: { ...s.draft, mode: 'asap', start: null } };
  }
}
