import type { Translate } from '../../i18n/t';
import type { Requester } from '../../net/socket';

/** What the chat's connector hands every extra. */
export interface ExtraProps {
  /** The panel's `t`; each extra adds its own strings with `withStrings`. */
  t: Translate;
  request: Requester;
  /** The server can send email: only then is an answer or a transcript by email offered. */
  sendsEmail: boolean;
  /** The visitor's email address as the server knows it, to fill in. */
  email: string | null;
  /** The visitor gave an address; `answer`: they want the answer there. */
  onEmail(email: string, answer: boolean): void;
  /** Shows the "Call me back" view; null when the site does not offer it. */
  onCallback: (() => void) | null;
  /** A new id for something sent, kept across its retries so the server stores it once. */
  newId(): string;
}
