import {
	ALGORITHM,
	ALGORITHM_QUERY_PARAM,
	AMZ_DATE_QUERY_PARAM,
	CREDENTIAL_QUERY_PARAM,
	POST_AUTH_FIELDS,
	SIGNATURE_QUERY_PARAM
} from './constants.ts';
import { sessionTokenParam } from './s3-express.ts';
import { credentialScope } from './credential-scope.ts';
import { toBase64, utf8Bytes } from './encoding.ts';
import { isObject, parsePolicy, type Condition } from './post-policy-document.ts';
import { inlineJson, serializePolicy } from './post-policy-json.ts';
import { postActionUrl, postFormCurl, postFormHtml } from './post-policy-form.ts';
import { SigningError } from './signing-error.ts';
import { signingKeyFor, signWithKey } from './signing-key.ts';
import { checkParams } from './validate.ts';
import type { Header, KeyChain, SigningParams } from './types.ts';

export interface PostPolicyInput {
	/** The policy JSON text as the user wrote it. */
	policy: string;
	/** Other form fields to send (key, acl, Content-Type, success_action_status, x-amz-meta-*, …), in order. */
	fields?: Header[];
	/** The form's action URL; default: the policy's bucket on the regional S3 endpoint. */
	action?: string;
}

export interface PostPolicyTrace {
	mode: 'post';
	algorithm: typeof ALGORITHM;
	datetime: string;
	date: string;
	credentialScope: string;
	/** The exact text that is base64-encoded: the user's bytes when no condition had to change. */
	policyJson: string;
	/** What was changed in the user's policy to keep its auth conditions in sync; empty: their text as is. */
	policyChanges: string[];
	policyBase64: string;
	/** SigV4 POST signs the base64 policy itself: identical to policyBase64. */
	stringToSign: string;
	keyChain: KeyChain;
	/** hex(HMAC(kSigning, policyBase64)) */
	signature: string;
	/** The user's fields that were left out: auth fields (SigV2 or SigV4) the signer makes, and `file`. */
	droppedFields: string[];
	/** The form fields to send, in order; the file goes last and is not listed. */
	fields: Header[];
	action: string;
	/** A ready HTML form, to show as text. */
	html: string;
	/** The same upload as a curl command. */
	curl: string;
}

/** The keys of an object condition, or the "$field" of an array condition, that name `field`. */
function namesField(condition: Condition, field: string): boolean {
	if (isObject(condition)) return Object.keys(condition).some((k) => k.toLowerCase() === field);
	return Array.isArray(condition) && typeof condition[1] === 'string' && condition[1].toLowerCase() === `$${field}`;
}

function holds(condition: Condition, field: string, value: string): boolean {
	if (isObject(condition)) {
		return Object.entries(condition).every(([k, v]) => k.toLowerCase() !== field || v === value);
	}
	if (!Array.isArray(condition) || typeof condition[0] !== 'string') return false;
	const op = condition[0].toLowerCase();
	if (op === 'eq') return condition[2] === value;
	if (op === 'starts-with') return typeof condition[2] === 'string' && value.startsWith(condition[2]);
	return false;
}

/** The condition made to hold, keeping the user's form and the case of their field name. */
function corrected(condition: Condition, field: string, value: string): Condition {
	if (isObject(condition)) {
		return Object.fromEntries(Object.entries(condition).map(([k, v]) => [k, k.toLowerCase() === field ? value : v]));
	}
	const array = condition as unknown[];
	const name = (array[1] as string).slice(1);
	return typeof array[0] === 'string' && array[0].toLowerCase() === 'eq'
		? [array[0], array[1], value, ...array.slice(3)]
		: { [name]: value };
}

/** The condition without its part on `field`; undefined when nothing is left. */
function without(condition: Condition, field: string): Condition | undefined {
	if (!isObject(condition)) return undefined;
	const rest = Object.entries(condition).filter(([k]) => k.toLowerCase() !== field);
	return rest.length ? Object.fromEntries(rest) : undefined;
}

/**
 * Makes the conditions on `field` require `value` (or, with no value, removes them): one that
 * already holds is kept and the others removed; else the first is corrected in place; else one is added.
 */
function syncCondition(conditions: Condition[], field: string, value: string | undefined, changes: string[]): Condition[] {
	const anyHolds = value !== undefined && conditions.some((c) => namesField(c, field) && holds(c, field, value));
	let fixed = anyHolds;
	const out: Condition[] = [];
	for (const c of conditions) {
		if (!namesField(c, field) || (value !== undefined && holds(c, field, value))) {
			out.push(c);
			continue;
		}
		if (value !== undefined && !fixed) {
			const next = corrected(c, field, value);
			changes.push(`replaced ${inlineJson(c)} with ${inlineJson(next)}`);
			out.push(next);
			fixed = true;
			continue;
		}
		const rest = without(c, field);
		changes.push(rest === undefined ? `removed ${inlineJson(c)}` : `replaced ${inlineJson(c)} with ${inlineJson(rest)}`);
		if (rest !== undefined) out.push(rest);
	}
	if (value !== undefined && !fixed) {
		const next = { [field]: value };
		changes.push(`added ${inlineJson(next)}`);
		out.push(next);
	}
	return out;
}

function checkFields(fields: unknown): Header[] {
	if (fields === undefined) return [];
	if (!Array.isArray(fields))
		throw new SigningError('fields', 'The form fields are not a list.', 'Give the fields as [name, value] pairs.');
	fields.forEach((field: unknown, index) => {
		if (!Array.isArray(field) || typeof field[0] !== 'string' || typeof field[1] !== 'string') {
			throw new SigningError(
				'fields',
				`Form field ${index + 1} is not a name and a text value.`,
				'Give each field as [name, value].',
				index
			);
		}
		const name = field[0];
		// eslint-disable-next-line no-control-regex -- finding control characters is the point
		if (name === '' || /[\u0000-\u001f\u007f"=]/.test(name)) {
			throw new SigningError(
				'fields',
				name === ''
					? `Form field ${index + 1} has no name.`
					: `Form field ${index + 1} "${name}" has a quote, "=" or a control character in its name.`,
				'Use names such as key, acl, Content-Type or x-amz-meta-tag.',
				index
			);
		}
	});
	return fields as Header[];
}

/** The bucket the policy names with {"bucket": "…"} or ["eq", "$bucket", "…"]. */
function policyBucket(conditions: Condition[]): string | undefined {
	for (const c of conditions) {
		if (isObject(c)) {
			const entry = Object.entries(c).find(([k]) => k.toLowerCase() === 'bucket');
			if (entry && typeof entry[1] === 'string') return entry[1];
		} else if (
			Array.isArray(c) &&
			String(c[0]).toLowerCase() === 'eq' &&
			String(c[1]).toLowerCase() === '$bucket' &&
			typeof c[2] === 'string'
		) {
			return c[2];
		}
	}
	return undefined;
}

/**
 * Signs a browser POST policy (SigV4): the policy's credential, algorithm, date and token
 * conditions are brought in line with the parameters, the policy is base64-encoded, and the
 * signature is hex(HMAC(kSigning, base64 policy)).
 */
export async function signPostPolicy(input: PostPolicyInput, params: SigningParams): Promise<PostPolicyTrace> {
	checkParams(params, 'header');
	const userFields = checkFields(input?.fields);
	const text = input?.policy;
	const policy = parsePolicy(text);

	const date = params.datetime.slice(0, 8);
	const scope = credentialScope(date, params.region, params.service);
	const token = params.credentials.sessionToken || undefined;
	// The form fields are the query parameters' names in lowercase.
	const auth: [string, string | undefined][] = [
		[CREDENTIAL_QUERY_PARAM.toLowerCase(), `${params.credentials.accessKeyId}/${scope}`],
		[ALGORITHM_QUERY_PARAM.toLowerCase(), ALGORITHM],
		[AMZ_DATE_QUERY_PARAM.toLowerCase(), params.datetime],
		[sessionTokenParam(params.service, input?.action ?? '').toLowerCase(), token]
	];

	const changes: string[] = [];
	const given = policy['conditions'] as Condition[] | undefined;
	let conditions = given ?? [];
	for (const [field, value] of auth) conditions = syncCondition(conditions, field, value, changes);
	if (given === undefined) changes.unshift('added "conditions"');
	const policyJson = changes.length === 0 ? text : serializePolicy({ ...policy, conditions }, text.includes('\r\n') ? '\r\n' : '\n');

	const policyBase64 = toBase64(utf8Bytes(policyJson));
	const { chain, key } = await signingKeyFor(params.credentials.secretAccessKey, date, params.region, params.service);
	const signature = await signWithKey(key, policyBase64);

	const droppedFields: string[] = [];
	const fields: Header[] = [];
	for (const [name, value] of userFields) {
		if (POST_AUTH_FIELDS.has(name.toLowerCase())) droppedFields.push(name);
		else fields.push([name, value]);
	}
	for (const [field, value] of [auth[1]!, auth[0]!, auth[2]!, auth[3]!]) {
		if (value !== undefined) fields.push([field, value]);
	}
	fields.push(['policy', policyBase64], [SIGNATURE_QUERY_PARAM.toLowerCase(), signature]);

	const action = input.action?.trim() || postActionUrl(policyBucket(conditions), params.region);
	return {
		mode: 'post',
		algorithm: ALGORITHM,
		datetime: params.datetime,
		date,
		credentialScope: scope,
		policyJson,
		policyChanges: changes,
		policyBase64,
		stringToSign: policyBase64,
		keyChain: chain,
		signature,
		droppedFields,
		fields,
		action,
		html: postFormHtml(action, fields),
		curl: postFormCurl(action, fields)
	};
}
