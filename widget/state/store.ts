import type { Store } from '../../client/store';
import type { Action, ChatState } from './types';

export { createStore } from '../../client/store';

/** The chat state as an observable store; adapters subscribe to it. */
export type ChatStore = Store<ChatState, Action>;
