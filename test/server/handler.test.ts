import { describe, expect, it } from 'vitest';
import { combine } from '../../server/socket/handler';

describe('socket handler tables', () => {
  it('refuses at startup two features claiming the same event', () => {
    expect(() => combine({ 'message:send': 1 }, { 'message:list': 2 }, { 'message:send': 3 })).toThrow(
      'Two handlers for the socket event "message:send"',
    );
  });

  it("joins the features' tables into one", () => {
    expect(combine({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
  });
});
