import { useCallback, useEffect, useState } from 'preact/hooks';
import { LIMITS } from '../../protocol/events';
import type { CannedReply } from '../../protocol/types';
import type { CannedCommands } from '../net/canned-commands';
import { errorProps, FieldError } from './field-error';

export interface CannedRepliesProps {
  api: CannedCommands;
  /** Admins add and change the team's shared replies too. */
  admin: boolean;
}

interface Draft {
  id?: string;
  shortcut: string;
  text: string;
  shared: boolean;
}

const EMPTY: Draft = { shortcut: '', text: '', shared: false };

/**
 * Settings → Canned replies: every agent keeps their own, admins the team's shared ones. In a chat, `/` and
 * the shortcut insert the text with `{visitor.name}`, `{agent.name}` and `{site.name}` filled in.
 */
export function CannedReplies({ api, admin }: CannedRepliesProps) {
  const [list, setList] = useState<CannedReply[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<{ shortcut?: string; text?: string; form?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.list();
    if (r.ok) setList(r.data);
    else setErrors({ form: r.message });
  }, [api]);
  useEffect(() => void load(), [load]);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.save({ ...(draft.id ? { id: draft.id } : {}), shortcut: draft.shortcut, text: draft.text, shared: draft.shared });
    setBusy(false);
    if (!r.ok) {
      const field = r.field === 'shortcut' || r.field === 'text' ? r.field : 'form';
      setErrors({ [field]: r.message });
      setNotice(null);
      return;
    }
    setErrors({});
    setNotice(draft.id ? `Saved /${r.data.shortcut}.` : `Added /${r.data.shortcut}.`);
    setDraft(EMPTY);
    await load();
  };
  const remove = async (c: CannedReply) => {
    setBusy(true);
    const r = await api.remove(c.id);
    setBusy(false);
    if (!r.ok) return setErrors({ form: r.message });
    setNotice(`Deleted /${c.shortcut}.`);
    if (draft.id === c.id) setDraft(EMPTY);
    await load();
  };

  const editable = (c: CannedReply) => c.agentId !== null || admin;
  /** A field's id, text and error, tied together. */
  const bind = (name: 'shortcut' | 'text') => ({
    id: `canned-${name}`,
    required: true,
    value: draft[name],
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
    ...errorProps(`canned-${name}`, errors[name]),
  });
  return (
    <section class="set-section canned" aria-labelledby="canned-title">
      <h3 id="canned-title">Canned replies</h3>
      <p class="muted">
        In a chat, type <kbd>/</kbd> and a shortcut, pick with <kbd>↑</kbd>/<kbd>↓</kbd> and <kbd>Enter</kbd>.{' '}
        <code>{'{visitor.name}'}</code>, <code>{'{agent.name}'}</code> and <code>{'{site.name}'}</code> are filled in (left empty when
        unknown).
      </p>
      {errors.form && (
        <p class="field-error" role="alert">
          {errors.form}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <form class="canned-form" aria-label={draft.id ? 'Change canned reply' : 'Add a canned reply'} onSubmit={(e) => void save(e)}>
        <label class="field">
          <span>Shortcut</span>
          <input {...bind('shortcut')} maxLength={32} />
        </label>
        <FieldError id="canned-shortcut" error={errors.shortcut} />
        <label class="field">
          <span>Text</span>
          <textarea {...bind('text')} rows={3} maxLength={LIMITS.messageLength} />
        </label>
        <FieldError id="canned-text" error={errors.text} />
        {admin && !draft.id && (
          <label class="check">
            <input type="checkbox" checked={draft.shared} onChange={(e) => setDraft({ ...draft, shared: e.currentTarget.checked })} />{' '}
            Shared with the team
          </label>
        )}
        <p class="set-snippet-actions">
          <button type="submit" class="btn" disabled={busy}>
            {draft.id ? 'Save reply' : 'Add reply'}
          </button>
          {draft.id && (
            <button type="button" class="btn btn-quiet" onClick={() => setDraft(EMPTY)}>
              Cancel
            </button>
          )}
        </p>
      </form>
      {list === null ? (
        <p class="muted" role="status">
          Loading canned replies…
        </p>
      ) : list.length === 0 ? (
        <p class="muted">No canned replies yet.</p>
      ) : (
        <ul class="canned-list" aria-label="Canned replies">
          {list.map((c) => (
            <li key={c.id}>
              <span class="suggest-label">
                /{c.shortcut} <span class="muted">{c.agentId ? 'yours' : 'shared'}</span>
              </span>
              <span class="canned-text">{c.text}</span>
              {editable(c) && (
                <span class="set-snippet-actions">
                  <button
                    type="button"
                    class="btn btn-small"
                    aria-label={`Edit /${c.shortcut}`}
                    onClick={() => setDraft({ id: c.id, shortcut: c.shortcut, text: c.text, shared: c.agentId === null })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="btn btn-small"
                    aria-label={`Delete /${c.shortcut}`}
                    disabled={busy}
                    onClick={() => void remove(c)}
                  >
                    Delete
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
