import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconBook, IconBuilding, IconCheck } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { ActionForm } from './ActionForm.tsx';
import { type Corner, type OwnerAction, useCorner } from './owners-api.ts';
import { ProgressSummary, ReviewBadge, StatusBadge } from './parts.tsx';

/** /orgs/:orgId/owners — the owner's corner: where things stand, the 3 principles, the 7 actions. */
export function OwnersCornerPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const corner = useCorner(orgId);
  const [recording, setRecording] = useState<OwnerAction | null>(null);
  const loaded = !!corner.data;

  // Mail links end in #action-N: bring that action into view once the list is there.
  useEffect(() => {
    if (!loaded) return;
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  const header = (
    <PageHeader
      title={t('owners.corner.title')}
      description={t('owners.corner.lead')}
      actions={
        <Button component={Link} to="/owners/why" variant="light" leftSection={<IconBook size={16} />}>
          {t('owners.corner.whyLink')}
        </Button>
      }
    />
  );
  if (corner.isPending) return <PageLoader />;
  if (corner.isError)
    return (
      <>
        {header}
        <ErrorAlert error={corner.error} />
      </>
    );
  const c = corner.data;
  const userId = me.data?.user.id;
  const mayRecord = (a: OwnerAction) => c.canEdit || (!!userId && a.responsibleUserId === userId);

  return (
    <>
      {header}
      <Stack gap="xl">
        <Where corner={c} />
        {!c.canEdit ? (
          <Alert color="gray" variant="light">
            {t('owners.corner.readOnly')}
          </Alert>
        ) : null}
        <Principles corner={c} />
        <Box component="section" aria-labelledby="owners-actions-title">
          <Title order={2} size="h3" id="owners-actions-title">
            {t('owners.corner.actionsTitle')}
          </Title>
          <Text c="dimmed" size="sm" mt={4} mb="md">
            {t('owners.corner.actionsLead')}
          </Text>
          <Stack gap="md">
            {c.actions.map((a) => (
              <ActionCard
                key={a.no}
                action={a}
                isNext={a.no === c.summary.next}
                onRecord={mayRecord(a) ? () => setRecording(a) : undefined}
              />
            ))}
          </Stack>
        </Box>
        {c.canEdit ? <ContractorsCard orgId={orgId} corner={c} /> : null}
      </Stack>
      <ActionForm orgId={orgId} action={recording} full={c.canEdit} onClose={() => setRecording(null)} />
    </>
  );
}

function Where({ corner }: { corner: Corner }) {
  const { t } = useTranslation();
  const next = corner.actions.find((a) => a.no === corner.summary.next);
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="owners-where-title"
      data-testid="owners-progress"
    >
      <Title order={2} size="h4" id="owners-where-title" mb="sm">
        {t('owners.corner.progressTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProgressSummary summary={corner.summary} />
        {next ? (
          <Card padding="md" radius="md" bg={next.overdue || next.dueToday ? 'red.0' : 'brand.0'}>
            <Stack gap={6}>
              <Group gap="xs">
                <Text size="sm" fw={700} c={next.overdue || next.dueToday ? 'red.8' : 'brand.8'}>
                  {t('owners.corner.nextTitle')}
                </Text>
                {next.overdue || next.dueToday ? (
                  <Badge tt="none" color="red" variant="light" size="sm">
                    {t('owners.corner.nextOverdue')}
                  </Badge>
                ) : null}
              </Group>
              <Text fw={700} fz="lg">
                {t('owners.corner.actionNo', { no: next.no })}　{next.title}
              </Text>
              <Text size="sm">{next.steps[0]}</Text>
              <Group mt={4}>
                <Button
                  component="a"
                  href={`#action-${next.no}`}
                  size="sm"
                  rightSection={<IconArrowRight size={14} />}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(`action-${next.no}`)?.scrollIntoView({ behavior: 'smooth' });
                  }}
                >
                  {t('owners.corner.openAction')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : (
          <Alert color="teal" variant="light" icon={<IconCheck />}>
            {t('owners.corner.allDone')}
          </Alert>
        )}
      </SimpleGrid>
    </Card>
  );
}

function Principles({ corner }: { corner: Corner }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="owners-principles-title">
      <Title order={2} size="h3" id="owners-principles-title" mb="md">
        {t('owners.corner.principlesTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {corner.principles.map((p) => (
          <Card key={p.no} withBorder padding="md" radius="md">
            <Text size="xs" c="brand.7" fw={700}>
              {t('owners.corner.principleNo', { no: p.no })}
            </Text>
            <Text fw={700} mt={2} mb={6}>
              {p.title}
            </Text>
            <Text size="sm" c="dimmed">
              {p.body}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function ActionCard(props: { action: OwnerAction; isNext: boolean; onRecord: (() => void) | undefined }) {
  const { action: a, isNext, onRecord } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const late = a.overdue || a.dueToday;
  // A finished action shows only its record; what it asks for is one click away.
  const [open, setOpen] = useState(a.status !== 'done' || late);
  const edge = late
    ? 'red-6'
    : a.status === 'done'
      ? 'teal-6'
      : a.status === 'in_progress'
        ? 'brand-4'
        : 'gray-3';
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="article"
      id={`action-${a.no}`}
      aria-labelledby={`action-${a.no}-title`}
      data-testid={`action-${a.no}`}
      style={{ scrollMarginTop: 80, borderLeft: `5px solid var(--mantine-color-${edge})` }}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon
          size={36}
          radius="xl"
          variant={a.status === 'done' ? 'filled' : 'light'}
          color={a.status === 'done' ? 'teal' : 'brand'}
          aria-hidden
          style={{ flexShrink: 0 }}
        >
          {a.status === 'done' ? <IconCheck size={18} /> : <Text fw={800}>{a.no}</Text>}
        </ThemeIcon>
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Group gap={8} mb={2}>
            <Text size="xs" c="dimmed">
              {t('owners.corner.actionNo', { no: a.no })}
            </Text>
            <StatusBadge status={a.status} />
            <ReviewBadge action={a} />
          </Group>
          <Title order={3} size="h4" id={`action-${a.no}-title`} lh={1.4}>
            {a.title}
          </Title>
        </Box>
      </Group>

      {open ? (
        <Box mt="sm">
          <Text size="sm">{a.why}</Text>
          <Text size="sm" fw={700} mt="sm" mb={4}>
            {t('owners.corner.steps')}
          </Text>
          <List size="sm" spacing={4}>
            {a.steps.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
          <Group gap="xs" mt="md">
            {a.links.map((l) => (
              <Button
                key={l.path}
                component={Link}
                to={l.path}
                size="xs"
                variant="light"
                rightSection={<IconArrowRight size={12} />}
              >
                {l.label}
              </Button>
            ))}
          </Group>
        </Box>
      ) : (
        <Box mt="xs">
          <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)}>
            {t('owners.corner.showSteps')}
          </Anchor>
        </Box>
      )}

      <Box mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Group gap="lg" style={{ rowGap: 4 }}>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('owners.corner.responsible')}:{' '}
              </Text>
              <Text span fw={600} size="sm" data-testid={`action-${a.no}-responsible`}>
                {a.responsibleName ?? t('owners.corner.noResponsible')}
              </Text>
            </Text>
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('owners.corner.review')}:{' '}
              </Text>
              <Text
                span
                fw={600}
                size="sm"
                c={late ? 'red.8' : undefined}
                data-testid={`action-${a.no}-review`}
              >
                {a.reviewDate ? formatDate(a.reviewDate, lang) : t('owners.corner.noReview')}
              </Text>
            </Text>
          </Group>
          {onRecord ? (
            <Button
              size="sm"
              variant={isNext || late ? 'filled' : 'default'}
              onClick={onRecord}
              aria-label={t('owners.corner.recordFor', { no: a.no, title: a.title })}
            >
              {t('owners.corner.record')}
            </Button>
          ) : null}
        </Group>
        {a.note ? (
          <Text size="sm" c="dimmed" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
            {t('owners.corner.note')}: {a.note}
          </Text>
        ) : null}
      </Box>
    </Card>
  );
}

function ContractorsCard({ orgId, corner }: { orgId: string; corner: Corner }) {
  const { t } = useTranslation();
  const s = corner.contractors;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="owners-contractors-title">
      <Group gap="sm" mb="xs" wrap="nowrap">
        <ThemeIcon size={36} radius="md" variant="light" color="grape" aria-hidden>
          <IconBuilding size={20} />
        </ThemeIcon>
        <Title order={2} size="h4" id="owners-contractors-title">
          {t('owners.corner.contractorsTitle')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('owners.corner.contractorsLead')}
      </Text>
      {s.total === 0 ? (
        <Text size="sm" mb="sm">
          {t('owners.corner.contractorsEmpty')}
        </Text>
      ) : (
        <Group gap="xs" mb="sm">
          <Badge tt="none" variant="light" color="gray">
            {t('owners.corner.contractorsCount', { count: s.total })}
          </Badge>
          {s.withoutTerms > 0 ? (
            <Badge tt="none" variant="light" color="red">
              {t('owners.corner.contractorsNoTerms', { count: s.withoutTerms })}
            </Badge>
          ) : null}
          {s.unknownTerms > 0 ? (
            <Badge tt="none" variant="light" color="yellow">
              {t('owners.corner.contractorsUnknownTerms', { count: s.unknownTerms })}
            </Badge>
          ) : null}
        </Group>
      )}
      <Anchor component={Link} to={`/orgs/${orgId}/owners/contractors`} fw={600}>
        {t('owners.corner.contractorsOpen')} →
      </Anchor>
    </Card>
  );
}
