import { defineConfig } from 'vitest/config';

// Real S3 servers on 127.0.0.1 (`npm run test:server` starts and stops them): Ceph RGW and Swift s3api.
export default defineConfig({
	test: {
		include: ['tests/server/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
