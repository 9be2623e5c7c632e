// Issue 13 item 4: a request signed when it runs is signed for now, a pasted date is kept as
// evidence, and the page says which fixed time the stages use when they are not signed for now.
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, describeOrigin, edit, exampleCase, importPaste, kindName, type Case } from '../../../src/lib/case/index.ts';
import { NOW_SOURCE, readableTime, timeNote } from '../../../src/lib/case/signing-time.ts';
import type { ImportWorkerReply } from '../../../src/lib/case/import-worker.ts';
import { BOTOCORE_LOG, PRESIGNED_URL } from '../parse-samples.ts';
import { DebuggerState } from '../../../src/lib/state/debugger.svelte.ts';

const NOW = '20261206T061500Z';
const LATER = '20261206T071500Z';
const CURL_SIGV4 =
	'curl --aws-sigv4 "aws:amz:eu-west-1:s3" --user "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" https://examplebucket.s3.eu-west-1.amazonaws.com/photos/cat.jpg';
const RAW_DATED = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nX-Amz-Date: 20240115T031500Z\n\n';
const RAW_SIGNED_UNDATED = [
	'GET /test.txt HTTP/1.1',
	'Host: examplebucket.s3.amazonaws.com',
	'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240115/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=' +
		'0'.repeat(64),
	'',
	''
].join('\n');

function imported(text: string, c: Case = exampleCase()) {
	return importPaste(c, text, { now: NOW });
}

describe('a request signed when it runs is signed for now', () => {
	it('a curl --aws-sigv4 import takes the time of the import, records why, and says so', () => {
		const { case: c, report } = imported(CURL_SIGV4);
		expect(c.datetime).toBe(NOW);
		const origin = c.origins.datetime;
		expect(origin).toMatchObject({ from: 'paste', kind: 'curl' });
		expect(origin?.from === 'paste' && origin.source).toBe(`${NOW_SOURCE}, as curl --aws-sigv4 would sign`);
		expect(report.summary).toContain(
			'No date in your paste: the stages are signed for now (2026-12-06 06:15:00 UTC), as curl --aws-sigv4 signs with the time it runs.'
		);
		// "Filled in" lists what the paste gave; the date it did not give is not among them.
		expect(report.summary.find((s) => s.startsWith('Filled in'))).not.toContain('datetime');
		expect(describeOrigin(origin!, kindName)).toBe(`${NOW_SOURCE}, as curl --aws-sigv4 would sign (paste 1)`);
	});

	it('the stages, the signed request and a presigned URL follow the stored time, and the same case signs the same way twice', async () => {
		const { case: c } = imported(CURL_SIGV4);
		const first = await analyze(c);
		const again = await analyze(structuredClone(c));
		expect(first.trace?.signature).toBe(again.trace?.signature);
		expect(first.view?.stringToSign).toContain('20261206T061500Z\n20261206/eu-west-1/s3/aws4_request');
		for (const text of [first.view?.canonicalRequest, first.view?.stringToSign, first.view?.signedRequest])
			expect(text).not.toContain('2013');
		const presigned = await analyze(edit(c, { mode: 'query' }));
		expect(presigned.view?.presignedUrl).toContain('X-Amz-Date=20261206T061500Z');
		expect(presigned.view?.presignedUrl).not.toContain('2013');
	});

	it('an unsigned request without a date is signed for now, as its signer would', () => {
		const { case: c } = imported('GET /photos/cat.jpg HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n');
		expect(c.datetime).toBe(NOW);
		expect(c.origins.datetime).toMatchObject({ source: `${NOW_SOURCE}, as your signer would sign` });
	});

	it('without a clock (a caller that passes no now) the date is left as it was', () => {
		expect(importPaste(exampleCase(), CURL_SIGV4).case.datetime).toBe('20130524T000000Z');
	});
});

describe('a date the paste or the user gives is kept', () => {
	it("a request's X-Amz-Date is evidence: kept, not replaced by now", () => {
		const { case: c, report } = imported(RAW_DATED);
		expect(c.datetime).toBe('20240115T031500Z');
		expect(c.origins.datetime).toMatchObject({ source: 'the X-Amz-Date header' });
		expect(report.summary.join(' ')).not.toContain('signed for now');
	});

	it("a presigned URL's X-Amz-Date is kept, even the documented 2013 one", () => {
		expect(imported(PRESIGNED_URL).case.datetime).toBe('20130524T000000Z');
	});

	it('a signature made at an unknown time is not said to be made now', () => {
		const { case: c } = imported(RAW_SIGNED_UNDATED);
		expect(c.datetime).not.toBe(NOW);
		// The stages then use a fixed time, and the note by the date field says which.
		expect(timeNote(c, NOW)?.text).toContain('2013-05-24 00:00:00 UTC');
	});

	it('a log without a signing date: its own timestamp is when it ran, kept and said to be read as UTC', () => {
		// botocore's first lines, cut before the canonical request's x-amz-date: only the logger's clock dates it.
		const { case: c, report } = imported(BOTOCORE_LOG.split('\n').slice(0, 5).join('\n'));
		expect(c.datetime).toBe('20240312T101502Z');
		expect(c.origins.datetime).toMatchObject({ from: 'paste', kind: 'botocore-log', source: "the log's timestamp, read as UTC", line: 1 });
		expect(report.summary.join(' ')).toContain(
			'No signing date in your log: the stages use its first timestamp, line 1, 2024-03-12 10:15:02, read as UTC'
		);
		expect(timeNote(c, NOW)).toBeUndefined();
	});

	it('a log timestamp written in UTC is taken as it is', () => {
		const log = BOTOCORE_LOG.split('\n')
			.slice(0, 5)
			.join('\n')
			.replace(/^2024-03-12 10:15:02,118/, '2024-03-12T10:15:02.118Z');
		expect(imported(log).case.origins.datetime).toMatchObject({ source: "the log's timestamp", line: 1 });
	});

	it('a date the user typed stays through a curl --aws-sigv4 import', () => {
		const typed = edit(exampleCase(), { datetime: '20250101T000000Z' });
		expect(imported(CURL_SIGV4, typed).case.datetime).toBe('20250101T000000Z');
	});
});

describe('the note by the date field', () => {
	it("says nothing on AWS's own example in header mode: its fixed time reproduces the documented signature", () => {
		expect(timeNote(exampleCase(), NOW)).toBeUndefined();
	});

	it('the example switched to a presigned URL: says it is signed for 2013 and expired, and offers now', () => {
		const note = timeNote(edit(exampleCase(), { mode: 'query' }), NOW);
		expect(note?.text).toBe(
			"The stages are signed for the example's fixed time, 2013-05-24 00:00:00 UTC (AWS's published example), not for now. This presigned URL expired at 2013-05-24 01:00:00 UTC: AWS would refuse it."
		);
		expect(note?.offerNow).toBe(true);
	});

	it('the example with a request of its own (the SSE helper adds headers): says the fixed time', () => {
		const c = edit(exampleCase(), {
			requestText: 'PUT /a.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-server-side-encryption: AES256\n\n'
		});
		expect(timeNote(c, NOW)).toEqual({
			text: "The stages are signed for the example's fixed time, 2013-05-24 00:00:00 UTC (AWS's published example), not for now.",
			offerNow: true
		});
	});

	it('after a curl --aws-sigv4 import: "Signed for now", and curl signs with the time it runs', () => {
		const { case: c } = imported(CURL_SIGV4);
		expect(timeNote(c, NOW)).toEqual({
			text: 'Signed for now (2026-12-06 06:15:00 UTC, when you pasted); curl signs with the time it runs, so its date and signature differ from these.',
			offerNow: false
		});
		// A presigned URL built from it an hour later than it expires: said, with the way out.
		const later = timeNote(edit(c, { mode: 'query', expiresIn: '60' }), LATER);
		expect(later?.text).toContain('This presigned URL expired at 2026-12-06 06:16:00 UTC');
		expect(later?.offerNow).toBe(true);
	});

	it('a typed date: silent while the presigned URL is valid, said once it has expired', () => {
		const typed = edit(exampleCase(), { mode: 'query', datetime: NOW });
		expect(timeNote(typed, NOW)).toBeUndefined();
		expect(timeNote(edit(typed, { expiresIn: '60' }), LATER)?.text).toBe(
			'This presigned URL expired at 2026-12-06 06:16:00 UTC: AWS would refuse it.'
		);
	});

	it('an invalid date has no note (the field error speaks), and readableTime refuses it', () => {
		expect(timeNote(edit(exampleCase(), { datetime: '2013-05-24', mode: 'query' }), NOW)).toBeUndefined();
		expect(readableTime('20131324T000000Z')).toBeUndefined();
		expect(readableTime('20130524T006000Z')).toBeUndefined();
		expect(readableTime('20130524T000000Z')).toBe('2013-05-24 00:00:00 UTC');
	});
});

describe('the import worker', () => {
	const scope = globalThis as unknown as { onmessage?: unknown; postMessage?: unknown };
	afterEach(() => {
		delete scope.onmessage;
		delete scope.postMessage;
	});

	it("passes the page's clock to the import", async () => {
		const replies: ImportWorkerReply[] = [];
		scope.postMessage = (reply: ImportWorkerReply) => replies.push(reply);
		await import('../../../src/lib/case/import-worker.ts');
		(scope.onmessage as (e: { data: unknown }) => void)({ data: { id: 7, case: exampleCase(), text: CURL_SIGV4, now: NOW } });
		expect(replies).toHaveLength(1);
		expect('case' in replies[0]! && replies[0].case.datetime).toBe(NOW);
	});
});

describe('the page', () => {
	it('imports a curl --aws-sigv4 command at the time of the paste, read from its own clock', async () => {
		const page = new DebuggerState();
		const before = DebuggerState.now();
		await page.importPaste(CURL_SIGV4);
		const after = DebuggerState.now();
		// SigV4 datetimes sort as text: the stored time lies between the two readings.
		expect(page.current.datetime >= before && page.current.datetime <= after).toBe(true);
		expect(page.originNote('datetime')).toBe(`${NOW_SOURCE}, as curl --aws-sigv4 would sign (paste 1)`);
	});
});

describe('a HAR request without a signing date', () => {
	const har = (startedDateTime: string, headers: { name: string; value: string }[] = []) =>
		JSON.stringify({
			log: {
				version: '1.2',
				entries: [
					{
						startedDateTime,
						request: {
							method: 'GET',
							url: 'https://examplebucket.s3.amazonaws.com/photo.jpg',
							headers: [{ name: 'Host', value: 'examplebucket.s3.amazonaws.com' }, ...headers]
						},
						response: { status: 403 }
					}
				]
			}
		});

	it('is signed for when the HAR says it was sent (its startedDateTime, in UTC), and says so', async () => {
		const { case: c, report } = imported(har('2026-11-30T11:11:12.345+01:00'));
		expect(c.datetime).toBe('20261130T101112Z');
		expect(c.origins.datetime).toMatchObject({ from: 'paste', kind: 'har', source: "the HAR entry's startedDateTime" });
		expect(report.summary).toContain(
			"No signing date in the HAR's request: the stages use when it was sent, 2026-11-30 10:11:12 UTC (its startedDateTime)."
		);
		expect((await analyze(c)).view?.stringToSign).toContain('20261130T101112Z\n20261130/us-east-1/s3/aws4_request');
	});

	it("keeps the request's own X-Amz-Date, and takes the time of the import when startedDateTime is not a time", () => {
		const dated = imported(har('2026-11-30T10:11:12Z', [{ name: 'X-Amz-Date', value: '20240115T031500Z' }]));
		expect(dated.case.datetime).toBe('20240115T031500Z');
		expect(imported(har('yesterday')).case.datetime).toBe(NOW);
	});
});
