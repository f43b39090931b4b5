import formCss from '../../panel/form.css?inline';
import ownCss from './extras.css?inline';
import { prepareFeedbackStrings } from '../../feedback/languages';
import { whenStrings } from '../../i18n/with-strings';
import { AfterChat as AfterChatView } from './after-chat';
import { AwayNote as AwayNoteView } from './away-note';
import { LeaveMessage as LeaveMessageView } from './leave-message';
import { ChatOff as ChatOffView, EmailPromise as EmailPromiseView, WaitNotice as WaitNoticeView } from './notices';
import { prepareExtrasStrings } from './languages';
import { ContinueElsewhere as ContinueView, ResumeNotice as ResumeNoticeView } from './resume';

/** The chat's extras chunk, imported by `chat/chat-screen.tsx` the first time one is shown; each draws once its strings are here. */
export const AfterChat = whenStrings(AfterChatView, prepareExtrasStrings, prepareFeedbackStrings);
export const LeaveMessage = whenStrings(LeaveMessageView, prepareExtrasStrings);
export const ChatOff = whenStrings(ChatOffView, prepareExtrasStrings);
export const EmailPromise = whenStrings(EmailPromiseView, prepareExtrasStrings);
export const WaitNotice = whenStrings(WaitNoticeView, prepareExtrasStrings);
export const AwayNote = whenStrings(AwayNoteView, prepareExtrasStrings);
export const ResumeNotice = whenStrings(ResumeNoticeView, prepareExtrasStrings);
export const ContinueElsewhere = whenStrings(ContinueView, prepareExtrasStrings);

/** The view's stylesheet: the shared form parts first, so its own rules may refine them. */
export const css = formCss + ownCss;
