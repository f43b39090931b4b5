type Handler = (...args: never[]) => void;

/**
 * What the console's and the widget's fake sockets share: the state flags and the listeners,
 * kept as socket.io-client keeps them (in order, once per `on`). Each side adds how its
 * requests are answered.
 */
export class FakeSocketCore<Socket> {
  connected = false;
  active = false;
  private handlers = new Map<string, Handler[]>();

  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }

  /** Removes one listener, or every listener of `event`. */
  off(event: string, fn?: Handler) {
    const list = this.handlers.get(event) ?? [];
    const at = fn ? list.indexOf(fn) : -1;
    if (!fn) this.handlers.delete(event);
    else if (at >= 0) this.handlers.set(event, list.toSpliced(at, 1));
    return this;
  }

  listenerCount(): number {
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }

  /** Delivers a server event (or a reserved one such as `connect_error`) to the client's listeners. */
  protected deliver(event: string, ...args: unknown[]) {
    for (const fn of [...(this.handlers.get(event) ?? [])]) (fn as (...a: unknown[]) => void)(...args);
  }

  asSocket(): Socket {
    return this as unknown as Socket;
  }
}
