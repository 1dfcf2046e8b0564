/** The services module exposes nothing to other modules yet. */
export {};
