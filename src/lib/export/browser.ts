import { JS_CANONICAL, jsConstants, jsShow, jsSigning } from './js-common.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

// Spelled in two pieces: bundlers rewrite the expression wherever it stands, strings included.
const IMPORT_META = ['import', 'meta'].join('.');

/** A browser ES module on WebCrypto (crypto.subtle); Node 20 runs it too, to check it. */
export function browserSigner(spec: SignerSpec): string {
	const n = notes(spec);
	return `// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) in the browser, with WebCrypto
// only, and returns the canonical request, the string to sign and the signature.
// In a page: import { signRequest } from './sign-browser.mjs' and pass credentials from your
// identity provider (short-lived ones: a long-term secret key does not belong in page code).
// To check it: node sign-browser.mjs (Node 20+) reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
// and AWS_SESSION_TOKEN from the environment and prints every stage.

${jsConstants(spec)}

${JS_CANONICAL}

const toHex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join(''); // lowercase hex
const sha256Hex = async (data) => toHex(await crypto.subtle.digest('SHA-256', data));

async function hmac(key, text) {
	const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(text)));
}

/** Each HMAC's raw 32 bytes key the next one: never their hex text. */
async function signingKey(secretAccessKey, date) {
	let key = utf8('AWS4' + secretAccessKey);
	for (const part of [date, REGION, SERVICE, 'aws4_request']) key = await hmac(key, part);
	return key;
}

export async function signRequest({ accessKeyId, secretAccessKey, sessionToken }) {
	const date = AMZ_DATE.slice(0, 8);
	const scope = \`\${date}/\${REGION}/\${SERVICE}/aws4_request\`;
	${jsSigning(spec, 'await ')}
}

${jsShow(spec)}

if (typeof process !== 'undefined' && process.argv?.[1] && ${IMPORT_META}.url.endsWith(process.argv[1].split('/').pop())) {
	const env = process.env;
	show(await signRequest({ accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN }));
}
`;
}
