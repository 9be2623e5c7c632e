// The five seed stories (../shared/seeds/), each from the evidence its author held, on a fresh case.
import { describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase, importPaste, type Case } from '../../../src/lib/case/index.ts';
import { EXAMPLE_SECRET, seed000, seed001Keys, seed002, seed003, seed004 } from '../../helpers/seeds.ts';

function pasted(...texts: string[]): Case {
	let c = exampleCase();
	for (const text of texts) c = importPaste(c, text).case;
	return c;
}

const errors = (a: { findings: { severity: string; code: string }[] }) =>
	a.findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('the seeds, from what each author held', () => {
	it('seed 000: an Apex presigned PUT whose client sends SSE-C headers it did not sign', async () => {
		const { curl, serverError } = seed000();
		const a = await analyze(pasted(curl, serverError), { forensics: 'pairs' });
		expect(errors(a)[0]).toBe('x-amz-header-not-signed');
		expect(a.verdict).toMatchObject({ kind: 'cause', code: 'x-amz-header-not-signed', basis: 'server' });
	});

	it('seed 001: an Apex signing-key chain that is right, checked key by key', async () => {
		const { text, scope } = seed001Keys();
		const a = await analyze(edit(pasted(text), { ...scope, secretAccessKey: EXAMPLE_SECRET }), { forensics: 'pairs' });
		expect(errors(a)).toEqual([]);
		expect(a.verdict?.kind).toBe('correct');
	});

	it('seed 002: an Apex string to sign with a 12-hour clock and a base64 hash, and the server\'s "Signature expired"', async () => {
		const { stringToSign, serverError } = seed002();
		const a = await analyze(pasted(stringToSign, serverError), { forensics: 'pairs' });
		expect(errors(a)).toEqual(expect.arrayContaining(['timestamp-12-hour-clock', 'hash-base64-not-hex']));
		expect(a.verdict).toMatchObject({ kind: 'cause', code: 'timestamp-12-hour-clock', basis: 'server' });
	});

	it('seed 003: an SSE-KMS presigned PUT opened without the header it signs', async () => {
		const { url, curl } = seed003();
		const a = await analyze(pasted(curl), { forensics: 'pairs' });
		expect(errors(a)[0]).toBe('signed-header-absent');
		expect(a.findings.find((f) => f.code === 'signed-header-absent')?.message).toContain('aws:kms');
		expect(a.verdict?.code).toBe('signed-header-absent');
		// The correct URL keeps the header the user signed, with the value forensics found: theirs is the correct signature.
		const theirs = /X-Amz-Signature=([0-9a-f]{64})/.exec(url)![1];
		expect(a.trace?.signature).toBe(theirs);
		expect(a.trace?.signedUrl).toContain('X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption');
		expect(a.view?.curl).toContain('x-amz-server-side-encryption: aws:kms');
	});

	it('seed 004: a C# POST policy form with the SigV2 field AWSAccessKeyId mixed in', async () => {
		const { formData } = seed004();
		const a = await analyze(pasted(formData), { forensics: 'pairs' });
		expect(errors(a)).toContain('sigv2-fields-in-sigv4');
		expect(a.verdict).toMatchObject({ code: 'sigv2-fields-in-sigv4' });
	});
});
