/** Signing names that differ from the endpoint prefix. */
const SIGNING_NAME = new Map([
	['email', 'ses'],
	['runtime.sagemaker', 'sagemaker'],
	['data.iot', 'iotdata']
]);
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * Best guess of region and service from an AWS host name, used only when nothing in the text
 * names them (a curl command with --aws-sigv4 "aws:amz", a request without Authorization).
 */
export function scopeFromHost(hostWithPort: string): { region?: string; service?: string } {
	const host = hostWithPort.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
	const aws = /^(.*)\.(amazonaws\.com(?:\.cn)?|on\.aws)$/.exec(host);
	if (!aws) return {};
	const labels = aws[1]!.split('.');
	// S3: bucket.s3.amazonaws.com, bucket.s3.region.amazonaws.com, bucket.s3-region.amazonaws.com, s3.dualstack.region…
	const s3 = labels.findIndex((l) => l === 's3' || l.startsWith('s3-') || l === 's3-accesspoint');
	if (s3 !== -1) {
		const label = labels[s3]!;
		const dashed = label.startsWith('s3-') ? label.slice(3) : '';
		if (REGION.test(dashed)) return { service: 's3', region: dashed };
		const region = labels.slice(s3 + 1).find((l) => REGION.test(l));
		return { service: 's3', region: region ?? 'us-east-1' };
	}
	if (aws[2] === 'on.aws') {
		// Lambda function URLs: id.lambda-url.region.on.aws
		const i = labels.indexOf('lambda-url');
		if (i !== -1 && labels[i + 1]) return { service: 'lambda', region: labels[i + 1]! };
		return {};
	}
	const regionAt = labels.findIndex((l) => REGION.test(l));
	if (regionAt === -1) {
		// Global endpoints: iam.amazonaws.com, sts.amazonaws.com, route53.amazonaws.com
		const last = labels[labels.length - 1]!;
		return { service: SIGNING_NAME.get(last) ?? last, region: 'us-east-1' };
	}
	const region = labels[regionAt]!;
	// Service before the region (sns.us-east-1, abc.execute-api.us-east-1), or after it (search-x.us-east-1.es, x.us-east-1.aoss)
	const after = labels[regionAt + 1];
	if (after) return { region, service: after };
	const before = labels.slice(0, regionAt).join('.');
	const last = labels[regionAt - 1];
	if (!last) return { region };
	return { region, service: SIGNING_NAME.get(before) ?? SIGNING_NAME.get(last) ?? last };
}
