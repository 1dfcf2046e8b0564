import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  IconArrowRight,
  IconBan,
  IconExternal,
  IconMail,
  IconPhone,
  IconSiren,
} from '../../../../web/src/icons.tsx';
import type { Contact, Phase, Referral, TopicSummary } from './guide-api.ts';
import { useReferrals } from './guide-api.ts';

/** One way to reach an organisation, as a button that calls, mails or opens the page. */
export function ContactButton({ contact, compact }: { contact: Contact; compact?: boolean }) {
  const { t } = useTranslation();
  const external = contact.kind === 'web';
  const icon =
    contact.kind === 'phone' ? (
      <IconPhone size={18} />
    ) : contact.kind === 'email' ? (
      <IconMail size={18} />
    ) : (
      <IconExternal size={18} />
    );
  return (
    <Stack gap={2} className="guide-contact">
      <Button
        component="a"
        href={contact.href}
        target={external ? '_blank' : undefined}
        rel={external ? 'noopener noreferrer' : undefined}
        variant={contact.kind === 'phone' ? 'filled' : contact.kind === 'web' ? 'default' : 'light'}
        color={contact.urgent ? 'red' : contact.kind === 'phone' ? 'brand' : 'gray'}
        leftSection={icon}
        size="md"
        styles={{
          root: { height: 'auto', minHeight: 44, paddingBlock: compact ? 4 : 8 },
          label: { whiteSpace: 'normal' },
        }}
        aria-label={compact ? `${contact.label} ${contact.value}` : undefined}
      >
        {compact ? (
          <Text span fw={800} fz="lg">
            {contact.value}
          </Text>
        ) : (
          <Stack gap={0} align="flex-start">
            <Text
              span
              size={contact.kind === 'web' ? 'sm' : 'xs'}
              fw={contact.kind === 'web' ? 700 : 500}
              lh={1.3}
            >
              {contact.label}
            </Text>
            {contact.kind === 'web' ? null : (
              <Text span fw={800} fz={contact.kind === 'phone' ? 'lg' : 'sm'} lh={1.3}>
                {contact.value}
              </Text>
            )}
          </Stack>
        )}
      </Button>
      {compact ? (
        <Text size="xs" c="dimmed" maw={200} lh={1.3}>
          {contact.label}
        </Text>
      ) : null}
      {contact.hours ? (
        <Text size="xs" c="dimmed">
          {contact.hours}
        </Text>
      ) : null}
      {contact.check ? (
        <Text size="xs" c="orange.8">
          {t('guide.contact.check')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** An outside organisation: what it does for you and how to reach it. */
export function ReferralCard({ referral, heading }: { referral: Referral; heading?: ReactNode }) {
  const { t } = useTranslation();
  const hasWeb = referral.contacts.some((c) => c.kind === 'web');
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      className="guide-referral"
      data-testid={`referral-${referral.id}`}
    >
      <Stack gap="xs">
        {heading}
        <Title order={4} size="h5">
          {referral.name}
        </Title>
        <Text size="sm" c="dimmed">
          {referral.about}
        </Text>
        <Group gap="sm" align="flex-start">
          {referral.contacts.map((c) => (
            <ContactButton key={`${c.kind}-${c.value}`} contact={c} />
          ))}
          {referral.url && !hasWeb ? (
            <Button
              component="a"
              href={referral.url}
              target="_blank"
              rel="noopener noreferrer"
              variant="default"
              leftSection={<IconExternal size={18} />}
              size="md"
            >
              {t('guide.contact.website')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** The red box: what makes things worse. */
export function DontBox({ items }: { items: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      icon={<IconBan size={22} />}
      title={t('guide.dontTitle')}
      data-testid="guide-dont"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <List spacing={6} size="md">
        {items.map((x) => (
          <List.Item key={x}>{x}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function PhaseTitle({ phase, n }: { phase: Phase; n: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" mb="xs">
      <ThemeIcon size={34} radius="xl" color={phase === 'first' ? 'red' : 'brand'}>
        <Text fw={800}>{n}</Text>
      </ThemeIcon>
      <div>
        <Title order={2} size="h3">
          {t(`guide.phase.${phase}.title`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`guide.phase.${phase}.lead`)}
        </Text>
      </div>
    </Group>
  );
}

/** The police numbers (from the referral map), always in sight when something is happening. */
export function EmergencyStrip() {
  const { t } = useTranslation();
  const refs = useReferrals('ransomware');
  const police = refs.data?.items.find((r) => r.id === 'police');
  // 110 first: the strip is for emergencies; #9110 is the calmer line beside it.
  const phones = [...(police?.contacts.filter((c) => c.kind === 'phone') ?? [])].reverse();
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      bg="red.0"
      className="guide-emergency"
      data-testid="guide-emergency"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color="red" size={32} radius="xl" visibleFrom="xs">
          <IconSiren size={18} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={700} size="sm">
            {t('guide.emergency.text')}
          </Text>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            {phones.map((c) => (
              <ContactButton key={c.value} contact={c} compact />
            ))}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

export function TopicCard({ topic, to, action }: { topic: TopicSummary; to: string; action?: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" className="guide-topic-card" data-testid={`topic-${topic.id}`}>
      <Stack gap="xs" h="100%">
        <Title order={3} size="h4">
          <Anchor component={Link} to={to} className="guide-stretch" c="inherit" fw={700}>
            {topic.title}
          </Anchor>
        </Title>
        <Text size="sm">{topic.summary}</Text>
        <List size="sm" c="dimmed" spacing={2}>
          {topic.signs.slice(0, 2).map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
        <Group justify="space-between" mt="auto" pt="xs">
          {action ? <div className="guide-card-action">{action}</div> : <span />}
          <ThemeIcon variant="light" radius="xl" size={30}>
            <IconArrowRight size={16} />
          </ThemeIcon>
        </Group>
      </Stack>
    </Card>
  );
}

export function RankBadge({ rank }: { rank: number }) {
  const { t } = useTranslation();
  return (
    <Badge size="lg" radius="sm" color={rank <= 3 ? 'red' : 'brand'} variant={rank <= 3 ? 'filled' : 'light'}>
      {t('guide.threats.rank', { rank })}
    </Badge>
  );
}
