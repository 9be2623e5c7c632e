import type { Command } from './cli-args.ts';

const KEYS = `Keys: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment, or
  --access-key-id, --secret-access-key, --session-token (the environment keeps them out of your shell history).
  The secret is never printed; secrets found in the input are printed as SECRET-ACCESS-KEY-LEFT-OUT,
  SESSION-TOKEN-LEFT-OUT or SSE-C-KEY-LEFT-OUT.`;

const SCOPE = `  --region R           the region (else the input's, the host's, or AWS_REGION)
  --service S          the signing name, e.g. s3, execute-api (else the input's or the host's)
  --datetime T         the signing time, 20130524T000000Z or "now" (else the input's, or now)`;

const CHECK = `sigv4-debugger — why AWS says SignatureDoesNotMatch, on the command line.

Usage: sigv4-debugger <file|-> [options]
       sigv4-debugger sign <file|-> [options]      sign a request, print every stage
       sigv4-debugger presign <file|-> [options]   presign a URL, print every stage

Reads what the page's paste box reads: a raw HTTP request, a curl command, a fetch() call, a HAR
file, a presigned URL, an Authorization header, an AWS error body, a botocore, curl -v or awscurl
log, a canonical request or a string to sign (several together in one file), and prints the
verdict and the findings, each with its code, what is wrong and the fix.

Options:
  --json               print one JSON object: verdict, findings (code, severity, stage, message, fix), stages
  --stages             also print the correct stages (canonical request, string to sign, signing key, signature)
  --forensics D        off, single or pairs (default): search the known signer mistakes for one that
                       reproduces your signature (needs the secret key)
${SCOPE}
  -h, --help           this help

${KEYS} Without the secret, the signing key and the signature are not judged
  (AWS's example key AKIAIOSFODNN7EXAMPLE comes with its public secret).

Exit code: 0 no mistake found, 1 a mistake found (an error finding), 2 unusable command line or input.`;

const SIGN = (command: 'sign' | 'presign') => {
	const what = command === 'sign' ? 'an Authorization header' : 'a presigned URL (query-string authentication)';
	const expires = command === 'presign' ? '\n  --expires N          seconds the URL is valid, 1 to 604800 (default 3600)' : '';
	return `Usage: sigv4-debugger ${command} <file|-> [options]
       sigv4-debugger ${command} --url URL [--method M] [--header "Name: value"]… [options]

Signs the request with ${what} and prints every stage as the page shows it:
canonical request, string to sign, signing key (kDate … kSigning), signature, and the signed
request${command === 'presign' ? ', curl command and presigned URL' : ' and curl command'}.

The request: a file (or - for standard input) in any format the page reads, or:
  --url URL            the absolute URL, e.g. https://examplebucket.s3.amazonaws.com/photo.jpg
  -X, --method M       the method (default GET)
  -H, --header H       a header, "Name: value"; repeat for more (with a file: added to its request)
  --body TEXT          the body
Options:
${SCOPE}${expires}
  --signed-headers L   sign only these headers (host;x-amz-date;…)
  --unsigned-payload   sign UNSIGNED-PAYLOAD instead of the body's hash
  --json               print one JSON object with every stage
  -h, --help           this help

${KEYS}

Exit code: 0 signed, 2 unusable command line or input (what is missing is said).`;
};

export function helpText(command: Command): string {
	return (command === 'check' ? CHECK : SIGN(command)) + '\n';
}
