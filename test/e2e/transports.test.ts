import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { useE2e } from '../helpers/e2e';
import { nextEvent } from '../helpers/server';

// The built widget speaks Socket.IO through its own text-only parsers (widget/net/wire/): the
// long-polling fallback must work with them, for networks whose proxies block WebSockets.
const e2e = useE2e({ openAllDay: true });

describe('transports in Chromium', () => {
  it('chats over HTTP long-polling where WebSocket is blocked', async () => {
    const desk = await e2e.staffed();
    const visitor = await e2e.newPage();
    // Like a proxy that refuses the upgrade: every WebSocket fails at once.
    await visitor.addInitScript(() => {
      window.WebSocket = class {
        constructor() {
          throw new Error('blocked');
        }
      } as unknown as typeof WebSocket;
    });
    const sockets: string[] = [];
    const polls: string[] = [];
    visitor.on('websocket', (ws) => sockets.push(ws.url()));
    visitor.on('request', (r) => r.url().includes('/socket.io/') && polls.push(r.method()));

    await visitor.goto(`${e2e.server.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const arrived = nextEvent<Message>(desk, 'message:new', (m) => m.text === 'Over polling?');
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill('Over polling?');
    await box.press('Enter');
    const question = await arrived;
    const ack = await desk.emitWithAck('message:send', {
      conversationId: question.conversationId,
      id: 'reply-over-polling',
      text: 'Yes, ünïcode “and all” 👋',
    });
    expect(ack.ok).toBe(true);
    await visitor.getByRole('log').getByText('Yes, ünïcode “and all” 👋').waitFor();
    expect(sockets).toEqual([]);
    // Sent (POST) and received (GET) over polling.
    expect(polls).toContain('POST');
    expect(polls).toContain('GET');
  });
});
