/** The chat's extras chunk, imported by `chat/chat-screen.tsx` the first time one is shown. */
export { AfterChat } from './after-chat';
export { LeaveMessage } from './leave-message';
export { ChatOff, EmailPromise, WaitNotice } from './notices';
export { default as css } from './extras.css?inline';
