/**
 * `npm run bench:profile -- [earshot|bare] [msg/s]`: one relay under a steady load (1,000
 * visitors, one agent, 3 runs of 5 s), with V8's CPU profiler on. Prints CPU per message and
 * where the relay's main thread spent its time, by function; the profiles (open them in
 * Chrome's DevTools) stay in `bench-profiles/`. The profiler itself costs some CPU, so compare
 * profiles with profiles, and take figures from `npm run bench -- --bare`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { connectAgent, connectVisitors, runAtRate } from './load';
import { pinCores } from './cores';
import { RelayProcess } from './relay-process';
import { signInCookie } from './admin';
import { table } from './stats';

const impl = process.argv[2] === 'bare' ? 'bare' : 'earshot';
const rate = Number(process.argv[3] ?? 4000);
const dir = path.resolve('bench-profiles', `${impl}-${rate}-${Date.now()}`);
fs.mkdirSync(dir, { recursive: true });

const relay = await RelayProcess.start(impl, pinCores(), { profileDir: dir });
const agent = await connectAgent(relay.url, impl === 'earshot' ? await signInCookie(relay.url) : undefined);
const visitors = await connectVisitors(relay.url, 1000);
await runAtRate(visitors, agent, 500, 4); // warm-up
for (let i = 0; i < 3; i++) {
  const cpu0 = await relay.cpu();
  const r = await runAtRate(visitors, agent, rate, 5);
  const perMessage = ((await relay.cpu()) - cpu0) / r.sent;
  console.log(
    `${impl} at ${rate}/s: p99 ${r.p99.toFixed(1)} ms, ${r.delivered}/${r.sent} delivered, relay CPU ${perMessage.toFixed(0)} µs/msg`,
  );
}
visitors.forEach((v) => v.socket.disconnect());
agent.disconnect();
await relay.stopAndWait();

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function in the main thread's profile (the largest file; workers' are small). */
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
const main = files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
if (!main) throw new Error(`no profile written to ${dir}`);
const profile = JSON.parse(fs.readFileSync(main, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let busy = 0;
profile.samples.forEach((id, i) => {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') return;
  const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + dt);
  busy += dt;
});
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
console.log(`\nmain thread, busy ${(busy / 1e6).toFixed(1)} s; self time by function:`);
console.log(table([['function', 'share of busy'], ...top.map(([k, t]) => [k, `${((t / busy) * 100).toFixed(1)}%`])]));
console.log(`\nprofiles: ${dir}`);
process.exit(0);
