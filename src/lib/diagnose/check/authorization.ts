import { ALGORITHM, MAX_EXPIRES } from '../../sigv4/index.ts';
import { classifyTimestamp } from '../classify-timestamp.ts';
import { compareScope } from '../compare/scope.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The signed-header list as the user wrote it (Authorization header or X-Amz-SignedHeaders): case, order, agreement with their canonical request. */
function checkSignedHeadersText(text: string, ctx: DiagnoseContext, list: FindingList, where: string): void {
	const at = { stage: 'authorization' as const, line: 1 };
	const names = text.split(';');
	if (names.some((n) => n !== n.toLowerCase())) {
		list.add('header-name-not-lowercase', {
			...at,
			message: `${where} SignedHeaders ${quote(text)} has uppercase names.`,
			fix: `Lowercase them: ${text.toLowerCase()}.`
		});
	}
	const lower = names.map((n) => n.toLowerCase());
	if (lower.some((n, i) => i > 0 && compare(lower[i - 1]!, n) > 0)) {
		list.add('headers-not-sorted', {
			...at,
			message: `${where} SignedHeaders ${quote(text)} is not sorted.`,
			fix: `Sort the names: ${[...lower].sort().join(';')}.`
		});
	}
	const user = ctx.user?.signedHeaders?.text;
	if (user !== undefined && !user.includes(':') && user !== text) {
		list.add('signed-headers-mismatch', {
			...at,
			message: `${where} SignedHeaders is ${quote(text)} but your canonical request signs ${quote(user)}: the server rebuilds the canonical request from the header list it is given.`,
			fix: 'Put the same list in both: the names of the canonical header lines, lowercase, sorted, joined with ";".'
		});
	}
}

/**
 * The user's Authorization header, or the X-Amz-* parameters of their presigned URL: well-formed,
 * scoped right, listing their headers right.
 */
export function checkAuthorization(ctx: DiagnoseContext, list: FindingList): void {
	const at = { stage: 'authorization' as const, line: 1 };
	const auth = ctx.auth;
	if (auth && !auth.sigv2) {
		if (auth.scheme !== ALGORITHM) {
			const v4a = auth.scheme === 'AWS4-ECDSA-P256-SHA256';
			list.add('authorization-malformed', {
				...at,
				severity: v4a ? 'info' : 'error',
				message: v4a
					? 'The Authorization header is SigV4a (AWS4-ECDSA-P256-SHA256); this comparison covers SigV4 only.'
					: `The Authorization header starts with ${quote(auth.scheme, 40)}, not ${ALGORITHM}.`,
				fix: v4a ? 'Compare SigV4a requests by their canonical request and string to sign.' : `Start it with "${ALGORITHM} Credential=…".`
			});
		}
		const clauses = auth.problems.flatMap((p) => (p.clause === undefined ? [] : [p.clause]));
		if (clauses.length > 0) {
			list.add('authorization-malformed', {
				...at,
				message: `The Authorization header is malformed: ${clauses.join('; ')}.`,
				fix: `Write it as "${ALGORITHM} Credential=AKID/${ctx.trace.credentialScope}, SignedHeaders=${ctx.trace.signedHeaders.join(';')}, Signature=<64 hex>".`
			});
		}
		if (auth.credentialWhitespace) {
			list.add(
				'secret-key-whitespace',
				{
					...at,
					message: `The Credential ${quote(auth.credential ?? '')} has white space in it: the access key was pasted with a space or line break.`,
					fix: 'Trim the access key ID and the secret access key.'
				},
				'secret-key-whitespace'
			);
		}
		if (auth.credential) checkCredential(auth.credential.replace(/\s+/g, ''), ctx, list, 'The Authorization header');
		if (auth.signedHeaders) checkSignedHeadersText(auth.signedHeaders, ctx, list, 'The Authorization header');
	}

	const url = ctx.url;
	if (url && (url.signature !== undefined || url.credential !== undefined)) {
		const missing = (['algorithm', 'credential', 'date', 'signedHeaders', 'signature'] as const).filter((k) => url[k] === undefined);
		const names = {
			algorithm: 'X-Amz-Algorithm',
			credential: 'X-Amz-Credential',
			date: 'X-Amz-Date',
			signedHeaders: 'X-Amz-SignedHeaders',
			signature: 'X-Amz-Signature'
		};
		if (missing.length > 0) {
			list.add('authorization-malformed', {
				...at,
				message: `The presigned URL lacks ${missing.map((k) => names[k]).join(', ')}.`,
				fix: 'A presigned URL carries X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature.'
			});
		}
		if (url.algorithm !== undefined && url.algorithm !== ALGORITHM) {
			list.add('authorization-malformed', {
				...at,
				message: `X-Amz-Algorithm is ${quote(url.algorithm)}, not ${ALGORITHM}.`,
				fix: `Set X-Amz-Algorithm=${ALGORITHM}.`
			});
		}
		if (url.date !== undefined) {
			const fault = classifyTimestamp(url.date, ctx.params.datetime);
			if (fault && fault.code !== 'timestamp-mismatch')
				list.add(fault.code, { ...at, message: `X-Amz-Date: ${fault.message}`, fix: fault.fix }, fault.code);
		}
		if (url.expires !== undefined) {
			const seconds = Number(url.expires);
			if (Number.isInteger(seconds) && seconds > MAX_EXPIRES) {
				list.add(
					'presign-expires-too-long',
					{
						message: `X-Amz-Expires=${url.expires}: a presigned URL is valid for at most ${MAX_EXPIRES} seconds (7 days).`,
						fix: `Use ${MAX_EXPIRES} seconds or less.`
					},
					'presign-expires-too-long'
				);
			}
		}
		if (url.credential) checkCredential(url.credential, ctx, list, 'X-Amz-Credential', url.date);
		if (url.signedHeaders) checkSignedHeadersText(url.signedHeaders, ctx, list, 'The presigned URL');
	}
}

function checkCredential(credential: string, ctx: DiagnoseContext, list: FindingList, where: string, date?: string): void {
	const slash = credential.indexOf('/');
	if (slash < 0) {
		list.add('authorization-malformed', {
			stage: 'authorization',
			line: 1,
			message: `${where}: the credential ${quote(credential)} has no scope; it is AKID/date/region/service/aws4_request.`,
			fix: `Write Credential=${ctx.params.credentials.accessKeyId}/${ctx.trace.credentialScope}.`
		});
		return;
	}
	compareScope(credential.slice(slash + 1), ctx, list, {
		stage: 'authorization',
		line: 1,
		where: `${where} (Credential scope)`,
		malformedCode: 'authorization-malformed',
		timestampDate: (date && /^\d{8}T/.test(date) ? date : ctx.params.datetime).slice(0, 8)
	});
}
