import { programSuite } from './program-suite.ts';

programSuite('browser');
