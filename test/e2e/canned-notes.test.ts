import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useE2e } from '../helpers/e2e';
import { readmeSnippet, readmeStub, useShopOrigin } from '../helpers/host-site';
import { signInAsAdmin } from './console-sign-in';
import { sendChat } from './widget-steps';

// Issue 19: an agent keeps a canned reply in Settings, then in a chat types `/` and its shortcut and gets
// it with the visitor's name filled in; an internal note in the same chat never reaches the visitor's
// browser, checked on its WebSocket frames. The shop is on another origin than the Earshot server.
const e2e = useE2e({ openAllDay: true });
const host = useShopOrigin(e2e);

/** A visitor on a shop page that tells Earshot their name, the widget open; every WebSocket frame it receives is kept. */
async function namedVisitor(name: string): Promise<{ page: Page; frames: string[] }> {
  const url = host.shop.page(
    '/named',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Shop</title>` +
      `${readmeStub()}<script>Earshot('identify', ${JSON.stringify({ name })})</script></head>` +
      `<body><h1>Shop</h1>${readmeSnippet(host.relay)}</body></html>`,
  );
  const page = await (await e2e.newContext()).newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString())),
  );
  await page.goto(url);
  await page.getByRole('button', { name: 'Open chat' }).click();
  return { page, frames };
}

describe('canned replies and notes in Chromium', () => {
  it('fills /thanks with the visitor’s name by keyboard, and keeps a note off the visitor’s wire', async () => {
    const agent = await e2e.newPage();
    await signInAsAdmin(agent, `${e2e.server.url}/console`);
    await agent.getByRole('link', { name: 'Settings' }).click();
    const section = agent.getByRole('region', { name: 'Canned replies' });
    await section.getByLabel('Shortcut').fill('thanks');
    await section.getByLabel('Text').fill('Thanks for waiting, {visitor.name}! {agent.name} here, {unknown.thing}how can I help?');
    await section.getByRole('checkbox', { name: 'Shared with the team' }).check();
    await section.getByRole('button', { name: 'Add reply' }).click();
    await section.getByRole('list', { name: 'Canned replies' }).getByText('/thanks').waitFor();

    const visitor = await namedVisitor('Jana Nováková');
    await sendChat(visitor.page, 'Is my parcel on its way?');

    await agent.getByRole('link', { name: 'Conversations' }).click();
    await agent.getByText('Is my parcel on its way?').first().click();
    await agent.getByRole('log').getByText('Is my parcel on its way?').waitFor();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.focus();
    await agent.keyboard.type('/tha');
    const picker = agent.getByRole('listbox', { name: 'Canned replies' });
    await picker.getByRole('option', { name: /\/thanks/, selected: true }).waitFor();
    expect(await axeViolations(agent)).toEqual([]);
    await agent.keyboard.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('Thanks for waiting, Jana Nováková! Admin here, how can I help?');
    await agent.keyboard.press('Enter');
    await visitor.page.getByRole('log').getByText('Thanks for waiting, Jana Nováková! Admin here, how can I help?').waitFor();

    // A note, by keyboard: the Note switch, then Enter adds it; the log marks it as internal.
    await agent.getByRole('button', { name: 'Note' }).focus();
    await agent.keyboard.press('Enter');
    await agent.getByRole('textbox', { name: 'Internal note' }).focus();
    await agent.keyboard.type('SECRET-NOTE she is a wholesale customer');
    await agent.keyboard.press('Enter');
    const noted = agent.getByRole('log').getByRole('listitem').filter({ hasText: 'SECRET-NOTE' });
    await noted.getByText('Internal note').waitFor();
    await agent.getByRole('button', { name: 'Reply', pressed: false }).click();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('It left our warehouse today.');
    await agent.keyboard.press('Enter');
    await visitor.page.getByRole('log').getByText('It left our warehouse today.').waitFor();

    const wire = visitor.frames.join('\n');
    expect(wire).toContain('It left our warehouse today.');
    expect(wire).not.toContain('SECRET-NOTE');
    expect(await visitor.page.getByRole('log').innerText()).not.toContain('SECRET-NOTE');

    // A tag made on the fly, by keyboard; the inbox's Tag filter then shows only tagged chats.
    await sendChat((await namedVisitor('Petr')).page, 'Untagged question');
    await agent.getByRole('textbox', { name: 'Add a tag' }).focus();
    await agent.keyboard.type('Wholesale');
    await agent.keyboard.press('Enter');
    await agent.getByRole('button', { name: 'Remove tag wholesale' }).waitFor();
    const inbox = agent.getByRole('navigation', { name: /Conversations|Inbox/ });
    await inbox.getByText('Untagged question').waitFor();
    await agent.getByRole('combobox', { name: 'Tag' }).selectOption('wholesale');
    await expect.poll(() => inbox.getByText('Untagged question').count()).toBe(0);
    await inbox.getByText('It left our warehouse today.').waitFor();
  });
});
