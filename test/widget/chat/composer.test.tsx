// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../widget/chat/composer';
import { t } from '../helpers/t';

afterEach(cleanup);

function setup() {
  const onSend = vi.fn();
  const onInput = vi.fn();
  render(<Composer t={t} offline={false} onSend={onSend} onInput={onInput} />);
  const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
  return { onSend, onInput, box };
}

describe('Composer', () => {
  it('sends the trimmed text on Enter and empties the box', async () => {
    const { onSend, box } = setup();
    fireEvent.input(box, { target: { value: '  Hello  ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Hello');
    await vi.waitFor(() => expect(box.value).toBe(''));
  });

  it('does not send on Shift+Enter', () => {
    const { onSend, box } = setup();
    fireEvent.input(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends with the Send button', () => {
    const { onSend, box } = setup();
    fireEvent.input(box, { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('Hi');
  });

  it('does not send a blank message', () => {
    const { onSend, box } = setup();
    fireEvent.input(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('reports typing on input', () => {
    const { onInput, box } = setup();
    fireEvent.input(box, { target: { value: 'H' } });
    expect(onInput).toHaveBeenCalledTimes(1);
  });
});
