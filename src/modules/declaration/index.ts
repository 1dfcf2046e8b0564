/** The declaration module exposes nothing to other modules yet. */
export {};
