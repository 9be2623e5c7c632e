import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, signingNameOf } from '../../scripts/generate-service-registry.mjs';
import { REGISTRY, fixedRegionFor, partitionOfRegion, serviceByModel, serviceByPrefix } from '../../src/lib/sigv4/index.ts';

const METADATA = resolve(import.meta.dirname, '../../../shared/research/aws-signing-metadata.json');
const DATA = resolve(import.meta.dirname, '../../src/lib/sigv4/service-registry-data.ts');
const notice = `service registry: ${METADATA} is not here (botocore's signing facts live in ../shared/research beside the project)`;

interface Model {
	endpointPrefix: string;
	signingName?: string;
	signatureVersion: string;
	operations?: Record<string, { unsignedPayload?: boolean }>;
}

describe('the generated service registry', () => {
	if (!existsSync(METADATA)) {
		it('is checked against the metadata when ../shared is here', ({ skip }) => {
			console.warn(notice);
			skip(notice);
		});
		return;
	}
	const meta = JSON.parse(readFileSync(METADATA, 'utf8')) as { services: Record<string, Model> };

	it('is exactly what the generator writes from the metadata (regenerate: see the file header)', () => {
		expect(readFileSync(DATA, 'utf8')).toBe(generate(meta));
	});

	it('covers every service of the metadata with its prefix and signing name', () => {
		const models = Object.entries(meta.services);
		expect(models.length).toBeGreaterThan(400);
		expect(REGISTRY.length).toBe(models.length);
		for (const [id, m] of models) {
			const s = serviceByModel(id);
			expect(s, id).toBeDefined();
			expect(s!.endpointPrefix, id).toBe(m.endpointPrefix);
			expect(s!.signingName, id).toBe(signingNameOf(m));
			const unsigned = Object.entries(m.operations ?? {}).filter(([, op]) => op.unsignedPayload);
			expect(s!.unsignedPayloadOperations, id).toEqual(unsigned.map(([name]) => name));
		}
	});

	it('counts the services whose signing name differs from their prefix (demand-2.md §2.2: 76)', () => {
		expect(REGISTRY.filter((s) => s.signingName !== s.endpointPrefix).length).toBe(76);
	});
});

describe('registry facts (independent of ../shared)', () => {
	it('reads a row with its defaults: prefix = model, signing name = prefix, SigV4', () => {
		expect(serviceByModel('sqs')).toMatchObject({ endpointPrefix: 'sqs', signingName: 'sqs', algorithm: 'sigv4', s3Path: false });
	});

	it('finds models by host prefix, dotted ones included', () => {
		expect(serviceByPrefix('runtime.sagemaker')?.signingName).toBe('sagemaker');
		expect(serviceByPrefix('data-ats.iot')?.signingName).toBe('iotdata');
		expect(serviceByPrefix('data.iot')?.signingName).toBe('iotdata');
		expect(serviceByPrefix('email')?.signingName).toBe('ses');
	});

	it('keeps the fixed signing regions per partition', () => {
		const iam = serviceByModel('iam')!;
		expect(fixedRegionFor(iam, partitionOfRegion('eu-west-3')!)).toBe('us-east-1');
		expect(fixedRegionFor(iam, partitionOfRegion('cn-northwest-1')!)).toBe('cn-north-1');
		expect(fixedRegionFor(iam, partitionOfRegion('us-gov-east-1')!)).toBe('us-gov-west-1');
		expect(fixedRegionFor(serviceByModel('sqs')!, partitionOfRegion('eu-west-3')!)).toBeUndefined();
	});

	it('marks S3, SigV2, bearer and SigV4a services and unsigned-payload operations', () => {
		expect(serviceByModel('s3')).toMatchObject({ s3Path: true, contentSha256Required: true });
		expect(serviceByModel('sdb')?.algorithm).toBe('sigv2');
		expect(serviceByModel('codecatalyst')?.algorithm).toBe('bearer');
		expect(serviceByModel('bedrock-runtime')?.bearerAccepted).toBe(true);
		expect(serviceByModel('sesv2')?.sigv4a).toBe(true);
		expect(serviceByModel('lex-runtime')?.unsignedPayloadOperations).toEqual(['PostContent']);
	});
});
