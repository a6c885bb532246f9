import { defineConfig } from 'vitest/config';

// The TypeScript side starts the Python server (torch import, model load): give it room.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
