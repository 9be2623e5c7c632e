/** The languages "Your code" reads. */
export const SOURCE_LANGUAGES = ['apex', 'csharp', 'java', 'javascript', 'python', 'php', 'go', 'ruby'] as const;
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number];

export const SOURCE_LANGUAGE_LABELS: Record<SourceLanguage, string> = {
	apex: 'Apex',
	csharp: 'C#',
	java: 'Java',
	javascript: 'JavaScript / TypeScript',
	python: 'Python',
	php: 'PHP',
	go: 'Go',
	ruby: 'Ruby'
};

// Markers that one language has and the others (mostly) lack; each counts once per line it is on.
const MARKERS: Record<SourceLanguage, RegExp[]> = {
	apex: [
		/\bCrypto\.generate(Mac|Digest)\b/,
		/\bEncodingUtil\.\w+/,
		/\bBlob\.valueOf\b/,
		/\bformatGmt\b/,
		/\bSystem\.debug\b/,
		/\bwith sharing\b/,
		/\bDatetime\.now\(\)/,
		/\bMap<String,\s*String>/i,
		// Java-like code with single-quoted strings is Apex.
		/\b[Ss]tring\s+\w+\s*=\s*[^;"]*'/,
		/\w+\s*\+=\s*'[^']*'/,
		/\bfor\s*\(\s*[Ss]tring\s+\w+\s*:/
	],
	csharp: [
		/^\s*using System/,
		/\bnamespace\b/,
		/\bEncoding\.UTF8\.GetBytes\b/,
		/\bHMACSHA256\b/,
		/\bConvert\.ToBase64String\b/,
		/\bToLower(Invariant)?\(\)/,
		/\bDateTime\.(UtcNow|Now)\b/,
		/\bKeyedHashAlgorithm\b/,
		/\bvar \w+ = new \w+/,
		/\bstring\.Join\b/,
		/\bStringBuilder\(\)/,
		/\bforeach\s*\(var\b/,
		/\bHttpUtility\b|\bWebUtility\b/,
		/\bComputeHash\b/,
		/\bstatic (byte\[\]|string) \w+\(/,
		/\.(OrderBy|Select|Where|ToArray)\(/,
		/\bnew \w+Request\s*$/
	],
	java: [
		/^\s*import java(x)?\./,
		/\bSecretKeySpec\b/,
		/\bMac\.getInstance\b/,
		/\.getBytes\(/,
		/\bSystem\.out\.print/,
		/\bURLEncoder\.encode\b/,
		/\bString\.format\(/,
		/\bMessageDigest\b/,
		/\bSimpleDateFormat\b|\bDateTimeFormatter\b/,
		/\bfinal String\b/,
		/\bMap\.Entry\b/,
		/\.append\([^)]*\)\.append\(/
	],
	javascript: [
		/^\s*(const|let|var) \w+\s*=/,
		/=>/,
		/\brequire\(['"]/,
		/\bconsole\.log\b/,
		/\bcrypto\.subtle\b/,
		/\bencodeURIComponent\b/,
		/\bCryptoJS\b/,
		/\bawait\b/,
		/\bcreateHmac\b/,
		/^\s*import .* from ['"]/,
		/\bfunction\s*\w*\s*\(/,
		/\btoISOString\(\)/,
		/\bformData\.append\(/,
		/\.forEach\(/
	],
	python: [
		/^\s*def \w+\(.*\)\s*(->.*)?:\s*$/,
		/^\s*(import \w+|from [\w.]+ import)/,
		/\bhashlib\b/,
		/\.hexdigest\(\)/,
		/\bself\b/,
		/\bNone\b|\bTrue\b|\bFalse\b/,
		/\belif\b/,
		/\.encode\(['"]utf-?8['"]\)/,
		/\bstrftime\b/,
		/\burllib\b/,
		/\b(urlencode|quote_plus|sorted)\(/
	],
	php: [
		/<\?php/,
		/\$\w+\s*=/,
		/\bhash_hmac\b/,
		/\bfunction\s+\w+\s*\(\s*\$/,
		/\$\w+->/,
		/\bgmdate\b/,
		/\barray\(/,
		/\brawurlencode\b|\burlencode\b/,
		/\bimplode\b|\bksort\b/
	],
	go: [
		/^package \w+/,
		/\bfunc\b/,
		/:=/,
		/\bhmac\.New\b/,
		/\bfmt\.\w+/,
		/^import \(/,
		/\bhex\.EncodeToString\b/,
		/\[\]byte\(/,
		/\bstrings\.\w+/
	],
	ruby: [
		/^\s*def \w+(\(.*\))?\s*$/,
		/^\s*end\s*$/,
		/\bOpenSSL::/,
		/^\s*require ['"]/,
		/\bputs\b/,
		/\bdo \|\w+/,
		/\.each\b/,
		/\bunpack1?\(/,
		/\bstrftime\b.*%/,
		/\bCGI\.escape\b|\bERB::Util\b/
	]
};

/** Lines that read as code: a statement end, a block, a call assigned. Prose has few of them. */
const CODE_LINE = /[;{}]\s*$|^\s*(def|for|if|return|var|let|const|public|private|static)\b|\w\s*=\s*[\w.$]+\(|\)\s*;?\s*$/;

/**
 * The language `source` is most likely written in, or undefined when it reads as none (prose, a
 * log line). A short snippet with one marker is enough when most of its lines read as code.
 */
export function detectLanguage(source: string): SourceLanguage | undefined {
	const lines = source.split('\n').filter((l) => l.trim());
	let best: SourceLanguage | undefined;
	let bestScore = 0;
	for (const language of SOURCE_LANGUAGES) {
		let score = 0;
		for (const line of lines) for (const marker of MARKERS[language]) if (marker.test(line)) score++;
		if (score > bestScore) {
			best = language;
			bestScore = score;
		}
	}
	const codeLike = lines.length > 0 && lines.filter((l) => CODE_LINE.test(l)).length / lines.length >= 0.5;
	return bestScore >= 2 || (bestScore === 1 && codeLike) ? best : undefined;
}
