/** Events a page can follow with `Earshot('on', name, fn)`. */
export type EarshotEvent = 'message' | 'open' | 'close' | 'unread';

/** The public function, and the queue the stub fills before the script runs. */
export interface EarshotFunction {
  (command: string, ...args: unknown[]): void;
  q?: Iterable<unknown>[];
  /** Marks the real function, so a second copy of the script stands down. */
  real?: true;
}

export type EarshotWindow = { Earshot?: EarshotFunction };

/** Listeners a page registered; one that throws stops neither the others nor the widget. */
export function createEvents() {
  let listeners: [string, (payload?: unknown) => void][] = [];
  return {
    // One that is not a function fails in `emit` like one that throws.
    on(event: string, fn: unknown) {
      listeners.push([event, fn as (payload?: unknown) => void]);
    },
    /** `Earshot('off', name, fn)`: a component that goes away stops hearing (and being kept). */
    off(event: string, fn: unknown) {
      listeners = listeners.filter(([name, f]) => name !== event || f !== fn);
    },
    emit(event: EarshotEvent, payload?: unknown) {
      for (const [name, fn] of listeners) {
        if (name !== event) continue;
        try {
          fn(payload);
        } catch (err) {
          if (import.meta.env.DEV) console.error('Earshot: an event listener threw', err);
        }
      }
    },
  };
}

/** Installs the stub (the same one a site may paste) if the page has none, so early calls queue. */
export function installStub(win: EarshotWindow): void {
  const stub: EarshotFunction = (...args: unknown[]) => void (stub.q ||= []).push(args);
  win.Earshot ||= stub;
}

/** Replaces the stub with the real function and replays the queued calls in order. */
export function installApi(win: EarshotWindow, run: (command: string, args: unknown[]) => void): void {
  const queue = win.Earshot?.q ?? [];
  const api = (win.Earshot = Object.assign((command: string, ...args: unknown[]) => run(command, args), { real: true as const }));
  // Queued calls are arrays (our stub) or `arguments` (the pasted one): both spread.
  for (const call of queue) api(...(call as [string, ...unknown[]]));
}
