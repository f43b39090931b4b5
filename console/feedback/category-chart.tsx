import { FEEDBACK_CATEGORIES, type FeedbackStats } from '../../protocol/types';
import { barHeight } from './chart-scale';
import { CATEGORY_LABEL } from './labels';

const SLOT = 50;
const HEIGHT = 60;
/** Room under the bars for the category names. */
const LABELS = 14;

/** A sentence for screen readers that says what the chart shows. */
export function categorySummary(categories: FeedbackStats['categories']): string {
  const parts = FEEDBACK_CATEGORIES.map((c) => `${CATEGORY_LABEL[c]} ${categories[c]}`);
  return `Feedback per category over the last 30 days: ${parts.join(', ')}.`;
}

/** Count per category as four bars scaled to the largest, with a hidden table of the numbers. */
export function CategoryChart({ categories }: { categories: FeedbackStats['categories'] }) {
  const max = Math.max(...FEEDBACK_CATEGORIES.map((c) => categories[c]));
  const width = FEEDBACK_CATEGORIES.length * SLOT;
  return (
    <figure class="chart">
      <figcaption class="chart-title">Per category, last 30 days</figcaption>
      <svg class="chart-svg" role="img" aria-label={categorySummary(categories)} viewBox={`0 0 ${width} ${HEIGHT + LABELS}`}>
        {FEEDBACK_CATEGORIES.map((c, i) => {
          const h = barHeight(categories[c], max, HEIGHT);
          return (
            <g key={c}>
              <rect
                class={`bar bar-${c}`}
                x={i * SLOT + 8}
                y={HEIGHT - h}
                width={SLOT - 16}
                height={h}
                data-category={c}
                data-value={categories[c]}
              >
                <title>{`${CATEGORY_LABEL[c]}: ${categories[c]}`}</title>
              </rect>
              <text class="chart-label" x={i * SLOT + SLOT / 2} y={HEIGHT + LABELS - 2} text-anchor="middle">
                {`${CATEGORY_LABEL[c]} ${categories[c]}`}
              </text>
            </g>
          );
        })}
        <line class="chart-base" x1={0} x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
      </svg>
      <table class="sr-only">
        <caption>Feedback per category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Feedback</th>
          </tr>
        </thead>
        <tbody>
          {FEEDBACK_CATEGORIES.map((c) => (
            <tr key={c}>
              <th scope="row">{CATEGORY_LABEL[c]}</th>
              <td>{categories[c]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
