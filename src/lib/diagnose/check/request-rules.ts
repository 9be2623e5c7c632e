import { contentSha256RuleFor } from '../../sigv4/index.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';

/**
 * Why the request must send x-amz-content-sha256, when it must: S3 always; the services the
 * registry marks (OpenSearch Serverless, aoss) on every request; a Lambda function URL (behind CloudFront OAC) on PUT and POST, since
 * Lambda does not accept unsigned payloads.
 */
export function contentShaRequiredBy(ctx: DiagnoseContext): string | undefined {
	const service = ctx.params.service.toLowerCase();
	if (ctx.s3) return `${ctx.params.service} requires it ("Missing required header for this request: x-amz-content-sha256")`;
	const rule = contentSha256RuleFor(service);
	if (rule) {
		const name = service === 'aoss' ? 'OpenSearch Serverless (aoss)' : service;
		return `${name} requires it on every request, with the hex SHA-256 of the body (source: ${rule.source})`;
	}
	const method = ctx.request.method.toUpperCase();
	if (service === 'lambda' && /\.lambda-url\.[a-z0-9-]+\.on\.aws$/i.test(ctx.wire.hostname) && (method === 'PUT' || method === 'POST'))
		return 'a Lambda function URL (through CloudFront OAC) needs it on PUT and POST: Lambda does not accept unsigned payloads, so the body hash must be sent and signed';
	return undefined;
}

/**
 * A signed host that carries its scheme's default port (host:…:443 over https): clients leave the
 * default port out of the Host header, and the server signs the Host it receives. Whether this
 * client sent it is not in the evidence, so it is a warning; the server's canonical request, when
 * given, says which (compareHost names it there).
 */
export function checkDefaultPortSigned(ctx: DiagnoseContext, list: FindingList): void {
	if (list.hasKey('host')) return;
	const mine = ctx.user?.headers.find((h) => h.lower.trim() === 'host');
	const signed = mine?.value.trim() ?? ctx.correct.headers.find((h) => h.lower === 'host')?.value.trim();
	const port = /:(\d+)$/.exec(signed ?? '')?.[1];
	const defaultPort = ctx.wire.scheme === 'https' ? '443' : '80';
	if (!signed || port !== defaultPort) return;
	list.add(
		'host-port-mismatch',
		{
			stage: 'canonical-request',
			severity: 'warning',
			...(mine ? { line: mine.line } : {}),
			message: `The signed host ${quote(signed)} carries the default port :${port}. HTTP clients leave :${port} out of the Host header they send, and AWS signs the Host it receives, so unless yours sends it, the signature cannot match.`,
			fix: `Sign the host without :${port} (configure the endpoint without the default port), exactly as the Host header is sent.`
		},
		'host'
	);
}
