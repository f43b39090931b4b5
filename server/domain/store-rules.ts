import type { StoreRules } from '../store/types';
import { statusAfterMessage } from './chat';
import { friendlyName } from './friendly-name';

/** The domain rules every store applies as it writes (handed to the store when it is opened). */
export const STORE_RULES: StoreRules = { statusAfterMessage, visitorName: friendlyName };
