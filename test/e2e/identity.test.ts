import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../helpers/e2e';
import { sendChat } from './widget-steps';
import { signInAsAdmin } from './console-sign-in';

const e2e = useE2e({ openAllDay: true });

/** What the site's backend does for a signed-in user. */
const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

/** A fresh browser (context) on the demo site that identifies, then opens the chat. */
async function browserIdentified(identity: Record<string, string>): Promise<Page> {
  const page = await e2e.newPage();
  await page.goto(`${e2e.server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).waitFor();
  await page.evaluate((who) => (window as unknown as { Earshot(cmd: string, arg: unknown): void }).Earshot('identify', who), identity);
  await page.getByRole('button', { name: 'Open chat' }).click();
  return page;
}

describe('verified identity in Chromium', () => {
  it('joins a laptop and a phone identified with a good hash; a bad or missing hash sees nothing, and the console tells them apart', async () => {
    const desk = await e2e.staffed();
    const identity = await desk.emitWithAck('site:identity', { siteId: 'demo' });
    if (!identity.ok) throw new Error(identity.message);
    const secret = identity.data.secret;

    const laptop = await browserIdentified({
      id: 'user-42',
      name: 'Ana Verified',
      email: 'ana@example.test',
      hash: sign(secret, 'user-42'),
    });
    await sendChat(laptop, 'My order 1234 has not arrived');

    // The second browser picks up the conversation after identifying with the same id.
    const phone = await browserIdentified({ id: 'user-42', hash: sign(secret, 'user-42') });
    await phone.getByRole('log').getByText('My order 1234 has not arrived').waitFor();
    await sendChat(phone, 'Writing from my phone now');
    await laptop.getByRole('log').getByText('Writing from my phone now').waitFor();

    // A bad hash and a mere claim of the same email see none of it.
    const forger = await browserIdentified({ id: 'user-42', email: 'ana@example.test', hash: sign('guessed', 'user-42') });
    const claimer = await browserIdentified({ id: 'user-42', name: 'Ana Claimed', email: 'ana@example.test' });
    await sendChat(forger, 'Hello from a forger');
    await sendChat(claimer, 'Hello from a claim');
    for (const page of [forger, claimer]) {
      expect(await page.getByRole('log').innerText()).not.toContain('order 1234');
    }

    const agent = await e2e.newPage();
    await signInAsAdmin(agent, `${e2e.server.url}/console`);
    await agent.getByText('Writing from my phone now').first().click();
    const panel = agent.getByRole('complementary', { name: 'Visitor' });
    await panel.getByText('Verified', { exact: true }).waitFor();
    await panel.getByText('user-42').waitFor();
    await agent.getByText('Hello from a claim').first().click();
    await panel.getByText('Claimed, not verified').waitFor();
    expect(await panel.getByText('Verified', { exact: true }).count()).toBe(0);
  });
});
