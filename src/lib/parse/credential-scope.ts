/** The parts of a SigV4 credential: AKID/YYYYMMDD/region/service/aws4_request (SigV4a has no region). */
export interface ParsedCredential {
	accessKeyId: string;
	date: string;
	region?: string;
	service: string;
	terminator: string;
	/** date/region/service/terminator, as written. */
	scope: string;
}

/**
 * Reads the scope from the right, so that an access key id with a stray character (a space, a
 * "/" from a bad copy) still leaves date, region and service where they belong.
 */
export function parseCredential(credential: string, asymmetric = false): ParsedCredential | undefined {
	const parts = credential.split('/');
	const scopeParts = asymmetric ? 3 : 4;
	if (parts.length < scopeParts + 1) return undefined;
	const scope = parts.slice(-scopeParts);
	const accessKeyId = parts.slice(0, -scopeParts).join('/');
	const parsed: ParsedCredential = {
		accessKeyId,
		date: scope[0]!,
		service: scope[scopeParts - 2]!,
		terminator: scope[scopeParts - 1]!,
		scope: scope.join('/')
	};
	if (!asymmetric) parsed.region = scope[1]!;
	return parsed;
}

/** A scope line of a string to sign: YYYYMMDD/region/service/aws4_request. */
export function parseScope(scope: string, asymmetric = false): { date: string; region?: string; service?: string; terminator?: string } {
	const parts = scope.trim().split('/');
	if (asymmetric) return { date: parts[0] ?? '', service: parts[1], terminator: parts[2] };
	return { date: parts[0] ?? '', region: parts[1], service: parts[2], terminator: parts[3] };
}

export const DATETIME_SHAPE = /^\d{8}T\d{6}Z$/;
