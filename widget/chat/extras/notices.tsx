import { withStrings } from '../../i18n/with-strings';
import type { Translate } from '../../i18n/t';
import { EmailForm } from './email-form';
import { STRINGS } from './strings';
import type { ExtraProps } from './types';

/** "Call me back", when the site offers it. */
export function CallbackButton({ t, onCallback }: Pick<ExtraProps, 't' | 'onCallback'>) {
  return (
    onCallback && (
      <button type="button" class="secondary" onClick={onCallback}>
        {t('x_callback')}
      </button>
    )
  );
}

/**
 * Shown when a new chat waited the site's `waitSeconds` without an agent's reply: the chat
 * stays, and the visitor may leave an address for the answer or ask for a call instead.
 */
export function WaitNotice(p: ExtraProps) {
  const t = withStrings(p.t, STRINGS);
  return (
    <section class="extra wait" aria-labelledby="earshot-wait-heading">
      <div role="status">
        <h3 id="earshot-wait-heading">{t('x_wait_heading')}</h3>
        <p>{t(p.sendsEmail ? 'x_wait_text' : 'x_wait_text_later')}</p>
      </div>
      {p.sendsEmail && (
        <EmailForm
          t={t}
          id="earshot-wait-email"
          submit="x_wait_send"
          initial={p.email}
          onSubmit={async (email) => {
            const res = await p.request('visitor:identify', { email });
            if (res.ok) p.onEmail(email, true);
            return res;
          }}
        />
      )}
      <CallbackButton t={t} onCallback={p.onCallback} />
    </section>
  );
}

/** Where the answer will go, once the visitor left a message or an address for it: by email only where the server sends any. */
export function EmailPromise({ t, email, sendsEmail }: { t: Translate; email: string | null; sendsEmail: boolean }) {
  const say = withStrings(t, STRINGS);
  return (
    <p class="resolved" role="status">
      {sendsEmail && email ? say('x_promise', { email }) : say('x_promise_later')}
    </p>
  );
}

export interface ChatOffProps extends ExtraProps {
  onFeedback: (() => void) | null;
}

/** The chat view of a site that switched chat off: only the ways that are on. */
export function ChatOff(p: ChatOffProps) {
  const t = withStrings(p.t, STRINGS);
  const other = p.onCallback || p.onFeedback;
  return (
    <section class="extra" aria-labelledby="earshot-off-heading">
      <h3 id="earshot-off-heading">{t('x_off')}</h3>
      {other && <p>{t('x_off_ways')}</p>}
      <CallbackButton t={t} onCallback={p.onCallback} />
      {p.onFeedback && (
        <button type="button" class="secondary" onClick={p.onFeedback}>
          {t('x_feedback')}
        </button>
      )}
    </section>
  );
}
