import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/server';

/** Signs in to the console as the first admin, typing as an agent would; opens `url` first when given. */
export async function signInAsAdmin(page: Page, url?: string) {
  if (url) await page.goto(url);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
