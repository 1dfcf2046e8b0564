import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M32 4 8 13v17c0 15 10.4 26.4 24 30 13.6-3.6 24-15 24-30V13z" fill="#0b6e8a" />
      <path d="M32 4v56c13.6-3.6 24-15 24-30V13z" fill="#138a8a" />
      <path
        d="m21 32 8 8 15-16"
        fill="none"
        stroke="#fff"
        strokeWidth="6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Brand({ to = '/', inverted = false }: { to?: string; inverted?: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} aria-label={t('common.brandHome')}>
      <Group gap={8} wrap="nowrap">
        <BrandMark size={28} />
        <Text
          fw={800}
          fz={{ base: 16, sm: 20 }}
          c={inverted ? 'white' : 'brand.9'}
          style={{ whiteSpace: 'nowrap' }}
        >
          {t('common.appName')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
