import { parsePolicy, POST_AUTH_FIELDS, signatureFor, signPostPolicy, type PostPolicyTrace, utf8Bytes } from '../../sigv4/index.ts';
import type { FindingList } from '../finding-list.ts';
import { checkConditions, checkExpiration, checkFieldsCovered } from '../post-policy-rules.ts';
import { quote } from '../../findings/index.ts';
import { signingKeyVariants } from '../forensics/signing-key-variants.ts';
import type { Evidence } from '../types.ts';

function fieldOf(form: [string, string][], lower: string): string | undefined {
	return form.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** A browser POST upload: the form carries a policy. */
export function isPostForm(evidence: Evidence): boolean {
	return fieldOf(evidence.form ?? [], 'policy') !== undefined;
}

/** The text a base64 field stands for (UTF-8), or undefined when it is not base64. */
function decodeBase64(text: string): string | undefined {
	try {
		const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

function base64Of(text: string): string {
	let binary = '';
	for (const b of utf8Bytes(text)) binary += String.fromCharCode(b);
	return btoa(binary);
}

/** The same text with its other line endings: LF where it has CRLF, else CRLF where it has LF. */
function otherLineEndings(text: string): string {
	return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
}

const endings = (text: string) => (text.includes('\r\n') ? 'CRLF' : 'LF');

/**
 * The policy form of a browser POST upload: the policy's expiration and the fields its conditions
 * cover, then the signature. S3 checks hex(HMAC(kSigning, the base64 policy as sent)); a signature
 * that is not that one is explained by what it is instead: an HMAC of the JSON, of the base64 of
 * the policy with other line endings, or made with a wrongly derived key.
 */
export async function checkPostPolicy(evidence: Evidence, list: FindingList): Promise<void> {
	const form = evidence.form ?? [];
	const sent = fieldOf(form, 'policy')?.replace(/\s+/g, '');
	if (sent === undefined) return;
	const json = decodeBase64(sent);
	if (json === undefined) return;
	let policy: Record<string, unknown>;
	try {
		policy = parsePolicy(json);
	} catch {
		// Not a policy S3 could read either; nothing below can be judged against it.
		return;
	}
	checkExpiration(policy, evidence, list);
	checkFieldsCovered(policy, form, list);
	checkConditions(policy, evidence, list);

	// A SigV2 form is signed another way (its own finding says so); only a SigV4 signature is checked.
	if (list.has('sigv2-request')) return;
	const signature = (evidence.provided?.signature ?? fieldOf(form, 'x-amz-signature'))?.trim();
	const stringToSign = evidence.provided?.stringToSign;
	if (!signature && stringToSign === undefined) return;
	let trace: PostPolicyTrace;
	try {
		// signPostPolicy refuses names a browser could not send; they play no part in the signature.
		// eslint-disable-next-line no-control-regex -- control characters are what is filtered out
		const fields = form.filter(([n]) => !POST_AUTH_FIELDS.has(n.toLowerCase()) && n !== '' && !/[\u0000-\u001f\u007f"=]/.test(n));
		trace = await signPostPolicy({ policy: json, fields }, evidence.params);
	} catch {
		return;
	}
	await checkSignature({ sent, json, trace, signature, stringToSign }, evidence, list);
}

interface Signed {
	/** The policy field as sent, and the JSON it decodes to. */
	sent: string;
	json: string;
	trace: PostPolicyTrace;
	signature: string | undefined;
	stringToSign: string | undefined;
}

async function checkSignature(s: Signed, evidence: Evidence, list: FindingList): Promise<void> {
	const kSigning = s.trace.keyChain.kSigning;
	const correct = await signatureFor(s.sent, kSigning);
	const mac = (text: string) => signatureFor(text, kSigning);
	const sig = s.signature?.toLowerCase();
	const sts = s.stringToSign?.trim();
	const at = { stage: 'string-to-sign' as const, line: 1 };

	// The JSON as sent, as the signer rewrote it, and either with the other line endings.
	const jsons = [...new Set([s.json, s.trace.policyJson].flatMap((j) => [j, otherLineEndings(j)]))];
	const jsonSigned = sig !== undefined && (await Promise.all(jsons.map(mac))).includes(sig);
	if (jsonSigned || (sts !== undefined && sts.startsWith('{') && jsons.some((j) => j.trim() === sts))) {
		list.add(
			'post-policy-json-signed',
			{
				...at,
				...(jsonSigned ? { basis: 'reproduced' as const } : {}),
				message: `The ${jsonSigned ? 'signature is an HMAC of' : 'string to sign is'} the policy JSON; SigV4 POST signs the base64 of the policy, the exact text of the policy field.`,
				fix: `Sign the base64 policy: signature = hex(HMAC(kSigning, ${quote(s.sent, 40)})).`
			},
			'post-string-to-sign'
		);
		return;
	}
	if (s.signature === correct) return;

	const other = otherLineEndings(s.json);
	const otherBase64 = other !== s.json ? base64Of(other) : undefined;
	const otherSigned = otherBase64 !== undefined && sig !== undefined && sig === (await mac(otherBase64));
	if (otherBase64 !== undefined && (otherSigned || sts === otherBase64)) {
		list.add(
			'post-policy-line-endings',
			{
				...at,
				...(otherSigned ? { basis: 'reproduced' as const } : {}),
				message: `The policy sent decodes to ${endings(s.json)} text, but it was signed as the policy with ${endings(other)} line endings: the base64 differs, so the signature does.`,
				fix: 'Sign the exact base64 text of the policy field you send: encode the policy once, and send and sign that same string.'
			},
			'post-string-to-sign'
		);
		return;
	}
	if (sts !== undefined && sts !== s.sent && sts.replace(/\s+/g, '') !== s.sent) {
		list.add(
			'string-to-sign-differs',
			{
				...at,
				message: `The string to sign ${quote(sts, 60)} is not the base64 policy sent (${quote(s.sent, 60)}).`,
				fix: 'In SigV4 POST the string to sign is the policy field itself, byte for byte.'
			},
			'post-string-to-sign'
		);
		return;
	}
	if (sig === undefined) return;
	await checkSignatureForm(sig, s, correct, evidence, list);
}

/** The right string, signed wrongly: uppercase hex, or a key-derivation mistake; else a different secret or scope. */
async function checkSignatureForm(sig: string, s: Signed, correct: string, evidence: Evidence, list: FindingList): Promise<void> {
	if (s.signature !== sig && sig === correct) {
		list.add('hex-uppercase', {
			stage: 'signature',
			line: 1,
			basis: 'reproduced',
			message: 'The signature is in uppercase hex; SigV4 signatures are lowercase hex.',
			fix: `Send ${correct}.`
		});
		return;
	}
	const { date, region, service } = s.trace.keyChain;
	for (const v of await signingKeyVariants(evidence.params.credentials.secretAccessKey, date, region, service)) {
		if ((await v.sign(s.sent)) !== sig) continue;
		list.add(v.code, {
			basis: 'reproduced',
			message: `The signature of the base64 policy is reproduced exactly by a signer that ${v.label}.`,
			fix: v.fix
		});
		return;
	}
	list.add('signature-mismatch', {
		message: `The signature ${quote(sig, 70)} is not hex(HMAC(kSigning, base64 policy)) = ${correct} for these credentials and the scope ${s.trace.credentialScope}; no known mistake reproduces it.`,
		fix: 'Check the secret key and that x-amz-credential and x-amz-date name the same date, region and service the key was derived for.'
	});
}
