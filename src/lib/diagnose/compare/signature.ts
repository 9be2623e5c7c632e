import {
	MAX_EXPIRES,
	presignUrl,
	signatureFor,
	signRequest,
	stringToSignFor,
	tokenAfterSigning,
	type SigningParams
} from '../../sigv4/index.ts';
import { digestForm } from '../base64-hex.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';
import { signingKeyVariants, type KeyVariant } from '../forensics/signing-key-variants.ts';
import { reproduceRewrittenHeader } from '../header-rewritten.ts';
import { reproduceQueryInPath } from '../query-in-path.ts';

/** The user's signature as they gave it: alone, in their Authorization header or URL, or as the server quotes it. */
export function userSignature(ctx: DiagnoseContext): string | undefined {
	const e = ctx.evidence;
	const candidates = [e.provided?.signature, ctx.auth?.signature, ctx.url?.signature, e.server?.fields?.['SignatureProvided']];
	return candidates.map((c) => c?.trim()).find((c) => !!c);
}

function normalizeStringToSign(text: string): string {
	return text.replace(/\r\n/g, '\n').replace(/\n$/, '');
}

/** The strings the user's signature may be an HMAC of, the most likely first. */
async function candidateStrings(ctx: DiagnoseContext): Promise<string[]> {
	const e = ctx.evidence;
	const list: string[] = [];
	if (e.provided?.stringToSign !== undefined) list.push(e.provided.stringToSign, normalizeStringToSign(e.provided.stringToSign));
	if (e.server?.stringToSign !== undefined) list.push(e.server.stringToSign);
	if (ctx.user) list.push(await stringToSignFor(ctx.user.text, ctx.trace.datetime, ctx.trace.credentialScope));
	list.push(ctx.trace.stringToSign);
	return [...new Set(list)];
}

/**
 * The signature of the request as the user's own texts describe it: their SignedHeaders exactly
 * (even where the correct request must sign more) and their credential scope. When it is theirs,
 * the difference is what those texts show, and it is named elsewhere.
 */
async function apparentSignature(ctx: DiagnoseContext): Promise<string | undefined> {
	const scope = (ctx.auth?.credential ?? ctx.url?.credential ?? '').replace(/\s+/g, '').split('/');
	const params: SigningParams = { ...ctx.params };
	if (ctx.userSigned) params.signedHeaders = ctx.userSigned.names;
	if (scope.length === 5) {
		params.region = scope[2]!;
		params.service = scope[3]!;
	}
	if (ctx.url?.date && /^\d{8}T\d{6}Z$/.test(ctx.url.date)) params.datetime = ctx.url.date;
	if (ctx.mode === 'query' && ctx.url?.expires && /^\d+$/.test(ctx.url.expires) && Number(ctx.url.expires) <= MAX_EXPIRES)
		params.expiresIn = Number(ctx.url.expires);
	try {
		const trace = ctx.mode === 'query' ? await presignUrl(ctx.request, params) : await signRequest(ctx.request, params);
		return trace.signature;
	} catch {
		return undefined;
	}
}

/** The user's signature or signing key matches what a key-derivation mistake makes. */
async function matchVariant(ctx: DiagnoseContext, signature: string | undefined, strings: string[]): Promise<KeyVariant | undefined> {
	const { secretAccessKey } = ctx.params.credentials;
	const chain = ctx.trace.keyChain;
	const variants = await signingKeyVariants(secretAccessKey, chain.date, chain.region, chain.service);
	const key = ctx.evidence.provided?.signingKey?.trim().toLowerCase();
	for (const v of variants) {
		if (key && v.kSigning === key) return v;
		if (!signature) continue;
		for (const s of strings) if (digestForm(signature, await v.sign(s))) return v;
	}
	return undefined;
}

/**
 * Compares the user's signature (and signing key, when given) with the correct one. A difference
 * is explained, in order, by: the form (uppercase hex, base64); the user's own string to sign (its
 * mistakes are named there); a key-derivation mistake reproduced exactly; the session token added
 * after signing; else the secret (when every string matches) or, without the strings, nothing known.
 */
export async function compareSignature(ctx: DiagnoseContext, list: FindingList): Promise<void> {
	const signature = userSignature(ctx);
	const givenKey = ctx.evidence.provided?.signingKey?.trim().toLowerCase();
	const keyDiffers = givenKey !== undefined && givenKey !== ctx.trace.keyChain.kSigning;
	const correct = ctx.trace.signature;
	if ((signature === undefined || signature === correct) && !keyDiffers) return;
	const strings = await candidateStrings(ctx);
	const at = { stage: 'signature' as const, line: 1 };

	if (signature !== undefined && signature !== correct) {
		for (const s of strings) {
			const expected = s === ctx.trace.stringToSign ? correct : await signatureFor(s, ctx.trace.keyChain.kSigning);
			const form = digestForm(signature, expected);
			if (form === 'hex') return; // the signature of the user's own string to sign: its mistakes are named there
			if (form === 'upper' || form === 'base64') {
				list.add(form === 'upper' ? 'hex-uppercase' : 'signature-base64', {
					...at,
					basis: 'reproduced',
					message: `The signature ${quote(signature)} is ${s === ctx.trace.stringToSign ? 'the correct one' : 'the signature of your string to sign'} in ${form === 'upper' ? 'uppercase hex' : 'base64'}.`,
					fix: `Write the signature in lowercase hex: ${expected}.`
				});
				return;
			}
		}
	}

	if (signature !== undefined && (ctx.userSigned || ctx.auth?.credential || ctx.url?.credential)) {
		const apparent = await apparentSignature(ctx);
		if (apparent !== undefined && digestForm(signature, apparent) === 'hex') return;
	}

	const variant = await matchVariant(ctx, signature, strings);
	if (variant) {
		list.add(variant.code, {
			stage: variant.code === 'secret-key-whitespace' ? 'credentials' : 'signing-key',
			basis: 'reproduced',
			reproduces: signature !== undefined && !keyDiffers ? 'signature' : 'signing-key',
			message: `Your ${signature !== undefined && !keyDiffers ? 'signature' : 'signing key'} is reproduced exactly by a signer that ${variant.label}.`,
			fix: variant.fix
		});
		return;
	}

	if (signature !== undefined && (await reproduceQueryInPath(ctx, signature, list))) return;
	if (signature !== undefined && (await reproduceRewrittenHeader(ctx, signature, list))) return;

	const token = ctx.params.credentials.sessionToken;
	if (signature !== undefined && token && !tokenAfterSigning(ctx.params, ctx.mode)) {
		const params = { ...ctx.params, signSessionToken: false };
		const alt = ctx.mode === 'query' ? await presignUrl(ctx.request, params) : await signRequest(ctx.request, params);
		if (digestForm(signature, alt.signature)) {
			list.add(
				'session-token-added-after-signing',
				{
					stage: 'request',
					basis: 'reproduced',
					message: 'Your signature is the one for the request without the session token: the token was added after signing.',
					fix:
						ctx.mode === 'query'
							? 'Add X-Amz-Security-Token to the query before signing.'
							: 'Add the x-amz-security-token header before signing and sign it.'
				},
				'session-token'
			);
			return;
		}
	}

	const userSts = ctx.evidence.provided?.stringToSign;
	const serverSts = ctx.evidence.server?.stringToSign;
	const correctSts = ctx.trace.stringToSign;
	const stringsMatch =
		(userSts !== undefined && normalizeStringToSign(userSts) === correctSts) ||
		(serverSts !== undefined && userSts !== undefined && normalizeStringToSign(serverSts) === normalizeStringToSign(userSts)) ||
		(serverSts !== undefined && userSts === undefined && normalizeStringToSign(serverSts) === correctSts);
	if (keyDiffers) {
		list.add('wrong-secret-key', {
			message: `Your signing key ${givenKey} is not the one derived from the secret entered here for ${ctx.trace.credentialScope} (${ctx.trace.keyChain.kSigning}), and no known derivation mistake makes it.`,
			fix: 'Check that the secret access key belongs to the access key ID, and enter that secret here to compare.'
		});
	} else if (stringsMatch) {
		list.add('wrong-secret-key', {
			message: `Every string matches (${userSts !== undefined ? 'your string to sign is the correct one' : "the server's string to sign is the correct one"}), yet the signature ${quote(
				signature ?? ''
			)} differs: it was made with another secret key than the one entered here, or with a key derivation no known mistake explains.`,
			fix: `Use the secret access key that belongs to ${ctx.params.credentials.accessKeyId} (no spaces or line breaks around it), and derive kSigning as HMAC chain "AWS4"+secret → date → region → service → aws4_request.`
		});
	} else {
		const upstream = list.errorsIn('canonical-request') + list.errorsIn('string-to-sign') > 0;
		const crRight = ctx.user !== undefined && ctx.user.lines.join('\n') === ctx.correct.text;
		list.add('signature-mismatch', {
			...at,
			message: `The signature ${quote(signature ?? '')} is not the correct one (${correct})${
				upstream
					? ', nor the signature of your own string to sign with the secret entered here: the secret (or the key derivation) differs as well'
					: crRight
						? '; your canonical request is right, so the difference is in the string to sign (time, scope) or in the key'
						: ''
			}.`,
			fix: 'Paste your canonical request and string to sign (from your SDK log) to see which stage differs, or run the signature forensics with your secret.'
		});
	}
}
