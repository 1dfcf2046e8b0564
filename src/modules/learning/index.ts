/** The learning module's public surface for other modules. */

/** The 25 themes (id, diagnosis item, title…) in a language; other modules link to them by id. */
export { themeList as learningThemeList } from './learning.service.ts';
