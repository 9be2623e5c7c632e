import { parseRegionSet, REGION_SET_HEADER, REGION_SET_QUERY_PARAM, type HttpRequest } from '../sigv4/index.ts';
import { findParam, queryOf, queryParams } from './query-params.ts';

/** Where a SigV4a request carries its region set, and the set as a list. */
export interface RequestRegionSet {
	regions: string[];
	/** As written. */
	text: string;
	from: 'header' | 'query';
}

/** The region set a request carries: the x-amz-region-set header, else the X-Amz-Region-Set query parameter. */
export function regionSetOf(request: HttpRequest): RequestRegionSet | undefined {
	const header = (request.headers ?? []).find(([n]) => n.toLowerCase() === REGION_SET_HEADER);
	if (header) return { regions: parseRegionSet(header[1]), text: header[1].trim(), from: 'header' };
	const param = findParam(queryParams(queryOf(request.url ?? '')), REGION_SET_QUERY_PARAM);
	if (param) return { regions: parseRegionSet(param.value), text: param.value, from: 'query' };
	return undefined;
}
