import { Button, Card, Center, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';

interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  date: string;
}
interface OutboxMail extends OutboxItem {
  text: string;
}

export function AdminOutboxPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: () => api<{ items: OutboxItem[] }>('/api/v1/admin/outbox'),
  });
  return (
    <>
      <PageHeader
        title={t('admin.outbox.title')}
        description={t('admin.outbox.lead')}
        actions={
          <Button variant="default" onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('admin.outbox.refresh')}
          </Button>
        }
      />
      <Card withBorder padding="lg">
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        {list.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.outbox.date')}</Table.Th>
                  <Table.Th>{t('admin.outbox.to')}</Table.Th>
                  <Table.Th>{t('admin.outbox.subject')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(m.date, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.to}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => setOpenId(m.id)}
                        styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                        h="auto"
                        py={2}
                      >
                        {m.subject}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {list.data && list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Text c="dimmed" ta="center" py="lg">
                        {t('admin.outbox.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Modal
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('admin.outbox.mail')}
        size="xl"
      >
        {openId ? <MailView id={openId} /> : null}
      </Modal>
    </>
  );
}

function MailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mail = useQuery({
    queryKey: ['admin', 'outbox', id],
    queryFn: () => api<OutboxMail>(`/api/v1/admin/outbox/${encodeURIComponent(id)}`),
  });
  if (mail.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (mail.isError) return <ErrorAlert error={mail.error} />;
  const m = mail.data;
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" w={64}>
          {t('admin.outbox.subject')}
        </Text>
        <Text size="sm" fw={700} data-testid="mail-subject">
          {m.subject}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" w={64}>
          {t('admin.outbox.to')}
        </Text>
        <Text size="sm">{m.to}</Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" w={64}>
          {t('admin.outbox.date')}
        </Text>
        <Text size="sm">{formatDateTime(m.date, lang)}</Text>
      </Group>
      <Card withBorder padding="md" bg="gray.0">
        <div className="pre-wrap" data-testid="mail-body">
          {m.text}
        </div>
      </Card>
    </Stack>
  );
}
