import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { nextThreadEmail, replyTokenOf } from '../../server/email/threads';
import { hashToken } from '../../server/domain/secrets';
import { startTestServer, tempDataDir } from '../helpers/server';
import { STORE, useTestStore } from '../helpers/stores';

const t = useTestStore();
const target = { kind: 'conversation' as const, id: 'c1' };

describe(`${STORE}: email threading`, () => {
  it('chains each email to the earlier ones, with a fresh Reply-To token each time', async () => {
    const domains = { inboundDomain: 'reply.shop.test', messageIdDomain: 'mail.shop.test' };
    const first = await nextThreadEmail(t.store, domains, target, 'Ana@Example.test');
    const second = await nextThreadEmail(t.store, domains, target, 'ana@example.test');
    expect(first).toMatchObject({ inReplyTo: undefined, references: undefined });
    expect(first.messageId).toMatch(/^<[\w-]+@mail\.shop\.test>$/);
    expect(second).toMatchObject({ inReplyTo: first.messageId, references: [first.messageId] });
    const token = replyTokenOf(first.replyTo!, 'reply.shop.test')!;
    expect(replyTokenOf(second.replyTo!, 'reply.shop.test')).not.toBe(token);
    // Only the hash is stored, with the address mailed.
    expect(await t.store.mailThreadByToken(token)).toBeNull();
    expect(await t.store.mailThreadByToken(hashToken(token))).toMatchObject({
      ...target,
      address: 'ana@example.test',
      messageId: first.messageId,
    });
  });

  it('gives no Reply-To token without an inbound domain', async () => {
    const headers = await nextThreadEmail(t.store, { inboundDomain: null, messageIdDomain: 'mail.shop.test' }, target, 'ana@example.test');
    expect(headers.replyTo).toBeUndefined();
    expect(headers.messageId).toMatch(/@mail\.shop\.test>$/);
  });

  it('reads a token only from reply+<40 hex>@ the inbound domain, in any case', () => {
    const hex = 'ab'.repeat(20);
    expect(replyTokenOf(`REPLY+${hex.toUpperCase()}@Reply.Shop.Test`, 'reply.shop.test')).toBe(hex);
    expect(replyTokenOf(`reply+${hex}@other.test`, 'reply.shop.test')).toBeNull();
    expect(replyTokenOf(`reply+${hex.slice(2)}@reply.shop.test`, 'reply.shop.test')).toBeNull();
  });
});

describe('mail configuration', () => {
  it('defaults the Message-ID domain to MAIL_FROM’s and names each bad value', () => {
    expect(loadConfig({ MAIL_FROM: 'Shop <hello@shop.test>' }).mail).toMatchObject({
      messageIdDomain: 'shop.test',
      inboundDomain: null,
      smtpPort: null,
      webhookSecret: null,
    });
    const bad = () => loadConfig({ INBOUND_DOMAIN: 'not a domain', INBOUND_SMTP_PORT: '99999', INBOUND_WEBHOOK_SECRET: 'short' });
    expect(bad).toThrow(/INBOUND_DOMAIN must be a domain/);
    expect(bad).toThrow(/INBOUND_SMTP_PORT must be a whole number/);
    expect(bad).toThrow(/INBOUND_WEBHOOK_SECRET must be at least 16/);
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '2525' })).toThrow(/INBOUND_SMTP_PORT needs INBOUND_DOMAIN/);
  });
});

describe('inbound SMTP listener start', () => {
  it('fails the start with a clear sentence when INBOUND_SMTP_PORT is taken, and leaves nothing running', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const data = tempDataDir();
    try {
      await expect(startTestServer(data.dir, 0, { INBOUND_SMTP_PORT: String(port), INBOUND_DOMAIN: 'reply.shop.test' })).rejects.toThrow(
        `cannot listen for inbound mail on INBOUND_SMTP_PORT ${port} (it is in use)`,
      );
    } finally {
      busy.close();
      data.remove();
    }
  });
});
