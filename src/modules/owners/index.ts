/** The owners module exposes nothing to other modules yet. */
export {};
