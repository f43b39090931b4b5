// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagEditor, TagFilter } from '../../../console/format/tag-editor';
import { texts } from '../../helpers/texts';

afterEach(cleanup);

const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Add a tag' });

describe('TagEditor', () => {
  it('adds a new tag on Enter, trimmed and lower case, and removes one by its button', () => {
    const onChange = vi.fn(async () => null);
    render(<TagEditor what="conversation" id="t" tags={['vip']} known={[]} onChange={onChange} />);
    fireEvent.input(input(), { target: { value: '  Refund   Asked ' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['vip', 'refund asked']);
    expect(input().value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag vip' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('offers tags in use that start with what is typed, picked by arrows and Enter, never one it has', () => {
    const onChange = vi.fn(async () => null);
    render(<TagEditor what="conversation" id="t" tags={['billing']} known={['billing', 'bug', 'business']} onChange={onChange} />);
    fireEvent.input(input(), { target: { value: 'B' } });
    const list = screen.getByRole('listbox', { name: 'Tags in use' });
    expect(texts(within(list).getAllByRole('option'))).toEqual(['bug', 'business']);
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(input().getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[1]!.id);
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(['billing', 'business']);
  });

  it('shows why the server refused a tag', async () => {
    render(<TagEditor what="conversation" id="t" tags={[]} known={[]} onChange={async () => 'tags.0: must be 1 to 40 letters'} />);
    fireEvent.input(input(), { target: { value: 'a,b' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('must be 1 to 40 letters');
  });
});

describe('TagFilter', () => {
  it('filters by any tag in use, or none', () => {
    const onChange = vi.fn();
    render(<TagFilter known={['bug', 'vip']} value={null} onChange={onChange} />);
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Tag' });
    expect([...select.options].map((o) => o.textContent)).toEqual(['All tags', 'bug', 'vip']);
    fireEvent.change(select, { target: { value: 'vip' } });
    expect(onChange).toHaveBeenCalledWith('vip');
  });
});
