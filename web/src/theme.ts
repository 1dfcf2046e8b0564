import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm blue-teal: trustworthy, not alarming.
const brand: MantineColorsTuple = [
  '#e5f5f9',
  '#d3e9ef',
  '#a8d1dd',
  '#79b8ca',
  '#53a3ba',
  '#3a95b0',
  '#2b8eac',
  '#1a7b97',
  '#0b6e8a',
  '#005f79',
];

const fontFamily =
  '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", "Yu Gothic", Meiryo, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The theme; `t` gives built-in controls (close buttons) names in the UI language. */
export const makeTheme = (t: (key: string) => string) =>
  createTheme({
    primaryColor: 'brand',
    primaryShade: { light: 8, dark: 5 },
    colors: { brand },
    fontFamily,
    headings: { fontFamily, fontWeight: '700' },
    defaultRadius: 'md',
    cursorType: 'pointer',
    components: {
      Button: { defaultProps: { radius: 'md' } },
      Card: { defaultProps: { radius: 'lg' } },
      Paper: { defaultProps: { radius: 'lg' } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showCharacters') } },
      },
    },
  });
