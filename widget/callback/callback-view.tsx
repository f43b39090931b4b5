import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { VisitorCallback } from '../../protocol/types';
import type { Result } from '../net/socket';
import type { ViewProps } from '../panel/view-types';
import { ChangeForm } from './change-form';
import { CallbackForm } from './callback-form';
import { callbackReducer, initialCallback, type CallbackDraft } from './callback-state';
import { CallbackStatus } from './callback-status';
import { guessCountry } from './country';
import { sayFrom } from './say';
import { STRINGS } from './strings';
import { checkWhen, serverProblem, toRequestInput, toWhen, validateRequest } from './validate';
import { createWhenFormat, formatLocale } from './when-format';

/** Where and when the visitor is: read from the browser, injected by tests. */
export interface CallbackEnv {
  /** IANA time zone every time is shown in. */
  zone: string;
  /**
   * Locale dates and times are formatted in: the widget's language, in the browser's variant of it; sent with a request, so
   * agents call and emails come in it.
   */
  locale: string;
  /** The browser's language, to guess the country of a national number. */
  browserLocale: string;
  /** Default country of a national number. */
  country: string | undefined;
  now(): number;
}

/** The visitor's browser as a `CallbackEnv`, for a panel in `languageTag`. */
export function browserEnv(languageTag: string, nav: Pick<Navigator, 'language' | 'languages'> = navigator): CallbackEnv {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const browserLocale = nav.language || languageTag;
  return {
    zone,
    locale: formatLocale(languageTag, nav.languages?.length ? nav.languages : [browserLocale]),
    browserLocale,
    country: guessCountry(browserLocale, zone),
    now: Date.now,
  };
}

/** The "Call me back" view as the panel mounts it. */
export function CallbackView(p: ViewProps) {
  const [env] = useState(() => browserEnv(p.t('language_tag')));
  return <CallbackScreen {...p} env={env} />;
}

/**
 * The view's one connector: state in a pure reducer; `callback:mine` and `callback:slots`
 * on every (re)connection, pushes from `callback:updated`, and the visitor's requests.
 */
export function CallbackScreen({ t, online, request, on, page, env, status }: ViewProps & { env: CallbackEnv }) {
  // The entry draws the view once these are here (whenStrings), so there is no flash of English.
  const lang = t('language_tag');
  const say = useMemo(() => sayFrom(STRINGS[lang] ?? STRINGS.en), [lang]);
  const [fmt] = useState(() => createWhenFormat(env.locale, env.zone));
  const [s, dispatch] = useReducer(callbackReducer, online, initialCallback);
  // A second click before the "sending" render must not send twice.
  const busy = useRef(false);
  // Focus moves only after the visitor's own action, never on a restore or a push.
  const focus = useRef<'form' | 'status' | null>(null);
  const countryName = env.country && fmt.country(env.country);

  const loadSlots = useCallback(async () => {
    dispatch({ type: 'slots/loading' });
    const res = await request('callback:slots', {});
    dispatch({ type: 'slots', slots: res.ok ? res.data : null });
  }, [request]);
  const restore = useCallback(async () => {
    const res = await request('callback:mine', {});
    focus.current = null;
    dispatch({ type: 'restored', request: res.ok ? res.data : null });
  }, [request]);

  useEffect(
    () =>
      on?.('callback:updated', (c) => {
        focus.current = null;
        dispatch({ type: 'updated', request: c });
      }),
    [on],
  );
  // Pushes missed while offline are caught up by asking again on every reconnection.
  useEffect(() => {
    if (!online) return;
    void restore();
    void loadSlots();
  }, [online, restore, loadSlots]);

  const run = async (call: () => Promise<Result<VisitorCallback>>) => {
    if (busy.current) return;
    busy.current = true;
    dispatch({ type: 'busy' });
    const res = await call();
    busy.current = false;
    if (res.ok) {
      focus.current = 'status';
      return dispatch({ type: 'saved', request: res.data });
    }
    dispatch({ type: 'refused', ...serverProblem(res, countryName) });
    // The slots moved on (taken, or past), or the request changed elsewhere: show what is true now.
    if (res.field?.startsWith('when')) void loadSlots();
    else if (res.code === 'not_found' || res.code === 'invalid_payload') void restore();
  };

  const submit = () => {
    const errors = validateRequest(s.draft, s.slots);
    if (Object.keys(errors).length > 0) return dispatch({ type: 'refused', errors });
    const input = toRequestInput(s.draft, page(), { country: env.country, timezone: env.zone, locale: env.locale });
    void run(() => request('callback:request', input));
  };
  const change = () => {
    const problem = checkWhen(s.draft, s.slots);
    if (problem) return dispatch({ type: 'refused', errors: { when: problem } });
    void run(() => request('callback:change', { callbackId: s.request!.id, when: toWhen(s.draft) }));
  };

  if (s.phase === 'restoring') {
    return (
      <p class="pending" role="status">
        {t('loading')}
      </p>
    );
  }
  const when = {
    t,
    say,
    fmt,
    zone: env.zone,
    now: env.now(),
    state: s,
    status,
    onChange: (change: Partial<CallbackDraft>) => dispatch({ type: 'edit', change }),
    onRetrySlots: () => void loadSlots(),
  };
  if (s.phase === 'status') {
    return (
      <CallbackStatus
        say={say}
        fmt={fmt}
        now={when.now}
        state={s}
        focus={focus.current === 'status'}
        onChange={() => {
          dispatch({ type: 'change' });
          if (s.slotsStatus !== 'loading') void loadSlots();
        }}
        onCancel={() => void run(() => request('callback:cancel', { callbackId: s.request!.id }))}
        onAgain={() => {
          focus.current = 'form';
          dispatch({ type: 'again' });
        }}
      />
    );
  }
  if (s.phase === 'change') {
    return (
      <ChangeForm
        {...when}
        onSubmit={change}
        onKeep={() => {
          focus.current = 'status';
          dispatch({ type: 'keep' });
        }}
      />
    );
  }
  return <CallbackForm {...when} countryName={countryName} focusFirst={focus.current === 'form'} onSubmit={submit} />;
}
