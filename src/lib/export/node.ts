import { JS_CANONICAL, jsConstants, jsShow, jsSigning } from './js-common.ts';
import { notes, type SignerSpec } from './signer-spec.ts';

/** A Node.js program (ES module), node:crypto only. */
export function nodeSigner(spec: SignerSpec): string {
	const n = notes(spec);
	return `// ${n.title}
// Signs this request with AWS Signature Version 4 (${n.modeName}) and prints the canonical request,
// the string to sign and the signature, to hold against your own signer's. No dependencies.
// The keys come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (optional).
// Run: node sign.mjs
import { createHash, createHmac } from 'node:crypto';

${jsConstants(spec)}

${JS_CANONICAL}

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex'); // lowercase hex, never base64
const hmac = (key, text) => createHmac('sha256', key).update(text, 'utf8').digest();
const toHex = (bytes) => Buffer.from(bytes).toString('hex');

/** Each HMAC's raw 32 bytes key the next one: never their hex text. */
function signingKey(secretAccessKey, date) {
	let key = Buffer.from('AWS4' + secretAccessKey, 'utf8');
	for (const part of [date, REGION, SERVICE, 'aws4_request']) key = hmac(key, part);
	return key;
}

function signRequest({ accessKeyId, secretAccessKey, sessionToken }) {
	const date = AMZ_DATE.slice(0, 8);
	const scope = \`\${date}/\${REGION}/\${SERVICE}/aws4_request\`;
	${jsSigning(spec, '')}
}

${jsShow(spec)}

const env = process.env;
show(signRequest({ accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN }));
`;
}
