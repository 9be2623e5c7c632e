import { keyChainText, type PostPolicyTrace } from '../sigv4/index.ts';
import type { LearnPane, LearnStep } from './types.ts';

const POST_DOCS = 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html';
const POST_SIGNING = 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html';

/** The panes of POST policy mode, in the learn page's terms: the policy stands where a canonical request would. */
export function postPaneTexts(post: PostPolicyTrace): Record<LearnPane, string> {
	return {
		canonicalRequest: post.policyJson,
		stringToSign: post.stringToSign,
		signingKey: keyChainText(post.keyChain),
		signature: post.signature,
		output: post.fields.map(([n, v]) => `${n}: ${v}`).join('\n')
	};
}

function whole(pane: LearnPane, text: string): LearnStep['highlight'] {
	return { pane, start: 0, end: text.length };
}

/**
 * The walk of a browser POST upload: no canonical request; the policy document, its base64 (which
 * is the string to sign), the key chain, the signature, and the form fields that carry them.
 */
export function buildPostSteps(post: PostPolicyTrace, policyText: string): LearnStep[] {
	const panes = postPaneTexts(post);
	const chain = panes.signingKey;
	const keyStep = (id: string, title: string, hex: string, data: string, key: string): LearnStep => {
		const start = chain.indexOf(hex);
		return {
			id,
			title,
			reads: `HMAC-SHA256(${key}, "${data}")`,
			output: hex,
			highlight: { pane: 'signingKey', start, end: start + hex.length },
			explanation: `The same key chain as for any SigV4 request: ${key === '"AWS4" + secret' ? 'keyed with "AWS4" followed by your secret access key (never shown)' : `keyed with the raw 32 bytes of ${key}`}, with "${data}" as data.`,
			docUrl: POST_SIGNING,
			mistakes: ['signing-key-missing-aws4-prefix', 'hmac-key-data-swapped', 'hex-intermediate-keys']
		};
	};
	const k = post.keyChain;
	return [
		{
			id: 'post-policy',
			title: 'The policy document',
			reads: policyText,
			output: post.policyJson,
			highlight: whole('canonicalRequest', post.policyJson),
			explanation:
				(post.policyChanges.length
					? `The conditions for x-amz-credential, x-amz-algorithm and x-amz-date must match the form fields, so they were kept in sync: ${post.policyChanges.join('; ')}. `
					: 'Your policy already holds the credential, algorithm and date conditions, so its exact bytes are signed. ') +
				'Every byte counts: CRLF or LF, spaces and the order of the conditions all change the base64, and so the signature.',
			docUrl: POST_DOCS,
			mistakes: ['post-field-not-in-policy', 'post-policy-expired', 'post-policy-line-endings']
		},
		{
			id: 'post-base64',
			title: 'String to sign: the base64 policy',
			reads: post.policyJson,
			output: post.stringToSign,
			highlight: whole('stringToSign', post.stringToSign),
			explanation:
				'A POST upload has no canonical request and no "AWS4-HMAC-SHA256" lines: the string to sign is the base64 encoding of the policy text, the same value the form sends in its policy field.',
			docUrl: POST_SIGNING,
			mistakes: ['post-policy-json-signed', 'post-policy-line-endings']
		},
		keyStep('k-date', 'Signing key: kDate', k.kDate, k.date, '"AWS4" + secret'),
		keyStep('k-region', 'Signing key: kRegion', k.kRegion, k.region, 'kDate'),
		keyStep('k-service', 'Signing key: kService', k.kService, k.service, 'kRegion'),
		keyStep('k-signing', 'Signing key: kSigning', k.kSigning, 'aws4_request', 'kService'),
		{
			id: 'signature',
			title: 'Signature',
			reads: post.stringToSign,
			output: post.signature,
			highlight: whole('signature', post.signature),
			explanation: 'HMAC-SHA256 keyed with kSigning over the base64 policy, written as 64 lowercase hex digits.',
			docUrl: POST_SIGNING,
			mistakes: ['post-policy-json-signed', 'hex-uppercase', 'signature-base64']
		},
		{
			id: 'placement',
			title: 'The form fields',
			reads: post.signature,
			output: panes.output,
			highlight: whole('output', panes.output),
			explanation:
				'The form sends your fields, then x-amz-algorithm, x-amz-credential, x-amz-date (and x-amz-security-token), the base64 policy and x-amz-signature; the file comes last. SigV2 fields (AWSAccessKeyId, signature) do not belong here.',
			docUrl: POST_SIGNING,
			mistakes: ['sigv2-fields-in-sigv4', 'post-field-not-in-policy']
		}
	];
}
