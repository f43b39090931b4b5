import { expect } from 'vitest';
import { WEEKDAYS } from '../../protocol/types';
import type { Earshot } from '../../server/app';
import { agent, type AgentSocket } from './server';

/** Opens the demo site round the clock, so only who is signed in decides availability. */
export async function openAllDay(server: Earshot): Promise<void> {
  const site = (await server.store.getSite('demo'))!;
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ from: '00:00', to: '24:00' }]])) as typeof site.hours.weekly;
  await server.store.upsertSite({ ...site, hours: { timezone: 'UTC', weekly } });
}

/** Turns on the demo site's opening hours (08:00–20:00 Europe/Prague, every day), as an owner would in Settings. */
export async function withOpeningHours(server: Earshot): Promise<void> {
  const site = (await server.store.getSite('demo'))!;
  await server.store.upsertSite({ ...site, options: { ...site.options, hoursEnabled: true } });
}

/** Keeps an agent connected until the returned socket is closed, so the widget offers a live chat. */
export async function staffed(server: Earshot): Promise<AgentSocket> {
  const desk = await agent(server.url);
  const available = async () =>
    ((await (await fetch(`${server.url}/api/sites/demo/status`)).json()) as { data: { available: boolean } }).data.available;
  await expect.poll(available, { timeout: 15_000 }).toBe(true);
  return desk;
}
