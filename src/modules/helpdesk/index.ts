/** The helpdesk module's public surface for other modules. */
export { digest as advisoryDigest } from './helpdesk.advisories.ts';
export { deadline, elapsedMinutes, isQuietTime } from './helpdesk.sla.ts';
