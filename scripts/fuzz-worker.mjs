// Worker entry of scripts/fuzz-inputs.mjs: Node 20 workers ignore --import, so TypeScript is loaded here.
import { register } from 'tsx/esm/api';

register();
await import('../tests/fuzz/worker.ts');
