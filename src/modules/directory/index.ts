/** The directory module exposes nothing to other modules yet. */
export {};
