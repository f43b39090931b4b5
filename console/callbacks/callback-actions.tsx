import { useState } from 'preact/hooks';
import { LIMITS } from '../../protocol/events';
import type { CallbackItem, CallbackOutcome } from '../../protocol/types';
import { isOpenCallback } from '../state/callback-selectors';
import { RescheduleForm } from './reschedule-form';
import { Alert } from '../format/form-messages';

export interface CallbackActionsProps {
  item: CallbackItem;
  /** The signed-in agent, to tell an own claim from someone else's. */
  selfId: string | null;
  now: number;
  busy: boolean;
  /** An outcome or new time waits for the connection; it is sent, note and all, when it returns. */
  waiting?: boolean;
  /** The server's message when the last action was refused. */
  error: string | null;
  /** Each resolves true once the server took it, so the note empties. */
  /** `takeOverFrom`: the other agent who has claimed it. */
  onClaim(takeOverFrom?: string): Promise<boolean>;
  onOutcome(outcome: CallbackOutcome, note: string): Promise<boolean>;
  onReschedule(dueAt: string, note: string): Promise<boolean>;
}

const OUTCOMES: { outcome: CallbackOutcome; label: string }[] = [
  { outcome: 'reached', label: 'Reached' },
  { outcome: 'no_answer', label: 'No answer' },
  { outcome: 'wrong_number', label: 'Wrong number' },
  { outcome: 'cancelled', label: 'Cancel request' },
];

/** What the agent does with a request: claim it, record how the call went, or move it. */
export function CallbackActions({ item, selfId, now, busy, waiting, error, onClaim, onOutcome, onReschedule }: CallbackActionsProps) {
  const [note, setNote] = useState('');
  const [picking, setPicking] = useState(false);
  const open = isOpenCallback(item);
  const mine = item.claimedBy?.id === selfId;
  const done = (ok: boolean) => {
    if (!ok) return;
    setNote('');
    setPicking(false);
  };
  return (
    <section class="cb-actions" aria-labelledby="cb-actions-title" aria-busy={busy}>
      <h3 id="cb-actions-title" class="fb-section-title">
        {open ? 'Call and record the outcome' : 'Closed; reschedule to open it again'}
      </h3>
      <div class="cb-buttons">
        {open && !mine && (
          // Another agent's request is taken over on purpose, never by a Claim clicked at the same moment.
          <button type="button" class="btn" disabled={busy} onClick={() => void onClaim(item.claimedBy?.id).then(done)}>
            {item.claimedBy ? `Take over from ${item.claimedBy.name}` : 'Claim'}
          </button>
        )}
        {open &&
          OUTCOMES.map((o) => (
            <button
              key={o.outcome}
              type="button"
              class={`btn${o.outcome === 'reached' ? ' btn-primary' : ''}`}
              disabled={busy}
              onClick={() => void onOutcome(o.outcome, note).then(done)}
            >
              {o.label}
            </button>
          ))}
        <button type="button" class="btn" aria-expanded={picking} disabled={busy} onClick={() => setPicking(!picking)}>
          Reschedule
        </button>
      </div>
      {picking && (
        <RescheduleForm
          now={now}
          busy={busy}
          onConfirm={(dueAt) => void onReschedule(dueAt, note).then(done)}
          onCancel={() => setPicking(false)}
        />
      )}
      <label class="field cb-note">
        <span>Note (optional)</span>
        <textarea rows={2} value={note} maxLength={LIMITS.topicLength} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {waiting && (
        <p class="muted" role="status">
          Not sent yet: it goes out when the connection is back.
        </p>
      )}
      <Alert class="conv-error" text={error} />
    </section>
  );
}
