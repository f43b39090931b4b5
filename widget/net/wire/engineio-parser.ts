/**
 * engine.io-parser for text only, put in its place by the widget build (vite.config.ts): the
 * socket.io layer above sends strings only (see socketio-parser.ts), so the Blob, ArrayBuffer
 * and base64 paths never run. Same wire format as engine.io-parser 5 (protocol 4) for text
 * packets; a binary frame decodes to the parser's error packet, which closes the transport.
 * https://github.com/socketio/socket.io/tree/main/packages/engine.io-parser
 */
export const protocol = 4;

/** An engine.io packet; `data` is always a string here. */
export interface EnginePacket {
  type: string;
  data?: string;
}

const TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'];
const ERROR_PACKET = { type: 'error', data: 'parser error' };
// ASCII record separator between the packets of one long-polling payload.
const SEPARATOR = '\x1e';

/** `<type digit><data>`, handed to `callback` (synchronously, as the original does for text). */
export function encodePacket(packet: EnginePacket, _supportsBinary: unknown, callback: (encoded: string) => void): void {
  callback(TYPES.indexOf(packet.type) + (packet.data || ''));
}

/** One packet from a string; anything else is the error packet. */
export function decodePacket(encoded: unknown): EnginePacket {
  // Indexed by the character itself, so only '0' to '6' name a type ('b' is base64 binary).
  const type = typeof encoded === 'string' ? (TYPES as unknown as Partial<Record<string, string>>)[encoded.charAt(0)] : undefined;
  if (!type) return ERROR_PACKET;
  return (encoded as string).length > 1 ? { type, data: (encoded as string).slice(1) } : { type };
}

/** Long-polling: the packets joined by the separator. */
export function encodePayload(packets: EnginePacket[], callback: (payload: string) => void): void {
  callback(packets.map((p) => TYPES.indexOf(p.type) + (p.data || '')).join(SEPARATOR));
}

/** Long-polling: the packets of one response, up to the first that does not decode. */
export function decodePayload(payload: string): EnginePacket[] {
  const packets: EnginePacket[] = [];
  for (const part of payload.split(SEPARATOR)) {
    const packet = decodePacket(part);
    packets.push(packet);
    if (packet.type === 'error') break;
  }
  return packets;
}
