/** The admin module exposes no services to other modules; it only reads theirs. */
export {};
