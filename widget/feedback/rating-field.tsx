import type { Translate } from '../i18n/t';
import type { Problem } from './feedback-state';
import { FieldError, invalidProps } from './field-error';

export interface RatingFieldProps {
  t: Translate;
  value: number | null;
  problem: Problem | undefined;
  onChange(rating: number): void;
  /** The radios' name, and the stem of the legend's id: unique per form (the chat's survey uses this field too). */
  name?: string;
}

const NAMES = ['feedback_rating_1', 'feedback_rating_2', 'feedback_rating_3', 'feedback_rating_4', 'feedback_rating_5'] as const;

/** A face whose mouth bends from a frown (1) to a smile (5). */
function Face({ rating }: { rating: number }) {
  const bend = (rating - 3) * 1.8;
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="10" />
      <circle cx="8.5" cy="10" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="15.5" cy="10" r="1.2" fill="currentColor" stroke="none" />
      <path d={`M8 ${15.5 - bend / 2}Q12 ${15.5 + bend * 1.5} 16 ${15.5 - bend / 2}`} />
    </svg>
  );
}

/**
 * Rating 1 to 5 as native radios (arrow keys move between them), drawn as faces; each
 * radio is named in words, and the chosen word is also shown below the faces.
 */
export function RatingField({ t, value, problem, onChange, name = 'earshot-rating' }: RatingFieldProps) {
  return (
    <fieldset class="rating" role="radiogroup" aria-labelledby={`${name}-legend`} {...invalidProps('rating', problem)}>
      <legend id={`${name}-legend`}>{t('feedback_rating')}</legend>
      <div class="faces">
        {/* `word`, not `name`: shadowing the group's name gave each radio a group of its own. */}
        {NAMES.map((word, i) => (
          <label class="face" key={word}>
            <input type="radio" name={name} value={i + 1} checked={value === i + 1} onChange={() => onChange(i + 1)} />
            <Face rating={i + 1} />
            <span class="vh">{t(word)}</span>
          </label>
        ))}
      </div>
      <p class="rating-word" aria-hidden="true">
        {value ? t(NAMES[value - 1]!) : ''}
      </p>
      <FieldError t={t} field="rating" problem={problem} />
    </fieldset>
  );
}
