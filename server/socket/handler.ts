import type * as v from 'valibot';
import type { Socket } from 'socket.io';
import type { Ack } from '../../protocol/types';
import { toClientError } from '../errors';
import type { Logger } from '../log';
import { parse } from '../validation';

/** Runs tasks one after another, so one socket's messages are stored in the order they were sent. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * The one wrapper around every socket event: validates the payload, runs the handler,
 * and answers the ack with data or a clear error. Nothing thrown escapes.
 */
export function handle<S extends v.GenericSchema, R>(
  log: Logger,
  event: string,
  schema: S,
  fn: (input: v.InferOutput<S>) => Promise<R>,
  serial?: <T>(task: () => Promise<T>) => Promise<T>,
): (...args: unknown[]) => void {
  return (...args) => {
    const ack = args[args.length - 1];
    const payload = args.length > 1 ? args[0] : undefined;
    if (typeof ack !== 'function') {
      log.debug({ event }, 'event without ack ignored');
      return;
    }
    const run = async (): Promise<Ack<R>> => {
      try {
        const data = await fn(parse(schema, payload));
        return { ok: true, data };
      } catch (err) {
        const e = toClientError(err);
        if (e.unexpected) log.error({ err, event }, 'socket handler failed');
        return { ok: false, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
      }
    };
    void (serial ? serial(run) : run()).then((result) => ack(result));
  };
}

/** Answers events nobody handles with an `unknown_event` ack instead of silence. */
export function rejectUnknownEvents(socket: Socket): void {
  socket.use(([event, ...args], next) => {
    if (socket.listeners(event).length > 0) return next();
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack({ ok: false, code: 'unknown_event', message: `There is no event "${event}" here.` });
  });
}
