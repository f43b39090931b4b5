/**
 * `text` with its `{name}` placeholders filled from `vars`; an unknown name stays as written.
 * For lazily loaded features; `createTranslate` keeps its own copy, so the first chat exports nothing for them.
 */
export function fill(text: string, vars?: Record<string, string | number>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
}
