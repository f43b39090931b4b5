/**
 * socket.io-parser for text only, put in its place by the widget build (vite.config.ts): the
 * visitor protocol carries JSON and never binary, and the full parser's binary attachments
 * (deconstruct, reconstruct, hasBinary) cost ~2 KB gzip in every first chat. Same wire format
 * as socket.io-parser 4 (protocol 5) for every packet without binary; a binary packet is
 * refused as a parse error, which closes the connection like any malformed packet.
 * https://github.com/socketio/socket.io/tree/main/packages/socket.io-parser
 */
import { Emitter } from '@socket.io/component-emitter';

export const protocol = 5;

export const PacketType = {
  CONNECT: 0,
  DISCONNECT: 1,
  EVENT: 2,
  ACK: 3,
  CONNECT_ERROR: 4,
  BINARY_EVENT: 5,
  BINARY_ACK: 6,
} as const;

/** A packet as socket.io-client builds and reads it. */
export interface Packet {
  type: number;
  nsp: string;
  id?: number | undefined;
  data?: unknown;
}

/** `<type>[<nsp>,][<id>][<json>]`: one string per packet. */
export class Encoder {
  encode(p: Packet): string[] {
    const nsp = p.nsp && p.nsp !== '/' ? p.nsp + ',' : '';
    return [`${p.type}${nsp}${p.id ?? ''}${p.data == null ? '' : JSON.stringify(p.data)}`];
  }
}

// Type 0 to 4 (no binary), namespace up to its comma, ack id, JSON.
const PACKET = /^([0-4])(?:(\/[^,]*),)?(\d*)([^]*)$/;

/** Emits `decoded` for each packet string; throws on anything else (socket.io-client closes with "parse error"). */
export class Decoder extends Emitter<Record<never, never>, Record<never, never>, { decoded: (packet: Packet) => void }> {
  add(chunk: unknown): void {
    const m = typeof chunk === 'string' ? PACKET.exec(chunk) : null;
    if (!m) throw new Error('invalid packet');
    const packet: Packet = { type: +m[1]!, nsp: m[2] ?? '/' };
    if (m[3]) packet.id = +m[3];
    if (m[4]) packet.data = JSON.parse(m[4]);
    this.emitReserved('decoded', packet);
  }

  destroy(): void {}
}
