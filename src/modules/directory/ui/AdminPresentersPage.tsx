import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  ADMIN_PRESENTERS_KEY,
  type MyPresenter,
  prefectureNames,
  useAdminPresenters,
} from './directory-api.ts';
import { PresenterStatusBadge } from './MyPresenterPage.tsx';
import { QualificationBadges } from './PresentersPage.tsx';

/** /admin/presenters — the operator approves or rejects presenter applications. */
export function AdminPresentersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = params.get('status') === 'all' ? 'all' : 'pending';
  const list = useAdminPresenters();
  const items = (list.data?.items ?? []).filter((p) => filter === 'all' || p.status === 'pending');
  return (
    <>
      <PageHeader title={t('directory.admin.title')} description={t('directory.admin.lead')} />
      <Group mb="md" gap="sm">
        <Text component="span" size="sm" fw={500} id="admin-presenter-filter">
          {t('directory.admin.filter')}
        </Text>
        <SegmentedControl
          aria-labelledby="admin-presenter-filter"
          value={filter}
          onChange={(v) => setParams(v === 'all' ? { status: 'all' } : {})}
          data={[
            { value: 'pending', label: t('directory.admin.pending') },
            { value: 'all', label: t('directory.admin.all') },
          ]}
        />
      </Group>
      {list.isPending ? (
        <Skeleton h={200} radius="md" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {filter === 'pending' ? t('directory.admin.emptyPending') : t('directory.admin.empty')}
          </Text>
        </Card>
      ) : (
        <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((p) => (
            <ApplicationCard key={`${p.id}-${p.status}`} presenter={p} />
          ))}
        </Stack>
      )}
    </>
  );
}

function ApplicationCard({ presenter: p }: { presenter: MyPresenter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: (decision: 'approved' | 'rejected') =>
      api<MyPresenter>(`/api/v1/admin/presenters/${p.id}/review`, {
        method: 'POST',
        body: { decision, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: async (_r, decision) => {
      notifications.show({ color: 'teal', message: t(`directory.admin.done.${decision}`, { name: p.name }) });
      await qc.invalidateQueries({ queryKey: ADMIN_PRESENTERS_KEY });
      await qc.invalidateQueries({ queryKey: ['presenters'] });
    },
  });
  const headingId = `admin-presenter-${p.id}`;
  return (
    <Card component="li" withBorder padding="lg" radius="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Text size="xs" c="dimmed">
            {p.kana}
          </Text>
          <Title order={2} size="h4" id={headingId}>
            {p.name}
          </Title>
          <Text size="sm" c="dimmed">
            {[p.affiliation, p.email].filter(Boolean).join('・')}
          </Text>
        </div>
        <PresenterStatusBadge status={p.status} />
      </Group>
      <Stack gap="xs" mt="sm">
        <QualificationBadges presenter={p} />
        <Text size="sm">
          <Text component="span" size="sm" c="dimmed">
            {t('directory.fields.prefectures')}：
          </Text>
          {prefectureNames(p.prefectures, lang, t)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.pr}
        </Text>
        {p.reviewNote ? (
          <Text size="sm" c="dimmed">
            {t('directory.mine.reviewNote')}
            {p.reviewNote}
          </Text>
        ) : null}
        {p.status === 'approved' ? (
          <Anchor component={Link} to={`/presenters/${p.id}`} size="sm">
            {t('directory.mine.viewPublic')}
          </Anchor>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md" spacing="md">
        <Textarea
          label={t('directory.admin.note', { name: p.name })}
          description={t('directory.admin.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Stack justify="flex-end" gap="xs">
          {review.isError ? (
            <Alert color="red" role="alert" p="xs">
              {errorMessage(review.error)}
            </Alert>
          ) : null}
          <Group gap="xs" justify="flex-end">
            <Button
              color="red"
              variant="light"
              onClick={() => review.mutate('rejected')}
              loading={review.isPending && review.variables === 'rejected'}
              disabled={review.isPending}
              aria-label={t('directory.admin.rejectNamed', { name: p.name })}
            >
              {t('directory.admin.reject')}
            </Button>
            <Button
              color="teal"
              onClick={() => review.mutate('approved')}
              loading={review.isPending && review.variables === 'approved'}
              disabled={review.isPending}
              aria-label={t('directory.admin.approveNamed', { name: p.name })}
            >
              {t('directory.admin.approve')}
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
