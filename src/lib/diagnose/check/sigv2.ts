import { ALGORITHM } from '../../sigv4/index.ts';
import type { FindingList } from '../finding-list.ts';
import type { ParsedAuthorization, ParsedSignedUrl } from '../../parse/index.ts';
import { quote } from '../../findings/index.ts';
import type { Evidence } from '../types.ts';

const V2_FORM = new Set(['awsaccesskeyid', 'signature']);
const V4_FORM = new Set(['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature']);

/** A string to sign that is not SigV4's: SigV2's starts with the method ("POST\n\nmultipart/form-data\n…"). */
function isSigV2StringToSign(text: string): boolean {
	return !text.startsWith(ALGORITHM) && /^[A-Z]+\n[^\n]*\n[^\n]*\n/.test(text.replace(/\r\n/g, '\n'));
}

/**
 * Signature Version 2 in any of the texts: an "AWS AKID:sig" Authorization header, AWSAccessKeyId and
 * Signature in the URL or the form, a SigV2 string to sign from the server. Next to SigV4 fields it
 * is its own mistake: S3 then silently checks the SigV2 signature (research row 55).
 */
export function checkSigv2(
	evidence: Evidence,
	auth: ParsedAuthorization | undefined,
	url: ParsedSignedUrl | undefined,
	list: FindingList
): void {
	const v2: string[] = [];
	const v4: string[] = [];
	const add = (names: string[], where: string, into: string[]) => names.forEach((n) => into.push(`${n} (${where})`));

	if (auth?.sigv2) add(['Authorization: AWS …:…'], 'header', v2);
	else if (auth && auth.scheme === ALGORITHM) add(['Authorization: AWS4-HMAC-SHA256'], 'header', v4);
	if (url) {
		add(url.sigv2, 'URL', v2);
		if (url.signature !== undefined || url.credential !== undefined || url.algorithm !== undefined) add(['X-Amz-* parameters'], 'URL', v4);
	}
	const form = evidence.form ?? [];
	add(
		form.filter(([n]) => V2_FORM.has(n.toLowerCase())).map(([n]) => n),
		'form',
		v2
	);
	add(
		form.filter(([n]) => V4_FORM.has(n.toLowerCase())).map(([n]) => n),
		'form',
		v4
	);
	add(
		(evidence.sigv2Fields ?? []).map(([n]) => n),
		'pasted text',
		v2
	);
	const provided = evidence.provided ?? {};
	if (provided.canonicalRequest !== undefined || provided.stringToSign?.startsWith(ALGORITHM)) v4.push('SigV4 stages');

	const server = evidence.server;
	const serverV2 =
		(server?.stringToSign !== undefined && isSigV2StringToSign(server.stringToSign)) ||
		/authorization mechanism you have provided is not supported/i.test(server?.message ?? '');
	if (serverV2) v2.push('the server checked a SigV2 signature');

	if (v2.length === 0) return;
	const names = [...new Set(v2)].join(', ');
	if (v4.length > 0) {
		list.add(
			'sigv2-fields-in-sigv4',
			{
				...(serverV2 ? { basis: 'server' as const } : {}),
				message: `Signature Version 2 fields sit next to SigV4 ones: ${names}. With AWSAccessKeyId or Signature present, S3 switches to SigV2 and checks a signature you did not make${
					serverV2 ? ' (the error shows a SigV2 string to sign)' : ''
				}.`,
				fix: 'Send only the SigV4 fields: policy, x-amz-algorithm, x-amz-credential, x-amz-date, x-amz-signature (and x-amz-security-token); remove AWSAccessKeyId and signature.'
			},
			'sigv2'
		);
	} else {
		const header = auth?.sigv2;
		list.add(
			'sigv2-request',
			{
				...(header ? { stage: 'authorization' as const, line: 1 } : {}),
				...(serverV2 ? { basis: 'server' as const } : {}),
				message: `The request is signed with Signature Version 2 (${header ? quote(auth.text, 60) : names}); S3 in most regions and every newer service accept only SigV4 ("Please use AWS4-HMAC-SHA256").`,
				fix: 'Sign with SigV4 (AWS4-HMAC-SHA256): use a current SDK, or set signature_version=s3v4 in older ones.'
			},
			'sigv2'
		);
	}
}
