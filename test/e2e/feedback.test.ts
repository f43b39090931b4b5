import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../helpers/e2e';
import { signInAsAdmin } from './console-sign-in';

const e2e = useE2e({ smtp: true, env: { MAIL_FROM: 'Demo shop <hello@shop.test>' } });

/** A visitor on the demo page with the Feedback view open. */
async function feedbackForm(): Promise<Page> {
  const page = await (await e2e.newContext()).newPage();
  await page.goto(`${e2e.server.url}/`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await page.getByRole('radio', { name: '1 – Very bad' }).waitFor();
  return page;
}

describe('feedback in Chromium', () => {
  it(
    'shows anonymous feedback without a reply action, alerts a second console tab about a complaint, and answers it by ' + 'email',
    async () => {
      const agentCtx = await e2e.newContext();
      const inbox = await agentCtx.newPage();
      await signInAsAdmin(inbox, `${e2e.server.url}/console`);
      await inbox.getByRole('link', { name: 'Feedback' }).click();
      const watcher = await agentCtx.newPage(); // a second tab, left on the conversations screen
      await watcher.goto(`${e2e.server.url}/console`);
      await watcher.getByRole('link', { name: 'Feedback' }).waitFor();

      const anon = await feedbackForm();
      await anon.getByRole('radio', { name: '4 – Good' }).check();
      await anon.getByLabel('Category').selectOption({ label: 'Idea' });
      await anon.getByLabel('Your feedback').fill('Please add gift wrapping');
      await anon.getByRole('radio', { name: 'Stay anonymous' }).check();
      await anon.getByRole('button', { name: 'Send feedback' }).click();
      await anon.getByText('Thank you for your feedback!').waitFor();

      await inbox.getByRole('list', { name: 'Feedback items' }).getByText('Please add gift wrapping').click();
      await inbox.getByText('This feedback is anonymous, so there is no one to answer.').waitFor();
      expect(await inbox.getByRole('textbox', { name: 'Reply by email' }).count()).toBe(0);

      const angry = await feedbackForm();
      await angry.getByRole('radio', { name: '1 – Very bad' }).check();
      await angry.getByLabel('Category').selectOption({ label: 'Complaint' });
      await angry.getByLabel('Your feedback').fill('The mug arrived broken <script>alert(1)</script>');
      await angry.getByRole('radio', { name: 'Reply to me' }).check();
      // By role: after the demo site's closing time the chat tab holds a hidden "Leave a message"
      // form with fields of the same names, which label queries would find too.
      await angry.getByRole('textbox', { name: 'Name' }).fill('Ana');
      await angry.getByRole('textbox', { name: 'Email' }).fill('ana@example.test');
      await angry.getByRole('button', { name: 'Send feedback' }).click();
      await angry.getByText("Thank you! We'll answer by email, usually within one business day.").waitFor();

      const alert = watcher.getByRole('alert').filter({ hasText: 'New complaint (rating 1) from Ana' });
      await alert.waitFor();
      expect(await alert.innerText()).toContain('<script>alert(1)</script>');

      await inbox.getByRole('list', { name: 'Feedback items' }).getByText('The mug arrived broken').click();
      await inbox.getByRole('textbox', { name: 'Reply by email' }).fill('Sorry, Ana! A new mug is on its way.');
      await inbox.getByRole('button', { name: 'Send reply' }).click();
      await inbox.getByRole('main').getByText('Answered').first().waitFor();
      const mails = await e2e.smtp.waitFor(2); // the admin's complaint alert, then the reply
      const reply = mails.find((m) => m.to && 'text' in m.to && m.to.text === 'ana@example.test');
      expect(reply?.text).toContain('Sorry, Ana! A new mug is on its way.');
      expect(reply?.text).toContain('> The mug arrived broken <script>alert(1)</script>');
      await agentCtx.close();
    },
  );
});
