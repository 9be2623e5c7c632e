import { parseJson, serializePolicy } from './post-policy-json.ts';
import { SigningError } from './signing-error.ts';

// The POST policy document: read from the user's JSON, or built from the common conditions.

/** A policy condition: an object ({"acl": "public-read"}) or an array (["starts-with", "$key", "user/"]). */
export type Condition = unknown;

export interface PolicyOptions {
	expiration: Date | string;
	bucket?: string;
	keyStartsWith?: string;
	acl?: string;
	contentType?: string;
	contentTypeStartsWith?: string;
	contentLengthRange?: [min: number, max: number];
	successActionStatus?: string | number;
	successActionRedirect?: string;
	/** Names with or without the x-amz-meta- prefix. */
	meta?: Record<string, string>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The policy as an object; a SigningError('policy') with line and column when it is not one. */
export function parsePolicy(text: string): Record<string, unknown> {
	if (typeof text !== 'string' || text.trim() === '') {
		throw new SigningError('policy', 'The policy is empty.', 'Write the policy as JSON: {"expiration": "…", "conditions": [ … ]}.');
	}
	const parsed = parseJson(text);
	if (!parsed.ok) {
		const { line, column, message, offset } = parsed.problem;
		throw new SigningError(
			'policy',
			`The policy is not valid JSON at line ${line}, column ${column}: ${message}`,
			'Correct the JSON there.',
			offset
		);
	}
	if (!isObject(parsed.value)) {
		throw new SigningError(
			'policy',
			'The policy is JSON but not an object.',
			'Write the policy as an object: {"expiration": "…", "conditions": [ … ]}.'
		);
	}
	const conditions = parsed.value['conditions'];
	if (conditions !== undefined && !Array.isArray(conditions)) {
		throw new SigningError('policy', 'The policy\'s "conditions" is not an array.', 'Write "conditions": [ … ], a list of conditions.');
	}
	return parsed.value;
}

function asText(value: unknown, what: string): string {
	if (typeof value !== 'string') throw new SigningError('policy', `The ${what} is not text.`, `Give the ${what} as a string.`);
	return value;
}

/** A policy from the common conditions, in the layout signPostPolicy writes. */
export function buildPolicy(options: PolicyOptions): string {
	const { expiration } = options;
	let expires: string;
	if (expiration instanceof Date) {
		if (Number.isNaN(expiration.getTime()))
			throw new SigningError('policy', 'The expiration is not a valid date.', 'Give a date such as 2015-12-30T12:00:00.000Z.');
		expires = expiration.toISOString();
	} else expires = asText(expiration, 'expiration');

	const conditions: Condition[] = [];
	if (options.bucket !== undefined) conditions.push({ bucket: asText(options.bucket, 'bucket') });
	if (options.keyStartsWith !== undefined) conditions.push(['starts-with', '$key', asText(options.keyStartsWith, 'key prefix')]);
	if (options.acl !== undefined) conditions.push({ acl: asText(options.acl, 'acl') });
	if (options.successActionRedirect !== undefined)
		conditions.push({ success_action_redirect: asText(options.successActionRedirect, 'success_action_redirect') });
	if (options.successActionStatus !== undefined) conditions.push({ success_action_status: String(options.successActionStatus) });
	if (options.contentType !== undefined) conditions.push({ 'Content-Type': asText(options.contentType, 'Content-Type') });
	if (options.contentTypeStartsWith !== undefined)
		conditions.push(['starts-with', '$Content-Type', asText(options.contentTypeStartsWith, 'Content-Type prefix')]);
	if (options.contentLengthRange !== undefined) {
		const [min, max] = options.contentLengthRange;
		if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || min > max) {
			throw new SigningError(
				'policy',
				`The content-length-range ${min} to ${max} is not a range of byte counts.`,
				'Give whole numbers of bytes, the minimum first: e.g. 0 and 10485760.'
			);
		}
		conditions.push(['content-length-range', min, max]);
	}
	for (const [name, value] of Object.entries(options.meta ?? {})) {
		const field = /^x-amz-meta-/i.test(name) ? name : `x-amz-meta-${name}`;
		conditions.push({ [field]: asText(value, field) });
	}
	return serializePolicy({ expiration: expires, conditions });
}
