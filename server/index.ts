import { startEarshot } from './app';
import { ConfigError, loadConfig } from './config';

/** One line for a port or address the server cannot listen on; null for any other error. */
function listenFailure(err: unknown, port: number, host: string): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE')
    return (
      `Earshot cannot start: port ${port} is already in use (is Earshot already running?). ` +
      `Stop that program or set PORT to a free port.`
    );
  if (code === 'EACCES')
    return `Earshot cannot start: no permission to listen on port ${port}. Use a port above 1023 or run behind a reverse proxy.`;
  if (code === 'EADDRNOTAVAIL') return `Earshot cannot start: HOST ${host} is not an address of this machine.`;
  return null;
}

/** `npm start`: read the environment, start, print the banner, stop cleanly on a signal. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let earshot;
  try {
    earshot = await startEarshot(config);
  } catch (err) {
    const reason = listenFailure(err, config.port, config.host);
    if (!reason) throw err;
    console.error(reason);
    process.exit(1);
  }
  const base = config.publicUrl ?? earshot.url;
  const admin = earshot.firstAdmin;
  const credentials = !admin
    ? 'Sign in with an existing agent account.'
    : admin.generatedPassword
      ? `First admin${admin.createdNow ? ' created' : ''}: ${admin.email} / ${admin.generatedPassword}\n  (generated; shown ` +
        `at every start until someone signs in with it)`
      : `First admin created: ${admin.email} with the password from EARSHOT_ADMIN_EMAIL / EARSHOT_ADMIN_PASSWORD.`;
  process.stdout.write(
    [
      '',
      `Earshot is running at ${base}`,
      `  Demo site:     ${base}/`,
      `  Agent console: ${base}/console`,
      `  ${credentials}`,
      '',
      'Embed the widget on your site:',
      `  <script src="${base}/earshot.js" data-site="demo" async></script>`,
      '',
    ].join('\n') + '\n',
  );
  const stop = async (signal: string) => {
    earshot.log.info({ signal }, 'shutting down');
    // A shutdown that hangs still ends; a second signal ends it at once (the listeners are `once`).
    setTimeout(() => process.exit(1), 30_000).unref();
    await earshot.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

// A start that fails for any other reason is one line too, not an unhandled rejection's stack
// (LOG_LEVEL=debug or trace shows the stack).
main().catch((err: unknown) => {
  console.error(`Earshot cannot start: ${err instanceof Error ? err.message : String(err)}`);
  if (['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '')) console.error(err);
  process.exit(1);
});
