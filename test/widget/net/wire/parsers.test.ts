import * as realEngine from 'engine.io-parser';
import * as realSocket from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import * as engine from '../../../../widget/net/wire/engineio-parser';
import * as socket from '../../../../widget/net/wire/socketio-parser';

// What the visitor socket sends and receives: connects, events with and without acks, acks, errors.
const packets: socket.Packet[] = [
  { type: 0, nsp: '/visitor', data: { siteId: 'demo', token: null } },
  { type: 0, nsp: '/visitor', data: { sid: 'abc', pid: 'x' } },
  { type: 0, nsp: '/' },
  { type: 1, nsp: '/visitor' },
  { type: 2, nsp: '/visitor', data: ['message:send', { id: 'Ab_1', text: 'héllo, “world” 👋 ,/12' }], id: 7 },
  { type: 2, nsp: '/visitor', data: ['message:new', { seq: 3 }] },
  { type: 2, nsp: '/', data: ['ping', null], id: 0 },
  { type: 3, nsp: '/visitor', data: [{ ok: true, data: { seq: 12 } }], id: 1234 },
  { type: 3, nsp: '/visitor', data: [{ ok: false, code: 'rate_limited', message: 'Slow down' }], id: 5 },
  { type: 4, nsp: '/visitor', data: { message: 'unknown site' } },
  { type: 4, nsp: '/visitor', data: 'Invalid namespace' },
];

function decodeWith(decoder: { add(s: unknown): void; on(e: 'decoded', f: (p: unknown) => void): unknown }, s: string) {
  let out: unknown;
  decoder.on('decoded', (p) => (out = p));
  decoder.add(s);
  return out;
}

describe('text-only socket.io parser', () => {
  it.each(packets)('encodes packet type $type as socket.io-parser does', (p) => {
    expect(new socket.Encoder().encode(p)).toEqual(new realSocket.Encoder().encode(p));
  });

  it.each(packets)('decodes what socket.io-parser encodes (type $type) to the same packet', (p) => {
    const [wire] = new realSocket.Encoder().encode(p) as string[];
    expect(decodeWith(new socket.Decoder(), wire!)).toEqual(decodeWith(new realSocket.Decoder(), wire!));
  });

  it('names the packet types socket.io-client reads', () => {
    for (const [name, n] of Object.entries(socket.PacketType))
      expect(realSocket.PacketType[name as keyof typeof realSocket.PacketType]).toBe(n);
    expect(socket.protocol).toBe(realSocket.protocol);
  });

  it('refuses binary packets and anything that is not a packet string', () => {
    const binary = new realSocket.Encoder().encode({ type: 2, nsp: '/visitor', data: ['file', new Uint8Array([1])] })[0] as string;
    for (const bad of [binary, '9', '', 'x', '2/visitor,[oops', new ArrayBuffer(1)]) expect(() => new socket.Decoder().add(bad)).toThrow();
  });
});

const enginePackets: engine.EnginePacket[] = [
  { type: 'open', data: '{"sid":"a","upgrades":["websocket"],"pingInterval":25000}' },
  { type: 'close' },
  { type: 'ping' },
  { type: 'pong', data: 'probe' },
  { type: 'message', data: '2/visitor,["message:send",{"text":"a\u001eb"}]' },
  { type: 'upgrade' },
  { type: 'noop' },
];

describe('text-only engine.io parser', () => {
  it.each(enginePackets)('encodes and decodes a $type packet as engine.io-parser does', (p) => {
    let ours = '';
    let theirs = '';
    engine.encodePacket(p, true, (s) => (ours = s));
    realEngine.encodePacket(p as realEngine.Packet, true, (s) => (theirs = s as string));
    expect(ours).toBe(theirs);
    expect(engine.decodePacket(theirs)).toEqual(realEngine.decodePacket(theirs));
  });

  it('joins and splits a long-polling payload as engine.io-parser does', () => {
    const ping: engine.EnginePacket[] = [{ type: 'message', data: '2["a"]' }, { type: 'ping' }, { type: 'message', data: 'é' }];
    let ours = '';
    let theirs = '';
    engine.encodePayload(ping, (s) => (ours = s));
    realEngine.encodePayload(ping as realEngine.Packet[], (s) => (theirs = s));
    expect(ours).toBe(theirs);
    expect(engine.decodePayload(theirs)).toEqual(realEngine.decodePayload(theirs));
    expect(engine.protocol).toBe(realEngine.protocol);
  });

  it('turns binary and unknown packets into the error packet, and stops a payload there', () => {
    for (const bad of ['bAQID', '9', '', ' x', new ArrayBuffer(2)])
      expect(engine.decodePacket(bad)).toEqual({ type: 'error', data: 'parser error' });
    expect(engine.decodePayload('4a\x1e9\x1e4b')).toEqual([
      { type: 'message', data: 'a' },
      { type: 'error', data: 'parser error' },
    ]);
  });
});
