import { nanoid } from 'nanoid';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/types';
import { axeViolations } from '../helpers/axe';
import { useE2e } from '../helpers/e2e';
import { ADMIN, nextEvent, visitor } from '../helpers/server';
import { agentWith } from '../helpers/team';

// No SMTP: the admin hands the invitation link over by copying it from the console.
const e2e = useE2e({ openAllDay: true });

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${e2e.server.url}/console`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the team in Chromium', () => {
  it(
    'an invited agent joins from another browser, answers a chat under their name, cannot manage, and is signed out when ' + 'deactivated',
    async () => {
      const admin = await e2e.newPage();
      await signIn(admin, ADMIN.email, ADMIN.password);
      await admin.getByRole('link', { name: 'Team' }).click();
      await admin.getByRole('textbox', { name: 'Email' }).fill('petra@shop.test');
      await admin.getByRole('button', { name: 'Invite' }).click();
      const shown = admin.getByRole('textbox', { name: 'Invitation link for petra@shop.test' });
      await expect
        .poll(() => admin.getByRole('group', { name: 'Invitation link for petra@shop.test' }).innerText())
        .toMatch(/nothing was sent/);
      const link = await shown.inputValue();
      expect(link).toMatch(new RegExp(`^${e2e.server.url}/console/invite/`));
      await admin.getByRole('listitem').filter({ hasText: 'petra@shop.test' }).waitFor();

      // The invitee, in a browser of their own: choose a name and password, and they are in.
      const agentCtx = await e2e.newContext();
      const agent = await agentCtx.newPage();
      await agent.goto(link);
      await agent.getByText('You are invited as an agent with petra@shop.test.').waitFor();
      await agent.getByRole('textbox', { name: 'Your name, as visitors see it' }).fill('Petra from Support');
      await agent.getByLabel('Password (at least 8 characters)').fill('petra password');
      await agent.getByRole('button', { name: 'Join and sign in' }).click();
      await agent.getByRole('link', { name: /Petra from Support/ }).waitFor();
      expect(new URL(agent.url()).pathname).toBe('/console/');
      // The link works once: signed out, it is refused.
      const reuse = await e2e.newPage();
      await reuse.goto(link);
      expect(await reuse.getByRole('alert').innerText()).toMatch(/used already/);

      // A visitor writes; the agent answers; the visitor sees the agent's display name.
      const v = await visitor(e2e.server.url);
      const first = await v.socket.emitWithAck('message:send', {
        id: nanoid(),
        conversationId: null,
        text: 'Is the linen towel sold in pairs?',
      });
      expect(first.ok).toBe(true);
      await agent.getByText('Is the linen towel sold in pairs?').first().click();
      await agent.getByRole('log').getByText('Is the linen towel sold in pairs?').waitFor();
      const reply = nextEvent<Message>(v.socket, 'message:new', (m) => m.author === 'agent');
      await agent.getByRole('textbox', { name: 'Reply' }).fill('Yes, in two days.');
      await agent.getByRole('button', { name: 'Send' }).click();
      expect(await reply).toMatchObject({ text: 'Yes, in two days.', authorName: 'Petra from Support' });

      // No Team entry; the settings and team pages say they are for admins; the server refuses too.
      expect(await agent.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Team' }).count()).toBe(0);
      await agent.getByRole('link', { name: 'Settings' }).click();
      await agent.getByText('Only admins can change site settings').waitFor();
      await agent.goto(`${e2e.server.url}/console/team`);
      await agent.getByText('Only admins can manage the team').waitFor();
      expect(await agent.evaluate(async () => (await fetch('/api/team')).status)).toBe(403);
      const cookie = (await agentCtx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const socket = await agentWith(e2e.server.url, cookie);
      expect(await socket.emitWithAck('site:update', { siteId: 'demo', name: 'Taken over' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      socket.disconnect();

      // The admin deactivates her: her open console goes back to sign-in, saying why, and her cookie is refused.
      await admin.reload();
      await admin.getByRole('button', { name: 'Deactivate Petra from Support' }).click();
      await admin
        .getByRole('group', { name: 'Confirm deactivating Petra from Support' })
        .getByRole('button', { name: 'Deactivate' })
        .click();
      await admin.getByText('Petra from Support is deactivated and signed out everywhere.').waitFor();
      await agent.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
      expect(await agent.getByRole('status').first().innerText()).toMatch(/deactivated/);
      const me = await fetch(`${e2e.server.url}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(401);
      v.socket.disconnect();
    },
  );

  it('the Team, account, invitation and forgot-password pages meet WCAG 2.2 AA and work from the keyboard', async () => {
    const admin = await e2e.newPage({ reducedMotion: 'reduce' });
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole('link', { name: 'Team' }).click();
    await admin.getByRole('textbox', { name: 'Email' }).fill('kim@shop.test');
    // Keyboard only: Enter in the email field sends the invitation.
    await admin.getByRole('textbox', { name: 'Email' }).press('Enter');
    const link = await admin.getByRole('textbox', { name: 'Invitation link for kim@shop.test' }).inputValue();
    await admin.getByRole('listitem').filter({ hasText: 'kim@shop.test' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('link', { name: /your account/ }).click();
    await admin.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    const guest = await e2e.newPage({ reducedMotion: 'reduce' });
    await guest.goto(link);
    await guest.getByRole('button', { name: 'Join and sign in' }).waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    await guest.goto(`${e2e.server.url}/console`);
    await guest.getByRole('button', { name: 'Forgot password?' }).click();
    // Without SMTP the form says who can help instead of asking for an email.
    expect(await guest.getByRole('note').innerText()).toMatch(/Ask an admin/);
    expect(await axeViolations(guest)).toEqual([]);
  });
});
