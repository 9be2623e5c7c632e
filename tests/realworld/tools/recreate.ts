// Re-creates the texts a reporter would have pasted, where the report itself does not hold them:
// their faulty signer re-run with AWS's published example keys. Each function builds the wrong
// canonical request / string to sign / signature the way their code did, independently of the
// debugger (node:crypto only), and the server's side where the report quotes it.
// Run: npx tsx tests/realworld/tools/recreate.ts  → writes tests/realworld/recreated.generated.ts
import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export const AK = 'AKIAIOSFODNN7EXAMPLE';
export const SK = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hm = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
	return hm(hm(hm(hm('AWS4' + secret, date), region), service), 'aws4_request');
}
/** Signs a canonical request exactly as given (right or wrong). */
function signCR(cr: string, datetime: string, region: string, service: string, secret = SK) {
	const scope = `${datetime.slice(0, 8)}/${region}/${service}/aws4_request`;
	const sts = `AWS4-HMAC-SHA256\n${datetime}\n${scope}\n${sha(cr)}`;
	const sig = createHmac('sha256', signingKey(secret, datetime.slice(0, 8), region, service))
		.update(sts)
		.digest('hex');
	return { sts, sig, scope };
}
function cr(method: string, path: string, query: string, headers: [string, string][], payload: string): string {
	const names = headers.map(([n]) => n).join(';');
	return [method, path, query, ...headers.map(([n, v]) => `${n}:${v}`), '', names, payload].join('\n');
}
function auth(ak: string, scope: string, signed: string, sig: string): string {
	return `AWS4-HMAC-SHA256 Credential=${ak}/${scope}, SignedHeaders=${signed}, Signature=${sig}`;
}
function raw(method: string, target: string, headers: [string, string][], body = ''): string {
	return [`${method} ${target} HTTP/1.1`, ...headers.map(([n, v]) => `${n}: ${v}`), '', body].join('\n');
}
function jsonError(serverCR: string, datetime: string, region: string, service: string): string {
	const { sts } = signCR(serverCR, datetime, region, service);
	const message =
		'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
		`The Canonical String for this request should have been\n'${serverCR}'\n\nThe String-to-Sign should have been\n'${sts}'\n`;
	return JSON.stringify({ message });
}
function s3Xml(serverCR: string, datetime: string, region: string, provided: string): string {
	const { sts } = signCR(serverCR, datetime, region, 's3');
	const bytes = (s: string) => [...Buffer.from(s)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>' +
		`<AWSAccessKeyId>${AK}</AWSAccessKeyId><StringToSign>${sts}</StringToSign><SignatureProvided>${provided}</SignatureProvided><StringToSignBytes>${bytes(sts)}</StringToSignBytes>` +
		`<CanonicalRequest>${serverCR}</CanonicalRequest><CanonicalRequestBytes>${bytes(serverCR)}</CanonicalRequestBytes><RequestId>4442587FB7D0A2F9</RequestId><HostId>EXAMPLEhostid=</HostId></Error>`
	);
}
const E = sha('');

/** A request their signer signed with canonical request `mine`; the server computed `theirs`. */
function headerCase(o: {
	method: string;
	target: string; // path?query as sent
	host: string;
	datetime: string;
	region: string;
	service: string;
	signed: [string, string][]; // canonical headers as their signer wrote them (sorted, lowercase)
	sent?: [string, string][]; // headers as sent besides Authorization (default: signed, as named)
	body?: string;
	mine: { path: string; query: string; payload: string; headers?: [string, string][] };
	theirs?: { path: string; query: string; payload: string; headers?: [string, string][] };
	error?: 'json' | 's3';
}): string[] {
	const names = o.signed.map(([n]) => n).join(';');
	const mineCR = cr(o.method, o.mine.path, o.mine.query, o.mine.headers ?? o.signed, o.mine.payload);
	const { sig, scope } = signCR(mineCR, o.datetime, o.region, o.service);
	const sent = o.sent ?? o.signed;
	const headers: [string, string][] = [...sent.map(([n, v]) => [n.replace(/(^|-)[a-z]/g, (m) => m.toUpperCase()), v] as [string, string])];
	headers.push(['Authorization', auth(AK, scope, names, sig)]);
	const out = [raw(o.method, o.target, headers, o.body ?? '')];
	if (o.theirs && o.error) {
		const serverCR = cr(o.method, o.theirs.path, o.theirs.query, o.theirs.headers ?? o.signed, o.theirs.payload);
		out.push(o.error === 'json' ? jsonError(serverCR, o.datetime, o.region, o.service) : s3Xml(serverCR, o.datetime, o.region, sig));
	}
	return out;
}

/** A presigned URL whose canonical query is built by `query(credential)`; `extra` is appended after signing. */
function presigned(o: {
	/** The method the URL is presigned for (default GET). */
	method?: string;
	scheme?: string;
	host: string;
	path: string;
	datetime: string;
	region: string;
	service: string;
	ak?: string;
	params: [string, string][]; // everything but X-Amz-Signature, in the order their signer wrote them, encoded
	canonicalParams?: [string, string][]; // what their signer signed (default: params sorted)
	signedHeaders?: [string, string][];
	payload?: string;
	after?: string;
}): string {
	const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
	const canon = (o.canonicalParams ?? [...o.params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
		.map(([k, v]) => `${enc(k)}=${enc(v)}`)
		.join('&');
	const hs = o.signedHeaders ?? [['host', o.host]];
	const c = cr(o.method ?? 'GET', o.path, canon, hs, o.payload ?? 'UNSIGNED-PAYLOAD');
	const { sig } = signCR(c, o.datetime, o.region, o.service);
	const q = o.params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
	return `${o.scheme ?? 'https'}://${o.host}${o.path}?${q}&X-Amz-Signature=${sig}${o.after ?? ''}`;
}
function presignParams(
	ak: string,
	datetime: string,
	region: string,
	service: string,
	expires: string,
	signed = 'host',
	extra: [string, string][] = []
) {
	const p: [string, string][] = [
		['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
		['X-Amz-Credential', `${ak}/${datetime.slice(0, 8)}/${region}/${service}/aws4_request`],
		['X-Amz-Date', datetime],
		['X-Amz-Expires', expires],
		...extra,
		['X-Amz-SignedHeaders', signed]
	];
	return p;
}

const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENdGVzdC10b2tlbi1vbmx5LW5vdC1yZWFs/EXAMPLE+TOKEN=';
const cases: Record<string, string[]> = {};

// ---- path and query ----
{
	const host = 'search-dave-6jy2cskdfaye4ji6gfa6x375ve.us-west-2.es.amazonaws.com';
	const body = '{"query":{"match_all":{}}}';
	const h: [string, string][] = [
		['content-length', '26'],
		['content-type', 'application/json'],
		['host', host],
		['x-amz-date', '20151216T035010Z']
	];
	cases['es-asterisk-path-aws4-12'] = headerCase({
		method: 'POST',
		target: '/*/*/_search/',
		host,
		datetime: '20151216T035010Z',
		region: 'us-west-2',
		service: 'es',
		signed: h,
		body,
		mine: { path: '/*/*/_search/', query: '', payload: sha(body) },
		theirs: { path: '/%2A/%2A/_search/', query: '', payload: sha(body) },
		error: 'json'
	});
}
{
	const host = 'search-logs-q7xhxq2r5pboy3kbvzd2kgpt6a.eu-west-1.es.amazonaws.com';
	const body = '{"query":{"match_all":{}}}';
	const h: [string, string][] = [
		['accept-encoding', 'gzip, deflate'],
		['content-type', 'application/json'],
		['host', host],
		['x-amz-date', '20170517T093408Z']
	];
	cases['es-asterisk-comma-aws-sig4-4'] = headerCase({
		method: 'POST',
		target: '/*,-notme/_search',
		host,
		datetime: '20170517T093408Z',
		region: 'eu-west-1',
		service: 'es',
		signed: h,
		body,
		mine: { path: '/*,-notme/_search', query: '', payload: sha(body) },
		theirs: { path: '/%2A%2C-notme/_search', query: '', payload: sha(body) },
		error: 'json'
	});
}
{
	const host = 'fineuploader-missions.s3.amazonaws.com';
	const key = '/uploads/missions/FINE-a1da0f54-d2c8-4423-a037-995556c7f178/66ft+High+Overlap+8-14.zip';
	const h: [string, string][] = [
		['host', host],
		['x-amz-acl', 'private'],
		['x-amz-content-sha256', E],
		['x-amz-date', '20160113T101010Z']
	];
	cases['s3-plus-left-raw-fineuploader-1518'] = headerCase({
		method: 'POST',
		target: key + '?uploads',
		host,
		datetime: '20160113T101010Z',
		region: 'us-east-1',
		service: 's3',
		signed: h,
		mine: { path: key, query: 'uploads=', payload: E },
		theirs: { path: key.replace(/\+/g, '%2B'), query: 'uploads=', payload: E },
		error: 's3'
	});
}
{
	const host = 'examplebucket.s3.us-east-1.amazonaws.com';
	const body = 'C++ notes';
	const h: [string, string][] = [
		['host', host],
		['x-amz-content-sha256', sha(body)],
		['x-amz-date', '20260607T120000Z']
	];
	cases['s3-plus-signed-as-space-minio-dart-115'] = headerCase({
		method: 'PUT',
		target: '/C++%20notes.txt',
		host,
		datetime: '20260607T120000Z',
		region: 'us-east-1',
		service: 's3',
		signed: h,
		body,
		mine: { path: '/C%20%20%20notes.txt', query: '', payload: sha(body) }
	});
}
{
	const host = 'mybucket.s3.amazonaws.com';
	const body =
		'<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"a54357aff0632cce46d942af68356b38"</ETag></Part></CompleteMultipartUpload>';
	const h: [string, string][] = [
		['content-length', String(Buffer.byteLength(body))],
		['host', host],
		['x-amz-content-sha256', sha(body)],
		['x-amz-date', '20160830T050105Z']
	];
	cases['s3cmd-space-sent-as-plus-780'] = headerCase({
		method: 'POST',
		target: '/%40sample+16.txt?uploadId=2~jyZszEoDF4u8dgSDef4oyftCyz-QpQa',
		host,
		datetime: '20160830T050105Z',
		region: 'us-east-1',
		service: 's3',
		signed: h,
		body,
		mine: { path: '/%40sample%2016.txt', query: 'uploadId=2~jyZszEoDF4u8dgSDef4oyftCyz-QpQa', payload: sha(body) }
	});
}
{
	const host = 'arrow-test.s3.us-east-1.amazonaws.com';
	const h: [string, string][] = [
		['host', host],
		['x-amz-content-sha256', E],
		['x-amz-date', '20220928T140000Z']
	];
	cases['query-space-as-plus-arrow-223'] = headerCase({
		method: 'GET',
		target: '/?list-type=2&prefix=my+folder%2F',
		host,
		datetime: '20220928T140000Z',
		region: 'us-east-1',
		service: 's3',
		signed: h,
		mine: { path: '/', query: 'list-type=2&prefix=my+folder%2F', payload: E }
	});
}
{
	const host = 'search-distributionsvc-ed3-fzntidxlav75wev5czyyb7nqqi.us-east-1.es.amazonaws.com';
	const id = 'cXVlcnlUaGVuRmV0Y2g7NTsyMjo2RU9JZ3hnb1R1bVN1YkEzb1ZZRk1BOzIzOjZFT0lneGdvVHVtU3ViQTNvVllGTUE7MDs=';
	const h: [string, string][] = [
		['accept-encoding', 'gzip,deflate'],
		['host', host],
		['user-agent', 'Apache-HttpClient/4.5.1 (Java/1.8.0_60)'],
		['x-amz-date', '20160615T163227Z']
	];
	cases['es-scroll-id-equals-interceptor-17'] = headerCase({
		method: 'GET',
		target: `/_search/scroll?scroll=2m&scroll_id=${id}&size=1000`,
		host,
		datetime: '20160615T163227Z',
		region: 'us-east-1',
		service: 'es',
		signed: h,
		mine: { path: '/_search/scroll', query: `scroll=2m&scroll_id=${id}&size=1000`, payload: E },
		theirs: { path: '/_search/scroll', query: `scroll=2m&scroll_id=${id.replace(/=/g, '%3D')}&size=1000`, payload: E },
		error: 'json'
	});
}
{
	const host = 'search-movies-rr2f34ofg56xneuemujamut52i.us-east-1.cloudsearch.amazonaws.com';
	const h: [string, string][] = [
		['host', host],
		['x-amz-date', '20200113T091500Z']
	];
	cases['query-sorted-as-strings-aws4-104'] = headerCase({
		method: 'GET',
		target: '/2013-01-01/search?q=star&q.parser=simple&size=10',
		host,
		datetime: '20200113T091500Z',
		region: 'us-east-1',
		service: 'cloudsearch',
		signed: h,
		mine: { path: '/2013-01-01/search', query: 'q.parser=simple&q=star&size=10', payload: E },
		theirs: { path: '/2013-01-01/search', query: 'q=star&q.parser=simple&size=10', payload: E },
		error: 'json'
	});
}
{
	const host = 'es.us-east-1.amazonaws.com';
	const h: [string, string][] = [
		['host', host],
		['x-amz-date', '20151227T231859Z']
	];
	const [req, err] = headerCase({
		method: 'GET',
		target: '/_search/%3Fa=b%20c',
		host,
		datetime: '20151227T231859Z',
		region: 'us-east-1',
		service: 'es',
		signed: h,
		mine: { path: '/_search/%3Fa%3Db%20c', query: '', payload: E },
		theirs: { path: '/_search/%253Fa%3Db%2520c', query: '', payload: E },
		error: 'json'
	});
	const a = /Authorization: (.*)/.exec(req!)![1];
	cases['es-not-double-encoded-aws-sdk-js-853'] = [
		`curl 'https://es.us-east-1.amazonaws.com/_search/%3Fa=b%20c' \\\n-H 'Authorization: ${a}' \\\n-H 'X-Amz-Date: 20151227T231859Z'`,
		err!
	];
}
{
	const host = 'search-logs-5xzvbfwjdtdcw5dttxbpzpmrpq.us-east-1.es.amazonaws.com';
	const h: [string, string][] = [
		['host', host],
		['x-amz-date', '20160712T184502Z']
	];
	cases['es-index-star-not-double-encoded-amazonka-303'] = headerCase({
		method: 'GET',
		target: '/my-index-name-%2A/_search',
		host,
		datetime: '20160712T184502Z',
		region: 'us-east-1',
		service: 'es',
		signed: h,
		mine: { path: '/my-index-name-%2A/_search', query: '', payload: E },
		theirs: { path: '/my-index-name-%252A/_search', query: '', payload: E },
		error: 'json'
	});
}

// ---- headers and proxies ----
{
	const host = 'dynamodb.ap-northeast-1.amazonaws.com';
	const body = '{"TableName":"terraform-locks"}';
	const signed: [string, string][] = [
		['accept-encoding', 'identity'],
		['content-length', String(body.length)],
		['content-type', 'application/x-amz-json-1.0'],
		['host', host],
		['x-amz-date', '20250910T031512Z'],
		['x-amz-target', 'DynamoDB_20120810.DescribeTable']
	];
	const sent = signed.map(([n, v]) => [n, n === 'accept-encoding' ? 'gzip' : v] as [string, string]);
	cases['proxy-rewrites-accept-encoding-gomitmproxy-31'] = headerCase({
		method: 'POST',
		target: '/',
		host,
		datetime: '20250910T031512Z',
		region: 'ap-northeast-1',
		service: 'dynamodb',
		signed,
		sent,
		body,
		mine: { path: '/', query: '', payload: sha(body) }
	});
}
{
	const host = '9f0a2e6c1d4b3a5e7f8091a2b3c4d5e6.r2.cloudflarestorage.com';
	const signed: [string, string][] = [
		['accept-encoding', 'gzip, zstd'],
		['host', host],
		['x-amz-content-sha256', E],
		['x-amz-date', '20260520T021700Z']
	];
	const sent = signed.map(([n, v]) => [n, n === 'accept-encoding' ? 'gzip' : v] as [string, string]);
	cases['cdn-rewrites-accept-encoding-req-546'] = headerCase({
		method: 'GET',
		target: '/uploads/avatar.png',
		host,
		datetime: '20260520T021700Z',
		region: 'auto',
		service: 's3',
		signed,
		sent,
		mine: { path: '/uploads/avatar.png', query: '', payload: E }
	});
}
{
	const host = 'abc123def456ghi789jk.us-east-1.aoss.amazonaws.com';
	const body = '{"query":{"match_all":{}}}';
	const signed: [string, string][] = [
		['content-type', 'application/json'],
		['host', host],
		['x-amz-content-sha256', sha(body)],
		['x-amz-date', '20240426T101500Z'],
		['x-forwarded-for', '10.0.3.17']
	];
	const sent = signed.map(([n, v]) => [n, n === 'x-forwarded-for' ? '10.0.3.17, 10.0.129.4' : v] as [string, string]);
	cases['vpce-appends-x-forwarded-for-aoss-1067'] = headerCase({
		method: 'POST',
		target: '/movies/_search',
		host,
		datetime: '20240426T101500Z',
		region: 'us-east-1',
		service: 'aoss',
		signed,
		sent,
		body,
		mine: { path: '/movies/_search', query: '', payload: sha(body) }
	});
}
{
	// ex_aws#213: the Host sent has :9000, the canonical request (printed by the reporter) has none.
	const host = '127.0.0.1';
	const signed: [string, string][] = [
		['content-length', '0'],
		['host', host],
		['x-amz-content-sha256', E],
		['x-amz-date', '20160909T075815Z']
	];
	const sent: [string, string][] = [
		['x-amz-content-sha256', E],
		['user-agent', 'hackney/1.6.1'],
		['x-amz-date', '20160909T075815Z'],
		['host', '127.0.0.1:9000'],
		['content-length', '0']
	];
	const [req] = headerCase({
		method: 'GET',
		target: '/',
		host,
		datetime: '20160909T075815Z',
		region: 'us-east-1',
		service: 's3',
		signed,
		sent,
		mine: { path: '/', query: '', payload: E }
	});
	cases['host-port-dropped-ex-aws-213'] = [req!, cr('GET', '/', '', signed, E)];
}

// ---- presigned URLs ----
{
	const host = 'uploads-bucket.s3.eu-west-1.amazonaws.com';
	const dt = '20230929T101500Z';
	const url = presigned({
		method: 'PUT',
		host,
		path: '/avatars/me.png',
		datetime: dt,
		region: 'eu-west-1',
		service: 's3',
		params: [...presignParams(AK, dt, 'eu-west-1', 's3', '3600', 'content-type;host'), ['x-id', 'PutObject']],
		signedHeaders: [
			['content-type', 'image/png'],
			['host', host]
		]
	});
	cases['presign-put-content-type-js-v3-5268'] = [
		raw(
			'PUT',
			url.slice(`https://${host}`.length),
			[
				['Host', host],
				['Content-Type', 'application/x-www-form-urlencoded'],
				['Content-Length', '5']
			],
			'hello'
		)
	];
}
const iot = (id: string, host: string, dt: string, region: string) => {
	const params: [string, string][] = [
		...presignParams('ASIAIOSFODNN7EXAMPLE', dt, region, 'iotdevicegateway', '86400', 'host', [['X-Amz-Security-Token', TOKEN]])
	];
	cases[id] = [
		presigned({
			scheme: 'wss',
			host,
			path: '/mqtt',
			datetime: dt,
			region,
			service: 'iotdevicegateway',
			ak: 'ASIAIOSFODNN7EXAMPLE',
			params,
			payload: E
		})
	];
};
iot('iot-token-signed-soto-core-453', 'a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com', '20210812T081500Z', 'eu-central-1');
iot('iot-token-signed-aws-sdk-js-1456', 'a3k7odshaiipe8-ats.iot.us-east-1.amazonaws.com', '20170411T190000Z', 'us-east-1');
iot('iot-token-signed-aws-sdk-php-2247', 'a2q8x7r5t9v1kl-ats.iot.eu-west-1.amazonaws.com', '20210516T120000Z', 'eu-west-1');
{
	const dt = '20250225T163000Z';
	const url = presigned({
		host: 'media.s3.us-east-1.amazonaws.com',
		path: '/reports/q4.pdf',
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		ak: 'ASIAIOSFODNN7EXAMPLE',
		params: presignParams('ASIAIOSFODNN7EXAMPLE', dt, 'us-east-1', 's3', '3600')
	});
	cases['presign-token-missing-s3-lite-client-50'] = [
		url,
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>ASIAIOSFODNN7EXAMPLE</AWSAccessKeyId><RequestId>8Q2B1E7ZK1N4R6X0</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	const dt = '20190702T101920Z';
	const host = 'bucket.s3-eu-west-1.amazonaws.com';
	const url = presigned({
		method: 'PUT',
		host,
		path: '/id1/id2/id3',
		datetime: dt,
		region: 'eu-west-1',
		service: 's3',
		ak: 'ASIAIOSFODNN7EXAMPLE',
		params: presignParams('ASIAIOSFODNN7EXAMPLE', dt, 'eu-west-1', 's3', '86400')
	});
	cases['presign-token-missing-kiam-261'] = [
		raw('PUT', url.slice(`https://${host}`.length), [
			['Host', host],
			['Content-Length', '0']
		]),
		'<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>ASIAIOSFODNN7EXAMPLE</AWSAccessKeyId></Error>'
	];
}
{
	const dt = '20200810T083000Z';
	cases['presign-expires-over-week-aws-cli-5464'] = [
		presigned({
			host: 'any-bucket.s3.amazonaws.com',
			path: '/any-object',
			datetime: dt,
			region: 'us-east-1',
			service: 's3',
			params: presignParams(AK, dt, 'us-east-1', 's3', '604801')
		}),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AuthorizationQueryParametersError</Code><Message>X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds</Message><RequestId>0B8C1E6F2A7D9C31</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	const dt = '20171029T014430Z';
	cases['presign-expires-over-week-minio-5162'] = [
		presigned({
			host: 'kannappan.s3.amazonaws.com',
			path: '/list.go',
			datetime: dt,
			region: 'us-east-1',
			service: 's3',
			params: presignParams(AK, dt, 'us-east-1', 's3', '864000')
		})
	];
}

// ---- region, service, API Gateway ----
{
	const host = 'nk9p23ranf.execute-api.us-east-1.amazonaws.com';
	const h: [string, string][] = [
		['host', host],
		['x-amz-content-sha256', E],
		['x-amz-date', '20250731T231128Z']
	];
	cases['apigw-query-signed-in-path-sigv4-examples-14'] = headerCase({
		method: 'GET',
		target: '/dev/dataSourcesSummary?awsAccountId=353115813707',
		host,
		datetime: '20250731T231128Z',
		region: 'us-east-1',
		service: 'execute-api',
		signed: h,
		mine: { path: '/dev/dataSourcesSummary%3FawsAccountId%3D353115813707', query: '', payload: E },
		theirs: { path: '/dev/dataSourcesSummary', query: 'awsAccountId=353115813707', payload: E },
		error: 'json'
	});
}

// ---- time ----
{
	// Apex: formatGmt('hhmmss') (12-hour clock) and the canonical-request hash in base64.
	const dt12 = '20150830T013600Z';
	const c = cr(
		'GET',
		'/',
		'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=CreateTopic&Name=alerts&SignatureMethod=HmacSHA256&SignatureVersion=4',
		[],
		sha('Action=CreateTopic')
	);
	const b64 = createHash('sha256').update(c).digest('base64');
	cases['apex-12-hour-clock-base64-hash-sfse-88535'] = [
		`AWS4-HMAC-SHA256\n${dt12}\n20150830/eu-west-1/sns/aws4_request\n${b64}`,
		'<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>IncompleteSignature</Code><Message>Request must contain a signature that conforms to AWS standards</Message></Error><RequestId>a8dec8b3-33a4-11e5-a0e3-EXAMPLE</RequestId></ErrorResponse>'
	];
}
{
	const host = 'alpakka-it.s3.amazonaws.com';
	const h: [string, string][] = [
		['host', host],
		['x-amz-content-sha256', E],
		['x-amz-date', '20190510T000001Z']
	];
	const c = cr('GET', '/data.csv', '', h, E);
	const scope = '20190509/us-east-1/s3/aws4_request';
	const sts = `AWS4-HMAC-SHA256\n20190510T000001Z\n${scope}\n${sha(c)}`;
	const sig = createHmac('sha256', signingKey(SK, '20190509', 'us-east-1', 's3'))
		.update(sts)
		.digest('hex');
	cases['scope-date-from-other-clock-read-alpakka-1686'] = [
		raw('GET', '/data.csv', [
			['Host', host],
			['X-Amz-Content-Sha256', E],
			['X-Amz-Date', '20190510T000001Z'],
			['Authorization', auth(AK, scope, 'host;x-amz-content-sha256;x-amz-date', sig)]
		]),
		'<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.</Message><RequestId>7D1F3A4B2C9E8F60</RequestId></Error>'
	];
}
const malformedDate = (id: string, host: string, amzDate: string, date: string, region: string, service: string, message: string) => {
	const h: [string, string][] = [
		['host', host],
		['x-amz-date', amzDate]
	];
	const c = cr('GET', '/', 'Action=ListQueues&Version=2012-11-05', h, E);
	const scope = `${date}/${region}/${service}/aws4_request`;
	const sts = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha(c)}`;
	const sig = createHmac('sha256', signingKey(SK, date, region, service))
		.update(sts)
		.digest('hex');
	cases[id] = [
		raw('GET', '/?Action=ListQueues&Version=2012-11-05', [
			['Host', host],
			['X-Amz-Date', amzDate],
			['Authorization', auth(AK, scope, 'host;x-amz-date', sig)]
		]),
		message
	];
};
malformedDate(
	'date-utc-suffix-amazonka-154',
	'sqs.us-west-2.amazonaws.com',
	'20150730T143802UTC',
	'20150730',
	'us-west-2',
	'sqs',
	'<ErrorResponse><Error><Type>Sender</Type><Code>IncompleteSignature</Code><Message>AWS authentication requires a valid Date or x-amz-date header</Message></Error></ErrorResponse>'
);
malformedDate(
	'date-offset-suffix-aws-signature-r-64',
	'sqs.us-east-1.amazonaws.com',
	'20220810T101500+0000',
	'20220810',
	'us-east-1',
	'sqs',
	'<ErrorResponse><Error><Type>Sender</Type><Code>IncompleteSignature</Code><Message>AWS authentication requires a valid Date or x-amz-date header</Message></Error></ErrorResponse>'
);

// ---- payload ----
{
	const host = 'warehouse.s3.us-east-1.amazonaws.com';
	const b64 = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
	const h: [string, string][] = [
		['host', host],
		['x-amz-content-sha256', b64],
		['x-amz-date', '20230303T160000Z']
	];
	cases['payload-hash-base64-java-v2-3807'] = headerCase({
		method: 'GET',
		target: '/db/table/metadata/v1.metadata.json',
		host,
		datetime: '20230303T160000Z',
		region: 'us-east-1',
		service: 's3',
		signed: h,
		mine: { path: '/db/table/metadata/v1.metadata.json', query: '', payload: b64 }
	});
}
{
	const host = 'objects.s3.us-west-2.amazonaws.com';
	const body = 'hello';
	const b64 = createHash('sha256').update(body).digest('base64');
	const h: [string, string][] = [
		['content-length', '5'],
		['host', host],
		['x-amz-content-sha256', b64],
		['x-amz-date', '20221220T035532Z']
	];
	cases['payload-hash-base64-java-v2-3644'] = headerCase({
		method: 'PUT',
		target: '/test/hello.txt',
		host,
		datetime: '20221220T035532Z',
		region: 'us-west-2',
		service: 's3',
		signed: h,
		body,
		mine: { path: '/test/hello.txt', query: '', payload: b64 }
	});
}
{
	const host = 'abc123xyz9.execute-api.eu-west-2.amazonaws.com';
	const body = '{"customerId":"12345"}';
	const h: [string, string][] = [
		['content-type', 'application/json'],
		['host', host],
		['x-amz-date', '20190103T120000Z']
	];
	cases['body-not-given-to-signer-aws4-83'] = headerCase({
		method: 'POST',
		target: '/dev/api/GetDetails',
		host,
		datetime: '20190103T120000Z',
		region: 'eu-west-2',
		service: 'execute-api',
		signed: h,
		body,
		mine: { path: '/dev/api/GetDetails', query: '', payload: E },
		theirs: { path: '/dev/api/GetDetails', query: '', payload: sha(body) },
		error: 'json'
	});
}

// ---- key chain ----
{
	const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
	const kDate = hm('AWS4' + secret, '20120215').toString('hex');
	const kRegion = hm(kDate, 'us-east-1').toString('hex');
	const kService = hm(kRegion, 'iam').toString('hex');
	const kSigning = hm(kService, 'aws4_request').toString('hex');
	cases['hex-intermediate-keys-openbullet-663'] = [
		`date 20120215, region us-east-1, service iam\nkDate: ${kDate}\nkRegion: ${kRegion}\nkService: ${kService}\nkSigning: ${kSigning}`
	];
}

// ---- POST policy ----
function postForm(policy: object, fields: [string, string][], dt: string, region: string): string {
	const b64 = Buffer.from(JSON.stringify(policy)).toString('base64');
	const sig = createHmac('sha256', signingKey(SK, dt.slice(0, 8), region, 's3'))
		.update(b64)
		.digest('hex');
	const all: [string, string][] = [...fields, ['Policy', b64], ['X-Amz-Signature', sig], ['file', '@photo.jpg']];
	return (
		`curl -X POST 'https://${(policy as { conditions: { bucket?: string }[] }).conditions.find((c) => c.bucket)?.bucket ?? 'bucket'}.s3.amazonaws.com/' \\\n` +
		all.map(([k, v]) => `  -F '${k}=${v}'`).join(' \\\n')
	);
}
{
	const dt = '20170519T041709Z';
	const cred = `${AK}/20170519/us-west-2/s3/aws4_request`;
	const policy = {
		expiration: '2017-05-20T04:17:09Z',
		conditions: [
			{ bucket: 'photos-uploads' },
			['starts-with', '$key', 'user/'],
			{ acl: 'public-read' },
			['starts-with', '$Content-Type', 'image/'],
			{ 'x-amz-credential': cred },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': '20170519T000000Z' }
		]
	};
	cases['post-date-condition-fails-aws-sdk-js-1514'] = [
		postForm(
			policy,
			[
				['key', 'user/cat.jpg'],
				['acl', 'public-read'],
				['Content-Type', 'image/jpeg'],
				['X-Amz-Credential', cred],
				['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
				['X-Amz-Date', dt]
			],
			dt,
			'us-west-2'
		),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: ["eq", "$X-Amz-Date", "20170519T000000Z"]</Message><RequestId>49112BF3660BDE15</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	const dt = '20161228T120000Z';
	const cred = `${AK}/20161228/us-east-1/s3/aws4_request`;
	const policy = {
		expiration: '2016-12-28T13:00:00Z',
		conditions: [
			{ bucket: 'node-s3-policy-test' },
			['starts-with', '$key', ''],
			{ acl: 'private' },
			['starts-with', '$Content-Length', ''],
			{ 'x-amz-credential': cred },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': dt }
		]
	};
	cases['post-content-length-condition-node-s3-policy-8'] = [
		postForm(
			policy,
			[
				['key', 'docs/report.pdf'],
				['acl', 'private'],
				['X-Amz-Credential', cred],
				['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
				['X-Amz-Date', dt]
			],
			dt,
			'us-east-1'
		),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Length", ""]</Message><RequestId>9A1B2C3D4E5F6071</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	const dt = '20210729T080000Z';
	const cred = `${AK}/20210729/ap-east-1/s3/aws4_request`;
	const policy = {
		expiration: '2021-07-29T09:00:00Z',
		conditions: [
			{ bucket: 'cloudreve-files' },
			['starts-with', '$key', 'uploads/'],
			{ 'x-amz-credential': cred },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': dt }
		]
	};
	cases['post-extra-field-name-cloudreve-959'] = [
		postForm(
			policy,
			[
				['key', 'uploads/1/report.pdf'],
				['name', 'report.pdf'],
				['X-Amz-Credential', cred],
				['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
				['X-Amz-Date', dt]
			],
			dt,
			'ap-east-1'
		),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Extra input fields: name</Message><RequestId>WPTSRFXZFB2XSE04</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	const dt = '20260605T100000Z';
	const cred = `${AK}/20260605/us-east-1/s3/aws4_request`;
	const policy = {
		expiration: '2026-06-05T11:00:00Z',
		conditions: [
			['starts-with', '$key', 'user/'],
			{ 'x-amz-credential': cred },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': dt }
		]
	};
	cases['post-extra-field-bucket-aws-sdk-php-3292'] = [
		postForm(
			policy,
			[
				['bucket', 'php-post-test'],
				['key', 'user/a.txt'],
				['X-Amz-Credential', cred],
				['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
				['X-Amz-Date', dt]
			],
			dt,
			'us-east-1'
		).replace('https://bucket.', 'https://php-post-test.'),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Extra input fields: bucket</Message><RequestId>5C7D2E1F0A9B8C36</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	const dt = '20150814T090000Z';
	const cred = `${AK}/20150814/us-east-1/s3/aws4_request`;
	const policy = {
		expiration: '2015-08-14T10:00:00Z',
		conditions: [
			{ bucket: 'ruby-uploads' },
			['starts-with', '$key', 'uploads/'],
			{ 'x-amz-credential': cred },
			{ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
			{ 'x-amz-date': dt }
		]
	};
	cases['post-policy-expired-aws-sdk-ruby-895'] = [
		postForm(
			policy,
			[
				['key', 'uploads/video.mp4'],
				['X-Amz-Credential', cred],
				['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
				['X-Amz-Date', dt]
			],
			dt,
			'us-east-1'
		),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message><RequestId>3E5A7C9B1D2F4061</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}

// ---- other services ----
const oac = (id: string, host: string, dt: string, extra: [string, string][]) => {
	const body = '{"email":"a@example.com","password":"x"}';
	const h: [string, string][] = [
		['host', host],
		['x-amz-date', dt]
	];
	const sent: [string, string][] = [['content-type', 'application/json'], ['content-length', String(body.length)], ...extra, ...h];
	cases[id] = headerCase({
		method: 'POST',
		target: '/user/sign-in',
		host,
		datetime: dt,
		region: 'us-east-1',
		service: 'lambda',
		signed: h,
		sent,
		body,
		mine: { path: '/user/sign-in', query: '', payload: 'UNSIGNED-PAYLOAD' }
	});
};
oac('lambda-url-oac-no-content-sha-cdk-nextjs-87', 'q3xvzk7hwl5nqc2zrm6p4yjtdy0xsnqb.lambda-url.us-east-1.on.aws', '20250330T143000Z', []);
oac('lambda-url-oac-header-typo-html-share-4', 'r8w2mk5tqz7bp3nx6yh4cfu9se0dvlga.lambda-url.us-east-1.on.aws', '20260815T091500Z', [
	['x-content-sha256', sha('{"email":"a@example.com","password":"x"}')]
]);
{
	const host = 'abc123def456ghi789jk.us-east-1.aoss.amazonaws.com';
	const body = '{"title":"Moneyball"}';
	const h: [string, string][] = [
		['content-type', 'application/json'],
		['host', host],
		['x-amz-date', '20240426T101500Z']
	];
	cases['aoss-content-sha-header-missing-1067'] = headerCase({
		method: 'PUT',
		target: '/movies/_doc/1',
		host,
		datetime: '20240426T101500Z',
		region: 'us-east-1',
		service: 'aoss',
		signed: h,
		body,
		mine: { path: '/movies/_doc/1', query: '', payload: sha(body) }
	});
}

// ---- uploads: aws-chunked, flexible checksums, S3 Express ----
const crc32b64 = (data: string) => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(crc32(Buffer.from(data)) >>> 0);
	return b.toString('base64');
};
/** CRC-64/NVME (reflected 0x9a6c9329ac4bc9b5, init and xorout all ones), as the C++ SDK's default trailer. */
function crc64nvmeB64(data: string): string {
	const poly = 0x9a6c9329ac4bc9b5n;
	const mask = (1n << 64n) - 1n;
	let crc = mask;
	for (const byte of Buffer.from(data)) {
		crc ^= BigInt(byte);
		for (let i = 0; i < 8; i++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
	}
	const b = Buffer.alloc(8);
	b.writeBigUInt64BE(crc ^ mask);
	return b.toString('base64');
}
if (crc64nvmeB64('123456789') !== Buffer.from('ae8b14860a799888', 'hex').toString('base64')) throw new Error('crc64nvme check value');
const sha256b64 = (s: string) => createHash('sha256').update(s).digest('base64');
/** An unsigned aws-chunked body (STREAMING-UNSIGNED-PAYLOAD-TRAILER) as the SDKs frame it: one chunk, the final one, the trailer. */
const unsignedChunked = (data: string, trailer: string, value: string) =>
	`${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n0\r\n${trailer}:${value}\r\n\r\n`;
/** A presigned URL (from `presigned`) used for a request: its request line with path and query, then the headers and body sent. */
function usePresigned(method: string, url: string, headers: [string, string][], body = ''): string {
	const u = new URL(url);
	return raw(method, url.slice(`${u.protocol}//${u.host}`.length), [['Host', u.host], ...headers], body);
}
{
	// JS v3 3.729 getSignedUrl(PutObjectCommand{ContentLength, ContentType}) against SeaweedFS: the CRC32 of no body is baked in.
	const host = 'localhost:8333';
	const dt = '20260703T081500Z';
	const body = 'quarterly report, final version\n';
	const extra: [string, string][] = [['X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD']];
	const url = presigned({
		method: 'PUT',
		scheme: 'http',
		host,
		path: '/bucket/5d0c1f2e-7b3a-4c9e-8f61-2a4d9b7e3c10',
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		params: [
			...presignParams(AK, dt, 'us-east-1', 's3', '3600', 'content-length;content-type;host', extra),
			['x-amz-checksum-crc32', 'AAAAAA=='],
			['x-amz-sdk-checksum-algorithm', 'CRC32'],
			['x-id', 'PutObject']
		],
		signedHeaders: [
			['content-length', String(Buffer.byteLength(body))],
			['content-type', 'text/plain'],
			['host', host]
		]
	});
	cases['presign-empty-crc32-seaweedfs-10216'] = [
		usePresigned(
			'PUT',
			url,
			[
				['Content-Length', String(Buffer.byteLength(body))],
				['Content-Type', 'text/plain']
			],
			body
		)
	];
}
{
	// The same default on a presigned PUT to Cloudflare R2 (region auto), uploaded from the browser with XHR.
	const host = '4b9e1c7d2a6f3e8b0c5d9a1e7f2b6c3d.r2.cloudflarestorage.com';
	const dt = '20260612T093000Z';
	const body = '{"name":"Mochi","species":"cat","age":3,"traits":["curious","sleepy"],"owner":"henry"}';
	const url = presigned({
		method: 'PUT',
		host,
		path: '/petdex/submissions/8f3a2c1e/pet.json',
		datetime: dt,
		region: 'auto',
		service: 's3',
		params: [
			...presignParams(AK, dt, 'auto', 's3', '600', 'content-type;host', [['X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD']]),
			['x-amz-checksum-crc32', 'AAAAAA=='],
			['x-amz-sdk-checksum-algorithm', 'CRC32'],
			['x-id', 'PutObject']
		],
		signedHeaders: [
			['content-type', 'application/json'],
			['host', host]
		]
	});
	cases['presign-empty-crc32-r2-petdex-465'] = [
		usePresigned(
			'PUT',
			url,
			[
				['Content-Type', 'application/json'],
				['Content-Length', String(Buffer.byteLength(body))]
			],
			body
		)
	];
}
{
	// Go v2 PresignPutObject(ChecksumSHA256): the checksum hoisted into the query, SignedHeaders=host; curl then sends it as a header.
	const host = 'my-test-bucket.s3.ap-northeast-1.amazonaws.com';
	const dt = '20231122T145418Z';
	const body = 'JPEG stand-in bytes';
	const url = presigned({
		method: 'PUT',
		host,
		path: '/test.jpg',
		datetime: dt,
		region: 'ap-northeast-1',
		service: 's3',
		params: [
			['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
			['X-Amz-Checksum-Sha256', sha256b64(body)],
			['X-Amz-Credential', `ASIAIOSFODNN7EXAMPLE/${dt.slice(0, 8)}/ap-northeast-1/s3/aws4_request`],
			['X-Amz-Date', dt],
			['X-Amz-Expires', '900'],
			['X-Amz-Security-Token', TOKEN],
			['X-Amz-SignedHeaders', 'host'],
			['x-id', 'PutObject']
		]
	});
	cases['checksum-hoisted-header-sent-go-v2-2387'] = [
		`curl -v -X PUT -H "x-amz-checksum-sha256: ${sha256b64(body)}" --data-binary '${body}' '${url}'`
	];
}
{
	// JS v3 getSignedUrl(PutObjectCommand{ChecksumSHA256}): x-amz-* headers hoisted into the query; the client sends the checksum header.
	const host = 'my-censored-bucket-dev-99in7h.s3-accelerate.amazonaws.com';
	const dt = '20220902T095309Z';
	const body = 'content addressed by its SHA-256\n';
	const sum = sha256b64(body);
	const url = presigned({
		method: 'PUT',
		host,
		path: '/SHA256/e5/b8/44cc57f57094ea4585e235f36c78c1cd222262bb89d53c94dcb4d6b3e55d',
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		params: [
			['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
			['X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD'],
			['X-Amz-Credential', `ASIAIOSFODNN7EXAMPLE/${dt.slice(0, 8)}/us-east-1/s3/aws4_request`],
			['X-Amz-Date', dt],
			['X-Amz-Expires', '3600'],
			['X-Amz-Security-Token', TOKEN],
			['X-Amz-SignedHeaders', 'host'],
			['x-amz-checksum-sha256', sum],
			['x-amz-sdk-checksum-algorithm', 'SHA256'],
			['x-id', 'PutObject']
		]
	});
	cases['checksum-header-not-signed-js-v3-3906'] = [
		usePresigned(
			'PUT',
			url,
			[
				['Content-Length', String(Buffer.byteLength(body))],
				['x-amz-checksum-sha256', sum]
			],
			body
		),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-checksum-sha256</HeadersNotSigned><RequestId>5B1E4D7A9C2F3086</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	// Go v2 PresignUploadPart after CreateMultipartUpload(ChecksumAlgorithm=SHA256): the part upload sends x-amz-sdk-checksum-algorithm unsigned.
	const host = 'mybucket.s3.us-east-1.amazonaws.com';
	const dt = '20220629T101500Z';
	const body = 'part one of the object\n';
	const uploadId = 'VXBsb2FkIElEIGZvciBteW9iamVjdCBleGFtcGxl';
	const url = presigned({
		method: 'PUT',
		host,
		path: '/myobject',
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		params: [...presignParams(AK, dt, 'us-east-1', 's3', '900'), ['partNumber', '1'], ['uploadId', uploadId], ['x-id', 'UploadPart']]
	});
	cases['sdk-checksum-algorithm-not-signed-aws-sdk-338'] = [
		usePresigned(
			'PUT',
			url,
			[
				['Content-Length', String(Buffer.byteLength(body))],
				['X-Amz-Sdk-Checksum-Algorithm', 'SHA256']
			],
			body
		),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-sdk-checksum-algorithm</HeadersNotSigned><RequestId>3C8E0A6B2D4F1975</RequestId><HostId>EXAMPLEhostid=</HostId></Error>'
	];
}
{
	// aws-sdk-rust presigned GetObject: x-amz-checksum-mode added to the request after signing.
	const host = 'requester-pays-data.s3.eu-west-1.amazonaws.com';
	const dt = '20250203T141000Z';
	const url = presigned({
		host,
		path: '/exports/2025-02-01.parquet',
		datetime: dt,
		region: 'eu-west-1',
		service: 's3',
		params: [...presignParams(AK, dt, 'eu-west-1', 's3', '3600'), ['x-id', 'GetObject']]
	});
	cases['checksum-mode-added-after-presign-rust-1253'] = [
		usePresigned('GET', url, [['x-amz-checksum-mode', 'ENABLED']]),
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>\n<Message>There were headers present in the request which were not signed</Message>\n<HeadersNotSigned>x-amz-checksum-mode</HeadersNotSigned>\n<RequestId>...</RequestId>\n<HostId>...</HostId>\n</Error>'
	];
}
{
	// aws-cli 2.23 PutObject to the Storj gateway: checksum trailer, Transfer-Encoding: chunked, no Content-Length.
	const host = 'gateway.storjshare.io';
	const dt = '20250121T101500Z';
	const data = 'backup manifest 2025-01-21\n';
	const signed: [string, string][] = [
		['content-encoding', 'aws-chunked'],
		['content-type', 'text/plain'],
		['host', host],
		['x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
		['x-amz-date', dt],
		['x-amz-decoded-content-length', String(Buffer.byteLength(data))],
		['x-amz-sdk-checksum-algorithm', 'CRC32'],
		['x-amz-trailer', 'x-amz-checksum-crc32']
	];
	const [req] = headerCase({
		method: 'PUT',
		target: '/my-bucket/manifest.txt',
		host,
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		signed,
		sent: [...signed.slice(0, 3), ['transfer-encoding', 'chunked'], ...signed.slice(3)],
		body: unsignedChunked(data, 'x-amz-checksum-crc32', crc32b64(data)),
		mine: { path: '/my-bucket/manifest.txt', query: '', payload: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }
	});
	cases['missing-content-length-storj-gateway-89'] = [
		req!,
		'An error occurred (MissingContentLength) when calling the PutObject operation: You must provide the Content-Length HTTP header.'
	];
}
{
	// aws-sdk-cpp 1.11.519 PutObject to an S3-compatible server: the same framing, crc64nvme trailer, transfer-encoding signed.
	const host = '10.20.0.15:7480';
	const dt = '20250508T061200Z';
	const data = 'sensor batch 0042\n';
	const signed: [string, string][] = [
		['amz-sdk-invocation-id', '8C1A2E4F-3B5D-4A7C-9E0F-1D2B3C4A5E6F'],
		['amz-sdk-request', 'attempt=1'],
		['content-encoding', 'aws-chunked'],
		['content-type', 'binary/octet-stream'],
		['host', host],
		['transfer-encoding', 'chunked'],
		['x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
		['x-amz-date', dt],
		['x-amz-decoded-content-length', String(Buffer.byteLength(data))],
		['x-amz-trailer', 'x-amz-checksum-crc64nvme']
	];
	const [req] = headerCase({
		method: 'PUT',
		target: '/sensors/batch-0042.bin',
		host,
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		signed,
		body: unsignedChunked(data, 'x-amz-checksum-crc64nvme', crc64nvmeB64(data)),
		mine: { path: '/sensors/batch-0042.bin', query: '', payload: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }
	});
	cases['missing-content-length-aws-sdk-cpp-3411'] = [
		req!,
		'Error: putObject: Unable to parse ExceptionName: MissingContentLength Message: You must provide the Content-Length HTTP header.[SDK Version:1.11.519]'
	];
}
{
	// aws-sdk-cpp 1.11.692 retrying a PutObject to MinIO: the whole body again, with the checksum of the part read before the retry.
	const host = 'localhost:9000';
	const dt = '20260805T020000Z';
	const data = 'segment 7 of collection 449: 4096 vectors of dim 768\n';
	const signed: [string, string][] = [
		['content-encoding', 'aws-chunked'],
		['content-length', String(Buffer.byteLength(unsignedChunked(data, 'x-amz-checksum-crc64nvme', crc64nvmeB64(data))))],
		['content-type', 'binary/octet-stream'],
		['host', host],
		['x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
		['x-amz-date', dt],
		['x-amz-decoded-content-length', String(Buffer.byteLength(data))],
		['x-amz-trailer', 'x-amz-checksum-crc64nvme']
	];
	const [req] = headerCase({
		method: 'PUT',
		target: '/milvus-bucket/files/insert_log/449/7/0',
		host,
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		signed,
		body: unsignedChunked(data, 'x-amz-checksum-crc64nvme', crc64nvmeB64(data.slice(0, 16))),
		mine: { path: '/milvus-bucket/files/insert_log/449/7/0', query: '', payload: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }
	});
	cases['stale-checksum-trailer-milvus-storage-614'] = [req!];
}
{
	// smithy-rs (S3 Express branch): CreateSession sent with the STS token renamed to x-amz-s3session-token.
	const host = 'analytics--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com';
	const dt = '20240309T061500Z';
	const signed: [string, string][] = [
		['host', host],
		['x-amz-content-sha256', E],
		['x-amz-date', dt],
		['x-amz-s3session-token', TOKEN]
	];
	const h = headerCase({
		method: 'GET',
		target: '/?session',
		host,
		datetime: dt,
		region: 'us-west-2',
		service: 's3express',
		signed,
		mine: { path: '/', query: 'session=', payload: E }
	});
	const req = h[0]!.replace('Credential=AKIAIOSFODNN7EXAMPLE', 'Credential=ASIAIOSFODNN7EXAMPLE');
	cases['create-session-s3session-token-smithy-rs-3474'] = [
		req,
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidRequest</Code><Message>CreateSession request should not include "x-amz-s3session-token"</Message><RequestId>01c0c8864e00018e20558a130509f37740b906e4</RequestId><HostId>DGTJhRqVMbZdAHQ</HostId></Error>'
	];
}
{
	// Soto before S3 Express support: an object PUT to a directory bucket signed as s3, the session token in x-amz-security-token.
	const host = 'media--use1-az4--x-s3.s3express-use1-az4.us-east-1.amazonaws.com';
	const dt = '20241210T180000Z';
	const body = 'hello directory bucket\n';
	const signed: [string, string][] = [
		['content-length', String(Buffer.byteLength(body))],
		['host', host],
		['x-amz-content-sha256', sha(body)],
		['x-amz-date', dt],
		['x-amz-security-token', TOKEN]
	];
	const [req] = headerCase({
		method: 'PUT',
		target: '/uploads/hello.txt',
		host,
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		signed,
		body,
		mine: { path: '/uploads/hello.txt', query: '', payload: sha(body) }
	});
	cases['s3express-security-token-soto-745'] = [req!.replace('Credential=AKIAIOSFODNN7EXAMPLE', 'Credential=ASIAIOSFODNN7EXAMPLE')];
}

{
	// aws-sdk-go-v2 v1.43.7 PresignGetObject: x-amz-checksum-mode signed as a header; the URL alone is fetched with curl.
	const host = 's3.amazonaws.com';
	const dt = '20260824T014015Z';
	const url = presigned({
		host,
		path: '/bucket/object',
		datetime: dt,
		region: 'us-east-1',
		service: 's3',
		params: [...presignParams(AK, dt, 'us-east-1', 's3', '900', 'host;x-amz-checksum-mode'), ['x-id', 'GetObject']],
		signedHeaders: [
			['host', host],
			['x-amz-checksum-mode', 'ENABLED']
		]
	});
	cases['checksum-mode-signed-not-sent-go-v2-3528'] = [`curl "${url}"`];
}

const out =
	"// Generated by tools/recreate.ts: the texts re-created by re-running each reporter's faulty signer\n" +
	"// with AWS's example keys. Do not edit; change tools/recreate.ts and run it again.\n" +
	`export const RECREATED: Record<string, string[]> = ${JSON.stringify(cases, null, '\t')};\n`;
writeFileSync(new URL('../recreated.generated.ts', import.meta.url), out);
console.log(Object.keys(cases).length, 'cases re-created');
