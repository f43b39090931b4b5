import type { ComponentChildren, JSX } from 'preact';

export interface TextFieldProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'value' | 'onInput'> {
  label: ComponentChildren;
  value: string;
  /** The new text on every keystroke. */
  onValue(value: string): void;
}

/** A labelled text input (email, password, name…) whose text the caller keeps. */
export function TextField({ label, value, onValue, ...input }: TextFieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <input {...input} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  );
}
