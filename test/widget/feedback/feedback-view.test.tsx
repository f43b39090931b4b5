// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ack, FeedbackInput, FeedbackReceipt } from '../../../protocol/types';
import { FeedbackView } from '../../../widget/feedback/feedback-view';
import { FakeSocket } from '../helpers/fake-socket';
import { testPage, viewProps } from '../helpers/view-props';
import { texts } from '../../helpers/texts';

afterEach(cleanup);

const page = testPage;

/** The view over a connected fake server that stores every piece of feedback it gets. */
function setup(answer?: (p: FeedbackInput) => Ack<FeedbackReceipt>, sendsEmail = true) {
  const socket = new FakeSocket(() => 'tok');
  socket.accept();
  socket.reply(
    'feedback:send',
    answer ?? ((p: FeedbackInput) => ({ ok: true, data: { id: 'f1', replyExpected: p.contact.mode === 'reply' } })),
  );
  const showView = vi.fn();
  render(<FeedbackView {...viewProps(socket, { on: undefined, showView, sendsEmail })} />);
  return { socket, showView, sent: () => socket.requests('feedback:send') };
}

const rating = (name: string) => within(screen.getByRole('radiogroup', { name: 'Rating' })).getByRole('radio', { name });
const type = (name: string, value: string) => fireEvent.input(screen.getByRole('textbox', { name }), { target: { value } });
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
const replyToMe = () => fireEvent.click(screen.getByRole('radio', { name: 'Reply to me' }));

describe('feedback form', () => {
  it('names each rating in words, in a group called Rating', () => {
    setup();
    const names = within(screen.getByRole('radiogroup', { name: 'Rating' }))
      .getAllByRole('radio')
      .map((r) => r.getAttribute('value'));
    expect(names).toEqual(['1', '2', '3', '4', '5']);
    for (const name of ['1 – Very bad', '2 – Bad', '3 – Okay', '4 – Good', '5 – Very good']) expect(rating(name)).toBeTruthy();
  });

  it('offers the four categories under Category', () => {
    setup();
    const select = screen.getByRole('combobox', { name: 'Category' });
    expect(texts(within(select).getAllByRole('option'))).toEqual(['Complaint', 'Praise', 'Idea', 'Question']);
  });

  it('asks for name and email only after "Reply to me", and says nothing identifying is kept otherwise', () => {
    setup();
    expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull();
    expect(screen.getByText(/Nothing that identifies you is stored/)).toBeTruthy();
    replyToMe();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' }).required).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Email' }).required).toBe(true);
    expect(screen.queryByText(/Nothing that identifies you is stored/)).toBeNull();
  });

  it('on a server that sends no email, offers no "Reply to me" and asks for no address, and sends the feedback anonymously', async () => {
    const { sent } = setup(undefined, false);
    expect(screen.queryByRole('radio', { name: 'Reply to me' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull();
    expect(screen.getByText(/cannot answer here/)).toBeTruthy();
    fireEvent.click(rating('4 – Good'));
    send();
    await screen.findByRole('heading', { name: 'Thank you for your feedback!' });
    expect(sent()[0]!.contact).toEqual({ mode: 'anonymous' });
  });

  it('says the page address and title are attached', () => {
    setup();
    expect(screen.getByText('The address and title of this page are sent with your feedback.')).toBeTruthy();
  });

  it('shows a missing email next to the Email field, focuses it, and sends nothing', () => {
    const { sent } = setup();
    fireEvent.click(rating('2 – Bad'));
    replyToMe();
    type('Name', 'Ana');
    send();
    const email = screen.getByRole('textbox', { name: 'Email', description: 'Enter your email address, so we can answer you.' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.nextElementSibling?.textContent).toBe('Enter your email address, so we can answer you.');
    expect(document.activeElement).toBe(email);
    expect(sent()).toEqual([]);
  });

  it('refuses a malformed email before sending', () => {
    const { sent } = setup();
    type('Your feedback', 'Nice shop');
    replyToMe();
    type('Name', 'Ana');
    type('Email', 'ana@example');
    send();
    expect(screen.getByRole('textbox', { name: 'Email', description: 'Enter an email address like name@example.com.' })).toBeTruthy();
    expect(sent()).toEqual([]);
  });

  it('asks for a rating or words when the form is empty, next to the feedback box', () => {
    const { sent } = setup();
    send();
    const box = screen.getByRole('textbox', { name: 'Your feedback', description: 'Choose a rating or write a few words.' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(rating('4 – Good'));
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(sent()).toEqual([]);
  });

  it('refuses feedback longer than the server takes', () => {
    const { sent } = setup();
    type('Your feedback', 'x'.repeat(5001));
    send();
    expect(
      screen.getByRole('textbox', { name: 'Your feedback', description: /shorten your feedback to 5000 characters \(it has 5001\)/ }),
    ).toBeTruthy();
    expect(sent()).toEqual([]);
  });

  it('sends anonymous feedback with no name or email, with the page and the widget’s language', async () => {
    const { sent } = setup();
    fireEvent.click(rating('5 – Very good'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'praise' } });
    type('Your feedback', '  Fast delivery!  ');
    send();
    await screen.findByRole('heading', { name: 'Thank you for your feedback!' });
    expect(sent()).toEqual([
      { id: 'id1', rating: 5, category: 'praise', text: 'Fast delivery!', contact: { mode: 'anonymous' }, page, locale: 'en' },
    ]);
  });

  it('promises an email answer after named feedback, and can start another', async () => {
    const { sent } = setup();
    type('Your feedback', 'Where is my parcel?');
    replyToMe();
    type('Name', 'Ana');
    type('Email', 'ana@example.test');
    send();
    const thanks = await screen.findByRole('heading', { name: "Thank you! We'll answer by email, usually within one business day." });
    expect(document.activeElement).toBe(thanks);
    expect(sent()[0]!.contact).toEqual({ mode: 'reply', name: 'Ana', email: 'ana@example.test' });
    fireEvent.click(screen.getByRole('button', { name: 'Send more feedback' }));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your feedback' }).value).toBe('');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Email' }).value).toBe('ana@example.test');
    // Another piece of feedback is another id.
    type('Your feedback', 'And the invoice?');
    send();
    await screen.findByRole('heading', { name: "Thank you! We'll answer by email, usually within one business day." });
    expect(sent().map((f) => f.id)).toEqual(['id1', 'id2']);
  });

  it('sends feedback again under the same id after a failed answer (it may have been stored), so it is stored once', async () => {
    let calls = 0;
    const { sent } = setup((p) =>
      ++calls === 1
        ? { ok: false, code: 'internal', message: 'Something went wrong.' }
        : { ok: true, data: { id: p.id!, replyExpected: false } },
    );
    type('Your feedback', 'Hello');
    send();
    await screen.findByRole('alert');
    send();
    await screen.findByRole('heading', { name: 'Thank you for your feedback!' });
    expect(sent().map((f) => f.id)).toEqual(['id1', 'id1']);
  });

  it('goes back to the chat from the thank-you', async () => {
    const { showView } = setup();
    fireEvent.click(rating('3 – Okay'));
    send();
    fireEvent.click(await screen.findByRole('button', { name: 'Back to chat' }));
    expect(showView).toHaveBeenCalledWith('chat');
  });

  it('shows the server’s refusal of the email next to the Email field', async () => {
    setup(() => ({ ok: false, code: 'invalid_payload', message: 'contact.email must be an email address', field: 'contact.email' }));
    type('Your feedback', 'Hello');
    replyToMe();
    type('Name', 'Ana');
    type('Email', 'ana@example.test');
    send();
    const email = await screen.findByRole('textbox', { name: 'Email', description: 'Enter an email address like name@example.com.' });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal without a field as an alert for the whole form, keeping what was written', async () => {
    setup(() => ({ ok: false, code: 'rate_limited', message: 'Too many requests.' }));
    type('Your feedback', 'Hello again');
    send();
    expect((await screen.findByRole('alert')).textContent).toMatch(/sent a lot of feedback/);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your feedback' }).value).toBe('Hello again');
  });
});
