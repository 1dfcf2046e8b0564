/** The learning module exposes nothing to other modules yet. */
export {};
