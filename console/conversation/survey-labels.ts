import type { SurveyResult } from '../../protocol/types';
import { excerpt } from '../feedback/labels';
import type { SurveyEvent } from '../state/types';

/** A visitor's rating of a chat: "Rated 2/5: Slow answer". */
export function surveyText(survey: Pick<SurveyResult, 'rating' | 'comment'>): string {
  const comment = survey.comment ? excerpt(survey.comment, 100) : '';
  return `Rated ${survey.rating}/5${comment ? `: ${comment}` : ''}`;
}

/** The line of a low-rating alert: "Low rating 2/5 from Ana: Slow answer". */
export function lowRatingAlertText(s: SurveyEvent): string {
  const comment = s.comment ? excerpt(s.comment, 100) : '';
  return `Low rating ${s.rating}/5 from ${s.visitorName}${comment ? `: ${comment}` : ''}`;
}
