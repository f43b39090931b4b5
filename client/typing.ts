/** Typing signals, the same for a visitor's composer and an agent's reply box. */
export interface TypingSignal {
  input(): void;
  stop(): void;
}

/**
 * Emits `true` on the first keystroke and again at most every `throttleMs` while typing
 * goes on (the server relays it as volatile, so a repeat heals a lost one), and `false`
 * after `idleMs` of quiet or when the message is sent.
 */
export function createTypingSignal(emit: (typing: boolean) => void, idleMs = 3000, throttleMs = 2000, now = Date.now): TypingSignal {
  let typing = false;
  let last = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(idle);
    if (!typing) return;
    typing = false;
    emit(false);
  };
  return {
    input() {
      const t = now();
      if (!typing || t - last >= throttleMs) {
        typing = true;
        last = t;
        emit(true);
      }
      clearTimeout(idle);
      idle = setTimeout(stop, idleMs);
    },
    stop,
  };
}
