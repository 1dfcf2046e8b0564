/** The monitoring module's public surface for other modules (the service desk will use it). */
export {};
