import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useE2e } from '../helpers/e2e';
import { readmeSnippet, readmeStub, useShopOrigin } from '../helpers/host-site';
import { signInAsAdmin } from './console-sign-in';
import { sendChat } from './widget-steps';

// One person across a laptop and a phone (two browser contexts) and three channels is one contact
// in the console (issue 18); a third browser that only claims their email is a suggestion, never a
// merge, and sees nothing of theirs. The shop is on another origin than the Earshot server.
// With mail set up, feedback may ask for a reply: signed feedback is what belongs to the person.
const e2e = useE2e({ openAllDay: true, smtp: true });
const host = useShopOrigin(e2e);

const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

/** A new browser (context) on a shop page that identifies the visitor as `who`, then opens the widget. */
async function shopPage(path: string, who: Record<string, string>): Promise<Page> {
  const url = host.shop.page(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Shop</title>` +
      `${readmeStub()}<script>Earshot('identify', ${JSON.stringify(who)})</script></head>` +
      `<body><h1>Shop</h1>${readmeSnippet(host.relay)}</body></html>`,
  );
  const page = await (await e2e.newContext()).newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Open chat' }).click();
  return page;
}

describe('contacts in Chromium', () => {
  it('shows one contact with the laptop’s chat and call back and the phone’s feedback in one timeline; a mere claim is a suggestion', async () => {
    const desk = await e2e.staffed();
    const identity = await desk.emitWithAck('site:identity', { siteId: 'demo' });
    if (!identity.ok) throw new Error(identity.message);
    const ana = { id: 'user-42', name: 'Ana Verified', email: 'ana@example.test', hash: sign(identity.data.secret, 'user-42') };

    const laptop = await shopPage('/laptop', ana);
    await sendChat(laptop, 'My order 1234 has not arrived');
    await laptop.getByRole('tab', { name: 'Call me back' }).click();
    await laptop.getByLabel('Phone number').fill('+420 602 123 456');
    await laptop.getByRole('radio', { name: 'As soon as possible' }).check();
    await laptop.getByRole('button', { name: 'Request a call' }).click();
    await laptop
      .getByRole('status')
      .filter({ hasText: /Waiting for our call/ })
      .waitFor();

    const phone = await shopPage('/phone', { id: ana.id, hash: ana.hash });
    await phone.getByRole('tab', { name: 'Feedback' }).click();
    await phone.getByRole('radio', { name: '2 – Bad' }).check();
    await phone.getByRole('combobox', { name: 'Category' }).selectOption('complaint');
    await phone.getByLabel('Your feedback').fill('The parcel came <b>late</b>');
    await phone.getByRole('radio', { name: 'Reply to me' }).check();
    await phone.getByRole('textbox', { name: 'Name' }).fill('Ana');
    await phone.getByRole('textbox', { name: 'Email' }).fill('ana@example.test');
    await phone.getByRole('button', { name: 'Send feedback' }).click();
    await phone.getByRole('heading', { name: /^Thank you/ }).waitFor();

    // A third browser only claims the same address: it sees none of Ana's history.
    const claimer = await shopPage('/claim', { name: 'Not Ana', email: 'ana@example.test' });
    await sendChat(claimer, 'Hello from a claim');
    expect(await claimer.getByRole('log').innerText()).not.toContain('order 1234');

    const agent = await e2e.newPage();
    await signInAsAdmin(agent, `${e2e.server.url}/console`);
    await agent.getByRole('link', { name: 'Contacts' }).click();
    await agent.getByRole('searchbox', { name: 'Search contacts by name, email or phone' }).fill('Ana Verified');
    const list = agent.getByRole('list', { name: 'Contacts, last seen first' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('link', { name: /Ana Verified/ }).focus();
    await agent.keyboard.press('Enter');

    const view = agent.getByRole('main', { name: 'Ana Verified' });
    await view.getByText('user-42').waitFor();
    const timeline = view.getByRole('list', { name: 'Timeline, newest first' });
    await timeline.getByRole('link', { name: /^Chat/ }).waitFor();
    await timeline.getByRole('link', { name: /^Call back request/ }).waitFor();
    await timeline.getByRole('link', { name: /^Feedback: complaint, rated 2 of 5/ }).waitFor();
    // The visitor's text is shown as text, never as markup.
    await timeline.getByText('The parcel came <b>late</b>').waitFor();
    expect(await view.locator('b', { hasText: 'late' }).count()).toBe(0);
    expect(await view.locator('.contact-browsers li').count()).toBe(2);

    // The claim is offered to merge, not merged.
    const suggestions = view.getByRole('region', { name: 'May be the same person' });
    await suggestions.getByRole('button', { name: 'Merge Not Ana into this contact' }).waitFor();
    expect(await view.locator('.contact-browsers li').count()).toBe(2);
    expect(await axeViolations(agent)).toEqual([]);

    // The agent merges, sees the claimer's chat join the timeline, and undoes it.
    await suggestions.getByRole('button', { name: 'Merge Not Ana into this contact' }).click();
    await expect.poll(() => view.locator('.contact-browsers li').count()).toBe(3);
    await view.getByRole('button', { name: 'Undo last merge' }).click();
    await expect.poll(() => view.locator('.contact-browsers li').count()).toBe(2);
    // A merge by hand never showed the claimer Ana's history.
    await claimer.reload();
    await claimer.getByRole('button', { name: 'Open chat' }).click();
    await claimer.getByRole('log').getByText('Hello from a claim').waitFor();
    expect(await claimer.getByRole('log').innerText()).not.toContain('order 1234');
  });
});
