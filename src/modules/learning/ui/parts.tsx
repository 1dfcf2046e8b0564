import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconClock, IconDownload, IconExternal } from '../../../../web/src/icons.tsx';
import {
  type Certificate,
  certificatePageUrl,
  certificatePdfUrl,
  type ThemeStatus,
  type ThemeSummary,
} from './learning-api.ts';

const STATUS_COLOR: Record<ThemeStatus, string> = { new: 'gray', trying: 'yellow', done: 'teal' };

/** 未着手 / 挑戦中 / 修了 ✓ */
export function StatusBadge({ status }: { status: ThemeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant={status === 'done' ? 'filled' : 'light'}
      style={{ flexShrink: 0 }}
    >
      {t(`learning.status.${status}`)}
    </Badge>
  );
}

export function MinutesLabel({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" c="dimmed">
      <IconClock size={14} />
      <Text size="xs" c="dimmed">
        {t('learning.minutes', { count: minutes })}
      </Text>
    </Group>
  );
}

/** One theme in a list: the whole card opens the lesson (the title is the link). */
export function ThemeCard(props: {
  theme: ThemeSummary;
  to: string;
  status?: ThemeStatus;
  recommended?: boolean;
}) {
  const { t } = useTranslation();
  const { theme, to, status, recommended } = props;
  return (
    <Card
      withBorder
      padding="md"
      className="learn-theme-card"
      data-status={status}
      data-testid={`theme-${theme.id}`}
      component="article"
    >
      <Stack gap={6} h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6}>
            <Badge variant="outline" color="gray" size="sm" radius="sm">
              {t('learning.itemNo', { no: theme.item })}
            </Badge>
            {recommended ? (
              <Badge color="orange" variant="light" size="sm">
                {t('learning.recommendedBadge')}
              </Badge>
            ) : null}
          </Group>
          {status ? <StatusBadge status={status} /> : null}
        </Group>
        <Title order={3} size="h5" lh={1.45}>
          <Anchor component={Link} to={to} c="inherit" className="learn-stretch" underline="never">
            {theme.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {theme.summary}
        </Text>
        <MinutesLabel minutes={theme.minutes} />
      </Stack>
    </Card>
  );
}

export function courseLabel(t: (k: string) => string, course: string): string {
  return t(`learning.courseNames.${course === 'owner' || course === 'employee' ? course : 'all'}`);
}

/** Download the PDF and open the public verification page of one certificate. */
export function CertificateActions({
  orgId,
  cert,
  size = 'sm',
}: {
  orgId: string;
  cert: Certificate;
  size?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={certificatePdfUrl(orgId, cert.code)}
        target="_blank"
        rel="noopener"
        size={size}
        leftSection={<IconDownload size={16} />}
      >
        {t('learning.certificates.download')}
      </Button>
      <Button
        component="a"
        href={certificatePageUrl(cert.code)}
        target="_blank"
        rel="noopener"
        size={size}
        variant="default"
        leftSection={<IconExternal size={16} />}
      >
        {t('learning.certificates.verifyPage')}
      </Button>
    </Group>
  );
}

/** A titled card section; the heading names the region. */
export function Section(props: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={props.id}>
      <Group justify="space-between" align="flex-start" mb={props.lead ? 4 : 'md'} gap="sm">
        <Title order={2} size="h4" id={props.id}>
          {props.title}
        </Title>
        {props.actions}
      </Group>
      {props.lead ? (
        <Text size="sm" c="dimmed" mb="md">
          {props.lead}
        </Text>
      ) : null}
      {props.children}
    </Card>
  );
}
