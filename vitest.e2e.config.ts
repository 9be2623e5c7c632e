import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium against the built app (`vite build` first).
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
