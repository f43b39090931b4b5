import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/domain/secrets';
import { useE2e } from '../helpers/e2e';
import { visitor } from '../helpers/server';

const e2e = useE2e({ openAllDay: true });

/** Holds back the console's live pushes of inbox rows while `on` is set, so its view goes stale; `release` delivers them. */
interface Hold {
  on: boolean;
  release(): void;
}

/** A new agent, signed in to the console in a browser context of their own. */
async function agentPage(name: string, hold?: Hold): Promise<{ page: Page; id: string }> {
  const id = `agent-${name.toLowerCase()}`;
  const email = `${name.toLowerCase()}@shop.test`;
  const passwordHash = await hashPassword('agent-password');
  await e2e.server.store.createAgent({ id, email, name, role: 'agent', passwordHash, createdAt: new Date().toISOString() });
  const page = await e2e.newPage();
  if (hold) await holdPushes(page, hold);
  await page.goto(`${e2e.server.url}/console`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('agent-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: /^Mine/ }).waitFor();
  return { page, id };
}

/** Routes the console's WebSocket through the test: frames carrying `conversation:updated` wait while `hold.on`. */
async function holdPushes(page: Page, hold: Hold): Promise<void> {
  const held: { send(): void }[] = [];
  hold.release = () => {
    hold.on = false;
    held.splice(0).forEach((h) => h.send());
  };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((m) => {
      if (hold.on && String(m).includes('"conversation:updated"')) held.push({ send: () => ws.send(m) });
      else ws.send(m);
    });
  });
}

/** A visitor's chat over a real socket; its first message's text. */
async function chat(text: string) {
  const v = await visitor(e2e.server.url);
  const sent = await v.socket.emitWithAck('message:send', { id: `m-${v.hello.visitorId}`, conversationId: null, text });
  if (!sent.ok) throw new Error(sent.code);
  return v.socket;
}

const row = (page: Page, text: string) => page.getByRole('list', { name: 'Conversations' }).getByRole('link').filter({ hasText: text });

describe('assignment in Chromium', () => {
  it(
    'auto-assignment gives each agent a chat the other sees as theirs, an agent claiming a chat just taken is told who ' +
      'has it, and a transfer carries its note',
    async () => {
      // Round robin with room for one open chat each.
      const site = (await e2e.server.store.getSite('demo'))!;
      await e2e.server.store.upsertSite({
        ...site,
        options: { ...site.options, assignment: { auto: true, capacity: 1, graceSeconds: 120 } },
      });
      const hold: Hold = { on: false, release: () => undefined };
      const ana = await agentPage('Ana');
      const bob = await agentPage('Bob', hold);

      // A visitor in the widget; the first chat goes to one of them, the second to the other.
      const visitorPage = await e2e.newPage();
      await visitorPage.goto(`${e2e.server.url}/`);
      await visitorPage.getByRole('button', { name: 'Open chat' }).click();
      const box = visitorPage.getByRole('textbox', { name: 'Message' });
      await box.fill('Where is my order 1042?');
      await box.press('Enter');
      await visitorPage.getByRole('log').getByText('Where is my order 1042?').waitFor();
      const first = row(ana.page, 'Where is my order 1042?');
      await first.getByText(/^(Ana|Bob)$/).waitFor();
      const firstOwner = (await first.getByText('Ana', { exact: true }).count()) ? 'Ana' : 'Bob';
      const sockets = [await chat('Do you ship to Armenia?')];
      const secondOwner = firstOwner === 'Ana' ? 'Bob' : 'Ana';
      // Each console shows who has which chat, the other's too.
      for (const p of [ana.page, bob.page]) {
        await row(p, 'Where is my order 1042?').getByText(firstOwner, { exact: true }).waitFor();
        await row(p, 'Do you ship to Armenia?').getByText(secondOwner, { exact: true }).waitFor();
        await p.getByRole('tab', { name: 'Mine 1' }).waitFor();
      }
      await bob.page.getByRole('tab', { name: /^Mine/ }).click();
      expect(await bob.page.getByRole('list', { name: 'Conversations' }).getByRole('link').count()).toBe(1);
      await bob.page.getByRole('tablist', { name: 'Whose conversations' }).getByRole('tab', { name: /^All/ }).click();

      // Both are at capacity: a third chat waits in Unassigned, and both go to take it.
      sockets.push(await chat('Gift wrapping?'));
      for (const p of [ana.page, bob.page]) {
        await row(p, 'Gift wrapping?').getByText('Unassigned', { exact: true }).waitFor();
        await row(p, 'Gift wrapping?').click();
        await p.getByRole('button', { name: 'Assign to me' }).waitFor();
      }
      // Bob's console hears nothing meanwhile, so he still sees it unassigned when he clicks, after Ana took it.
      hold.on = true;
      await ana.page.getByRole('button', { name: 'Assign to me' }).click();
      await ana.page.getByText('Assigned to you').waitFor();
      await bob.page.getByRole('button', { name: 'Assign to me' }).click();
      await bob.page.getByRole('alert').filter({ hasText: 'Ana has this chat now.' }).waitFor();
      hold.release();
      await bob.page.getByText('Assigned to Ana').waitFor();
      expect(await ana.page.getByRole('alert').count()).toBe(0);
      expect(
        (await e2e.server.store.listSummaries({ limit: 10 })).find((s) => s.lastMessage?.text === 'Gift wrapping?')?.assignee?.id,
      ).toBe(ana.id);

      // The owner of the first chat transfers it to the other with a note; the new owner reads it there.
      const [from, to] = firstOwner === 'Ana' ? [ana.page, bob.page] : [bob.page, ana.page];
      await row(from, 'Where is my order 1042?').click();
      await from.getByText('Assigned to you').waitFor();
      await from.getByRole('combobox', { name: 'Transfer to' }).selectOption({ label: secondOwner });
      await from.getByRole('textbox', { name: 'Note for them' }).fill('Parcel lost, offer a refund');
      await from.getByRole('button', { name: 'Transfer' }).click();
      await from.getByText(`Assigned to ${secondOwner}`).waitFor();
      await row(to, 'Where is my order 1042?').click();
      await to.getByText('Assigned to you').waitFor();
      await to.getByText('Parcel lost, offer a refund').waitFor();
      // The new owner answers; the visitor sees their name, and never the note.
      await to.getByRole('textbox', { name: 'Reply' }).fill('Sorry about that, a refund is on its way.');
      await to.getByRole('button', { name: 'Send' }).click();
      const log = visitorPage.getByRole('log');
      await log.getByText('Sorry about that, a refund is on its way.').waitFor();
      expect(await log.innerText()).toContain(secondOwner);
      // The widget's header names who answers now.
      await visitorPage.getByRole('heading', { name: `Demo shop ${secondOwner} is answering` }).waitFor();
      expect(await visitorPage.locator('body').innerText()).not.toContain('Parcel lost');

      sockets.forEach((s) => s.disconnect());
    },
  );
});
