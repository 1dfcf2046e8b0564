import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  CopyButton,
  Divider,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  useMatches,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { formatDate, formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconCheck, IconCopy, IconFileText, IconGlobe } from '../../../../web/src/icons.tsx';
import { canManage } from '../../../../web/src/me.ts';
import {
  type DiffLine,
  exportUrl,
  type PolicyDocument,
  policiesKey,
  policyKey,
  useOrgRole,
} from './policy-api.ts';

/** Versions with approval, comparison, downloads and (basic policy) publication. */
export function VersionPanel({ orgId, doc, dirty }: { orgId: string; doc: PolicyDocument; dirty: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const role = useOrgRole(orgId);
  const manage = canManage(role);
  const [diffOpen, setDiffOpen] = useState(false);
  const latest = doc.versions[0];
  const previous = doc.versions[1];

  const approve = useMutation({
    mutationFn: (version: number) =>
      api<{ version: number; status: string }>(`/api/v1/orgs/${orgId}/policies/${doc.id}/approve`, {
        method: 'POST',
        body: { version },
      }),
    onSuccess: async (res) => {
      notifications.show({ color: 'teal', message: t('policy.versions.approved', { n: res.version }) });
      await qc.invalidateQueries({ queryKey: policiesKey(orgId) });
    },
  });

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="policy-versions-title">
        <Title order={2} size="h4" id="policy-versions-title" mb="sm">
          {t('policy.versions.title')}
        </Title>
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {doc.versions.map((v) => (
            <Box
              component="li"
              key={v.version}
              p="sm"
              bg={v.version === latest?.version ? 'gray.0' : undefined}
              style={{
                borderRadius: 'var(--mantine-radius-md)',
                border: '1px solid var(--mantine-color-gray-2)',
              }}
            >
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={700}>{t('policy.versions.versionN', { n: v.version })}</Text>
                <Group gap={4}>
                  <Badge size="sm" variant="light" color={v.status === 'approved' ? 'teal' : 'yellow'}>
                    {t(`policy.status.${v.status}`)}
                  </Badge>
                  {doc.publishedVersion === v.version ? (
                    <Badge size="sm" variant="filled" color="brand">
                      {t('policy.status.published')}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {v.status === 'approved' && v.approvedAt
                  ? t('policy.versions.approvedBy', {
                      name: v.approvedByName ?? t('policy.versions.someone'),
                      date: formatDate(v.approvedAt, lang),
                    })
                  : t('policy.versions.updatedAt', { date: formatDateTime(v.updatedAt, lang) })}
              </Text>
            </Box>
          ))}
        </Stack>
        {latest?.status === 'draft' ? (
          manage ? (
            <Stack gap={6} mt="md">
              <Button
                color="teal"
                leftSection={<IconCheck size={16} />}
                onClick={() => approve.mutate(latest.version)}
                loading={approve.isPending}
                disabled={dirty}
              >
                {t('policy.versions.approve')}
              </Button>
              <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'}>
                {dirty
                  ? t('policy.versions.saveBeforeApprove')
                  : t('policy.versions.approveHint', { n: latest.version })}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt="md">
              {t('policy.versions.onlyOwnerApproves')}
            </Text>
          )
        ) : null}
        {approve.isError ? (
          <Alert color="red" role="alert" mt="sm">
            {errorMessage(approve.error)}
          </Alert>
        ) : null}
        {previous ? (
          <Button variant="default" mt="sm" fullWidth onClick={() => setDiffOpen(true)}>
            {t('policy.versions.compare')}
          </Button>
        ) : null}
        {previous && latest ? (
          <DiffModal
            opened={diffOpen}
            onClose={() => setDiffOpen(false)}
            orgId={orgId}
            id={doc.id}
            from={previous.version}
            to={latest.version}
          />
        ) : null}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="policy-downloads-title">
        <Title order={2} size="h4" id="policy-downloads-title">
          {t('policy.downloads.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('policy.downloads.lead', { n: latest?.version ?? 1 })}
        </Text>
        <Stack gap="xs">
          <Button
            component="a"
            href={exportUrl(orgId, doc.id, 'docx', lang)}
            download
            variant="light"
            leftSection={<IconFileText size={16} />}
            justify="flex-start"
          >
            {t('policy.downloads.docx')}
          </Button>
          <Button
            component="a"
            href={exportUrl(orgId, doc.id, 'pdf', lang)}
            download
            variant="light"
            leftSection={<IconFileText size={16} />}
            justify="flex-start"
          >
            {t('policy.downloads.pdf')}
          </Button>
          <Button
            component="a"
            href={exportUrl(orgId, doc.id, 'html', lang)}
            target="_blank"
            rel="noopener"
            variant="light"
            leftSection={<IconGlobe size={16} />}
            justify="flex-start"
          >
            {t('policy.downloads.html')}
          </Button>
        </Stack>
        <Text size="xs" c="dimmed" mt="xs">
          {t('policy.downloads.wordHint')}
        </Text>
      </Card>

      {doc.template === 'basic-policy' ? <PublishCard orgId={orgId} doc={doc} manage={manage} /> : null}
    </Stack>
  );
}

function PublishCard({ orgId, doc, manage }: { orgId: string; doc: PolicyDocument; manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<'publish' | 'unpublish' | null>(null);
  const latestApproved = doc.versions.find((v) => v.status === 'approved');
  const outdated =
    doc.publishedVersion !== null && latestApproved && latestApproved.version > doc.publishedVersion;

  const invalidate = async () => {
    await qc.invalidateQueries({ queryKey: policiesKey(orgId) });
    await qc.invalidateQueries({ queryKey: ['orgs', orgId, 'declarations'] });
  };
  const publish = useMutation({
    mutationFn: () =>
      api<{ publicUrl: string; version: number }>(`/api/v1/orgs/${orgId}/policies/${doc.id}/publish`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: async (res) => {
      setConfirm(null);
      notifications.show({ color: 'teal', message: t('policy.publish.done', { n: res.version }) });
      await invalidate();
    },
    onError: () => setConfirm(null),
  });
  const unpublish = useMutation({
    mutationFn: () => api(`/api/v1/orgs/${orgId}/policies/${doc.id}/unpublish`, { method: 'POST' }),
    onSuccess: async () => {
      setConfirm(null);
      notifications.show({ color: 'gray', message: t('policy.publish.stopped') });
      await invalidate();
    },
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="policy-publish-title">
      <Title order={2} size="h4" id="policy-publish-title">
        {t('policy.publish.title')}
      </Title>
      {doc.publicUrl ? (
        <Stack gap="sm" mt="xs">
          <Alert color="teal" variant="light" icon={<IconGlobe />}>
            {t('policy.publish.isPublic', {
              n: doc.publishedVersion ?? '',
              date: formatDate(doc.publishedAt, lang),
            })}
          </Alert>
          <TextInput
            label={t('policy.publish.url')}
            value={doc.publicUrl}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <Group gap="sm" wrap="wrap">
            <CopyButton value={doc.publicUrl}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                >
                  {copied ? t('common.copied') : t('policy.publish.copy')}
                </Button>
              )}
            </CopyButton>
            <Anchor href={doc.publicUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {t('policy.publish.open')}
            </Anchor>
          </Group>
          {outdated && manage ? (
            <Button variant="light" onClick={() => setConfirm('publish')}>
              {t('policy.publish.publishNewer', { n: latestApproved?.version ?? '' })}
            </Button>
          ) : null}
          {manage ? (
            <Button variant="subtle" color="red" onClick={() => setConfirm('unpublish')}>
              {t('policy.publish.unpublish')}
            </Button>
          ) : null}
        </Stack>
      ) : (
        <Stack gap="sm" mt="xs">
          <Text size="sm" c="dimmed">
            {t('policy.publish.lead')}
          </Text>
          {manage ? (
            <Button leftSection={<IconGlobe size={16} />} onClick={() => setConfirm('publish')}>
              {t('policy.publish.publish')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('policy.publish.onlyOwner')}
            </Text>
          )}
        </Stack>
      )}
      {publish.isError ? (
        <Alert color="red" role="alert" mt="sm" title={t('policy.publish.failed')}>
          {errorMessage(publish.error)}
        </Alert>
      ) : null}
      {unpublish.isError ? (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(unpublish.error)}
        </Alert>
      ) : null}

      <Modal
        opened={confirm === 'publish'}
        onClose={() => setConfirm(null)}
        title={t('policy.publish.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('policy.publish.confirmBody')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('policy.publish.confirmPoint1')}</List.Item>
            <List.Item>{t('policy.publish.confirmPoint2')}</List.Item>
            <List.Item>{t('policy.publish.confirmPoint3')}</List.Item>
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => publish.mutate()} loading={publish.isPending}>
              {t('policy.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={confirm === 'unpublish'}
        onClose={() => setConfirm(null)}
        title={t('policy.publish.unpublishTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('policy.publish.unpublishBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => unpublish.mutate()} loading={unpublish.isPending}>
              {t('policy.publish.unpublishConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

type Segment =
  | { kind: 'line'; line: DiffLine; key: number }
  | { kind: 'fold'; lines: { line: DiffLine; key: number }[]; key: number };

/** Runs of unchanged lines longer than 3 are folded, keeping one line of context on each side. */
function segments(lines: DiffLine[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as DiffLine;
    if (line.change !== 'same') {
      out.push({ kind: 'line', line, key: i });
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j] as DiffLine).change === 'same') j++;
    const run = lines.slice(i, j);
    const head = i === 0 ? 0 : 1;
    const tail = j === lines.length ? 0 : 1;
    if (run.length <= head + tail + 2) {
      run.forEach((l, k) => {
        out.push({ kind: 'line', line: l, key: i + k });
      });
    } else {
      if (head) out.push({ kind: 'line', line: run[0] as DiffLine, key: i });
      out.push({
        kind: 'fold',
        lines: run.slice(head, run.length - tail).map((l, k) => ({ line: l, key: i + head + k })),
        key: i + head,
      });
      if (tail) out.push({ kind: 'line', line: run[run.length - 1] as DiffLine, key: j - 1 });
    }
    i = j;
  }
  return out;
}

function DiffModal(props: {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  id: string;
  from: number;
  to: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const narrow = useMatches({ base: true, sm: false });
  const [open, setOpen] = useState<Set<number>>(new Set());
  const diff = useQuery({
    queryKey: [...policyKey(props.orgId, props.id), 'diff', props.from, props.to, lang],
    queryFn: () =>
      api<{ from: number; to: number; lines: DiffLine[] }>(
        `/api/v1/orgs/${props.orgId}/policies/${props.id}/diff`,
        { query: { from: props.from, to: props.to } },
      ),
    enabled: props.opened,
  });
  const changed = diff.data?.lines.filter((l) => l.change !== 'same').length ?? 0;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('policy.diff.title', { from: props.from, to: props.to })}
      size="xl"
      fullScreen={narrow}
    >
      {diff.isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-hidden="true" />
          <Text size="sm" c="dimmed" role="status">
            {t('common.loading')}
          </Text>
        </Group>
      ) : diff.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(diff.error)}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Group gap="md" wrap="wrap">
            <Text size="sm">
              {changed === 0 ? t('policy.diff.noChanges') : t('policy.diff.summary', { count: changed })}
            </Text>
            <Group gap={6}>
              <Badge color="green" variant="light">
                {t('policy.diff.addedLegend', { n: props.to })}
              </Badge>
              <Badge color="red" variant="light">
                {t('policy.diff.removedLegend', { n: props.from })}
              </Badge>
            </Group>
          </Group>
          <Divider />
          <Box role="list" aria-label={t('policy.diff.listLabel')}>
            {segments(diff.data.lines).map((s) =>
              s.kind === 'fold' ? (
                open.has(s.key) ? (
                  <Fragment key={s.key}>
                    {s.lines.map((l) => (
                      <DiffRow key={l.key} line={l.line} />
                    ))}
                  </Fragment>
                ) : (
                  <Box role="listitem" key={s.key}>
                    <UnstyledButton
                      onClick={() => setOpen((old) => new Set(old).add(s.key))}
                      w="100%"
                      py={6}
                      px="sm"
                      my={2}
                      bg="gray.1"
                      style={{ borderRadius: 'var(--mantine-radius-sm)', textAlign: 'center' }}
                    >
                      <Text size="xs" c="dimmed">
                        {t('policy.diff.showSame', { count: s.lines.length })}
                      </Text>
                    </UnstyledButton>
                  </Box>
                )
              ) : (
                <DiffRow key={s.key} line={s.line} />
              ),
            )}
          </Box>
        </Stack>
      )}
    </Modal>
  );
}

function DiffRow({ line }: { line: DiffLine }) {
  const { t } = useTranslation();
  const added = line.change === 'added';
  const removed = line.change === 'removed';
  return (
    <Box
      role="listitem"
      px="sm"
      py={4}
      data-change={line.change}
      bg={added ? 'green.0' : removed ? 'red.0' : undefined}
      style={{
        borderLeft: `4px solid ${added ? 'var(--mantine-color-green-6)' : removed ? 'var(--mantine-color-red-6)' : 'transparent'}`,
        display: 'flex',
        gap: 8,
      }}
    >
      <Text
        component="span"
        size="sm"
        fw={700}
        c={added ? 'green.8' : removed ? 'red.8' : 'dimmed'}
        aria-hidden="true"
        w={12}
        style={{ flexShrink: 0 }}
      >
        {added ? '+' : removed ? '−' : ''}
      </Text>
      <Text
        component="span"
        size="sm"
        td={removed ? 'line-through' : undefined}
        c={removed ? 'red.9' : added ? 'green.9' : undefined}
        style={{ whiteSpace: 'pre-wrap' }}
      >
        {added ? <VisuallyHidden>{t('policy.diff.added')}</VisuallyHidden> : null}
        {removed ? <VisuallyHidden>{t('policy.diff.removed')}</VisuallyHidden> : null}
        {line.text}
      </Text>
    </Box>
  );
}
