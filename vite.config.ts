import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/vectors/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/realworld/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000
	}
});
