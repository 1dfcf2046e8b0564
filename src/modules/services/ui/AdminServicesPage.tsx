import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight } from '../../../../web/src/icons.tsx';
import { CheckList, CheckSummaryText, ReviewHistory, StatusBadge, TierBadge, TypeBadge } from './parts.tsx';
import { ServiceFacts } from './ServiceFacts.tsx';
import {
  ADMIN_SERVICES_KEY,
  type AdminService,
  type ReviewAction,
  requirementsFor,
  type Standard,
  useAdminService,
  useAdminServices,
  useStandard,
} from './services-api.ts';

/** /admin/services — the operator's review queue. */
export function AdminServicesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const list = useAdminServices(status);
  return (
    <>
      <PageHeader title={t('services.admin.title')} description={t('services.admin.lead')} />
      <Group mb="md" gap="sm">
        <Text component="span" size="sm" fw={500} id="admin-svc-filter">
          {t('services.admin.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="admin-svc-filter"
          value={status}
          onChange={(v) => setParams(v === 'all' ? { status: 'all' } : {})}
          data={[
            { value: 'open', label: t('services.admin.open') },
            { value: 'all', label: t('services.admin.all') },
          ]}
        />
      </Group>
      {list.isPending ? (
        <Skeleton h={200} radius="md" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {status === 'open' ? t('services.admin.emptyOpen') : t('services.admin.empty')}
          </Text>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('services.admin.col.service')}</Table.Th>
                  <Table.Th miw={130}>{t('services.admin.col.status')}</Table.Th>
                  <Table.Th>{t('services.admin.col.checks')}</Table.Th>
                  <Table.Th>{t('services.admin.col.updated')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/services/${s.id}`} fw={700} size="sm">
                        {s.data.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {s.providerName}・{t(`services.tier.${s.data.tier}`)}・
                        {t(`services.type.${s.data.type}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} />
                      <Text size="xs" c="dimmed">
                        {t('services.provider.version', { version: s.currentVersion })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CheckSummaryText items={s.checks} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(s.updatedAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        component={Link}
                        to={`/admin/services/${s.id}`}
                        size="compact-sm"
                        variant="light"
                        rightSection={<IconArrowRight size={12} />}
                        aria-label={t('services.admin.openNamed', { name: s.data.name })}
                      >
                        {t('services.admin.openButton')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}

/** /admin/services/:id — the application, the automatic checks, comments per requirement, the decision. */
export function AdminServicePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const item = useAdminService(id);
  const standard = useStandard();
  if (item.isPending || standard.isPending) return <PageLoader />;
  if (item.isError || standard.isError)
    return (
      <>
        <PageHeader title={t('services.admin.title')} />
        <ErrorAlert error={item.error ?? standard.error} />
      </>
    );
  return <Review key={`${item.data.id}-${item.data.status}`} item={item.data} standard={standard.data} />;
}

const OPEN = ['submitted', 'in_review'];

function Review({ item, standard }: { item: AdminService; standard: Standard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ReviewAction | null>(null);
  const open = OPEN.includes(item.status);
  const order = standard.requirements.map((r) => r.id);
  const reqs = requirementsFor(standard, item.data.tier, item.data.type);
  const filled = Object.entries(comments)
    .filter(([, c]) => c.trim())
    .map(([requirementId, comment]) => ({ requirementId, comment: comment.trim() }));

  const review = useMutation({
    mutationFn: (action: ReviewAction) =>
      api<AdminService>(`/api/v1/admin/services/${item.id}/review`, {
        method: 'POST',
        body: { action, comments: filled, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: async (_res, action) => {
      setConfirm(null);
      notifications.show({
        color: 'teal',
        message: t(`services.admin.done.${action}`, { name: item.data.name }),
      });
      await qc.invalidateQueries({ queryKey: ADMIN_SERVICES_KEY });
    },
    onError: (err) => {
      setConfirm(null);
      if (err instanceof ApiError && err.fields.comments) setFieldError(err.fields.comments);
    },
  });

  const act = (action: ReviewAction) => {
    setFieldError(null);
    if (action === 'request_changes' && filled.length === 0) {
      setFieldError(t('services.admin.commentsRequired'));
      return;
    }
    if (action === 'approve' || action === 'reject') setConfirm(action);
    else review.mutate(action);
  };
  const byId = new Map(item.checks.map((c) => [c.id, c]));

  return (
    <>
      <Anchor component={Link} to="/admin/services" size="sm">
        {t('services.admin.back')}
      </Anchor>
      <PageHeader
        title={item.data.name}
        description={t('services.admin.meta', {
          provider: item.providerName,
          version: item.currentVersion,
          date: formatDateTime(item.updatedAt, lang),
        })}
        actions={<StatusBadge status={item.status} size="lg" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="admin-app-title">
              <Group gap={6} mb="xs">
                <TierBadge tier={item.data.tier} />
                <TypeBadge type={item.data.type} />
              </Group>
              <Title order={2} size="h4" id="admin-app-title">
                {t('services.admin.application')}
              </Title>
              <Text size="sm" fw={600} mt="xs">
                {item.data.summary}
              </Text>
              <Text size="sm" mt="xs" mb="lg" style={{ whiteSpace: 'pre-wrap' }}>
                {item.data.description}
              </Text>
              <ServiceFacts data={item.data} />
            </Card>
            <Card
              withBorder
              padding="lg"
              radius="md"
              component="section"
              aria-labelledby="admin-history-title"
            >
              <Title order={2} size="h4" id="admin-history-title" mb="md">
                {t('services.review.historyTitle')}
              </Title>
              <ReviewHistory reviews={item.reviews} order={order} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg" className="svc-sticky">
            <Card
              withBorder
              padding="lg"
              radius="md"
              component="section"
              aria-labelledby="admin-checks-title"
            >
              <Title order={2} size="h4" id="admin-checks-title">
                {t('services.admin.checksTitle')}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t('services.admin.checksLead', { version: standard.version })}
              </Text>
              <Box mb="sm">
                <CheckSummaryText items={item.checks} />
              </Box>
              <CheckList items={item.checks} compact />
            </Card>
            <Card
              withBorder
              padding="lg"
              radius="md"
              component="section"
              aria-labelledby="admin-decision-title"
            >
              <Title order={2} size="h4" id="admin-decision-title">
                {t('services.admin.decisionTitle')}
              </Title>
              {open ? (
                <Stack gap="md" mt="sm">
                  <Text size="sm" c="dimmed">
                    {t('services.admin.commentsLead')}
                  </Text>
                  {reqs.map((r) => {
                    const c = byId.get(r.id);
                    return (
                      <Textarea
                        key={r.id}
                        label={t('services.admin.commentFor', { title: r.title })}
                        description={c ? `${t(`services.check.${c.status}`)}：${c.message}` : r.description}
                        value={comments[r.id] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setComments((old) => ({ ...old, [r.id]: value }));
                          setFieldError(null);
                        }}
                        autosize
                        minRows={1}
                        maxLength={2000}
                      />
                    );
                  })}
                  <Textarea
                    label={t('services.admin.note') + t('common.optionalSuffix')}
                    description={t('services.admin.noteHint')}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                  {fieldError ? (
                    <Alert color="red" role="alert" p="sm">
                      {fieldError}
                    </Alert>
                  ) : review.isError ? (
                    <Alert color="red" role="alert" p="sm">
                      {errorMessage(review.error)}
                    </Alert>
                  ) : null}
                  <Group gap="xs">
                    {item.status === 'submitted' ? (
                      <Button
                        variant="default"
                        onClick={() => act('start_review')}
                        loading={review.isPending && review.variables === 'start_review'}
                      >
                        {t('services.admin.action.start_review')}
                      </Button>
                    ) : null}
                    <Button
                      color="orange"
                      variant="light"
                      onClick={() => act('request_changes')}
                      loading={review.isPending && review.variables === 'request_changes'}
                    >
                      {t('services.admin.action.request_changes')}
                    </Button>
                    <Button color="teal" onClick={() => act('approve')}>
                      {t('services.admin.action.approve')}
                    </Button>
                    <Button color="red" variant="subtle" onClick={() => act('reject')}>
                      {t('services.admin.action.reject')}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed" mt="sm">
                  {t('services.admin.closed', { status: t(`services.status.${item.status}`) })}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`services.admin.confirm.${confirm}Title`) : ''}
        centered
      >
        {confirm ? (
          <Stack gap="md">
            <Text size="sm">
              {t(`services.admin.confirm.${confirm}Body`, {
                name: item.data.name,
                provider: item.providerName,
              })}
            </Text>
            {confirm === 'approve' && !item.passed ? (
              <Alert color="orange" variant="light">
                {t('services.admin.confirm.failingChecks')}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={confirm === 'approve' ? 'teal' : 'red'}
                loading={review.isPending}
                onClick={() => review.mutate(confirm)}
                data-autofocus
              >
                {t(`services.admin.action.${confirm}`)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
