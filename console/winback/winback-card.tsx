import { useState } from 'preact/hooks';
import { fullDateTime } from '../format/time';
import { TextField } from '../format/text-field';
import type { WinBackItem } from '../net/winback-api';
import { PrivacyActions } from './privacy-actions';
import { reasonText, whoOf } from './reasons';

export interface WinBackCardProps {
  item: WinBackItem;
  agents: { id: string; name: string }[];
  isAdmin: boolean;
  busy: boolean;
  onAssign(agentId: string | null): void;
  onCallBack(): void;
  onEmail(subject: string, text: string): void;
  onSettle(status: 'won' | 'lost'): void;
  onErase(): void;
}

/** One unhappy contact: why, who has it, and what to do about it. */
export function WinBackCard({ item, agents, isAdmin, busy, onAssign, onCallBack, onEmail, onSettle, onErase }: WinBackCardProps) {
  const [writing, setWriting] = useState(false);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const who = whoOf(item);
  const headingId = `wb-${item.contactId}`;
  return (
    <li class="winback-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{who}</h3>
      {item.email && item.name && <p class="muted">{item.email}</p>}
      <ul class="winback-reasons" aria-label={`Why ${who} is unhappy`}>
        {item.reasons.map((r) => (
          <li key={`${r.kind}-${r.ref}`}>
            {reasonText(r)} <time dateTime={r.at}>{fullDateTime(r.at)}</time>
          </li>
        ))}
      </ul>
      {item.followUp && (
        <p class="muted">
          {item.followUp.kind === 'email' ? 'Emailed' : 'Call back task made'} by {item.followUp.by}, {fullDateTime(item.followUp.at)}
        </p>
      )}
      <div class="winback-actions">
        <label class="field">
          <span>Assigned to</span>
          <select disabled={busy} value={item.assignedTo?.id ?? ''} onChange={(e) => onAssign(e.currentTarget.value || null)}>
            <option value="">Nobody</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="btn btn-small" disabled={busy} onClick={onCallBack}>
          Call back
        </button>
        <button type="button" class="btn btn-small" disabled={busy} aria-expanded={writing} onClick={() => setWriting(!writing)}>
          Email…
        </button>
        <button type="button" class="btn btn-small" disabled={busy} onClick={() => onSettle('won')}>
          Won back
        </button>
        <button type="button" class="btn btn-small btn-quiet" disabled={busy} onClick={() => onSettle('lost')}>
          Lost
        </button>
      </div>
      {isAdmin && <PrivacyActions contactId={item.contactId} who={who} busy={busy} onErase={onErase} />}
      {writing && (
        <form
          class="winback-email"
          aria-label={`Email ${who}`}
          onSubmit={(e) => {
            e.preventDefault();
            onEmail(subject, text);
            setWriting(false);
          }}
        >
          <TextField label="Subject" type="text" required maxLength={200} value={subject} onValue={setSubject} />
          <label class="field">
            <span>Message</span>
            <textarea required maxLength={10_000} rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn btn-small" disabled={busy}>
            Send email
          </button>
        </form>
      )}
    </li>
  );
}
