import net from 'node:net';

/** A TCP proxy in front of the relay whose Socket.IO traffic a test can cut and restore. */
export interface CutProxy {
  /** The proxy's origin, to load pages and open sockets through. */
  readonly url: string;
  /**
   * Destroys every connection through it and, until `heal`, every new one that carries a
   * Socket.IO request (polling or WebSocket). Plain HTTP (the console page, its REST calls)
   * still goes through, as for an agent whose proxy or Wi-Fi drops the long-lived socket.
   */
  cut(): void;
  heal(): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 in front of `target` (an http origin on this machine). */
export async function startCutProxy(target: string): Promise<CutProxy> {
  const { hostname, port } = new URL(target);
  let cutting = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    const both = [client, upstream];
    const end = () => both.forEach((s) => s.destroy());
    for (const s of both) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', end);
      s.on('close', end);
    }
    client.on('data', (chunk: Buffer) => {
      // Browsers send one request head per chunk start; a Socket.IO one names its path.
      if (cutting && chunk.includes('/socket.io/')) return end();
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    cut() {
      cutting = true;
      for (const s of open) s.destroy();
    },
    heal() {
      cutting = false;
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
