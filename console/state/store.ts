import type { Store } from '../../client/store';
import type { Action, ConsoleState } from './types';

export { createStore } from '../../client/store';

/** The console state as an observable store; adapters and views subscribe to it. */
export type ConsoleStore = Store<ConsoleState, Action>;
