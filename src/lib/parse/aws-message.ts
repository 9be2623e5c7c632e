import { DATETIME_SHAPE } from './credential-scope.ts';
import type { ImportBuilder } from './import-builder.ts';

/** Error codes AWS names in its bodies, headers and SDK exceptions, as they may appear in plain text. */
const CODE_WORD =
	/\b(SignatureDoesNotMatch|InvalidSignatureException|IncompleteSignature(?:Exception)?|MissingAuthenticationToken(?:Exception)?|InvalidClientTokenId|UnrecognizedClientException|ExpiredToken(?:Exception)?|AuthorizationHeaderMalformed|AuthorizationQueryParametersError|RequestTimeTooSkewed|RequestExpired|InvalidAccessKeyId|AccessDeniedException)\b/;

/** What each one-line message names, and the code AWS sends it with when the text names none. */
interface KnownMessage {
	pattern: RegExp;
	code?: string;
	read?(b: ImportBuilder, m: RegExpExecArray): void;
}

const TIME = String.raw`(\d{8}T\d{6}Z)`;

const MESSAGES: KnownMessage[] = [
	{
		// S3: "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'"
		pattern: /the region '([^'\n]*)' is wrong; expecting '([^'\n]*)'/i,
		code: 'AuthorizationHeaderMalformed',
		read(b, m) {
			field(b, 'SignedRegion', m[1]!);
			field(b, 'Region', m[2]!);
			b.setParam('region', m[1]!.trim(), 'the error message');
			b.note(`The server says the request was signed for ${m[1]} but the bucket is in ${m[2]}: sign for ${m[2]}.`);
		}
	},
	{
		// "Signature expired: 20240115T031500Z is now earlier than 20240115T150000Z (20240115T151500Z - 15 min.)"
		pattern: new RegExp(
			String.raw`Signature expired:\s*${TIME}\s+is now earlier than\s+${TIME}\s*\(\s*${TIME}\s*-\s*(\d+)\s*min\.?\)`,
			'i'
		),
		read(b, m) {
			times(b, m, 'EarliestTime');
			b.note(
				`Signature expired: the request was signed at ${m[1]}, but the server's time was ${m[3]}; it accepts requests up to ${m[4]} minutes old.`
			);
		}
	},
	{
		// "Signature not yet current: 20240115T153000Z is still later than 20240115T151500Z (20240115T150000Z + 15 min.)"
		pattern: new RegExp(
			String.raw`Signature not yet current:\s*${TIME}\s+is still later than\s+${TIME}\s*\(\s*${TIME}\s*\+\s*(\d+)\s*min\.?\)`,
			'i'
		),
		read(b, m) {
			times(b, m, 'LatestTime');
			b.note(
				`Signature not yet current: the request was signed at ${m[1]}, ahead of the server's time ${m[3]} by more than ${m[4]} minutes.`
			);
		}
	},
	{ pattern: /Signature expired:|Signature not yet current:/i },
	{
		// "Credential should be scoped to a valid region, not 'us-east-1 '."
		pattern: /Credential should be scoped to a valid region(?:,? not '([^'\n]*)')?/i,
		read(b, m) {
			if (m[1] !== undefined) {
				field(b, 'SignedRegion', m[1]);
				b.setParam('region', m[1].trim(), 'the error message');
			}
		}
	},
	{
		// "Credential should be scoped to correct service: 'execute-api'."
		pattern: /Credential should be scoped to correct service:? '([^'\n]*)'/i,
		read(b, m) {
			field(b, 'ExpectedService', m[1]!);
			b.note(`The server expects the service "${m[1]}" in the credential scope.`);
		}
	},
	{ pattern: /The request signature we calculated does not match the signature you provided/i, code: 'SignatureDoesNotMatch' },
	{
		// "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
		pattern: /Authorization header requires '(\w+)' parameter/i,
		code: 'IncompleteSignature',
		read(b) {
			const missing = [...(b.server.message ?? '').matchAll(/requires '(\w+)' parameter/gi)].map((x) => x[1]!);
			if (missing.length > 0) field(b, 'MissingParameters', missing.join(', '));
		}
	},
	{ pattern: /Missing Authentication Token/i, code: 'MissingAuthenticationToken' },
	{ pattern: /The security token included in the request is expired/i, code: 'ExpiredToken' },
	{ pattern: /The security token included in the request is invalid/i },
	{
		// An SDK's one-line error: botocore and the AWS CLI ("An error occurred (MissingContentLength) when calling the
		// PutObject operation: You must provide…"), aws-sdk-cpp ("Unable to parse ExceptionName: MissingContentLength Message: …").
		pattern: /An error occurred \(([A-Za-z][\w.]*)\) when calling the \w+ operation|\bExceptionName: ([A-Za-z]\w*) Message: /,
		read(b, m) {
			b.setServer('code', (m[1] ?? m[2])!);
		}
	},
	// Backblaze B2 refusing the flexible-checksum headers: "Unsupported header 'x-amz-sdk-checksum-algorithm' received for this API call."
	{ pattern: /Unsupported header '[^'\n]+' received for this API call/i, code: 'InvalidArgument' },
	{
		pattern: /Request has expired/i,
		read(b) {
			b.setMode('query', 'Request has expired');
		}
	}
];

/** The first known one-line message in `text`, if any. */
export function knownMessage(text: string): RegExpExecArray | undefined {
	for (const m of MESSAGES) {
		const found = m.pattern.exec(text);
		if (found) return found;
	}
	return undefined;
}

/**
 * Reads what a one-line AWS error message states (times, regions, the service, the missing
 * parameters) into the server's fields and the params, wherever the message came from: plain text,
 * a JSON body or an XML one. `at` is the offset of the message in the paste. Returns whether the
 * message was recognised.
 */
export function readAwsMessage(b: ImportBuilder, text: string, at: number): boolean {
	let any = false;
	b.within('the error message', at, () => {
		const code = CODE_WORD.exec(text)?.[1];
		if (code) b.setServer('code', code);
		for (const known of MESSAGES) {
			const m = known.pattern.exec(text);
			if (!m) continue;
			any = true;
			if (known.code) b.setServer('code', known.code);
			known.read?.(b, m);
		}
	});
	return any;
}

function field(b: ImportBuilder, name: string, value: string): void {
	if (b.server.fields?.[name] === undefined) b.serverField(name, value);
}

/** Request time, the bound the server compared with, and the server's own time. */
function times(b: ImportBuilder, m: RegExpExecArray, bound: string): void {
	field(b, 'RequestTime', m[1]!);
	field(b, bound, m[2]!);
	field(b, 'ServerTime', m[3]!);
	field(b, 'MaxSkewMinutes', m[4]!);
	if (DATETIME_SHAPE.test(m[1]!)) b.setParam('datetime', m[1]!, 'the error message');
}
