import type { FieldError } from '../case/index.ts';

/** Where the command line takes each input the page has a box for. */
const FLAGS: Partial<Record<FieldError['field'], string>> = {
	region: '--region (e.g. --region us-east-1)',
	service: '--service (e.g. --service s3)',
	datetime: '--datetime (e.g. --datetime 20130524T000000Z)',
	accessKeyId: 'AWS_ACCESS_KEY_ID (or --access-key-id)',
	secretAccessKey: 'AWS_SECRET_ACCESS_KEY (or --secret-access-key)',
	sessionToken: 'AWS_SESSION_TOKEN (or --session-token)',
	expiresIn: '--expires (presign)',
	signedHeaders: '--signed-headers'
};

/** The page's fix ("Type it, or paste …") with the flag or variable that gives the input here. */
export function fixFor(error: FieldError): string {
	const flag = FLAGS[error.field];
	const fix = (error.fix ?? '').replace(/^Type it, or paste\b/, 'Paste');
	if (!flag) return fix || 'Correct the request in your input.';
	return `${fix ? `${fix} ` : ''}On the command line: ${flag}.`.trim();
}
