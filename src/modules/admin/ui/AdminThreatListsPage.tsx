import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { currentLang, useLang } from '../../../../web/src/i18n.ts';

interface ThreatList {
  list: string;
  indicators: number;
  ips: number;
  domains: number;
  hashes: number;
  importedAt: string | null;
}
interface Rejected {
  line: number;
  message: string;
}
class ImportError extends Error {
  constructor(
    message: string,
    readonly rejected: Rejected[],
  ) {
    super(message);
  }
}

/** The CSV goes up as text/csv (the API's format for feeds), so this page posts it itself. */
async function importCsv(name: string, csv: string): Promise<{ imported: number }> {
  const res = await fetch(`/api/v1/admin/threat-lists/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/csv', accept: 'application/json', 'accept-language': currentLang() },
    body: csv,
    credentials: 'same-origin',
  });
  const data = await res.json();
  if (!res.ok) throw new ImportError(data.error?.message ?? String(res.status), data.error?.rejected ?? []);
  return data;
}

export function AdminThreatListsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [csv, setCsv] = useState('');
  const lists = useQuery({
    queryKey: ['admin', 'threat-lists'],
    queryFn: () => api<{ items: ThreatList[] }>('/api/v1/admin/threat-lists'),
  });
  const upload = useMutation({
    mutationFn: () => importCsv(name.trim(), csv),
    onSuccess: () => {
      setCsv('');
      void qc.invalidateQueries({ queryKey: ['admin', 'threat-lists'] });
    },
  });
  const remove = useMutation({
    mutationFn: (list: string) =>
      api(`/api/v1/admin/threat-lists/${encodeURIComponent(list)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin', 'threat-lists'] }),
  });
  const rejected = upload.error instanceof ImportError ? upload.error.rejected : [];

  return (
    <>
      <PageHeader title={t('threatLists.title')} description={t('threatLists.lead')} />
      <Stack>
        <Card withBorder padding="lg">
          {lists.isError ? <ErrorAlert error={lists.error} /> : null}
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('threatLists.list')}</Table.Th>
                  <Table.Th>{t('threatLists.ips')}</Table.Th>
                  <Table.Th>{t('threatLists.domains')}</Table.Th>
                  <Table.Th>{t('threatLists.hashes')}</Table.Th>
                  <Table.Th>{t('threatLists.importedAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(lists.data?.items ?? []).map((l) => (
                  <Table.Tr key={l.list}>
                    <Table.Td>{l.list}</Table.Td>
                    <Table.Td>{l.ips.toLocaleString(lang)}</Table.Td>
                    <Table.Td>{l.domains.toLocaleString(lang)}</Table.Td>
                    <Table.Td>{l.hashes.toLocaleString(lang)}</Table.Td>
                    <Table.Td>{l.importedAt ? formatDateTime(l.importedAt, lang) : '—'}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === l.list}
                        onClick={() => remove.mutate(l.list)}
                      >
                        {t('threatLists.delete')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {lists.data && lists.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" size="sm">
                        {t('threatLists.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Card
          withBorder
          padding="lg"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            upload.mutate();
          }}
        >
          <Stack>
            <Text fw={600}>{t('threatLists.importTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('threatLists.format')}
            </Text>
            <TextInput
              label={t('threatLists.name')}
              description={t('threatLists.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              pattern="[A-Za-z0-9._-]{1,64}"
            />
            <Textarea
              label={t('threatLists.csv')}
              value={csv}
              onChange={(e) => setCsv(e.currentTarget.value)}
              autosize
              minRows={5}
              maxRows={14}
              placeholder={'type,value,description\nip,203.0.113.66,C2\ndomain,bad.example,phishing'}
              styles={{ input: { fontFamily: 'monospace' } }}
              required
            />
            <Group>
              <FileButton accept=".csv,text/csv" onChange={(f) => void f?.text().then(setCsv)}>
                {(props) => (
                  <Button variant="default" {...props}>
                    {t('threatLists.chooseFile')}
                  </Button>
                )}
              </FileButton>
              <Button type="submit" loading={upload.isPending}>
                {t('threatLists.import')}
              </Button>
            </Group>
            {upload.isSuccess ? (
              <Alert color="teal">{t('threatLists.imported', { count: upload.data.imported })}</Alert>
            ) : null}
            {upload.isError ? (
              <Alert color="red" title={upload.error.message}>
                {rejected.length ? (
                  <List size="sm">
                    {rejected.map((r) => (
                      <List.Item key={r.line}>
                        {t('threatLists.rejectedLine', { line: r.line, message: r.message })}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </Alert>
            ) : null}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
