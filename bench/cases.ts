import type { Credentials, Header, HttpRequest, SigningParams } from '../src/lib/sigv4/index.ts';

/** One request, signed by every signer; adapters derive their own input from these fields. */
export interface BenchCase {
	id: 's3-get' | 'sns-post' | 's3-presign';
	title: string;
	mode: 'header' | 'query';
	service: string;
	region: string;
	method: string;
	host: string;
	/** Percent-encoded exactly as on the wire; for S3 this is also the canonical (single-encoded) path. */
	path: string;
	headers: Header[];
	body?: string;
	datetime: string;
	expiresIn?: number;
	credentials: Credentials;
}

const CREDENTIALS: Credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const DATETIME = '20250115T120000Z';
const REGION = 'us-east-1';
const S3_HOST = 'examplebucket.s3.us-east-1.amazonaws.com';
const SNS_HOST = 'sns.us-east-1.amazonaws.com';
// "/photos/summer 2024/café ü.jpg": a space and two non-ASCII characters.
const S3_PATH = '/photos/summer%202024/caf%C3%A9%20%C3%BC.jpg';

/** An SNS Publish form body of exactly `size` bytes. */
function publishBody(size: number): string {
	const head = 'Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Abench&Version=2010-03-31&Message=';
	const words = 'Hello+from+the+SigV4+benchmark.+';
	return (head + words.repeat(Math.ceil(size / words.length))).slice(0, size);
}

export const CASES: BenchCase[] = [
	{
		id: 's3-get',
		title: 'S3 GET, 5 headers, unicode path',
		mode: 'header',
		service: 's3',
		region: REGION,
		method: 'GET',
		host: S3_HOST,
		path: S3_PATH,
		headers: [
			['Host', S3_HOST],
			['Range', 'bytes=0-1023'],
			['x-amz-meta-a', 'one  two'],
			['Content-Type', 'image/jpeg'],
			['Accept', '*/*']
		],
		datetime: DATETIME,
		credentials: CREDENTIALS
	},
	{
		id: 'sns-post',
		title: 'SNS POST, 1 KB form body',
		mode: 'header',
		service: 'sns',
		region: REGION,
		method: 'POST',
		host: SNS_HOST,
		path: '/',
		headers: [
			['Host', SNS_HOST],
			['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']
		],
		body: publishBody(1024),
		datetime: DATETIME,
		credentials: CREDENTIALS
	},
	{
		id: 's3-presign',
		title: 'S3 presigned GET, 86400 s',
		mode: 'query',
		service: 's3',
		region: REGION,
		method: 'GET',
		host: S3_HOST,
		path: S3_PATH,
		headers: [['Host', S3_HOST]],
		datetime: DATETIME,
		expiresIn: 86400,
		credentials: CREDENTIALS
	}
];

export function urlOf(c: BenchCase): string {
	return `https://${c.host}${c.path}`;
}

/** Our core's input: the request as sent, and the signing parameters. */
export function oursInput(c: BenchCase): { request: HttpRequest; params: SigningParams } {
	const request: HttpRequest = { method: c.method, url: urlOf(c), headers: c.headers };
	if (c.body !== undefined) request.body = c.body;
	const params: SigningParams = { credentials: c.credentials, region: c.region, service: c.service, datetime: c.datetime };
	if (c.expiresIn !== undefined) params.expiresIn = c.expiresIn;
	return { request, params };
}

/** The signing time as a Date, for signers that take one. */
export function signingDate(datetime: string): Date {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(datetime)!;
	return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

export function isS3(c: BenchCase): boolean {
	return c.service === 's3';
}
