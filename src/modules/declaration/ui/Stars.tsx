import { Badge, type BadgeProps, Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeclStatus } from './declaration-api.ts';

/** ★ / ★★ with the level in words for screen readers. */
export function Stars({ star, ...rest }: { star: number } & TextProps) {
  const { t } = useTranslation();
  const label = star === 2 ? t('declaration.level.twoStar') : t('declaration.level.oneStar');
  return (
    <Text component="span" c="yellow.7" fw={700} aria-label={label} title={label} role="img" {...rest}>
      {'★'.repeat(star)}
    </Text>
  );
}

/** "★★ 二つ星" as a badge. */
export function LevelBadge({ star, ...rest }: { star: number } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={star === 2 ? 'brand' : 'yellow'} {...rest}>
      <span aria-hidden="true">{'★'.repeat(star)} </span>
      {star === 2 ? t('declaration.level.twoStar') : t('declaration.level.oneStar')}
    </Badge>
  );
}

export function StatusBadge({ status, superseded }: { status: DeclStatus; superseded?: boolean }) {
  const { t } = useTranslation();
  const color = status === 'active' ? 'teal' : status === 'revoked' ? 'red' : 'gray';
  return (
    <Badge variant="light" color={color}>
      {superseded && status === 'withdrawn'
        ? t('declaration.status.superseded')
        : t(`declaration.status.${status}`)}
    </Badge>
  );
}
