/** Runs once when the server starts; the Node.js-only work lives in its own module. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStartup } = await import('./lib/startup-check');
    checkConfigAtStartup();
  }
}
