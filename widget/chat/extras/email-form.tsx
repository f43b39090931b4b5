import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../../i18n/t';
import type { Result } from '../../net/socket';
import { EmailInput } from '../../panel/email-input';
import { emailProblem, failure } from './problem';

export interface EmailFormProps {
  t: Translate;
  /** The field's id, unique in the panel. */
  id: string;
  submit: MessageKey;
  initial: string | null;
  /** Takes the focus when drawn: the visitor asked for it. */
  focus?: boolean;
  onSubmit(email: string): Promise<Result<unknown>>;
}

/** One required email field and a button; the error stands below the field and is its description. */
export function EmailForm({ t, id, submit, initial, focus, onSubmit }: EmailFormProps) {
  const [email, setEmail] = useState(initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [tries, setTries] = useState(0);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (focus || tries) input.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on drawing (if asked) and after each failed try, not on `focus`
  }, [tries]);
  const fail = (message: string) => {
    setError(message);
    setTries((n) => n + 1);
  };
  const sendEmail = async (value: string) => {
    if (busy.current) return;
    busy.current = true;
    const res = await onSubmit(value);
    busy.current = false;
    if (!res.ok) fail(failure(t, res));
  };
  return (
    <form
      class="extra-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const value = email.trim();
        const bad = emailProblem(t, value);
        if (bad) return fail(bad);
        void sendEmail(value);
      }}
    >
      <div class="field">
        <label for={id}>{t('x_email')}</label>
        <EmailInput
          id={id}
          inputRef={input}
          value={email}
          onValue={setEmail}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="send">
        {t(submit)}
      </button>
    </form>
  );
}
