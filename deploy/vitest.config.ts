import { defineConfig } from 'vitest/config';

// helm and kubernetes-validate are separate processes; give them room on a loaded machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
