import { describe, expect, it } from 'vitest';
import { ALL_SETUPS, parseBenchArgs } from '../../bench/args';

describe('npm run bench arguments', () => {
  it('runs every setup, in the order they are compared, when neither store nor nodes is named', () => {
    const a = parseBenchArgs([]);
    expect(a).toMatchObject({ mode: 'setups', explicit: false, seconds: 5, rate: 200 });
    expect(a.setups).toEqual([
      { store: 'sqlite', nodes: 1 },
      { store: 'postgres', nodes: 1 },
      { store: 'postgres', nodes: 2 },
    ]);
    expect(a.setups).toBe(ALL_SETUPS);
  });

  it('runs only the setup asked for, two nodes meaning Postgres', () => {
    expect(parseBenchArgs(['--store', 'postgres']).setups).toEqual([{ store: 'postgres', nodes: 1 }]);
    expect(parseBenchArgs(['--store=sqlite']).setups).toEqual([{ store: 'sqlite', nodes: 1 }]);
    expect(parseBenchArgs(['--nodes', '2'])).toMatchObject({ explicit: true, setups: [{ store: 'postgres', nodes: 2 }] });
    expect(parseBenchArgs(['--store', 'postgres', '--nodes', '2', '--seconds', '1.5', '--rate', '500'])).toMatchObject({
      seconds: 1.5,
      rate: 500,
    });
  });

  it('keeps the comparison with the bare relay behind --bare, with nothing else', () => {
    expect(parseBenchArgs(['--bare']).mode).toBe('bare');
    expect(() => parseBenchArgs(['--bare', '--store', 'postgres'])).toThrow(/--bare/);
    expect(() => parseBenchArgs(['--bare', '--seconds', '2'])).toThrow(/--bare/);
  });

  it('refuses what it cannot run, saying why', () => {
    expect(() => parseBenchArgs(['--store', 'sqlite', '--nodes', '2'])).toThrow(/SQLite file/);
    expect(() => parseBenchArgs(['--store', 'mysql'])).toThrow(/sqlite or postgres/);
    expect(() => parseBenchArgs(['--nodes', '3'])).toThrow(/1 or 2/);
    expect(() => parseBenchArgs(['--seconds', '0'])).toThrow(/positive/);
    expect(() => parseBenchArgs(['--rate', 'fast'])).toThrow(/positive/);
    expect(() => parseBenchArgs(['--node', '2'])).toThrow();
    expect(() => parseBenchArgs(['postgres'])).toThrow();
  });
});
