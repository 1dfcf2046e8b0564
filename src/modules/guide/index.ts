/** The guide module exposes nothing to other modules: they link to its pages (/orgs/:orgId/help/guide). */
export {};
