import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../i18n/t';
import { withStrings } from '../../i18n/with-strings';
import type { Requester } from '../../net/socket';
import { STRINGS } from './strings';

export interface ResumeNoticeProps {
  t: Translate;
  request: Requester;
  /** Whether the chat's socket is connected: the link is spent only over a live connection. */
  online: boolean;
  /** The link worked: reconnect, so the hello brings the conversation. */
  onResumed(): void;
}

/** The token of a resume link the page was opened with, taken off the address so a reload or a shared URL does not carry it. */
function takeResumeToken(): string | null {
  const m = /[#&]earshot-resume=([\w-]*)/.exec(location.hash);
  if (m) history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
  return m?.[1] ?? null;
}

/** Spends a resume link once connected, and says how it went: restored, or why not (used, expired, not valid). */
export function ResumeNotice({ t, request, online, onResumed }: ResumeNoticeProps) {
  const say = withStrings(t, STRINGS);
  const [token] = useState(takeResumeToken);
  // A token cut short in the email client is refused here already; the server checks the rest.
  const [text, setText] = useState<{ ok: boolean; text: string } | null>(
    token && token.length >= 20 ? null : { ok: false, text: say('x_resume_invalid') },
  );
  const tried = useRef(false);
  useEffect(() => {
    if (!online || tried.current || !token || text) return;
    tried.current = true;
    void request('visitor:resume', { token }).then((r) => {
      if (r.ok) {
        setText({ ok: true, text: say('x_resume_restored') });
        onResumed();
        return;
      }
      const key =
        r.code === 'link_used'
          ? 'x_resume_used'
          : r.code === 'link_expired'
            ? 'x_resume_expired'
            : r.code === 'bad_token'
              ? 'x_resume_invalid'
              : null;
      setText({ ok: false, text: key ? say(key) : say('x_resume_failed', { reason: r.message }) });
    });
    // Tried once, when first online (the ref keeps it once): the rest is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online]);
  return (
    <section class="resume">
      {text ? (
        <p role={text.ok ? 'status' : 'alert'} class={text.ok ? undefined : 'resume-error'}>
          {text.text}
        </p>
      ) : (
        <p role="status">{say('x_resume_restoring')}</p>
      )}
    </section>
  );
}

/** "Continue on another device": emails the visitor a resume link to this conversation. */
export function ContinueElsewhere({ t, request }: { t: Translate; request: Requester }) {
  const say = withStrings(t, STRINGS);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = async () => {
    setBusy(true);
    const r = await request('visitor:resumeLink', {});
    setBusy(false);
    setResult(
      r.ok
        ? { ok: true, text: say('x_resume_sent', { email: r.data.email }) }
        : { ok: false, text: say('x_resume_send_failed', { reason: r.message }) },
    );
  };
  return (
    <section class="resume">
      <button type="button" disabled={busy} onClick={() => void ask()}>
        {say('x_resume_continue')}
      </button>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} class={result.ok ? undefined : 'resume-error'}>
          {result.text}
        </p>
      )}
    </section>
  );
}
