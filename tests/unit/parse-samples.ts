// Realistic pastes for the importer tests and the fuzz test: what people copy out of browsers,
// terminals, SDK logs and AWS error bodies. Values follow the AWS documentation examples
// (AKIAIOSFODNN7EXAMPLE, examplebucket) or were computed with our core for the same request, so
// stages, hashes and signatures agree with each other where a real paste's would.

export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A patterned stand-in for a signature (not a vector): the importer only has to carry it through. */
export const FAKE_SIGNATURE = '7a1c9e0b3d5f2e4a6c8b0d2f4e6a8c0b2d4f6e8a0c2b4d6f8e0a2c4b6d8f0e2a';

/** S3 "GET Object" example of the sig-v4-header-based-auth page (signature f0e8bd…). */
export const RAW_HTTP = `GET /test.txt HTTP/1.1
Host: examplebucket.s3.amazonaws.com
Range: bytes=0-9
x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
x-amz-date: 20130524T000000Z
Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41
`;

/** A query-protocol POST with the full URL in the request line, CRLF as copied from a Windows proxy log. */
export const RAW_HTTP_POST_CRLF =
	'POST https://sns.eu-west-1.amazonaws.com/ HTTP/1.1\r\n' +
	'Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n' +
	'X-Amz-Date: 20240110T081500Z\r\n' +
	'X-Amz-Security-Token: IQoJb3JpZ2luX2VjEHcaCWV1LXdlc3QtMSJHMEUCIQD\r\n' +
	'Authorization: AWS4-HMAC-SHA256 Credential=ASIAQEXAMPLE7TOKEN/20240110/eu-west-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=7e3c2f1a9b8d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f\r\n' +
	'\r\n' +
	'Action=CreateTopic&Name=orders&Version=2010-03-31';

/** The S3 "presigned URL" documentation example (signature aeeed9…). */
export const PRESIGNED_URL =
	'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

/** The same presigned URL used in a raw request. */
export const RAW_HTTP_PRESIGNED = `GET /test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404 HTTP/1.1
Host: examplebucket.s3.amazonaws.com
`;

/** The IAM "Create a signed AWS API request" example header. */
export const AUTHORIZATION_HEADER =
	'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

/** Headers copied from DevTools' request headers view, Authorization among them. */
export const HEADER_BLOCK = `Host: iam.amazonaws.com
Content-Type: application/x-www-form-urlencoded; charset=utf-8
X-Amz-Date: 20150830T123600Z
Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7`;

/**
 * Chrome "Copy as cURL (bash)" of an S3 upload from a web app: temporary credentials, the SDK's
 * headers, and x-amz-server-side-encryption sent but not signed.
 */
export const CURL_CHROME = `curl 'https://examplebucket.s3.us-west-2.amazonaws.com/uploads/report%20Q1.pdf?x-id=PutObject' \\
  -X 'PUT' \\
  -H 'accept: */*' \\
  -H 'accept-language: en-US,en;q=0.9' \\
  -H 'amz-sdk-invocation-id: 6f2e1c8a-2b1d-4c3e-9f7a-0d5b8e4a1c2f' \\
  -H 'amz-sdk-request: attempt=1; max=3' \\
  -H 'authorization: AWS4-HMAC-SHA256 Credential=ASIAQEXAMPLE7TOKEN/20240605/us-west-2/s3/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-user-agent, Signature=2f1e8d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4' \\
  -H 'content-type: application/pdf' \\
  -H 'origin: https://app.example.com' \\
  -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \\
  -H 'x-amz-date: 20240605T091530Z' \\
  -H 'x-amz-security-token: IQoJb3JpZ2luX2VjEHcaCXVzLXdlc3QtMiJHMEUCIQD' \\
  -H 'x-amz-server-side-encryption: AES256' \\
  -H 'x-amz-user-agent: aws-sdk-js/3.592.0' \\
  --data-raw $'%PDF-1.4\\n%\\u00e2\\u00e3\\n1 0 obj\\n'`;

/** curl signing by itself: --aws-sigv4 and --user with the secret (the S3 PUT example). */
export const CURL_AWS_SIGV4 = `curl -X PUT "https://examplebucket.s3.amazonaws.com/test\\$file.text" \\
  -H "x-amz-storage-class: REDUCED_REDUNDANCY" \\
  -H "Date: Fri, 24 May 2013 00:00:00 GMT" \\
  --aws-sigv4 "aws:amz:us-east-1:s3" \\
  --user "AKIAIOSFODNN7EXAMPLE:${SECRET}" \\
  --data-binary "Welcome to Amazon S3."`;

/** curl with -G, -d, a body from a file, an env-var secret and a HEAD request. */
export const CURL_GET_DATA = `$ curl -sS -G --aws-sigv4 'aws:amz:us-east-1:execute-api' \\
    --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\
    -d 'limit=10' --data-urlencode 'q=red shoes' \\
    https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/search | jq .`;

export const CURL_UPLOAD_FILE = `curl -X POST https://logs.eu-central-1.amazonaws.com/ -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: Logs_20140328.PutLogEvents' --data-binary @events.json --aws-sigv4 aws:amz:eu-central-1:logs -u AKIAIOSFODNN7EXAMPLE:${SECRET}`;

export const CURL_HEAD = `curl -I 'https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240220%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240220T154500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0b4f1ac5e2a3d6c7b8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b'`;

/** Chrome "Copy as cURL (cmd)": ^ escapes and ^ line continuations. */
export const CURL_CMD = `curl ^"https://examplebucket.s3.amazonaws.com/photos/cat.jpg^" ^
  -H ^"accept: image/avif,image/webp,*/*^" ^
  -H ^"authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240220/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=51436d782968b7fb94e426a6bb969db7fa295343dedeebcb801b42b32a1e7517^" ^
  -H ^"x-amz-content-sha256: UNSIGNED-PAYLOAD^" ^
  -H ^"x-amz-date: 20240220T154500Z^"`;

/** A browser POST upload tried with curl -F: SigV2 and SigV4 fields mixed (seed 004). */
export const CURL_FORM = `curl -X POST https://dennisjakobsentestbucket.s3.eu-west-1.amazonaws.com/ \\
  -F key=uploads/video.mp4 \\
  -F acl=private \\
  -F AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE \\
  -F policy=eyJleHBpcmF0aW9uIjoiMjAxNi0xMS0yN1QxMjowMDowMC4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZGVubmlzamFrb2JzZW50ZXN0YnVja2V0In1dfQ== \\
  -F x-amz-credential=AKIAIOSFODNN7EXAMPLE/20161126/eu-west-1/s3/aws4_request \\
  -F x-amz-algorithm=AWS4-HMAC-SHA256 \\
  -F Signature=3F4A2B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A \\
  -F file=@video.mp4`;

/** Chrome "Copy as fetch". */
export const FETCH_CHROME = `fetch("https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg", {
  "headers": {
    "accept": "*/*",
    "authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240220/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note, Signature=51436d782968b7fb94e426a6bb969db7fa295343dedeebcb801b42b32a1e7517",
    "content-type": "image/jpeg",
    "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
    "x-amz-date": "20240220T154500Z",
    "x-amz-meta-note": "hi"
  },
  "referrer": "https://app.example.com/",
  "referrerPolicy": "strict-origin-when-cross-origin",
  "body": "x",
  "method": "PUT",
  "mode": "cors",
  "credentials": "omit"
});`;

/** Firefox "Copy as Fetch": await, four-space indent, a JSON body. */
export const FETCH_FIREFOX = `await fetch("https://sqs.us-east-2.amazonaws.com/", {
    "credentials": "omit",
    "headers": {
        "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
        "Accept": "*/*",
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": "AmazonSQS.ListQueues",
        "X-Amz-Date": "20200708T203231Z",
        "x-amz-content-sha256": "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20200708/us-east-2/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=a2b8e5ea2334b88e7ce4ddbfbc34560b9de47c055149fe65bca102de502d395f",
        "Sec-Fetch-Mode": "cors"
    },
    "body": "{}",
    "method": "POST",
    "mode": "cors"
});`;

const S3_PUT_CANONICAL_BYTES =
	'50 55 54 0a 2f 70 68 6f 74 6f 73 2f 32 30 32 34 2f 63 61 74 2e 6a 70 67 0a 0a 63 6f 6e 74 65 6e 74 2d 74 79 70 65 3a 69 6d 61 67 65 2f 6a 70 65 67 0a 68 6f 73 74 3a 65 78 61 6d 70 6c 65 62 75 63 6b 65 74 2e 73 33 2e 61 6d 61 7a 6f 6e 61 77 73 2e 63 6f 6d 0a 78 2d 61 6d 7a 2d 63 6f 6e 74 65 6e 74 2d 73 68 61 32 35 36 3a 55 4e 53 49 47 4e 45 44 2d 50 41 59 4c 4f 41 44 0a 78 2d 61 6d 7a 2d 64 61 74 65 3a 32 30 32 34 30 32 32 30 54 31 35 34 35 30 30 5a 0a 78 2d 61 6d 7a 2d 6d 65 74 61 2d 6e 6f 74 65 3a 68 69 0a 0a 63 6f 6e 74 65 6e 74 2d 74 79 70 65 3b 68 6f 73 74 3b 78 2d 61 6d 7a 2d 63 6f 6e 74 65 6e 74 2d 73 68 61 32 35 36 3b 78 2d 61 6d 7a 2d 64 61 74 65 3b 78 2d 61 6d 7a 2d 6d 65 74 61 2d 6e 6f 74 65 0a 55 4e 53 49 47 4e 45 44 2d 50 41 59 4c 4f 41 44';
const S3_PUT_STS_BYTES =
	'41 57 53 34 2d 48 4d 41 43 2d 53 48 41 32 35 36 0a 32 30 32 34 30 32 32 30 54 31 35 34 35 30 30 5a 0a 32 30 32 34 30 32 32 30 2f 75 73 2d 65 61 73 74 2d 31 2f 73 33 2f 61 77 73 34 5f 72 65 71 75 65 73 74 0a 62 61 35 35 64 30 31 61 65 63 39 64 38 38 32 65 66 34 63 30 32 65 39 66 31 61 31 62 37 61 30 38 30 37 65 65 34 35 62 32 63 35 62 35 65 39 32 32 37 37 34 61 65 37 66 64 38 32 35 35 34 65 34 66';

/** S3's SignatureDoesNotMatch, element order as S3 sends it (research §3.2), with the byte lists. */
export const S3_SIGNATURE_MISMATCH = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256
20240220T154500Z
20240220/us-east-1/s3/aws4_request
ba55d01aec9d882ef4c02e9f1a1b7a0807ee45b2c5b5e922774ae7fd82554e4f</StringToSign><SignatureProvided>${FAKE_SIGNATURE}</SignatureProvided><StringToSignBytes>${S3_PUT_STS_BYTES}</StringToSignBytes><CanonicalRequest>PUT
/photos/2024/cat.jpg

content-type:image/jpeg
host:examplebucket.s3.amazonaws.com
x-amz-content-sha256:UNSIGNED-PAYLOAD
x-amz-date:20240220T154500Z
x-amz-meta-note:hi

content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note
UNSIGNED-PAYLOAD</CanonicalRequest><CanonicalRequestBytes>${S3_PUT_CANONICAL_BYTES}</CanonicalRequestBytes><RequestId>4442587FB7D0A2F9</RequestId><HostId>Pf8ZRbxYE8zAh+0mMYl8cU4Zl6X9X4hAB+0Qm3Qd1Y0ovx5a3Jqg0Tn1l6V2Gm9tXYjKQWQwYlM=</HostId></Error>`;

/** The request of the S3 error body, sent with another content type: the server's stages then differ from the correct ones by a line. */
export const REQUEST_WITH_PNG = [
	'PUT /photos/2024/cat.jpg HTTP/1.1',
	'Host: examplebucket.s3.amazonaws.com',
	'Content-Type: image/png',
	'x-amz-content-sha256: UNSIGNED-PAYLOAD',
	'x-amz-date: 20240220T154500Z',
	'x-amz-meta-note: hi',
	'',
	''
].join('\n');

/** The same body saved on Windows: CRLF everywhere, so the text no longer matches the bytes. */
export const S3_SIGNATURE_MISMATCH_CRLF = S3_SIGNATURE_MISMATCH.replace(/\n/g, '\r\n');

/** The minio#2986 body as quoted in the research (byte lists shortened with "…" by the quoter). */
export const S3_SIGNATURE_MISMATCH_SHORTENED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAI6SNMUFOVIEFOZJA</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256
20161018T091707Z
20161018/us-east-1/s3/aws4_request
9977fec5206b9a221f83b69fe0de934fc76de632d276964e02329e51ca90c413</StringToSign><SignatureProvided>190d0f190d9af06017543ad0ef802abf6dee2dcf3836840cbaa13e8750f9f3ed</SignatureProvided><StringToSignBytes>41 57 53 34 2d 48 4d 41 43 2d 53 48 41 32 35 36 0a 32 30 31 36 … 34 31 33</StringToSignBytes><CanonicalRequest>GET
/

expect:100-continue
host:s3.amazonaws.com
x-amz-content-sha256:UNSIGNED-PAYLOAD
x-amz-date:20161018T091707Z

expect;host;x-amz-content-sha256;x-amz-date
UNSIGNED-PAYLOAD</CanonicalRequest><CanonicalRequestBytes>47 45 54 0a 2f 0a 0a 65 78 70 65 63 74 3a … </CanonicalRequestBytes><RequestId>1B2B8C5B7E4D9F01</RequestId><HostId>aGVsbG8=</HostId></Error>`;

/** LocalStack's presigned-URL mismatch: uppercase 2-byte groups, and the text collapsed to one line by a log. */
export const LOCALSTACK_SIGNATURE_MISMATCH = `<?xml version='1.0' encoding='utf-8'?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><HostId>9Gjjt1m+cjU4OPvX9O9/8RuvnG41MRb/18Oux2o5H5MY7ISNTlXN+Dz9IG62/ILVxhAGI0qyPfg=</HostId><SignatureProvided>aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404</SignatureProvided><StringToSign>AWS4-HMAC-SHA256 20130524T000000Z 20130524/us-east-1/s3/aws4_request 3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04</StringToSign><StringToSignBytes>41 5753 342D 484D 4143 2D53 4841 3235 360A 3230 3133 3035 3234 5430 3030 3030 305A 0A32 3031 3330 3532 342F 7573 2D65 6173 742D 312F 7333 2F61 7773 345F 7265 7175 6573 740A 3362 6661 3239 3238 3739 6636 3434 3762 6263 6461 3730 3031 6465 6366 3937 6634 6135 3464 6336 3530 6338 3934 3231 3734 6165 3061 3931 3231 6366 3538 6164 3034</StringToSignBytes><CanonicalRequest>GET /test.txt X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&amp;X-Amz-Date=20130524T000000Z&amp;X-Amz-Expires=86400&amp;X-Amz-SignedHeaders=host host:examplebucket.s3.amazonaws.com  host UNSIGNED-PAYLOAD</CanonicalRequest><CanonicalRequestBytes>47 4554 0A2F 7465 7374 2E74 7874 0A58 2D41 6D7A 2D41 6C67 6F72 6974 686D 3D41 5753 342D 484D 4143 2D53 4841 3235 3626 582D 416D 7A2D 4372 6564 656E 7469 616C 3D41 4B49 4149 4F53 464F 444E 4E37 4558 414D 504C 4525 3246 3230 3133 3035 3234 2532 4675 732D 6561 7374 2D31 2532 4673 3325 3246 6177 7334 5F72 6571 7565 7374 2658 2D41 6D7A 2D44 6174 653D 3230 3133 3035 3234 5430 3030 3030 305A 2658 2D41 6D7A 2D45 7870 6972 6573 3D38 3634 3030 2658 2D41 6D7A 2D53 6967 6E65 6448 6561 6465 7273 3D68 6F73 740A 686F 7374 3A65 7861 6D70 6C65 6275 636B 6574 2E73 332E 616D 617A 6F6E 6177 732E 636F 6D0A 0A68 6F73 740A 554E 5349 474E 4544 2D50 4159 4C4F 4144</CanonicalRequestBytes></Error>`;

export const S3_REQUEST_TIME_TOO_SKEWED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20240312T101502Z</RequestTime><ServerTime>2024-03-12T11:02:47Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>8F3C21A9B7D04E55</RequestId><HostId>0m3rX7qpE2wUe5oWnYk4v8Qm0g4aJt1Y4GdQn3xYvGk=</HostId></Error>`;

export const S3_AUTHORIZATION_HEADER_MALFORMED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-central-1'</Message><Region>eu-central-1</Region><RequestId>2B6A3F0D91C7E844</RequestId><HostId>x0aT7Kq3LQm5c1Tg0qg1Z7f2rV4l2u9yVb0cQ2mJt8wE=</HostId></Error>`;

export const S3_AUTHORIZATION_QUERY_PARAMETERS_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AuthorizationQueryParametersError</Code><Message>X-Amz-Expires must be less than a week (in seconds) that is, the given X-Amz-Expires must be less than 604800 seconds</Message><RequestId>5E0B7C3A19F24D86</RequestId><HostId>q2P4yL7b8wX0n3Vd5Gm1Tc6Rz9Kf2Hs4Ja8Ue0Wo3Nx=</HostId></Error>`;

export const S3_CONTENT_SHA256_MISMATCH = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>XAmzContentSHA256Mismatch</Code><Message>The provided 'x-amz-content-sha256' header does not match what was computed.</Message><ClientComputedContentSHA256>e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</ClientComputedContentSHA256><S3ComputedContentSHA256>9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d</S3ComputedContentSHA256><RequestId>C1D2E3F4A5B6C7D8</RequestId><HostId>Zm9vYmFyYmF6cXV4</HostId></Error>`;

export const S3_HEADERS_NOT_SIGNED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message><HeadersNotSigned>x-amz-server-side-encryption</HeadersNotSigned><RequestId>6A2F4D8B0C1E3F57</RequestId><HostId>YmFyYmF6cXV4Zm9v</HostId></Error>`;

export const S3_REQUEST_EXPIRED = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>3600</X-Amz-Expires><Expires>2024-02-20T16:45:00Z</Expires><ServerTime>2024-02-21T08:12:33Z</ServerTime><RequestId>0F1E2D3C4B5A6978</RequestId><HostId>cXV4Zm9vYmFyYmF6</HostId></Error>`;

/** SQS (JSON protocol) quoting its stages (research §3.5). */
export const SERVICE_ERROR_JSON = `{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\\n\\nThe Canonical String for this request should have been\\n'POST\\n/\\n\\ncontent-type:application/x-amz-json-1.0\\nhost:sqs.us-east-2.amazonaws.com\\nx-amz-content-sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\\nx-amz-date:20200708T203231Z\\nx-amz-target:AmazonSQS.ListQueues\\n\\ncontent-type;host;x-amz-content-sha256;x-amz-date;x-amz-target\\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'\\n\\nThe String-to-Sign should have been\\n'AWS4-HMAC-SHA256\\n20200708T203231Z\\n20200708/us-east-2/sqs/aws4_request\\n3f8042ff3807d307e04d791fe6c8b14b052af1e5cfbcb3e838b8f10f9d7d4f4b'\\n"}`;

/** The query protocol's <ErrorResponse> (IAM), stages in the message. */
export const SERVICE_ERROR_XML = `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <Error>
    <Type>Sender</Type>
    <Code>SignatureDoesNotMatch</Code>
    <Message>The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.

The Canonical String for this request should have been
'GET
/
Action=ListUsers&amp;Version=2010-05-08
content-type:application/x-www-form-urlencoded; charset=utf-8
host:iam.amazonaws.com
x-amz-date:20150830T123600Z

content-type;host;x-amz-date
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

The String-to-Sign should have been
'AWS4-HMAC-SHA256
20150830T123600Z
20150830/us-east-1/iam/aws4_request
f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59'
</Message>
  </Error>
  <RequestId>7d2f5b8c-1a3e-4f6d-9b0c-2e4a6c8e0f13</RequestId>
</ErrorResponse>`;

/** The AWS CLI printing the same error for API Gateway (execute-api double-encodes the path). */
export const SERVICE_ERROR_CLI = `An error occurred (InvalidSignatureException) when calling the GetItems operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.

The Canonical String for this request should have been
'GET
/prod/items/a%2520b

host:a1b2c3d4e5.execute-api.us-east-1.amazonaws.com
x-amz-date:20240501T120000Z

host;x-amz-date
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

The String-to-Sign should have been
'AWS4-HMAC-SHA256
20240501T120000Z
20240501/us-east-1/execute-api/aws4_request
0c3a5e7f9b1d2c4e6a8f0b2d4c6e8a0f2b4d6c8e0a2f4b6d8c0e2a4f6b8d0c2e'
`;

/** botocore at DEBUG (aws s3api list-objects-v2 --debug), ending with the S3 error. */
export const BOTOCORE_LOG = `2024-03-12 10:15:02,118 - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=ListObjectsV2) with params: {'url_path': '/', 'query_string': {'list-type': 2, 'prefix': 'logs/', 'encoding-type': 'url'}, 'method': 'GET', 'headers': {'User-Agent': 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off command/s3api.list-objects-v2'}, 'body': b'', 'auth_path': '/my-bucket/', 'url': 'https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=logs%2F&encoding-type=url', 'context': {'client_region': 'eu-west-1', 'has_streaming_input': False, 'auth_type': 'v4', 'signing': {'region': 'eu-west-1', 'signing_name': 's3', 'disableDoubleEncoding': True}}}
2024-03-12 10:15:02,119 - MainThread - botocore.auth - DEBUG - Calculating signature using v4 auth.
2024-03-12 10:15:02,119 - MainThread - botocore.auth - DEBUG - CanonicalRequest:
GET
/
encoding-type=url&list-type=2&prefix=logs%2F
host:my-bucket.s3.eu-west-1.amazonaws.com
x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
x-amz-date:20240312T101502Z

host;x-amz-content-sha256;x-amz-date
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
2024-03-12 10:15:02,119 - MainThread - botocore.auth - DEBUG - StringToSign:
AWS4-HMAC-SHA256
20240312T101502Z
20240312/eu-west-1/s3/aws4_request
2ab322d34e392edee62065fd3f32ce47e04be5eb6586ff903ec2baed454ee2e5
2024-03-12 10:15:02,119 - MainThread - botocore.auth - DEBUG - Signature:
8cb81f26c97a7d4d8fcd593ab9620f029cea8a6a521ef5c5059734882048f050
2024-03-12 10:15:02,120 - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest stream_output=False, method=GET, url=https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=logs%2F&encoding-type=url, headers={'User-Agent': b'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off command/s3api.list-objects-v2', 'X-Amz-Date': b'20240312T101502Z', 'X-Amz-Content-SHA256': b'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'Authorization': b'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240312/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=8cb81f26c97a7d4d8fcd593ab9620f029cea8a6a521ef5c5059734882048f050'}>
2024-03-12 10:15:02,121 - MainThread - urllib3.connectionpool - DEBUG - Starting new HTTPS connection (1): my-bucket.s3.eu-west-1.amazonaws.com:443
2024-03-12 10:15:02,380 - MainThread - urllib3.connectionpool - DEBUG - https://my-bucket.s3.eu-west-1.amazonaws.com:443 "GET /?list-type=2&prefix=logs%2F&encoding-type=url HTTP/1.1" 403 None
2024-03-12 10:15:02,381 - MainThread - botocore.parsers - DEBUG - Response headers: {'x-amz-request-id': '8F3C21A9B7D04E55', 'Content-Type': 'application/xml', 'Transfer-Encoding': 'chunked', 'Server': 'AmazonS3'}
2024-03-12 10:15:02,381 - MainThread - botocore.parsers - DEBUG - Response body:
b'<?xml version="1.0" encoding="UTF-8"?>\\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\\n20240312T101502Z\\n20240312/eu-west-1/s3/aws4_request\\n2ab322d34e392edee62065fd3f32ce47e04be5eb6586ff903ec2baed454ee2e5</StringToSign><SignatureProvided>8cb81f26c97a7d4d8fcd593ab9620f029cea8a6a521ef5c5059734882048f050</SignatureProvided><CanonicalRequest>GET\\n/\\nencoding-type=url&amp;list-type=2&amp;prefix=logs%2F\\nhost:my-bucket.s3.eu-west-1.amazonaws.com\\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\\nx-amz-date:20240312T101502Z\\n\\nhost;x-amz-content-sha256;x-amz-date\\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</CanonicalRequest><RequestId>8F3C21A9B7D04E55</RequestId></Error>'
`;

/** curl -v with --aws-sigv4 against OpenSearch. */
export const CURL_VERBOSE = `$ curl -v --aws-sigv4 "aws:amz:us-west-2:es" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" "https://search-logs-abc123.us-west-2.es.amazonaws.com/_cat/indices?v"
* Host search-logs-abc123.us-west-2.es.amazonaws.com:443 was resolved.
* IPv6: (none)
* IPv4: 52.12.34.56
*   Trying 52.12.34.56:443...
* Connected to search-logs-abc123.us-west-2.es.amazonaws.com (52.12.34.56) port 443
* ALPN: curl offers h2,http/1.1
* TLSv1.3 (OUT), TLS handshake, Client hello (1):
* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519 / RSASSA-PSS
* ALPN: server accepted http/1.1
* aws_sigv4: Canonical request (enclosed in []) - [GET
/_cat/indices
v=
host:search-logs-abc123.us-west-2.es.amazonaws.com
x-amz-date:20240415T083012Z

host;x-amz-date
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855]
* aws_sigv4: String to sign (enclosed in []) - [AWS4-HMAC-SHA256
20240415T083012Z
20240415/us-west-2/es/aws4_request
c176bb3bf7e3638ee70e13a2abd5e5deebebf2fb9f0fad086407df2290624a2a]
* aws_sigv4: Signature - 78efbf88597fae6a676655ca51076b9f64a944c900999abe06cf54c9bbb1dd10
* using HTTP/1.x
> GET /_cat/indices?v HTTP/1.1
> Host: search-logs-abc123.us-west-2.es.amazonaws.com
> Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240415/us-west-2/es/aws4_request, SignedHeaders=host;x-amz-date, Signature=78efbf88597fae6a676655ca51076b9f64a944c900999abe06cf54c9bbb1dd10
> X-Amz-Date: 20240415T083012Z
> User-Agent: curl/8.5.0
> Accept: */*
> 
< HTTP/1.1 403 Forbidden
< Date: Mon, 15 Apr 2024 08:30:13 GMT
< Content-Type: application/json
< Content-Length: 192
< Connection: keep-alive
< x-amzn-RequestId: 1f9c0b7e-2d4a-4e6f-8a1b-3c5d7e9f0a2b
< 
{"message":"The security token included in the request is invalid."}
* Connection #0 to host search-logs-abc123.us-west-2.es.amazonaws.com left intact
`;

/** awscurl -v (pprint output on stderr). */
export const AWSCURL_LOG = `$ awscurl -v --service execute-api --region us-east-1 https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/pets
{'access_key': None,
 'data': '',
 'data_binary': False,
 'header': None,
 'include': False,
 'insecure': False,
 'profile': 'default',
 'region': 'us-east-1',
 'request': 'GET',
 'secret_key': None,
 'security_token': None,
 'service': 'execute-api',
 'session_token': None,
 'uri': 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/pets',
 'verbose': True}
''
('\\n'
 'CANONICAL REQUEST = GET\\n'
 '/prod/pets\\n'
 '\\n'
 'host:a1b2c3d4e5.execute-api.us-east-1.amazonaws.com\\n'
 'x-amz-date:20240501T120000Z\\n'
 '\\n'
 'host;x-amz-date\\n'
 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
('\\n'
 'STRING_TO_SIGN = AWS4-HMAC-SHA256\\n'
 '20240501T120000Z\\n'
 '20240501/us-east-1/execute-api/aws4_request\\n'
 'ef15629ce61f30f88f3d91e5a5b620517736b47aecdfb0846b867c0def4374a5')
'\\nHEADERS++++++++++++++++++++++++++++++++++++'
{'Accept': 'application/xml',
 'Authorization': 'AWS4-HMAC-SHA256 '
                  'Credential=AKIAIOSFODNN7EXAMPLE/20240501/us-east-1/execute-api/aws4_request, '
                  'SignedHeaders=host;x-amz-date, '
                  'Signature=02947edea3cd517c173e24287549d67ec3b5400ad7442c0d783fe0d85d93c8dc',
 'Content-Type': 'application/json',
 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
 'x-amz-date': '20240501T120000Z',
 'x-amz-security-token': None}
'\\nBEGIN REQUEST++++++++++++++++++++++++++++++++++++'
'Request URL = https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/pets'
'\\nRESPONSE++++++++++++++++++++++++++++++++++++'
'Response code: 200\\n'
`;

/** The IAM example canonical request, as a signer printed it. */
export const CANONICAL_REQUEST = `GET
/
Action=ListUsers&Version=2010-05-08
content-type:application/x-www-form-urlencoded; charset=utf-8
host:iam.amazonaws.com
x-amz-date:20150830T123600Z

content-type;host;x-amz-date
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`;

export const STRING_TO_SIGN = `AWS4-HMAC-SHA256
20150830T123600Z
20150830/us-east-1/iam/aws4_request
f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59`;

/** What the Apex signer of seed 002 printed: hhmmss (12-hour clock) and a base64 hash. */
export const STRING_TO_SIGN_APEX = `AWS4-HMAC-SHA256
20150830T013600Z
20150830/eu-west-1/sns/aws4_request
9TaXfP1j7m0AkWs4o7f8cUMqKz5S2X7s3u0dYbWqE8w=`;

/** An Apex signer's debug output: canonical request, string to sign, signature, in that order. */
export const STAGES_PRINTED = `${CANONICAL_REQUEST}

${STRING_TO_SIGN}

5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7
`;

/** SigV2: an old S3 client's request and a SigV2 presigned URL. */
export const SIGV2_REQUEST = `PUT /photos/puppy.jpg HTTP/1.1
Host: awsexamplebucket1.s3.us-west-1.amazonaws.com
Date: Tue, 27 Mar 2007 21:15:45 +0000
Content-Type: image/jpeg
Content-Length: 94328
Authorization: AWS AKIAIOSFODNN7EXAMPLE:MyyxeRY7whkBe+bq8fHCL/2kKUg=

`;
export const SIGV2_URL =
	'https://awsexamplebucket1.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D';

/** Seed 002: query-API parameters with SigV2 names but SignatureVersion=4. */
export const SIGV2_PARAMS =
	'Name=orders&Action=CreateTopic&SignatureMethod=HmacSHA256&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&SignatureVersion=4&Signature=3f1c0e2d4b6a8c9e7f5d3b1a0c2e4f6d8b9a7c5e3d1f0b2a4c6e8d9f7b5a3c1e';

/** Seed 004's fields, as listed in DevTools' payload view. */
export const POST_FORM_FIELDS = `key: uploads/\${filename}
acl: private
Content-Type: $Content-Type
AWSAccessKeyId: AKIAIOSFODNN7EXAMPLE
policy: eyJleHBpcmF0aW9uIjoiMjAxNi0xMS0yN1QxMjowMDowMC4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZGVubmlzamFrb2JzZW50ZXN0YnVja2V0In1dfQ==
x-amz-credential: AKIAIOSFODNN7EXAMPLE/20161126/eu-west-1/s3/aws4_request
x-amz-algorithm: AWS4-HMAC-SHA256
Signature: 3F4A2B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A
file: (binary)`;

/** Seed 004's JavaScript. */
export const POST_FORM_JS = `let formData = new FormData();
formData.append("key", "<path-to-upload-location>");
formData.append("acl", signature.acl); // private
formData.append("Content-Type", "$Content-Type");
formData.append("AWSAccessKeyId", signature.accessKey);
formData.append("policy", signature.policy); //base64 of policy
formData.append("x-amz-credential", signature.credentials); // <accesskey>/20161126/eu-west-1/s3/aws4_request
formData.append("x-amz-algorithm", "AWS4-HMAC-SHA256");
formData.append("Signature", signature.signature);
formData.append("file", file);`;

/** A correct SigV4 browser POST (the S3 sigv4-post-example fields) as a raw multipart request. */
export const POST_FORM_MULTIPART = `POST / HTTP/1.1
Host: sigv4examplebucket.s3.amazonaws.com
Content-Type: multipart/form-data; boundary=----WebKitFormBoundary9fK2xq3L

------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="key"

user/user1/photo.jpg
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="acl"

public-read
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="X-Amz-Credential"

AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="X-Amz-Algorithm"

AWS4-HMAC-SHA256
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="X-Amz-Date"

20151229T000000Z
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="Policy"

eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgXQ0KfQ==
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="X-Amz-Signature"

8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e
------WebKitFormBoundary9fK2xq3L
Content-Disposition: form-data; name="file"; filename="photo.jpg"
Content-Type: image/jpeg

(binary)
------WebKitFormBoundary9fK2xq3L--
`;

/** @aws-sdk/s3-presigned-post's createPresignedPost result, logged with JSON.stringify. */
export const PRESIGNED_POST_JSON = `{
  "url": "https://sigv4examplebucket.s3.us-east-1.amazonaws.com/",
  "fields": {
    "bucket": "sigv4examplebucket",
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request",
    "X-Amz-Date": "20151229T000000Z",
    "key": "user/user1/photo.jpg",
    "Policy": "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgXQ0KfQ==",
    "X-Amz-Signature": "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e"
  }
}`;

/** A HAR saved from Chrome: a preflight, an unrelated request, then the failing signed PUT with S3's answer. */
export const HAR = JSON.stringify(
	{
		log: {
			version: '1.2',
			creator: { name: 'WebInspector', version: '537.36' },
			pages: [],
			entries: [
				{
					startedDateTime: '2024-02-20T15:45:00.101Z',
					request: {
						method: 'GET',
						url: 'https://app.example.com/api/upload-url?name=cat.jpg',
						httpVersion: 'http/2.0',
						headers: [
							{ name: ':authority', value: 'app.example.com' },
							{ name: ':method', value: 'GET' },
							{ name: 'accept', value: 'application/json' }
						],
						queryString: [{ name: 'name', value: 'cat.jpg' }],
						cookies: [],
						headersSize: -1,
						bodySize: 0
					},
					response: {
						status: 200,
						statusText: '',
						httpVersion: 'http/2.0',
						headers: [],
						content: { size: 20, mimeType: 'application/json', text: '{"ok":true}' }
					}
				},
				{
					startedDateTime: '2024-02-20T15:45:00.201Z',
					request: {
						method: 'OPTIONS',
						url: 'https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg',
						httpVersion: 'http/1.1',
						headers: [
							{ name: 'Access-Control-Request-Method', value: 'PUT' },
							{ name: 'Origin', value: 'https://app.example.com' }
						],
						queryString: [],
						cookies: [],
						headersSize: -1,
						bodySize: 0
					},
					response: { status: 200, statusText: 'OK', httpVersion: 'http/1.1', headers: [], content: { size: 0, mimeType: 'x-unknown' } }
				},
				{
					startedDateTime: '2024-02-20T15:45:00.305Z',
					request: {
						method: 'PUT',
						url: 'https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg',
						httpVersion: 'http/1.1',
						headers: [
							{ name: 'Host', value: 'examplebucket.s3.amazonaws.com' },
							{ name: 'Content-Type', value: 'image/jpeg' },
							{ name: 'x-amz-content-sha256', value: 'UNSIGNED-PAYLOAD' },
							{ name: 'x-amz-date', value: '20240220T154500Z' },
							{ name: 'x-amz-meta-note', value: 'hi' },
							{
								name: 'Authorization',
								value: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240220/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note, Signature=${FAKE_SIGNATURE}`
							},
							{ name: 'Origin', value: 'https://app.example.com' }
						],
						queryString: [],
						cookies: [],
						headersSize: -1,
						bodySize: 1,
						postData: { mimeType: 'image/jpeg', text: 'x' }
					},
					response: {
						status: 403,
						statusText: 'Forbidden',
						httpVersion: 'http/1.1',
						headers: [{ name: 'Content-Type', value: 'application/xml' }],
						content: { size: 1860, mimeType: 'application/xml', text: S3_SIGNATURE_MISMATCH }
					}
				}
			]
		}
	},
	null,
	2
);

/** Every valid sample, by name: the fuzz test mutates them. */
export const SAMPLES: Record<string, string> = {
	RAW_HTTP,
	RAW_HTTP_POST_CRLF,
	RAW_HTTP_PRESIGNED,
	PRESIGNED_URL,
	AUTHORIZATION_HEADER,
	HEADER_BLOCK,
	CURL_CHROME,
	CURL_AWS_SIGV4,
	CURL_GET_DATA,
	CURL_UPLOAD_FILE,
	CURL_HEAD,
	CURL_CMD,
	CURL_FORM,
	FETCH_CHROME,
	FETCH_FIREFOX,
	S3_SIGNATURE_MISMATCH,
	S3_SIGNATURE_MISMATCH_CRLF,
	S3_SIGNATURE_MISMATCH_SHORTENED,
	LOCALSTACK_SIGNATURE_MISMATCH,
	S3_REQUEST_TIME_TOO_SKEWED,
	S3_AUTHORIZATION_HEADER_MALFORMED,
	S3_AUTHORIZATION_QUERY_PARAMETERS_ERROR,
	S3_CONTENT_SHA256_MISMATCH,
	S3_HEADERS_NOT_SIGNED,
	S3_REQUEST_EXPIRED,
	SERVICE_ERROR_JSON,
	SERVICE_ERROR_XML,
	SERVICE_ERROR_CLI,
	BOTOCORE_LOG,
	CURL_VERBOSE,
	AWSCURL_LOG,
	CANONICAL_REQUEST,
	STRING_TO_SIGN,
	STRING_TO_SIGN_APEX,
	STAGES_PRINTED,
	SIGV2_REQUEST,
	SIGV2_URL,
	SIGV2_PARAMS,
	POST_FORM_FIELDS,
	POST_FORM_JS,
	POST_FORM_MULTIPART,
	PRESIGNED_POST_JSON,
	HAR
};
