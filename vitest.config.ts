import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Not the mall's zone, so any code that leans on the host's zone shows up (STYLE.md).
    env: { TZ: 'America/New_York' },
    testTimeout: 20_000,
    // A shared CI machine may be slow to start a server and a browser: a setup is not a test.
    hookTimeout: 60_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
