import { signV2, type HttpRequest, type SigningParamsV2, type SigningTrace } from '../sigv4/index.ts';
import type { LearnInputV2 } from './types.ts';

export type V2Flavor = SigningParamsV2['flavor'];

/** What the SigV2 track takes from the case: the keys, the time (YYYYMMDDTHHMMSSZ) and, for S3, whether the URL is presigned. */
export interface V2Settings {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	datetime: string;
	presigned: boolean;
	expiresIn: number;
}

const hasHeader = (req: HttpRequest, ...names: string[]) => req.headers.some(([n]) => names.includes(n.trim().toLowerCase()));

/** The datetime YYYYMMDDTHHMMSSZ as a Date, or undefined when it is not one. */
function dateOf(datetime: string): Date | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(datetime.trim());
	if (!m) return undefined;
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
	return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The request signed with Signature Version 2 for the learn page's SigV2 track: S3's form
 * (HMAC-SHA1; a presigned URL when asked) or the query APIs' (HmacSHA256). The time is the
 * case's, in SigV2's own form (an RFC 1123 Date, an Expires in seconds, an ISO Timestamp), unless
 * the request already carries one. `v4`: the same request's SigV4 trace, for "what changed".
 */
export async function learnInputV2(
	s: V2Settings,
	request: HttpRequest,
	flavor: V2Flavor,
	v4?: SigningTrace
): Promise<LearnInputV2 | { problem: string }> {
	const when = dateOf(s.datetime);
	if (!when) return { problem: 'The date and time is not YYYYMMDDTHHMMSSZ: SigV2 signs a time too.' };
	const params: SigningParamsV2 = { flavor, credentials: { accessKeyId: s.accessKeyId.trim(), secretAccessKey: s.secretAccessKey } };
	const token = (s.sessionToken ?? '').trim();
	if (token) params.credentials.sessionToken = token;
	if (flavor === 's3' && s.presigned) params.expires = when.getTime() / 1000 + s.expiresIn;
	else if (flavor === 's3' && !hasHeader(request, 'date', 'x-amz-date')) params.date = when.toUTCString();
	const given = `${request.url}&${typeof request.body === 'string' ? request.body : ''}`;
	if (flavor === 'query' && !/[?&](Timestamp|Expires)=/.test(given)) params.timestamp = when.toISOString().replace(/\.\d+Z$/, 'Z');
	// SigV4's own Authorization header is no part of the request SigV2 signs.
	const unsigned: HttpRequest = { ...request, headers: request.headers.filter(([n]) => n.trim().toLowerCase() !== 'authorization') };
	try {
		const trace = await signV2(unsigned, params);
		return { request: unsigned, params, trace, ...(v4 ? { v4 } : {}) };
	} catch (e) {
		return { problem: e instanceof Error ? e.message : String(e) };
	}
}
