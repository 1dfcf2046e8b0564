import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Grid,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconAlert,
  IconArrowRight,
  IconCheck,
  IconCopy,
  IconShieldCheck,
} from '../../../../web/src/icons.tsx';
import {
  canDeclare,
  type Declaration,
  type DeclarationOverview,
  declarationsKey,
  pathOf,
  REGISTRY_KEY,
  useDeclarations,
  useOrgRole,
} from './declaration-api.ts';
import { LevelBadge, Stars, StatusBadge } from './Stars.tsx';

/** /orgs/:orgId/declaration — declare ★ or ★★, show the badge, withdraw, history. */
export function DeclarationPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const data = useDeclarations(orgId);
  const role = useOrgRole(orgId);
  if (data.isPending) return <PageLoader />;
  if (data.isError)
    return (
      <>
        <PageHeader title={t('declaration.page.title')} />
        <ErrorAlert error={data.error} />
      </>
    );
  const d = data.data;
  const manage = canDeclare(role);
  return (
    <>
      <PageHeader title={t('declaration.page.title')} description={t('declaration.page.lead')} />
      <Stack gap="lg">
        <Intro />
        {!manage ? (
          <Alert color="gray" variant="light">
            {t('declaration.page.readOnly')}
          </Alert>
        ) : null}
        {d.current && d.badge ? <CurrentCard orgId={orgId} data={d} manage={manage} /> : null}
        <OneStarSection orgId={orgId} data={d} manage={manage} />
        <TwoStarSection orgId={orgId} data={d} manage={manage} />
        {d.history.length > 0 ? <History history={d.history} /> : null}
      </Stack>
    </>
  );
}

function Intro() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decl-intro-title">
      <Group gap="md" align="flex-start" wrap="nowrap">
        <ThemeIcon size={44} radius="xl" variant="light" visibleFrom="xs">
          <IconShieldCheck size={24} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Title order={2} size="h4" id="decl-intro-title">
            {t('declaration.intro.title')}
          </Title>
          <Text size="sm">{t('declaration.intro.line1')}</Text>
          <Text size="sm">{t('declaration.intro.line2')}</Text>
          <Text size="sm">{t('declaration.intro.line3')}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('declaration.intro.note')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

async function refresh(qc: ReturnType<typeof useQueryClient>, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: declarationsKey(orgId) }),
    qc.invalidateQueries({ queryKey: REGISTRY_KEY }),
  ]);
}

function OneStarSection({
  orgId,
  data,
  manage,
}: {
  orgId: string;
  data: DeclarationOverview;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const current = data.current;
  const declared = Boolean(current);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const all = data.principles.every((p) => ticked.has(p.no));
  const declare = useMutation({
    mutationFn: () =>
      api<{ id: string; star: number }>(`/api/v1/orgs/${orgId}/declarations`, {
        method: 'POST',
        body: { star: 1, pledges: data.principles.map((p) => p.no) },
      }),
    onSuccess: async (res) => {
      notifications.show({ color: 'teal', message: t('declaration.oneStar.done', { id: res.id }) });
      await refresh(qc, orgId);
    },
  });
  const toggle = (no: number, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(no);
      else next.delete(no);
      return next;
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decl-one-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h3" id="decl-one-title">
          <Stars star={1} mr={6} />
          {t('declaration.oneStar.title')}
        </Title>
        {current?.star === 1 ? <StatusBadge status="active" /> : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('declaration.oneStar.lead')}
      </Text>
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {data.principles.map((p) => {
          const checked = declared || ticked.has(p.no);
          return (
            <Box
              component="li"
              key={p.no}
              p={{ base: 'sm', sm: 'md' }}
              style={{
                border: `1px solid var(--mantine-color-${checked ? 'teal-3' : 'gray-3'})`,
                borderRadius: 'var(--mantine-radius-md)',
                background: checked ? 'var(--mantine-color-teal-0)' : undefined,
              }}
            >
              <Group align="flex-start" gap="md" wrap="nowrap">
                <ThemeIcon size={32} radius="xl" variant={checked ? 'filled' : 'light'} color="teal">
                  <Text fw={700} size="sm" c={checked ? 'white' : 'teal.8'}>
                    {p.no}
                  </Text>
                </ThemeIcon>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={700}>{p.title}</Text>
                  <Text size="sm" c="dimmed">
                    {p.practice}
                  </Text>
                  <Checkbox
                    mt={6}
                    label={t('declaration.oneStar.pledge')}
                    aria-label={t('declaration.oneStar.pledgeNamed', { no: p.no, title: p.title })}
                    checked={checked}
                    disabled={declared || !manage}
                    onChange={(e) => toggle(p.no, e.currentTarget.checked)}
                    color="teal"
                  />
                </Stack>
              </Group>
            </Box>
          );
        })}
      </Stack>
      {current?.star === 2 ? (
        <Text size="sm" c="dimmed" mt="md">
          {t('declaration.oneStar.coveredByTwo')}
        </Text>
      ) : current?.star === 1 ? (
        <Alert color="teal" variant="light" icon={<IconCheck />} mt="md">
          {t('declaration.oneStar.declared', { date: formatDate(current.declaredAt, lang) })}
        </Alert>
      ) : manage ? (
        <Stack gap="xs" mt="md">
          {declare.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(declare.error)}
            </Alert>
          ) : null}
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
              {all ? t('declaration.publicNote') : t('declaration.oneStar.tickAll', { count: ticked.size })}
            </Text>
            <Button size="md" disabled={!all} loading={declare.isPending} onClick={() => declare.mutate()}>
              {t('declaration.oneStar.declare')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

function Requirement(props: {
  ok: boolean;
  title: string;
  detail: ReactNode;
  action?: ReactNode;
  serverText?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Box
      component="li"
      p={{ base: 'sm', sm: 'md' }}
      style={{
        border: `1px solid var(--mantine-color-${props.ok ? 'teal-3' : 'orange-3'})`,
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      <Group align="flex-start" gap="md" wrap="nowrap">
        <ThemeIcon size={32} radius="xl" color={props.ok ? 'teal' : 'orange'} variant="filled">
          {props.ok ? <IconCheck size={18} /> : <Text fw={800}>✗</Text>}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={700}>
            {props.title}
            <Text component="span" size="sm" fw={600} c={props.ok ? 'teal.8' : 'orange.8'} ml={8}>
              {props.ok ? t('declaration.twoStar.done') : t('declaration.twoStar.notYet')}
            </Text>
          </Text>
          <Text size="sm" c="dimmed">
            {props.detail}
          </Text>
          {props.serverText ? (
            <Text size="sm" c="red.8" role="alert">
              {props.serverText}
            </Text>
          ) : null}
          {props.action}
        </Stack>
      </Group>
    </Box>
  );
}

function TwoStarSection({
  orgId,
  data,
  manage,
}: {
  orgId: string;
  data: DeclarationOverview;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { diagnosis, policy, current } = data;
  const ready = diagnosis.ok && policy.ok;
  const declare = useMutation({
    mutationFn: () =>
      api<{ id: string; star: number }>(`/api/v1/orgs/${orgId}/declarations`, {
        method: 'POST',
        body: { star: 2 },
      }),
    onSuccess: async (res) => {
      notifications.show({ color: 'teal', message: t('declaration.twoStar.doneMessage', { id: res.id }) });
      await refresh(qc, orgId);
    },
  });
  const fields = declare.error instanceof ApiError ? declare.error.fields : {};

  const diagnosisDetail = diagnosis.ok
    ? t('declaration.twoStar.diagnosisOk', { date: formatDate(diagnosis.at, lang) })
    : diagnosis.at
      ? t('declaration.twoStar.diagnosisOld', { date: formatDate(diagnosis.at, lang) })
      : t('declaration.twoStar.diagnosisMissing');
  const policyDetail = policy.ok ? (
    <>
      {t('declaration.twoStar.policyOk')}{' '}
      {policy.url ? (
        <Anchor href={policy.url} target="_blank" rel="noopener noreferrer" size="sm">
          {t('declaration.twoStar.policyOpen')}
        </Anchor>
      ) : null}
    </>
  ) : (
    t('declaration.twoStar.policyMissing')
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decl-two-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h3" id="decl-two-title">
          <Stars star={2} mr={6} />
          {t('declaration.twoStar.title')}
        </Title>
        {current?.star === 2 ? <StatusBadge status="active" /> : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('declaration.twoStar.lead')}
      </Text>
      <Stack
        gap="sm"
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('declaration.twoStar.checklist')}
      >
        <Requirement
          ok={diagnosis.ok}
          title={t('declaration.twoStar.diagnosis')}
          detail={diagnosisDetail}
          serverText={fields.diagnosis}
          action={
            diagnosis.ok ? null : (
              <Group>
                <Button
                  component={Link}
                  to={diagnosis.link ?? '/diagnosis'}
                  variant="light"
                  size="sm"
                  rightSection={<IconArrowRight size={14} />}
                >
                  {t('declaration.twoStar.doDiagnosis')}
                </Button>
              </Group>
            )
          }
        />
        <Requirement
          ok={policy.ok}
          title={t('declaration.twoStar.policy')}
          detail={policyDetail}
          serverText={fields.policy}
          action={
            policy.ok ? null : (
              <Group>
                <Button
                  component={Link}
                  to={policy.link ?? `/orgs/${orgId}/policies`}
                  variant="light"
                  size="sm"
                  rightSection={<IconArrowRight size={14} />}
                >
                  {t('declaration.twoStar.doPolicy')}
                </Button>
              </Group>
            )
          }
        />
      </Stack>
      {current?.star === 2 ? (
        <Alert color="teal" variant="light" icon={<IconCheck />} mt="md">
          {t('declaration.twoStar.declared', { date: formatDate(current.declaredAt, lang) })}
        </Alert>
      ) : manage ? (
        <Stack gap="xs" mt="md">
          {declare.isError ? (
            <Alert color="red" role="alert" icon={<IconAlert />}>
              {errorMessage(declare.error)}
            </Alert>
          ) : null}
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
              {ready
                ? current?.star === 1
                  ? t('declaration.twoStar.replacesOne')
                  : t('declaration.publicNote')
                : t('declaration.twoStar.notReady')}
            </Text>
            <Button size="md" disabled={!ready} loading={declare.isPending} onClick={() => declare.mutate()}>
              {t('declaration.twoStar.declare')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

function CurrentCard({ orgId, data, manage }: { orgId: string; data: DeclarationOverview; manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const current = data.current as Declaration;
  const badge = data.badge as NonNullable<DeclarationOverview['badge']>;
  const withdraw = useMutation({
    mutationFn: () =>
      api<Declaration>(`/api/v1/orgs/${orgId}/declarations/${current.id}/withdraw`, { method: 'POST' }),
    onSuccess: async () => {
      setConfirm(false);
      notifications.show({ color: 'gray', message: t('declaration.current.withdrawn') });
      await refresh(qc, orgId);
    },
  });
  const rows: [string, ReactNode][] = [
    [t('declaration.current.level'), <LevelBadge key="l" star={current.star} size="lg" />],
    [
      t('declaration.current.id'),
      <Group key="id" gap={6} wrap="nowrap">
        <Text component="span" ff="monospace" fw={700} data-testid="declaration-id">
          {current.id}
        </Text>
        <CopyButton value={current.id}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={copy}
              aria-label={t('declaration.current.copyId')}
              leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            >
              {copied ? t('common.copied') : t('declaration.current.copyShort')}
            </Button>
          )}
        </CopyButton>
      </Group>,
    ],
    [t('declaration.current.date'), formatDate(current.declaredAt, lang)],
    [t('declaration.current.status'), <StatusBadge key="s" status={current.status} />],
  ];
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="decl-current-title"
      style={{ borderColor: 'var(--mantine-color-teal-4)', borderWidth: 2 }}
    >
      <Title order={2} size="h3" id="decl-current-title" mb="md">
        {t('declaration.current.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Box
            component="dl"
            m={0}
            style={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              columnGap: 'var(--mantine-spacing-md)',
              rowGap: 'var(--mantine-spacing-sm)',
              alignItems: 'center',
            }}
          >
            {rows.map(([label, value]) => (
              <Fragment key={label}>
                <Text component="dt" size="sm" c="dimmed">
                  {label}
                </Text>
                <Box component="dd" m={0} style={{ minWidth: 0 }}>
                  {typeof value === 'string' ? <Text fw={600}>{value}</Text> : value}
                </Box>
              </Fragment>
            ))}
          </Box>
          <Group mt="lg" gap="sm">
            <Button
              component="a"
              href={badge.verifyUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="light"
              rightSection={<IconArrowRight size={14} />}
            >
              {t('declaration.current.openVerify')}
            </Button>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm" fw={600}>
              {t('declaration.current.badgeTitle')}
            </Text>
            <Box p="sm" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)', maxWidth: '100%' }}>
              <img
                src={`${pathOf(badge.svgUrl)}?lang=${lang}`}
                alt={t('declaration.current.badgeAlt', {
                  stars: '★'.repeat(current.star),
                  name: current.orgName,
                })}
                width={360}
                height={132}
                style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
              />
            </Box>
            <Button
              component="a"
              href={`${pathOf(badge.pngUrl)}?lang=${lang}`}
              download={`${current.id}.png`}
              variant="default"
            >
              {t('declaration.current.savePng')}
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack gap="xs" mt="lg">
        <Text size="sm" fw={600} id="decl-snippet-label">
          {t('declaration.current.snippetTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('declaration.current.snippetLead')}
        </Text>
        <Code
          block
          aria-labelledby="decl-snippet-label"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          {badge.snippet}
        </Code>
        <Group>
          <CopyButton value={badge.snippet}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              >
                {copied ? t('common.copied') : t('declaration.current.copySnippet')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      {manage ? (
        <Group justify="flex-end" mt="lg">
          <Button variant="subtle" color="red" onClick={() => setConfirm(true)}>
            {t('declaration.current.withdraw')}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={confirm}
        onClose={() => setConfirm(false)}
        title={t('declaration.current.withdrawTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('declaration.current.withdrawBody', { id: current.id })}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('declaration.current.withdrawPoint1')}</List.Item>
            <List.Item>{t('declaration.current.withdrawPoint2')}</List.Item>
            <List.Item>{t('declaration.current.withdrawPoint3')}</List.Item>
          </List>
          {withdraw.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(withdraw.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
              {t('declaration.current.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function History({ history }: { history: Declaration[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decl-history-title">
      <Title order={2} size="h4" id="decl-history-title" mb="sm">
        {t('declaration.history.title')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('declaration.history.id')}</Table.Th>
              <Table.Th>{t('declaration.history.level')}</Table.Th>
              <Table.Th>{t('declaration.history.declaredAt')}</Table.Th>
              <Table.Th>{t('declaration.history.endedAt')}</Table.Th>
              <Table.Th>{t('declaration.history.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Anchor
                    href={`/verify/${h.id}`}
                    target="_blank"
                    rel="noopener noreferrer"
                    ff="monospace"
                    size="sm"
                  >
                    {h.id}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LevelBadge star={h.star} />
                </Table.Td>
                <Table.Td>{formatDate(h.declaredAt, lang)}</Table.Td>
                <Table.Td>{h.endedAt ? formatDate(h.endedAt, lang) : '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={h.status} superseded={Boolean(h.supersededBy)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
