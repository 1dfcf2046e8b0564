/** The library module's public surface: other modules import only this file. */
export { DIGEST_JOB } from './library.digest.ts';
