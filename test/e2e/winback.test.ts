import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useE2e } from '../helpers/e2e';
import { ADMIN } from '../helpers/server';
import { unhappyCustomer } from '../helpers/unhappy';

const e2e = useE2e({ openAllDay: true, smtp: true });

async function signIn(page: Page) {
  await page.goto(`${e2e.server.url}/console`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('Win back in Chromium', () => {
  it('shows the unhappy contact with both reasons, counted in the nav; the owner emails a code and marks them won back', async () => {
    const sockets: { disconnect(): unknown }[] = [];
    const p = await unhappyCustomer({ server: e2e.server, track: (s) => (sockets.push(s), s) });
    try {
      const page = await e2e.newPage();
      await signIn(page);
      const nav = page.getByRole('link', { name: 'Win back' });
      await expect.poll(() => page.locator('#winback-count').textContent()).toBe('1 to win back');
      await nav.click();
      const card = page.getByRole('listitem', { name: 'Eve Unique' });
      const reasons = card.getByRole('list', { name: 'Why Eve Unique is unhappy' });
      await expect.poll(() => reasons.innerText()).toMatch(/Called back, no answer/);
      expect(await reasons.innerText()).toMatch(/Complained/);
      expect(await reasons.innerText()).toMatch(/Rated 1 of 5/);
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard: the email form opens from its button, is filled and sent.
      await card.getByRole('button', { name: 'Email…' }).focus();
      await page.keyboard.press('Enter');
      const form = card.getByRole('form', { name: 'Email Eve Unique' });
      await form.getByRole('textbox', { name: 'Subject' }).fill('We are sorry');
      await form.getByRole('textbox', { name: 'Message' }).fill('Take 20% off with SORRY20.');
      const before = e2e.smtp.messages.length;
      await form.getByRole('button', { name: 'Send email' }).click();
      await page.getByRole('status').filter({ hasText: 'The email to Eve Unique is on its way.' }).waitFor();
      const mails = await e2e.smtp.waitFor(before + 1);
      expect(mails.slice(before).some((m) => m.text?.includes('SORRY20'))).toBe(true);

      await page.getByRole('listitem', { name: 'Eve Unique' }).getByRole('button', { name: 'Won back' }).click();
      await page.getByText('Nobody to win back right now.').waitFor();
      await expect.poll(() => page.locator('#winback-count').count()).toBe(0);
      expect(p.contactId).toBeTruthy();
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
  });
});
