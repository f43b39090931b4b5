import { describe, it } from 'vitest';
import { healAndExpectAll, useCutScenario, writeDuringCut } from './console-outbox';

const beforeTheCut = useCutScenario();

describe('console outbox across a network cut', () => {
  it("delivers all 50 replies written during a 30 s cut of the agent's connection, once each, in order, with no button pressed", async () => {
    const { proxy, v, page } = await beforeTheCut();

    // Written while cut: on screen as sending, none failed, none delivered yet.
    const since = await writeDuringCut(page, proxy);
    await healAndExpectAll(page, proxy, v, since);
  }, 150_000);
});
