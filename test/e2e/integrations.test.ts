import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useE2e } from '../helpers/e2e';
import { startReceiver, type Receiver } from '../helpers/webhooks';
import { signInAsAdmin } from './console-sign-in';

// The receiver listens on 127.0.0.1: this server lets webhooks go to loopback (the SSRF guard's switch).
const e2e = useE2e({ env: { WEBHOOKS_ALLOW_PRIVATE: '1' } });

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Opens Settings and one of its sections (a <details> closed until asked). */
async function openSettings(page: Page, section: 'API tokens' | 'Webhooks') {
  await signInAsAdmin(page, `${e2e.server.url}/console`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: section }).click();
}

/** A call the page makes with the token, as an integrator's script would: its status and body. */
const callApi = (page: Page, token: string) =>
  page.evaluate(async (t) => {
    const res = await fetch('/api/v1/sites', { headers: { authorization: `Bearer ${t}` } });
    return { status: res.status, body: (await res.json()) as { data?: { id: string }[]; code?: string } };
  }, token);

describe('integrations in Chromium', () => {
  it('an admin makes an API token (shown once), uses it, revokes it, and the next call is refused', async () => {
    const page = await e2e.newPage();
    await openSettings(page, 'API tokens');
    await page.getByRole('textbox', { name: 'Token name' }).fill('CRM sync');
    await page.getByRole('combobox', { name: 'Access' }).selectOption({ label: 'Read only' });
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('group', { name: 'New API token CRM sync' });
    const token = await shown.getByRole('textbox', { name: 'API token' }).inputValue();
    expect(token).toMatch(/^es_live_[A-Za-z0-9_-]{43}$/);
    const listed = page.getByRole('list', { name: 'API tokens' }).getByRole('listitem').filter({ hasText: 'CRM sync' });
    await expect.poll(() => listed.innerText()).toMatch(/never used/);
    // The list shows the prefix, never the secret.
    expect(await page.getByRole('list', { name: 'API tokens' }).innerText()).not.toContain(token);

    const ok = await callApi(page, token);
    expect(ok).toMatchObject({ status: 200, body: { data: [expect.objectContaining({ id: 'demo' })] } });

    await page.getByRole('button', { name: 'Revoke the token CRM sync' }).click();
    await page.getByText('The token CRM sync is revoked').waitFor();
    // Shown once: after the revocation the secret is nowhere on the page.
    expect(await page.locator('body').innerText()).not.toContain(token);
    expect(await callApi(page, token)).toMatchObject({ status: 401, body: { code: 'bad_token' } });
  });

  it('an admin adds a webhook endpoint, sends a test event, the receiver verifies it, and the console shows the delivery', async () => {
    receiver = await startReceiver();
    const page = await e2e.newPage();
    await openSettings(page, 'Webhooks');
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page
      .getByRole('group', { name: 'Webhook signing secret' })
      .getByRole('textbox', { name: 'Signing secret' })
      .inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.push(secret);

    const endpoint = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: receiver.url });
    await endpoint.getByRole('button', { name: 'Send a test event' }).click();
    const got = await receiver.next((r) => (r.event as { type?: string }).type === 'webhook.test');
    expect(got.verifiedBy).toEqual([secret]);
    expect(got.id).toMatch(/^msg_/);
    expect(got.event).toMatchObject({ type: 'webhook.test', data: { message: 'A test event from Earshot.' } });

    const rows = endpoint.getByRole('list', { name: 'Recent deliveries' });
    await expect
      .poll(async () => {
        await endpoint.getByRole('button', { name: 'Refresh deliveries' }).click();
        return rows.innerText();
      })
      .toMatch(/webhook\.test\s+delivered \(200\)/);
  });
});
