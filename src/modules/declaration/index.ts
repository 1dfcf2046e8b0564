/** The declaration module's public surface: other modules import only this file. */
export { type DeclarationSummary, lookupDeclaration } from './declaration.service.ts';
