import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The documented configuration (deploy/nginx.conf). */
export const NGINX_CONF = path.resolve(import.meta.dirname, '../deploy/nginx.conf');

/** The documented configuration with other ports: nginx on `listen`, the nodes on `upstreams`. */
export function renderNginxConf(template: string, o: { listen: number; upstreams: number[] }): string {
  const servers = o.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n');
  return template
    .replace(/( {4}server 127\.0\.0\.1:\d+ [^\n]*\n)+/, `${servers}\n`)
    .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${o.listen};`);
}

/** Debian puts nginx in /usr/sbin, which is not on every PATH. */
function nginxBinary(): string {
  if (process.env.NGINX) return process.env.NGINX;
  return fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** Starts nginx in the foreground with the rendered configuration in a temporary folder; resolves once it listens. */
export async function startNginx(o: { listen: number; upstreams: number[] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-nginx-'));
  fs.chmodSync(dir, 0o755);
  for (const sub of ['logs', 'tmp']) fs.mkdirSync(path.join(dir, sub));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, renderNginxConf(fs.readFileSync(NGINX_CONF, 'utf8'), o));
  let stderr = '';
  const child = spawn(nginxBinary(), ['-p', `${dir}/`, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));
  const fail = (why: string) => {
    fs.rmSync(dir, { recursive: true, force: true });
    return new Error(`nginx did not start (${why}). Install it with: apt-get install nginx${stderr ? `\n${stderr}` : ''}`);
  };
  for (let i = 0; i < 100; i++) {
    const tick = new Promise<null>((r) => setTimeout(() => r(null), 50));
    const early = await Promise.race([exited.then((c) => `exit ${c}`), spawnFailed.then((e) => e.message), tick]);
    if (early) throw fail(early);
    if (await accepts(o.listen)) break;
    if (i === 99) {
      child.kill('SIGKILL');
      throw fail('it never listened');
    }
  }
  return {
    url: `http://127.0.0.1:${o.listen}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
