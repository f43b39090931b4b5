import { describe, expect, it } from 'vitest';
import { useE2e } from '../helpers/e2e';
import { signInAsAdmin } from './console-sign-in';

const e2e = useE2e();

/** Wall-clock "HH:MM" of an instant in a zone. */
const clock = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);

describe('call back requests in Chromium', () => {
  it(
    'a visitor in Yerevan books tomorrow, an agent in Prague sees both times right, and every status reaches the widget ' + 'live',
    async () => {
      // With its opening hours on, the demo shop is open 08:00–20:00 Prague time, so tomorrow's
      // first window starts at 08:00 there.
      const site = (await e2e.server.store.getSite('demo'))!;
      await e2e.server.store.upsertSite({ ...site, options: { ...site.options, hoursEnabled: true } });
      const visitorCtx = await e2e.newContext({ timezoneId: 'Asia/Yerevan', locale: 'en-GB' });
      const visitor = await visitorCtx.newPage();
      await visitor.goto(`${e2e.server.url}/`);
      await visitor.getByRole('button', { name: 'Open chat' }).click();
      await visitor.getByRole('tab', { name: 'Call me back' }).click();
      await visitor.getByLabel('Phone number').fill('+374 77 123456');
      await visitor.getByLabel('Name').fill('Aram');
      await visitor.getByLabel('Topic').fill('Wholesale prices');
      await visitor.getByRole('radio', { name: 'Choose a time' }).check();
      const day = visitor.getByLabel('Day');
      const tomorrow = await day.locator('option', { hasText: /^Tomorrow/ }).getAttribute('value');
      await day.selectOption(tomorrow);
      const first = visitor.getByRole('radiogroup', { name: 'Time' }).getByRole('radio').first();
      const windowLabel = await first.evaluate((el) => el.closest('label')?.textContent ?? '');
      await first.check();
      await visitor.getByRole('button', { name: 'Request a call' }).click();
      const status = visitor.getByRole('status').filter({ hasText: /Waiting for our call/ });
      await status.waitFor();

      const slots = await e2e.server.store.listCallbacks(true, 10);
      expect(slots).toHaveLength(1);
      const due = Date.parse(slots[0]!.dueAt);
      expect(clock(due, 'Europe/Prague')).toBe('08:00');
      expect(windowLabel).toContain(clock(due, 'Asia/Yerevan')); // 11:00 in Yerevan, shown to the visitor

      const agentCtx = await e2e.newContext({ timezoneId: 'Europe/Prague', locale: 'en-GB' });
      const agent = await agentCtx.newPage();
      await signInAsAdmin(agent, `${e2e.server.url}/console`);
      await agent.getByRole('link', { name: 'Callbacks' }).click();
      const row = agent.getByRole('list', { name: 'Call back requests' }).getByRole('listitem').filter({ hasText: 'Aram' });
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText).toContain(`${clock(due, 'Europe/Prague')}–${clock(due + 30 * 60_000, 'Europe/Prague')}`);
      expect(rowText).toContain(`${clock(due, 'Asia/Yerevan')}–${clock(due + 30 * 60_000, 'Asia/Yerevan')}`);
      expect(await row.getByRole('link', { name: /\+374 77 123456/ }).getAttribute('href')).toBe('tel:+37477123456');

      await row.getByRole('link', { name: 'Aram' }).click();
      await agent.getByRole('button', { name: 'Claim' }).click();
      await agent.getByRole('button', { name: 'No answer' }).click();
      await expect.poll(async () => (await e2e.server.store.getCallback(slots[0]!.id))?.attempts).toBe(1);
      await status.waitFor();

      await agent.getByRole('button', { name: 'Reschedule' }).click();
      const later = new Date(due + 6 * 3600_000); // 14:00 Prague time
      const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague', dateStyle: 'short', timeStyle: 'short' })
        .format(later)
        .replace(' ', 'T');
      await agent.getByLabel('New time (your time)').fill(local);
      await agent.getByRole('button', { name: 'Confirm reschedule' }).click();
      await visitor
        .getByRole('status')
        .filter({ hasText: `Moved to` })
        .filter({ hasText: clock(later.getTime(), 'Asia/Yerevan') })
        .waitFor();

      await agent.getByRole('button', { name: 'Reached' }).click();
      await visitor.getByRole('status').filter({ hasText: 'Done: we called you' }).waitFor();
      const attempts = await e2e.server.store.listCallbackAttempts(slots[0]!.id);
      expect(attempts.map((a) => a.outcome)).toEqual(['no_answer', 'rescheduled', 'reached']);
      await visitorCtx.close();
      await agentCtx.close();
    },
  );

  it('refuses a wrong number with a message in words beside the field and stores nothing', async () => {
    const ctx = await e2e.newContext({ timezoneId: 'Europe/Prague', locale: 'en-GB' });
    const page = await ctx.newPage();
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('tab', { name: 'Call me back' }).click();
    const before = (await e2e.server.store.listCallbacks(false, 100)).length;
    for (const wrong of ['12', 'call me', '+999 123 456 789']) {
      await page.getByLabel('Phone number').fill(wrong);
      await page.getByRole('button', { name: 'Request a call' }).click();
      const field = page.getByLabel('Phone number');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
      const messages = await Promise.all(
        describedBy.map((id) =>
          page
            .locator(`[id="${id}"]`)
            .innerText()
            .catch(() => ''),
        ),
      );
      expect(messages.join(' ').length).toBeGreaterThan(15);
    }
    expect((await e2e.server.store.listCallbacks(false, 100)).length).toBe(before);
    await ctx.close();
  });
});
