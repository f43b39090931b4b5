import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../../protocol/events';
import type { Message, PageInfo } from '../../../protocol/types';
import { withStrings } from '../../i18n/with-strings';
import { EmailInput } from '../../panel/email-input';
import { awayText } from './away-note';
import { CallbackButton } from './notices';
import { emailProblem, failure } from './problem';
import { STRINGS } from './strings';
import type { ExtraProps } from './types';

export interface LeaveMessageProps extends ExtraProps {
  /** The owner's away message; '' (or null) for the default in the visitor's language. */
  awayMessage: string | null;
  page(): PageInfo;
  /** The message was stored: the conversation starts with it. */
  onSent(message: Message): void;
}

interface Errors {
  email?: string;
  text?: string;
  form?: string;
}

/**
 * "Leave a message", while nobody is available: the message, sent with `offline:send` and this
 * page's address and title, and an email address (required, as the answer comes there) only
 * where the server sends email; elsewhere the answer waits in this chat.
 */
export function LeaveMessage(p: LeaveMessageProps) {
  const t = withStrings(p.t, STRINGS);
  const [email, setEmail] = useState(p.email ?? '');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [tries, setTries] = useState(0);
  const busy = useRef(false);
  const sendId = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (tries) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [tries]);
  useLayoutEffect(() => {
    // Drawn in place of the composer once the site turns out to be away: when the visitor opened
    // the panel, the composer had the focus and its removal left it on the body; or the panel opened
    // before this form's chunk came, and the focus stayed on the launcher. Either way it is no one's.
    // Again when the hello says no email goes out: the address field, which may have had it, goes.
    const shown = form.current?.offsetParent && form.current;
    if (!shown) return;
    const root = shown.getRootNode() as ShadowRoot;
    const active = document.activeElement;
    const onLauncher = active === root.host && !shown.closest('[role=dialog]')?.contains(root.activeElement);
    if (active === document.body || onLauncher) shown.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [p.sendsEmail]);
  const refuse = (e: Errors) => {
    setErrors(e);
    setTries((n) => n + 1);
  };

  const submit = async () => {
    const value = { email: email.trim(), text: text.trim() };
    const e: Errors = {};
    const bad = p.sendsEmail && emailProblem(t, value.email);
    if (bad) e.email = bad;
    if (!value.text) e.text = t('x_error_message');
    if (e.email || e.text) return refuse(e);
    if (busy.current) return;
    busy.current = true;
    // One id for this message whatever happens to the answer: a retry after a lost one is stored once.
    sendId.current ??= p.newId();
    const res = await p.request('offline:send', { ...(p.sendsEmail ? value : { text: value.text }), id: sendId.current, page: p.page() });
    busy.current = false;
    if (!res.ok) return refuse(res.field === 'email' ? { email: failure(t, res) } : { form: failure(t, res) });
    setErrors({});
    // The promise first: once the message is there, the chat replaces this form.
    if (p.sendsEmail) p.onEmail(value.email, true);
    p.onSent(res.data);
  };

  const field = (id: 'email' | 'text') =>
    errors[id] ? { 'aria-invalid': true as const, 'aria-describedby': `earshot-leave-${id}-error` } : {};
  const error = (id: 'email' | 'text') =>
    errors[id] && (
      <p class="field-error" id={`earshot-leave-${id}-error`}>
        {errors[id]}
      </p>
    );
  return (
    <section class="extra leave" aria-labelledby="earshot-leave-heading">
      <h3 id="earshot-leave-heading">{t('x_leave')}</h3>
      <p>{awayText({ awayMessage: p.awayMessage ?? '', sendsEmail: p.sendsEmail }, p.t)}</p>
      <form
        ref={form}
        class="extra-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {p.sendsEmail && (
          <div class="field">
            <label for="earshot-leave-email">{t('x_email')}</label>
            <EmailInput id="earshot-leave-email" value={email} onValue={setEmail} {...field('email')} />
            {error('email')}
          </div>
        )}
        <div class="field">
          <label for="earshot-leave-text">{t('x_message')}</label>
          <textarea
            id="earshot-leave-text"
            rows={4}
            required
            maxLength={LIMITS.messageLength}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            {...field('text')}
          />
          {error('text')}
        </div>
        {errors.form && (
          <p class="form-alert" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" class="send">
          {t('x_send_message')}
        </button>
      </form>
      <CallbackButton t={t} onCallback={p.onCallback} />
    </section>
  );
}
