import { useEffect, useState } from 'preact/hooks';
import { LIMITS } from '../../protocol/events';
import type { CannedReply } from '../../protocol/types';
import { complete, fillPlaceholders, triggerAt, type PlaceholderValues, type Trigger } from './reply-suggest';
import { useSendBox } from '../format/send-box';
import { optionId, suggestKey, SuggestList, type Suggestion } from '../format/suggest-list';

export interface ReplyBoxProps {
  /** Text to start with, e.g. a draft kept while the agent looked elsewhere. */
  draft: string;
  autoFocus?: boolean;
  /** The agent's canned replies (shared and own), offered after `/` at the start. */
  canned?: CannedReply[];
  /** Agents a note can mention with `@`. */
  agents?: { id: string; name: string }[];
  /** What a canned reply's placeholders are filled with. */
  placeholders?: PlaceholderValues;
  onDraft(text: string): void;
  /** `note`: an internal note for agents, not a reply to the visitor. */
  onSend(text: string, note: boolean): void;
  onTyping(): void;
  /** Escape: leave the box without losing the draft. */
  onEscape(): void;
}

const LIST_ID = 'reply-suggest';
/** At most this many choices are listed; typing narrows them. */
const SHOWN = 8;

/** The canned replies a `/` query finds: shortcut matches first, then those whose text has it. */
export function findCanned(canned: CannedReply[], query: string): CannedReply[] {
  const q = query.toLocaleLowerCase();
  const byShortcut = canned.filter((c) => c.shortcut.toLocaleLowerCase().startsWith(q));
  const byText = canned.filter((c) => !byShortcut.includes(c) && (c.shortcut + ' ' + c.text).toLocaleLowerCase().includes(q));
  return [...byShortcut, ...byText].slice(0, SHOWN);
}

function suggestionsFor(trigger: Trigger | null, p: ReplyBoxProps): { items: Suggestion[]; inserts: string[] } {
  if (trigger?.kind === 'canned') {
    const found = findCanned(p.canned ?? [], trigger.query);
    return {
      items: found.map((c) => ({ key: c.id, label: `/${c.shortcut}${c.agentId ? '' : ' · shared'}`, detail: c.text })),
      inserts: found.map((c) => fillPlaceholders(c.text, p.placeholders ?? {})),
    };
  }
  if (trigger?.kind === 'mention') {
    const q = trigger.query.toLocaleLowerCase();
    const found = (p.agents ?? []).filter((a) => a.name.toLocaleLowerCase().startsWith(q)).slice(0, SHOWN);
    return { items: found.map((a) => ({ key: a.id, label: a.name })), inserts: found.map((a) => `@${a.name} `) };
  }
  return { items: [], inserts: [] };
}

/**
 * The reply box: Enter sends, Shift+Enter breaks the line, Escape leaves. "Note" switches to internal notes
 * (agents only, `@` mentions an agent); `/` at the start lists canned replies, all by keyboard.
 */
export function ReplyBox(p: ReplyBoxProps) {
  const { draft, autoFocus, onDraft, onSend, onTyping, onEscape } = p;
  const [note, setNote] = useState(false);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [active, setActive] = useState(0);
  const { text, setText, box, submit, onSubmit } = useSendBox(
    draft,
    (body) => onSend(body, note),
    () => {
      onDraft('');
      setTrigger(null);
    },
  );
  // Preact does not move focus for `autoFocus` after the first page load, so do it here.
  useEffect(() => {
    if (autoFocus) box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only as the box appears (it is keyed by conversation), never later
  }, []);
  const { items, inserts } = suggestionsFor(trigger, p);
  const listed = trigger !== null && (trigger.kind === 'canned' || items.length > 0);

  const change = (value: string, caret: number, mode = note) => {
    setText(value);
    onDraft(value);
    const next = triggerAt(value, caret, mode);
    if (next?.kind !== trigger?.kind || next?.query !== trigger?.query) setActive(0);
    setTrigger(next);
  };
  const pick = (index: number) => {
    const el = box.current;
    if (!trigger || !el || inserts[index] === undefined) return;
    const done = complete(text, el.selectionStart, trigger, inserts[index]);
    setText(done.text);
    onDraft(done.text);
    setTrigger(null);
    el.value = done.text;
    el.setSelectionRange(done.caret, done.caret);
    el.focus();
  };
  const switchMode = (next: boolean) => {
    setNote(next);
    const el = box.current;
    setTrigger(el ? triggerAt(text, el.selectionStart, next) : null);
    el?.focus();
  };
  const label = note ? 'Internal note' : 'Reply';
  return (
    <form class={`reply${note ? ' reply-note' : ''}`} onSubmit={onSubmit}>
      <div class="reply-mode" role="group" aria-label="Write a">
        <button type="button" class="btn btn-small" aria-pressed={!note} onClick={() => switchMode(false)}>
          Reply
        </button>
        <button type="button" class="btn btn-small" aria-pressed={note} onClick={() => switchMode(true)}>
          Note
        </button>
        {note && <span class="reply-note-hint">Only agents see notes · @ mentions an agent</span>}
      </div>
      <label for="reply" class="sr-only">
        {label}
      </label>
      <textarea
        id="reply"
        rows={3}
        placeholder={
          note
            ? 'Write a note for agents… (Enter to add, @ to mention)'
            : 'Write a reply… (Enter to send, Shift+Enter for a new line, / for canned replies)'
        }
        value={text}
        ref={box}
        maxLength={LIMITS.messageLength}
        aria-controls={listed ? LIST_ID : undefined}
        aria-activedescendant={listed && items.length > 0 ? optionId(LIST_ID, active) : undefined}
        onInput={(e) => {
          const el = e.currentTarget;
          change(el.value, el.selectionStart);
          if (el.value.trim() && !note) onTyping();
        }}
        onBlur={() => setTrigger(null)}
        onKeyDown={(e) => {
          if (e.isComposing) return;
          if (
            listed &&
            !e.shiftKey &&
            suggestKey(e.key, { count: items.length, active }, { move: setActive, pick, close: () => setTrigger(null) })
          ) {
            e.preventDefault();
            return;
          }
          // isComposing: Enter that confirms an IME candidate must not send.
          if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onEscape();
          }
        }}
      />
      <button type="submit" class="btn btn-primary" disabled={!text.trim()}>
        {note ? 'Add note' : 'Send'}
      </button>
      {listed && (
        <SuggestList
          id={LIST_ID}
          label={trigger.kind === 'canned' ? 'Canned replies' : 'Mention an agent'}
          items={items}
          active={active}
          empty={p.canned?.length ? 'No canned reply matches.' : 'No canned replies yet: add them in Settings.'}
          onPick={pick}
        />
      )}
    </form>
  );
}
