import { analyze } from '../src/lib/case/analyze.ts';
import { exampleCase } from '../src/lib/case/default-case.ts';
import * as devalue from 'devalue';
const a = await analyze(exampleCase());
console.log(Object.keys(a));
try { const s = devalue.uneval(a); console.log('uneval', s.length); const s2 = devalue.stringify(a); console.log('stringify', s2.length);} catch (e) { console.log('ERR', e.message, e.path); }
