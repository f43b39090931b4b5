type Handler = (...args: any[]) => void;

/**
 * What the widget's and the console's fake sockets share: the connection flags, the listeners the
 * code under test registers, server pushes to them, and the cast to the real socket type `S`.
 * Each subclass plays its own server (scripted acks, pending requests).
 */
export class FakeSocketBase<S> {
  connected = false;
  active = false;
  protected readonly handlers = new Map<string, Handler[]>();

  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }

  /** A server push (or a reserved event such as `connect` or `connect_error`) to every listener. */
  push(event: string, ...args: unknown[]) {
    for (const fn of [...(this.handlers.get(event) ?? [])]) fn(...args);
  }

  asSocket(): S {
    return this as unknown as S;
  }
}
