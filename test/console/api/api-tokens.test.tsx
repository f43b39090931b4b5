// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiTokens } from '../../../console/api/api-tokens';
import type { ApiToken, TokenApi } from '../../../console/net/token-api';
import { openSection } from '../details';

afterEach(cleanup);

/** A token API over an in-memory list, like the server's: the secret is in the create answer only. */
function fakeTokenApi(): TokenApi & { calls: string[] } {
  const tokens: ApiToken[] = [];
  const calls: string[] = [];
  return {
    calls,
    async list() {
      calls.push('list');
      return { ok: true, data: [...tokens] };
    },
    async create(name, scopes) {
      calls.push(`create ${name} ${scopes.join('+')}`);
      const token: ApiToken = {
        id: `t${tokens.length + 1}`,
        name,
        prefix: 'es_live_Ab3d',
        scopes,
        createdBy: 'a1',
        createdAt: '2026-12-04T10:00:00Z',
        lastUsedAt: null,
        revokedAt: null,
      };
      tokens.unshift(token);
      return { ok: true, data: { token, secret: `es_live_Ab3d${'x'.repeat(39)}` } };
    },
    async revoke(id) {
      calls.push(`revoke ${id}`);
      const t = tokens.find((x) => x.id === id)!;
      t.revokedAt = '2026-12-04T11:00:00Z';
      return { ok: true, data: t };
    },
  };
}

const open = () => openSection('API tokens');

/** The section over a fake API, opened. */
function openTokens() {
  const api = fakeTokenApi();
  render(<ApiTokens api={api} />);
  open();
  return api;
}

describe('Settings → API tokens', () => {
  it('asks the server for nothing until the section is opened', async () => {
    const api = fakeTokenApi();
    render(<ApiTokens api={api} />);
    expect(api.calls).toEqual([]);
    open();
    expect(await screen.findByText('No tokens yet.')).toBeTruthy();
  });

  it('makes a token, shows its secret once, and lists it', async () => {
    const api = openTokens();
    await screen.findByText('No tokens yet.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Token name' }), { target: { value: 'CRM sync' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Access' }), { target: { value: 'write' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const secret = await screen.findByRole<HTMLInputElement>('textbox', { name: 'API token' });
    expect(secret.value).toMatch(/^es_live_/);
    expect(screen.getByRole('group', { name: 'New API token CRM sync' }).textContent).toMatch(/shown only this once/);
    expect(api.calls).toContain('create CRM sync read+write');
    const list = await screen.findByRole('list', { name: 'API tokens' });
    expect(within(list).getByText('CRM sync')).toBeTruthy();
    expect(within(list).getByText('Read and write')).toBeTruthy();
    expect(within(list).getByText('never used')).toBeTruthy();
  });

  it('revokes a token and hides its secret', async () => {
    const api = openTokens();
    await screen.findByText('No tokens yet.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Token name' }), { target: { value: 'Old bot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the token Old bot' }));
    expect(await screen.findByText(/The token Old bot is revoked/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'API token' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Revoke the token Old bot' })).toBeNull();
    expect(api.calls).toContain('revoke t1');
  });
});
