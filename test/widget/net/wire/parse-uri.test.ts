import { parse as real } from 'engine.io-client';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../widget/net/wire/parse-uri';

const pick = ({ source, protocol, host, port, path, query, queryKey }: ReturnType<typeof parse>) => ({
  source,
  protocol,
  host,
  port,
  // socket.io-client reads `path || '/'`; engine.io-client not at all.
  path: path || '/',
  query,
  queryKey,
});

describe('URL parse for engine.io-client', () => {
  it.each([
    'http://127.0.0.1:3000/visitor',
    'https://chat.example.com/visitor',
    'https://chat.example.com',
    'wss://chat.example.com:8443/socket.io/?EIO=4&transport=websocket',
    'http://[::1]:3000/visitor',
    'https://user:pw@chat.example.com:444/a/b?x=1&y=two',
  ])('reads %s as engine.io-client does', (uri) => {
    expect(pick(parse(uri))).toEqual(pick(real(uri) as ReturnType<typeof parse>));
  });

  it('reads a bare host and port, as engine.io-client reads opts.host', () => {
    expect(parse('chat.example.com:3000')).toMatchObject({ host: 'chat.example.com', port: '3000' });
  });
});
