import { describe, expect, it } from 'vitest';
import { ADMIN, useServer } from '../helpers/server';
import { unhappyCustomer } from '../helpers/unhappy';

// The check runs often here (hourly in production); once per week and admin is shown in winback.test.ts.
const t = useServer({ smtp: true, startOpts: { winBackDigestMs: 50 } });

describe('weekly Win back summary', () => {
  it("is sent by the server's own timer to the admin", async () => {
    await unhappyCustomer(t);
    const digests = () => t.smtp.messages.filter((m) => m.subject?.startsWith('Win back'));
    await expect.poll(() => digests().length).toBe(1);
    expect(digests()[0]!.to).toMatchObject({ text: ADMIN.email });
  });
});
