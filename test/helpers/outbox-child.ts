/**
 * Stores one email in the outbox of the store at argv[2], says "stored", and then
 * hangs, as a server would that dies right after storing and before sending.
 */
import { openTestStore } from './stores';

// The test run's store (EARSHOT_TEST_STORE comes with the environment).
const store = await openTestStore(process.argv[2]!);
await store.enqueueOutbox(
  { id: 'crash-test-mail', kind: 'email', payload: { to: 'ana@example.test', subject: 'Stored before the crash', text: 'Hello' } },
  new Date().toISOString(),
);
process.stdout.write('stored\n');
setInterval(() => undefined, 1000);
