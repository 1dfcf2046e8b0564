import { Button, useMatches } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Lang, setLang, useLang } from '../i18n.ts';
import { IconGlobe } from '../icons.tsx';

/** Switches between 日本語 and English; the button names the language it switches to. */
export function LanguageSwitch({
  variant = 'subtle',
  compact = false,
}: {
  variant?: 'subtle' | 'white' | 'default';
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const wide = useMatches({ base: false, sm: true });
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const label = other === 'en' ? 'English' : '日本語';
  return (
    <Button
      variant={variant}
      size={compact ? 'compact-sm' : 'sm'}
      leftSection={wide ? <IconGlobe size={16} /> : undefined}
      px={wide ? undefined : 8}
      onClick={() => void setLang(other)}
      lang={other}
      title={t('common.switchLanguage')}
    >
      {label}
    </Button>
  );
}
