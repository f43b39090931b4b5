import type { FeedbackStats } from '../../protocol/types';
import { CategoryChart } from './category-chart';
import { RatingChart } from './rating-chart';

/** The side panel of the feedback section: how people felt over the last 30 days. */
export function FeedbackStatsPanel({ stats }: { stats: FeedbackStats | null }) {
  return (
    <aside class="visitor fb-stats" aria-labelledby="fb-stats-title">
      <h2 id="fb-stats-title">Last 30 days</h2>
      {stats ? (
        <>
          <RatingChart days={stats.days} />
          <CategoryChart categories={stats.categories} />
        </>
      ) : (
        <p class="muted" role="status">
          Loading statistics…
        </p>
      )}
    </aside>
  );
}
