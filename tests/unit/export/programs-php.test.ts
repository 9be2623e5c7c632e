import { programSuite } from './program-suite.ts';

programSuite('php');
