import type { FeedbackStats } from '../../protocol/types';
import { barHeight, oneDecimal, shortDay } from './chart-scale';

/** Drawing units: one 10-unit slot per day, bars 60 units tall at a rating of 5. */
const SLOT = 10;
const HEIGHT = 60;

/** A sentence for screen readers that says what the chart shows. */
export function ratingSummary(days: FeedbackStats['days']): string {
  const rated = days.filter((d) => d.average !== null);
  if (rated.length === 0) return `Average rating per day over the last ${days.length} days: no ratings yet.`;
  const averages = rated.map((d) => d.average!);
  const last = rated.at(-1)!;
  return (
    `Average rating per day over the last ${days.length} days: ${rated.length} days with ratings, ` +
    `lowest ${oneDecimal(Math.min(...averages))}, highest ${oneDecimal(Math.max(...averages))}, ` +
    `latest ${oneDecimal(last.average!)} on ${shortDay(last.date)}.`
  );
}

/** Average rating per day as small bars from 0 to 5, with a hidden table of the numbers. */
export function RatingChart({ days }: { days: FeedbackStats['days'] }) {
  const width = days.length * SLOT;
  return (
    <figure class="chart">
      <figcaption class="chart-title">Average rating, last {days.length} days</figcaption>
      <svg class="chart-svg" role="img" aria-label={ratingSummary(days)} viewBox={`0 0 ${width} ${HEIGHT + 1}`} preserveAspectRatio="none">
        <line class="chart-mid" x1={0} x2={width} y1={HEIGHT - barHeight(3, 5, HEIGHT)} y2={HEIGHT - barHeight(3, 5, HEIGHT)} />
        {days.map((d, i) => {
          const h = d.average === null ? 0 : barHeight(d.average, 5, HEIGHT);
          return (
            <rect
              key={d.date}
              class={`bar${d.average !== null && d.average < 3 ? ' is-low' : ''}`}
              x={i * SLOT + 1}
              y={HEIGHT - h}
              width={SLOT - 2}
              height={h}
              data-date={d.date}
              data-value={d.average ?? ''}
            >
              <title>
                {`${shortDay(d.date)}: ${d.average === null ? 'no rating' : `${oneDecimal(d.average)} of 5`} ` + `(${d.count} feedback)`}
              </title>
            </rect>
          );
        })}
        <line class="chart-base" x1={0} x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
      </svg>
      <table class="sr-only">
        <caption>Average rating per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Average rating</th>
            <th scope="col">Feedback</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{d.date}</th>
              <td>{d.average === null ? 'none' : oneDecimal(d.average)}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
