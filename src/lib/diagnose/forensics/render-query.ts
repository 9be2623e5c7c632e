import {
	ALGORITHM,
	DEFAULT_EXPIRES,
	SESSION_TOKEN_QUERY_PARAM,
	canonicalQueryComponent,
	percentDecode,
	uriEncode,
	tokenAfterSigning,
	utf8Bytes
} from '../../sigv4/index.ts';
import { encodeWith } from './encoders.ts';
import type { Model, Plan, QueryOrder } from './plan.ts';

// The canonical query of a plan: encoded (SigV4's way or another encoder's) and sorted (or not) as the plan says.

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const decoder = new TextDecoder();

function queryPairs(model: Model, plan: Plan, signedHeadersLine: string): [string, string][] {
	const { encoding } = plan.query;
	const pairs: [string, string][] = model.userQuery.map((p) => {
		if (encoding === 'as-written') return [p.key, p.value];
		if (encoding === 'decoded') return [decoder.decode(percentDecode(p.key, true)), decoder.decode(percentDecode(p.value, true))];
		const { encoder } = plan.query;
		if (encoder) return [encodeWith(percentDecode(p.key, true), encoder), encodeWith(percentDecode(p.value, true), encoder)];
		return [canonicalQueryComponent(p.key), canonicalQueryComponent(p.value)];
	});
	if (model.mode === 'query') {
		// The presigner's own parameters, in the order it adds them; their values follow the plan.
		const { scope } = plan;
		const token = model.params.credentials.sessionToken;
		const auth: [string, string][] = [
			['X-Amz-Algorithm', ALGORITHM],
			['X-Amz-Credential', `${model.params.credentials.accessKeyId}/${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`],
			['X-Amz-Date', plan.requestDatetime],
			['X-Amz-SignedHeaders', signedHeadersLine],
			['X-Amz-Expires', String(model.params.expiresIn ?? DEFAULT_EXPIRES)]
		];
		if (token && !tokenAfterSigning(model.params, 'query')) auth.push([SESSION_TOKEN_QUERY_PARAM, token]);
		const { encoder } = plan.query;
		for (const [k, v] of auth)
			pairs.push([k, encoding === 'decoded' ? v : encoding === 'canonical' && encoder ? encodeWith(utf8Bytes(v), encoder) : uriEncode(v)]);
	}
	return pairs;
}

const decodedText = (text: string) => decoder.decode(percentDecode(text, false));

function sortQuery(pairs: [string, string][], order: QueryOrder): void {
	switch (order) {
		case 'canonical':
			pairs.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
			return;
		case 'decoded':
			pairs.sort((a, b) => compare(decodedText(a[0]), decodedText(b[0])) || compare(decodedText(a[1]), decodedText(b[1])));
			return;
		case 'pair':
			pairs.sort((a, b) => compare(`${a[0]}=${a[1]}`, `${b[0]}=${b[1]}`));
			return;
		case 'ignore-case':
			pairs.sort((a, b) => compare(a[0].toLowerCase(), b[0].toLowerCase()) || compare(a[1], b[1]));
			return;
		case 'key-only':
			pairs.sort((a, b) => compare(a[0], b[0]));
			return;
		case 'given':
			return;
	}
}

export function renderQuery(model: Model, plan: Plan, signedHeadersLine: string): string {
	let pairs = queryPairs(model, plan, signedHeadersLine);
	if (plan.query.plusForSpace) pairs = pairs.map(([k, v]) => [k.replace(/%20/g, '+'), v.replace(/%20/g, '+')]);
	sortQuery(pairs, plan.query.order);
	return pairs.map(([k, v]) => (v === '' && !plan.query.equals ? k : `${k}=${v}`)).join('&');
}
