// The paste importer's worker, driven as the page drives it (one message in, one out), and the
// page's state reading a large paste where no worker exists (Node): the same result as a small one.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE, importPaste } from '../../src/lib/case/index.ts';
import type { ImportWorkerReply, ImportWorkerRequest } from '../../src/lib/case/import-worker.ts';
import { DebuggerState } from '../../src/lib/state/debugger.svelte.ts';

const REQUEST = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nX-Amz-Date: 20130524T000000Z\n';

describe('the import worker', () => {
	it('answers each request with the import of its text, under its id', async () => {
		const posted: ImportWorkerReply[] = [];
		const scope = globalThis as unknown as {
			postMessage: (m: ImportWorkerReply) => void;
			onmessage: (e: { data: ImportWorkerRequest }) => void;
		};
		scope.postMessage = (m) => posted.push(m);
		await import('../../src/lib/case/import-worker.ts');
		scope.onmessage({ data: { id: 7, case: DEFAULT_CASE, text: REQUEST } });
		scope.onmessage({ data: { id: 8, case: DEFAULT_CASE, text: '{"log": {"entries": [', harEntry: 0 } });
		expect(posted[0]).toEqual({ id: 7, ...importPaste(DEFAULT_CASE, REQUEST) });
		expect(posted[1]).toMatchObject({ id: 8, report: { kind: 'har' } });
		expect(posted[1] && 'report' in posted[1] && posted[1].report.errors.length).toBeGreaterThan(0);
	});
});

describe('DebuggerState with a large paste', () => {
	it('imports it whole where there is no worker, as it imports a small one', async () => {
		const s = new DebuggerState();
		const text = `PUT /big HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n${'x'.repeat(300_000)}`;
		s.case.pasteText = text;
		await s.importPaste();
		expect(s.current.requestText).toBe(text);
		expect(s.report.summary[0]).toBe('Recognised an HTTP request.');
	});

	it('says what it refused over 5 MB and keeps the case', async () => {
		const s = new DebuggerState();
		const before = s.current.requestText;
		await s.importPaste('x'.repeat(6 * 1024 * 1024));
		expect(s.pasteProblem).toMatch(/^This paste is 6\.0 MB; the page takes up to 5\.0 MB/);
		expect(s.current.requestText).toBe(before);
	});
});
