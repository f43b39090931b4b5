/**
 * Stores a visitor's first message, with its webhook events, through the domain on the store at
 * argv[2], prints the message as JSON, and then hangs: a server that dies right after a change
 * and before delivering its webhooks (no worker runs here).
 */
import { sendVisitorMessage } from '../../server/domain/chat';
import { createVisitor } from '../../server/domain/visitors';
import { openTestStore } from './stores';

// The test run's store (EARSHOT_TEST_STORE comes with the environment).
const store = await openTestStore(process.argv[2]!);
const { visitor } = await createVisitor(store, 'demo', null);
const { message } = await sendVisitorMessage(store, visitor, { id: 'before-the-crash', conversationId: null, text: 'Anyone there?' });
process.stdout.write(`${JSON.stringify(message)}\n`);
setInterval(() => undefined, 1000);
