import { afterAll } from 'vitest';
import { dropTestSchemas } from './helpers/stores';

// Registered before the test file's own hooks, so it runs after them (the servers are closed by
// then). Each test has its own schema, named after its data directory; they go when the file ends.
afterAll(dropTestSchemas);
