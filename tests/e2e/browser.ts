import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export { CHROMIUM, CHROMIUM_ARGS };

const ROOT = resolve(import.meta.dirname, '../..');

export function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium is not at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
	}
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const server = createServer();
		server.unref();
		server.on('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => ok(port));
		});
	});
}

/** `vite preview` of the built app on a free port; resolves when it answers. */
export async function startPreview(): Promise<{ url: string; stop: () => void }> {
	if (!existsSync(resolve(ROOT, 'build/index.html'))) {
		throw new Error('The app is not built: run `npm run build` first (npm test does).');
	}
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		[resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{
			cwd: ROOT,
			stdio: 'ignore'
		}
	);
	const url = `http://127.0.0.1:${port}`;
	// A loaded machine (CI beside other work) can take many seconds to start vite.
	for (const until = Date.now() + 40_000; Date.now() < until;) {
		try {
			const res = await fetch(url);
			if (res.ok) return { url, stop: () => child.kill() };
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error(`vite preview did not answer on ${url}`);
}

/** One built app and one Chromium for a test file: started before its tests, stopped after. */
export function useApp(): { readonly url: string; readonly browser: Browser } {
	const app = {} as { url: string; browser: Browser; stop?: () => void };
	beforeAll(async () => {
		const preview = await startPreview();
		app.url = preview.url;
		app.stop = preview.stop;
		app.browser = await launchChromium();
		mkdirSync('test-results', { recursive: true });
	});
	afterAll(async () => {
		await app.browser?.close();
		app.stop?.();
	});
	return app;
}
