/** What the reply box offers to complete at the caret: a canned reply (`/` at the start) or an agent to mention (`@` in a note). */
export interface Trigger {
  kind: 'canned' | 'mention';
  /** What was typed after `/` or `@`. */
  query: string;
  /** Where the `/` or `@` stands: the completion replaces the text from here to the caret. */
  start: number;
}

/** The longest name typed after `@` that is still looked up (names have spaces, so the query may too). */
const MENTION_QUERY = 40;

/** The completion the text before the caret asks for, if any: `/` only as the box's first character, `@` only in a note. */
export function triggerAt(text: string, caret: number, note: boolean): Trigger | null {
  const before = text.slice(0, caret);
  const slash = /^\/(\S*)$/.exec(before);
  if (slash) return { kind: 'canned', query: slash[1]!, start: 0 };
  if (!note) return null;
  const at = before.lastIndexOf('@');
  if (at === -1 || (at > 0 && !/\s/.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (query.length > MENTION_QUERY || /[\n@]/.test(query)) return null;
  return { kind: 'mention', query, start: at };
}

/** The text with the trigger replaced by `insert`, and where the caret goes after it. */
export function complete(text: string, caret: number, trigger: Trigger, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, trigger.start) + insert + text.slice(caret), caret: trigger.start + insert.length };
}

/** What placeholders stand for in a canned reply; a missing or empty value fills nothing. */
export interface PlaceholderValues {
  'visitor.name'?: string | null;
  'agent.name'?: string | null;
  'site.name'?: string | null;
}

/**
 * A canned reply's text with `{visitor.name}`, `{agent.name}` and `{site.name}` filled in. Any other
 * `{word}` or `{word.word}` (a placeholder Earshot does not know, or a typo) and one without a value become
 * empty, so a visitor never reads a raw `{…}`; doubled spaces left by an empty one are closed up.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  let emptied = false;
  const filled = text.replace(/\{\s*([A-Za-z_][\w.]*)\s*\}/g, (_, key: string) => {
    const value = values[key as keyof PlaceholderValues]?.trim() ?? '';
    emptied ||= value === '';
    return value;
  });
  if (!emptied) return filled;
  // "Thanks, {visitor.name}!" without a name reads "Thanks!", not "Thanks, !".
  return filled
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.!?;:])/g, '$1')
    .replace(/,([.!?;:])/g, '$1')
    .replace(/[ \t]+$/gm, '');
}
