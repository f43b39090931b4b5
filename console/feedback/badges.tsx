import type { FeedbackStatus } from '../../protocol/types';
import { STATUS_LABEL } from './labels';

/** A rating as "★ 2/5", read out as "Rating 2 out of 5". */
export function Rating({ rating }: { rating: number | null }) {
  if (rating === null) return <span class="rating is-none">No rating</span>;
  return (
    <span class={`rating${rating <= 2 ? ' is-low' : ''}`}>
      <span aria-hidden="true">★ {rating}/5</span>
      <span class="sr-only">Rating {rating} out of 5</span>
    </span>
  );
}

const HINT: Record<FeedbackStatus, string> = {
  new: 'Nobody has handled it yet',
  answered: 'Answered by email',
  archived: 'Put away without an answer',
};

/** A feedback item's status as a small labelled badge. */
export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  return (
    <span class={`badge badge-fb-${status}`} title={HINT[status]}>
      {STATUS_LABEL[status]}
    </span>
  );
}
