import { startEarshot } from './app';
import { ConfigError, loadConfig } from './config';

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
  const earshot = await startEarshot(config);
  const base = config.publicUrl ?? earshot.url;
  const admin = earshot.firstAdmin;
  const credentials = !admin
    ? 'Sign in with an existing agent account.'
    : admin.generatedPassword
      ? `First admin created: ${admin.email} / ${admin.generatedPassword}\n  (shown only this once; set EARSHOT_ADMIN_EMAIL and EARSHOT_ADMIN_PASSWORD to choose your own)`
      : `First admin created: ${admin.email} with the password from EARSHOT_ADMIN_PASSWORD.`;
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
    await earshot.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
