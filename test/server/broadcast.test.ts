import { describe, expect, it, vi } from 'vitest';
import { announceConversation, announceVisitor } from '../../server/socket/broadcast';
import type { SocketDeps } from '../../server/socket/types';

/** Deps whose store fails every read, as during shutdown; only what the announcements touch. */
function failingDeps() {
  const warn = vi.fn();
  const emit = vi.fn();
  const fail = () => Promise.reject(new Error('The database connection is not open'));
  const deps = {
    store: { getVisitor: fail, getSummary: fail },
    agents: { to: () => ({ emit }) },
    log: { warn },
  } as unknown as SocketDeps;
  return { deps, warn, emit };
}

describe('announcements to agents', () => {
  it('log a failed read instead of rejecting, so a caller that does not wait cannot crash the process', async () => {
    const { deps, warn, emit } = failingDeps();
    await expect(announceVisitor(deps, 'v1')).resolves.toBeUndefined();
    await expect(announceConversation(deps, 'c1')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(emit).not.toHaveBeenCalled();
  });
});
