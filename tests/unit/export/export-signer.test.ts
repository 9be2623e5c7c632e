// exportSigner: a case to a program — its name and run command, the case's own request and
// rules, the page's signed inputs when given, and never a key in the code.
import { describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase } from '../../../src/lib/case/index.ts';
import { exportSigner, LANGUAGE_INFO, LANGUAGES } from '../../../src/lib/export/index.ts';

const secret = 'Zq7+SECRET/forTheExportTest0000000000000';
const token = 'IQoJb3JpZ2luX2VjEXPORTTESTTOKEN+/==';
const withKeys = edit(exampleCase(), { secretAccessKey: secret, sessionToken: token });

describe('exportSigner', () => {
	it('gives every language its file name and run command', () => {
		for (const language of LANGUAGES) {
			const out = exportSigner(withKeys, language);
			expect(out.filename).toBe(LANGUAGE_INFO[language].filename);
			expect(out.run).toBe(LANGUAGE_INFO[language].run);
			expect(out.code.length).toBeGreaterThan(300);
		}
		expect(exportSigner(withKeys, 'python')).toMatchObject({ filename: 'sign.py', run: 'python3 sign.py' });
	});

	it('never writes the secret key, the session token or the access key ID into the code', () => {
		for (const language of LANGUAGES) {
			const { code } = exportSigner(withKeys, language);
			expect(code).not.toContain(secret);
			expect(code).not.toContain(token);
			expect(code).not.toContain(withKeys.accessKeyId);
			expect(code).toMatch(/AWS_SECRET_ACCESS_KEY|Secret_Access_Key__c/);
		}
	});

	it("writes the case's request, scope, date and the service's path rules", () => {
		const { code } = exportSigner(withKeys, 'python');
		expect(code).toContain('PATH = "/test.txt"');
		expect(code).toContain('("Range", "bytes=0-9")');
		expect(code).toContain('AMZ_DATE = "20130524T000000Z"');
		expect(code).toContain('SERVICE = "s3"');
		expect(code).toContain('URI_ESCAPE_PATH = False');
		const sns = exportSigner(edit(withKeys, { service: 'sns' }), 'python').code;
		expect(sns).toContain('URI_ESCAPE_PATH = True');
		expect(sns).toContain('NORMALIZE_PATH = True');
	});

	it('signs UNSIGNED-PAYLOAD when the case does, and the presigned URL in query mode', () => {
		const unsigned = exportSigner(edit(withKeys, { payload: 'unsigned' }), 'go').code;
		expect(unsigned).toContain('payloadHash := "UNSIGNED-PAYLOAD"');
		const query = exportSigner(edit(withKeys, { mode: 'query', expiresIn: '900' }), 'node').code;
		expect(query).toContain('const EXPIRES = 900;');
		expect(query).toContain("['X-Amz-Expires', String(EXPIRES)]");
	});

	it("uses the page's signed inputs when given", async () => {
		const analysis = await analyze(withKeys);
		const request = { ...analysis.request!, url: 'https://examplebucket.s3.amazonaws.com/other.txt' };
		expect(exportSigner(withKeys, 'ruby', { request, params: analysis.params! }).code).toContain('PATH = "/other.txt"');
	});

	it('says why it cannot export a POST form or an unreadable request', () => {
		expect(() => exportSigner(edit(withKeys, { mode: 'post' }), 'python')).toThrow(/POST policy/);
		expect(() => exportSigner(edit(withKeys, { requestText: '' }), 'python')).toThrow(/cannot be read/);
	});
});
