import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CallbackState } from './callback-state';
import { isOpen } from './callback-state';
import { confirmation, shownPhone, statusText } from './describe';
import type { Say } from './say';
import type { WhenFormat } from './when-format';

export interface CallbackStatusProps {
  say: Say;
  fmt: WhenFormat;
  now: number;
  state: CallbackState;
  /** Takes the focus when drawn, after the visitor's own send (not on a restore after reload). */
  focus: boolean;
  onChange(): void;
  onCancel(): void;
  onAgain(): void;
}

/** The request once made: when we call, its live status, and what the visitor may still do. */
export function CallbackStatus({ say, fmt, now, state: s, focus, onChange, onCancel, onAgain }: CallbackStatusProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Set by Cancel: the button that has the focus goes once the request is closed.
  const cancelling = useRef(false);
  const c = s.request!;
  const phone = shownPhone(c);
  const open = isOpen(c);
  useLayoutEffect(() => {
    if (focus) heading.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus only as it is drawn; a later change of the flag must not move it
  }, []);
  useLayoutEffect(() => {
    if (!cancelling.current) return;
    // Refused (still open once no longer busy): nothing to move the focus for later.
    if (open && !s.busy) cancelling.current = false;
    if (open) return;
    cancelling.current = false;
    heading.current?.focus();
  }, [open, s.busy]);
  return (
    <div class="cb cb-done">
      <h3 tabIndex={-1} ref={heading}>
        {say('request_heading')}
      </h3>
      {open && <p>{confirmation(c, phone, say, fmt, now)}</p>}
      {/* A live region from the start, so a pushed change is read out. */}
      <p class={`cb-status cb-status-${c.status}`} role="status">
        {statusText(c, phone, say, fmt)}
      </p>
      {s.alert && (
        <p class="cb-alert" role="alert">
          {say(s.alert.key, s.alert.vars)}
        </p>
      )}
      <div class="cb-actions">
        {open ? (
          <>
            <button type="button" class="send" onClick={onChange}>
              {say('change')}
            </button>
            <button
              type="button"
              class="cb-secondary"
              aria-disabled={s.busy || undefined}
              onClick={() => {
                if (s.busy) return;
                cancelling.current = true;
                onCancel();
              }}
            >
              {say('cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="send" onClick={onAgain}>
            {say('again')}
          </button>
        )}
      </div>
    </div>
  );
}
