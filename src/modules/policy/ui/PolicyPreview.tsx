import { Alert, Box, Card, Group, Loader, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/src/api.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { exportUrl, type PolicyDocument, policyKey } from './policy-api.ts';

/** The saved version as the HTML export draws it, shown in a sandboxed frame (no scripts, no navigation). */
export function PolicyPreview({ orgId, doc }: { orgId: string; doc: PolicyDocument }) {
  const { t } = useTranslation();
  const lang = useLang();
  const latest = doc.versions[0];
  const html = useQuery({
    queryKey: [...policyKey(orgId, doc.id), 'preview', latest?.version, latest?.updatedAt, lang],
    queryFn: async ({ signal }) => {
      const res = await fetch(exportUrl(orgId, doc.id, 'html', lang), { credentials: 'same-origin', signal });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, t('policy.preview.failed'));
      return res.text();
    },
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="policy-preview-title">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="policy-preview-title">
          {t('policy.preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('policy.preview.lead', { n: latest?.version ?? 1 })}
        </Text>
      </Group>
      {html.isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-hidden="true" />
          <Text size="sm" c="dimmed" role="status">
            {t('common.loading')}
          </Text>
        </Group>
      ) : html.isError ? (
        <Alert color="red" role="alert">
          {t('policy.preview.failed')}
        </Alert>
      ) : (
        <Box
          style={{
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
            overflow: 'hidden',
            background: 'white',
          }}
        >
          <iframe
            title={t('policy.preview.frameTitle')}
            srcDoc={html.data}
            sandbox=""
            style={{ width: '100%', height: 'min(70vh, 720px)', border: 0, display: 'block' }}
          />
        </Box>
      )}
    </Card>
  );
}
