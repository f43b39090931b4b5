import type { JSX, Ref } from 'preact';
import { LIMITS } from '../../protocol/events';

export interface EmailInputProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onInput' | 'ref'> {
  value: string;
  /** The new text on every keystroke. */
  onValue(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The visitor's email address, required: the same keyboard, autofill and length limit wherever a view asks for it. */
export function EmailInput({ value, onValue, inputRef, ...rest }: EmailInputProps) {
  return (
    <input
      ref={inputRef}
      type="email"
      autocomplete="email"
      inputMode="email"
      required
      maxLength={LIMITS.emailLength}
      {...rest}
      value={value}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
}
