// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedbackDetail, type FeedbackDetailProps } from '../../../console/feedback/feedback-detail';
import { item, reply } from './fixtures';

afterEach(cleanup);

function renderDetail(over: Partial<FeedbackDetailProps> = {}) {
  const props: FeedbackDetailProps = {
    item: item('a', { text: 'The checkout button does nothing.' }),
    replies: [],
    loading: false,
    error: null,
    emailConfigured: true,
    statusBusy: false,
    statusError: null,
    pending: [],
    agentName: 'Eva',
    onStatus: vi.fn(),
    onReply: vi.fn(),
    onRetry: vi.fn(),
    ...over,
  };
  const view = render(<FeedbackDetail {...props} />);
  return { props, view };
}

const replyBox = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply by email' });

describe('FeedbackDetail', () => {
  it('shows the text, rating, category, page link and contact', () => {
    renderDetail();
    expect(screen.getByText('The checkout button does nothing.')).toBeTruthy();
    expect(screen.getAllByText('Rating 1 out of 5').length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'Complaint from Ana' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'https://shop.example/checkout' }).getAttribute('href')).toBe('https://shop.example/checkout');
    expect(screen.getByText('Ana <ana@example.com>')).toBeTruthy();
  });

  it('shows markup in the feedback literally and creates no element from it', () => {
    const evil = '<script>alert(1)</script>';
    const { view } = renderDetail({ item: item('a', { text: evil, name: '<img src=x onerror=alert(2)>' }) });
    expect(screen.getByText(evil)).toBeTruthy();
    expect(view.container.querySelector('script')).toBeNull();
    expect(view.container.querySelector('img')).toBeNull();
  });

  it('never makes a javascript: page URL clickable', () => {
    renderDetail({ item: item('a', { pageUrl: 'javascript:alert(1)' }) });
    expect(screen.getByText('javascript:alert(1)').closest('a')).toBeNull();
  });

  it('offers no reply box for anonymous feedback, and says why', () => {
    renderDetail({ item: item('a', { name: null, email: null }) });
    expect(screen.queryByRole('textbox', { name: 'Reply by email' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
    expect(screen.getByText('This feedback is anonymous, so there is no one to answer.')).toBeTruthy();
  });

  it('explains that email is not configured instead of offering a reply box', () => {
    renderDetail({ emailConfigured: false });
    expect(screen.queryByRole('textbox', { name: 'Reply by email' })).toBeNull();
    expect(screen.getByText('Email is not configured on this server: set SMTP_URL to answer feedback by email.')).toBeTruthy();
  });

  it('queues the reply with Send reply and empties the box at once: the outbox holds the text', () => {
    const { props } = renderDetail();
    fireEvent.input(replyBox(), { target: { value: '  Sorry, we fixed it.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(props.onReply).toHaveBeenCalledWith('Sorry, we fixed it.');
    expect(replyBox().value).toBe('');
  });

  it('shows a queued reply as sending, and a refused one with the reason and a Retry for its id', () => {
    const base = { conversationId: null, feedbackId: 'a', createdAt: '2025-01-01T12:00:00.000Z' };
    const { props } = renderDetail({
      pending: [
        { ...base, id: 'p1', text: 'On its way', state: 'queued', error: null },
        { ...base, id: 'p2', text: 'Refused one', state: 'failed', error: 'This visitor left no email address.' },
      ],
    });
    const items = within(screen.getByRole('region', { name: 'Replies' })).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Sending…');
    expect(items[0]!.textContent).toContain('On its way');
    expect(items[1]!.textContent).toContain('Failed: This visitor left no email address.');
    expect(within(items[0]!).queryByRole('button', { name: 'Retry' })).toBeNull();
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Retry' }));
    expect(props.onRetry).toHaveBeenCalledWith('p2');
  });

  it('lists the replies with where each email is', () => {
    renderDetail({
      replies: [reply('r1', 'a', { text: 'First answer', emailStatus: 'sent' }), reply('r2', 'a', { emailStatus: 'failed' })],
    });
    const items = within(screen.getByRole('region', { name: 'Replies' })).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('First answer');
    expect(items[0]!.textContent).toContain('Email sent');
    expect(items[1]!.textContent).toContain('Email failed');
  });

  it('archives new feedback, and marks answered feedback as new again', () => {
    const { props } = renderDetail();
    expect(screen.queryByRole('button', { name: 'Mark as new' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    expect(props.onStatus).toHaveBeenCalledWith('archived');
    cleanup();
    const answered = renderDetail({ item: item('a', { status: 'answered' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as new' }));
    expect(answered.props.onStatus).toHaveBeenCalledWith('new');
  });
});
