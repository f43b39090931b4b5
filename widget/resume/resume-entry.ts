import { whenStrings } from '../i18n/with-strings';
import { prepareResumeStrings } from './languages';
import { ContinueElsewhere as ContinueView, ResumeNotice as NoticeView } from './resume-views';

/** The "resume anywhere" chunk, imported by `chat/chat-screen.tsx` only when a resume link was opened or one may be asked for. */
export const ResumeNotice = whenStrings(NoticeView, prepareResumeStrings);
export const ContinueElsewhere = whenStrings(ContinueView, prepareResumeStrings);
export { default as css } from './resume.css?inline';
