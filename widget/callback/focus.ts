/** Focuses the first field marked invalid under `root`; in a group, its chosen radio or else its first. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const bad = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = bad?.matches('fieldset') ? bad.querySelector<HTMLElement>('input:checked, input, select') : bad;
  target?.focus();
}
