import { markBoot } from './boot-marks.ts';

// Imported first by main.tsx and importing nothing that runs code, so it is the first module the
// browser evaluates: the moment the scripts were all in and linked.
markBoot('modules');
