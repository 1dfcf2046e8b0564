/** The policy module's public surface for other modules. */
export { publishedBasicPolicy } from './policy.service.ts';
