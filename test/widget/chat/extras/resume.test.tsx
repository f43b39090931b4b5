// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../../protocol/types';
import { ContinueElsewhere, ResumeNotice } from '../../../../widget/chat/extras/resume';
import type { Translate } from '../../../../widget/i18n/t';
import type { Requester } from '../../../../widget/net/socket';

// The panel's own words are not needed: the resume views bring theirs (English here).
afterEach(cleanup);

const TOKEN = 'a-resume-token-from-the-email-0123456789';
/** The page as a resume link opens it. */
const opened = (token = TOKEN) => history.replaceState(null, '', `/linen#earshot-resume=${token}`);

const t: Translate = (key) => key;
const refusing = (code: ErrorCode, message = 'refused') =>
  vi.fn(async () => ({ ok: false as const, code, message })) as unknown as Requester;

describe('resume notice', () => {
  it('spends the link only once connected, then says the conversation is here and reconnects', async () => {
    const request = vi.fn(async () => ({ ok: true as const, data: { conversationId: 'c1' } })) as unknown as Requester;
    const onResumed = vi.fn();
    opened();
    const { rerender } = render(<ResumeNotice t={t} request={request} online={false} onResumed={onResumed} />);
    expect(screen.getByRole('status').textContent).toBe('Opening your conversation…');
    expect(request).not.toHaveBeenCalled();
    rerender(<ResumeNotice t={t} request={request} online onResumed={onResumed} />);
    await screen.findByText('Your conversation is here. You can go on where you left off.');
    expect(request).toHaveBeenCalledWith('visitor:resume', { token: TOKEN });
    // Taken off the address at once.
    expect(location.hash).toBe('');
    expect(onResumed).toHaveBeenCalledOnce();
    // A reconnect (online again) does not spend it twice.
    rerender(<ResumeNotice t={t} request={request} online={false} onResumed={onResumed} />);
    rerender(<ResumeNotice t={t} request={request} online onResumed={onResumed} />);
    expect(request).toHaveBeenCalledOnce();
  });

  it.each([
    ['link_used', 'This link was used already. Ask for a new one in the chat on your other device.'],
    ['link_expired', 'This link has expired. Ask for a new one in the chat on your other device.'],
    ['bad_token', 'This link is not valid. Check that you opened the whole link from the email.'],
    ['rate_limited', 'The conversation could not be opened: Slow down'],
  ] as const)('says clearly why a link is refused (%s), as an alert', async (code, text) => {
    const onResumed = vi.fn();
    opened();
    render(<ResumeNotice t={t} request={refusing(code, 'Slow down')} online onResumed={onResumed} />);
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(onResumed).not.toHaveBeenCalled();
  });
});

it('refuses a link cut short without asking the server', async () => {
  opened('abc');
  const request = refusing('internal');
  render(<ResumeNotice t={t} request={request} online onResumed={vi.fn()} />);
  expect((await screen.findByRole('alert')).textContent).toBe(
    'This link is not valid. Check that you opened the whole link from the email.',
  );
  expect(request).not.toHaveBeenCalled();
});

describe('continue on another device', () => {
  it('emails a link and says where it went, or why not', async () => {
    const request = vi.fn(async () => ({ ok: true as const, data: { email: 'ana@example.test' } })) as unknown as Requester;
    render(<ContinueElsewhere t={t} request={request} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue on another device' }));
    await screen.findByText('We have emailed a link to ana@example.test. Open it on your other device.');
    expect(request).toHaveBeenCalledWith('visitor:resumeLink', {});
  });

  it('shows the server’s reason as an alert', async () => {
    render(<ContinueElsewhere t={t} request={refusing('no_contact', 'Give your email address first.')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Continue on another device' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The link could not be sent: Give your email address first.');
  });
});
