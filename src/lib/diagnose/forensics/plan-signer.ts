import { hmac, hmacKey, sha256Hex, fromHex, toHex, utf8Bytes } from '../../sigv4/index.ts';
import { keyId, renderCanonicalRequest, renderStringToSign, type KeyPlan, type Model, type Plan } from './model.ts';

export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
	return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

interface DerivedKey {
	/** The bytes the final HMAC is keyed with. */
	signingKey: Uint8Array;
	cryptoKey: Promise<CryptoKey>;
	/** Hex of kDate, kRegion, kService, kSigning as this derivation made them. */
	steps: string[];
}

/** A plan rendered up to the signature input: cheap, no crypto. */
export interface Rendered {
	canonicalRequest: string;
	key: KeyPlan;
	/** Everything that decides the signature but the CR hash; with the CR text it identifies a candidate. */
	id: string;
}

export interface Signed {
	canonicalRequest: string;
	stringToSign: string;
	keyText: string;
	signature: Uint8Array;
}

/**
 * Re-signs plans for one search. The secret lives only in this closure; caches are keyed by
 * texts that never contain it, and die with the search.
 */
export class PlanSigner {
	readonly #secret: string;
	readonly #model: Model;
	readonly #hashes = new Map<string, Promise<string>>();
	readonly #keys = new Map<string, Promise<DerivedKey>>();
	readonly #signatures = new Map<string, Promise<Uint8Array>>();

	constructor(model: Model, secret: string) {
		this.#model = model;
		this.#secret = secret;
	}

	render(plan: Plan): Rendered {
		const canonicalRequest = renderCanonicalRequest(this.#model, plan);
		const rest = [plan.algorithm, plan.stsDatetime, plan.scope.date, plan.scope.region, plan.scope.service, plan.scope.terminator];
		const id = [canonicalRequest, ...rest, plan.hashForm, JSON.stringify(plan.stsEol), keyId(plan.key), plan.signatureSwapped].join(
			'\u0000'
		);
		return { canonicalRequest, key: plan.key, id };
	}

	#hash(text: string): Promise<string> {
		let pending = this.#hashes.get(text);
		if (!pending) this.#hashes.set(text, (pending = sha256Hex(text)));
		return pending;
	}

	async hashLine(plan: Plan, canonicalRequest: string): Promise<string> {
		if (plan.hashForm === 'raw') return canonicalRequest;
		const hex = await this.#hash(canonicalRequest);
		if (plan.hashForm === 'upper') return hex.toUpperCase();
		if (plan.hashForm === 'base64') return toBase64(fromHex(hex));
		return hex;
	}

	#key(key: KeyPlan): Promise<DerivedKey> {
		const id = keyId(key);
		let pending = this.#keys.get(id);
		if (!pending) this.#keys.set(id, (pending = derive(this.#secret, key)));
		return pending;
	}

	/** The signature bytes of a plan, computed once per distinct candidate. */
	signature(plan: Plan, rendered: Rendered = this.render(plan)): Promise<Uint8Array> {
		let pending = this.#signatures.get(rendered.id);
		if (!pending) this.#signatures.set(rendered.id, (pending = this.#sign(plan, rendered.canonicalRequest)));
		return pending;
	}

	/** How many distinct candidates were signed. */
	get tried(): number {
		return this.#signatures.size;
	}

	async #sign(plan: Plan, canonicalRequest: string): Promise<Uint8Array> {
		const [hashLine, key] = await Promise.all([this.hashLine(plan, canonicalRequest), this.#key(plan.key)]);
		const stringToSign = renderStringToSign(plan, hashLine);
		if (plan.signatureSwapped) return hmac(utf8Bytes(stringToSign), key.signingKey);
		return hmac(await key.cryptoKey, stringToSign);
	}

	/** Every stage of a plan, for the finding that names it. */
	async stages(plan: Plan): Promise<Signed> {
		const canonicalRequest = renderCanonicalRequest(this.#model, plan);
		const [hashLine, key] = await Promise.all([this.hashLine(plan, canonicalRequest), this.#key(plan.key)]);
		return {
			canonicalRequest,
			stringToSign: renderStringToSign(plan, hashLine),
			keyText: keyText(plan.key, key.steps),
			signature: await this.signature(plan)
		};
	}
}

async function derive(secret: string, plan: KeyPlan): Promise<DerivedKey> {
	const asKey = (bytes: Uint8Array) => (plan.hex === 'intermediate' || plan.hex === 'all' ? utf8Bytes(toHex(bytes)) : bytes);
	const step = (i: number, key: Uint8Array, data: Uint8Array) => (plan.swapped[i] ? hmac(data, key) : hmac(key, data));
	const kDate = await step(0, utf8Bytes(plan.prefix + secret), utf8Bytes(plan.date));
	const kRegion = await step(1, asKey(kDate), utf8Bytes(plan.region));
	const kService = await step(2, asKey(kRegion), utf8Bytes(plan.service));
	const kSigning = plan.skipTerminator ? kService : await step(3, asKey(kService), utf8Bytes(plan.terminator));
	const signingKey = plan.hex === 'all' || plan.hex === 'signing' ? utf8Bytes(toHex(kSigning)) : kSigning;
	return { signingKey, cryptoKey: hmacKey(signingKey), steps: [kDate, kRegion, kService, kSigning].map(toHex) };
}

/**
 * The signing-key pane's text (same lines as the page's key chain), written as this derivation
 * did it so that a diff against the correct chain shows the step that differs. Never the secret.
 */
export function keyText(plan: KeyPlan, steps: string[]): string {
	const hexKeys = plan.hex === 'intermediate' || plan.hex === 'all';
	const prev = ['kDate', 'kRegion', 'kService'].map((k) => (hexKeys ? `hex(${k})` : k));
	const secret = plan.prefix === '' ? 'secret' : `"${plan.prefix}" + secret`;
	const call = (i: number, key: string, data: string) => (plan.swapped[i] ? `HMAC(${data}, ${key})` : `HMAC(${key}, ${data})`);
	const lines = [
		`${call(0, secret, `"${plan.date}"`)} → kDate = ${steps[0]}`,
		`${call(1, prev[0]!, `"${plan.region}"`)} → kRegion = ${steps[1]}`,
		`${call(2, prev[1]!, `"${plan.service}"`)} → kService = ${steps[2]}`,
		plan.skipTerminator
			? `(no "${plan.terminator}" step) → kSigning = kService = ${steps[3]}`
			: `${call(3, prev[2]!, `"${plan.terminator}"`)} → kSigning = ${steps[3]}`
	];
	if (plan.hex === 'all' || plan.hex === 'signing') lines.push('signature keyed with hex(kSigning), the 64 hex characters as text');
	return lines.join('\n');
}
