/** The agent the benchmark signs in as. */
export const BENCH_ADMIN = { email: 'bench@earshot.local', password: 'bench-password' };
