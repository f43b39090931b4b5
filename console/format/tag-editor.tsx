import { useState } from 'preact/hooks';
import { optionId, suggestKey, SuggestList } from './suggest-list';
import type { ItemTags } from './use-tags';

export interface TagEditorProps {
  /** What is tagged, for the labels: "conversation", "request", "feedback". */
  what: string;
  /** Unique per page: the ids of the input and its suggestions derive from it. */
  id: string;
  tags: string[];
  /** Tags in use, offered while typing. */
  known: string[];
  /** Stores the new set; resolves to an error message, or null when saved. */
  onChange(tags: string[]): Promise<string | null>;
}

/** A tag as stored: trimmed, lower case, inner spaces as one (the server does the same, and checks it). */
export const normalTag = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * An item's tags as removable chips and a box to add one: Enter adds what is typed (a new tag is made on the fly),
 * arrows pick one already in use that starts with it, Escape closes the suggestions.
 */
export function TagEditor({ what, id, tags, known, onChange }: TagEditorProps) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typed = normalTag(text);
  const offered = typed ? known.filter((k) => k.startsWith(typed) && !tags.includes(k)).slice(0, 8) : [];
  const listed = open && offered.length > 0;
  const listId = `${id}-suggest`;

  const save = async (next: string[]) => {
    setError(await onChange(next));
  };
  const add = (tag: string) => {
    setText('');
    setOpen(false);
    if (tag && !tags.includes(tag)) void save([...tags, tag]);
  };
  return (
    <div class="tags" role="group" aria-label={`Tags of this ${what}`}>
      <ul class="tag-list" aria-label="Tags">
        {tags.map((t) => (
          <li key={t} class="tag">
            {t}
            <button type="button" class="tag-remove" aria-label={`Remove tag ${t}`} onClick={() => void save(tags.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <span class="tag-add">
        <label for={`${id}-input`} class="sr-only">
          Add a tag
        </label>
        <input
          id={`${id}-input`}
          class="tag-input"
          placeholder="Add tag…"
          maxLength={40}
          value={text}
          aria-controls={listed ? listId : undefined}
          aria-activedescendant={listed ? optionId(listId, active) : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (
              listed &&
              suggestKey(
                e.key,
                { count: offered.length, active },
                { move: setActive, pick: (i) => add(offered[i]!), close: () => setOpen(false) },
              )
            ) {
              e.preventDefault();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              add(typed);
            }
          }}
        />
        {listed && (
          <SuggestList
            id={listId}
            label="Tags in use"
            items={offered.map((k) => ({ key: k, label: k }))}
            active={active}
            empty=""
            onPick={(i) => add(offered[i]!)}
          />
        )}
      </span>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The editor for one item of a `useItemTags` list. */
export function ItemTagEditor({ tagging, itemId, ...p }: Pick<TagEditorProps, 'what' | 'id'> & { tagging: ItemTags; itemId: string }) {
  const save = (tags: string[]) => tagging.set(itemId, tags);
  return <TagEditor key={itemId} {...p} tags={tagging.tags[itemId] ?? []} known={tagging.known} onChange={save} />;
}

/** A filter by tag: every tag in use, or none. */
export function TagFilter({ known, value, onChange }: { known: string[]; value: string | null; onChange(tag: string | null): void }) {
  if (known.length === 0 && !value) return null;
  return (
    <label class="fb-filter">
      <span>Tag</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">All tags</option>
        {[...new Set([...(value ? [value] : []), ...known])].map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </label>
  );
}
