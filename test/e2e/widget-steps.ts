import type { Page } from 'playwright-core';

// What a visitor does in the widget, step by step, as the e2e suites share it.

/** Opens the widget's panel (after going to `url`, when given) and waits for it. */
export async function openWidget(page: Page, url?: string): Promise<void> {
  if (url) await page.goto(url);
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByRole('dialog').waitFor();
}

/** Sends a chat message from the widget and waits until it shows in the log. */
export async function sendChat(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await page.getByRole('log').getByText(text).waitFor();
}

/** Sends the "Leave a message" form with `text`, and an email address when one is given. */
export async function leaveMessage(page: Page, text: string, email?: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Leave a message' });
  if (email) await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Message' }).fill(text);
  await form.getByRole('button', { name: 'Send message' }).click();
}

/** Waits until the widget tells the visitor their call back request is waiting for the call. */
export async function waitingForCall(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /Waiting for our call/ })
    .waitFor();
}

/** Sends the open "Call me back" form with this number and waits until the request is waiting. */
export async function requestCall(page: Page, phone = '+420 601 123 456'): Promise<void> {
  await page.getByLabel('Phone number').fill(phone);
  await page.getByRole('button', { name: 'Request a call' }).click();
  await waitingForCall(page);
}
