import { defineConfig } from 'vitest/config';

// Cross-service suites start real processes; run files one at a time so they do not fight
// over the two cores, and give them room.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'fault/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
