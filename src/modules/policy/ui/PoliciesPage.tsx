import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconArrowRight,
  IconBook,
  IconFileText,
  IconPlus,
  IconShieldCheck,
} from '../../../../web/src/icons.tsx';
import {
  canWrite,
  exportUrl,
  type PolicySummary,
  type PolicyTemplate,
  TEMPLATE_ORDER,
  type TemplateId,
  useOrgRole,
  usePolicies,
  useTemplates,
} from './policy-api.ts';

const ICONS: Record<TemplateId, typeof IconFileText> = {
  'basic-policy': IconShieldCheck,
  rules: IconFileText,
  handbook: IconBook,
};

/** /orgs/:orgId/policies — the three templates and where the organisation stands with each. */
export function PoliciesPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const templates = useTemplates();
  const policies = usePolicies(orgId);
  const role = useOrgRole(orgId);

  if (templates.isPending || policies.isPending) return <PageLoader />;
  if (templates.isError || policies.isError)
    return (
      <>
        <PageHeader title={t('policy.list.title')} />
        <ErrorAlert error={templates.error ?? policies.error} />
      </>
    );
  const byTemplate = new Map(policies.data.items.map((p) => [p.template, p]));
  const ordered = [...templates.data].sort(
    (a, b) => TEMPLATE_ORDER.indexOf(a.id) - TEMPLATE_ORDER.indexOf(b.id),
  );
  const basic = byTemplate.get('basic-policy');

  return (
    <>
      <PageHeader title={t('policy.list.title')} description={t('policy.list.lead')} />
      <Stack gap="lg">
        {basic?.publicUrl ? null : (
          <Alert color="brand" variant="light" icon={<IconShieldCheck />} title={t('policy.list.startTitle')}>
            <Text size="sm">{t('policy.list.startBody')}</Text>
            <Anchor component={Link} to={`/orgs/${orgId}/declaration`} size="sm" fw={600}>
              {t('policy.list.aboutDeclaration')}
            </Anchor>
          </Alert>
        )}
        {canWrite(role) ? null : (
          <Alert color="gray" variant="light">
            {t('policy.list.readOnly')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          {ordered.map((tpl) => (
            <TemplateCard
              key={tpl.id}
              orgId={orgId}
              template={tpl}
              doc={byTemplate.get(tpl.id)}
              writable={canWrite(role)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}

export function PolicyStatusBadges({ doc }: { doc: PolicySummary | undefined }) {
  const { t } = useTranslation();
  if (!doc) {
    return (
      <Badge color="gray" variant="light">
        {t('policy.status.notStarted')}
      </Badge>
    );
  }
  return (
    <Group gap={6}>
      {doc.status === 'approved' ? (
        <Badge color="teal" variant="light">
          {t('policy.status.approvedN', { n: doc.version })}
        </Badge>
      ) : (
        <Badge color="yellow" variant="light">
          {t('policy.status.draftN', { n: doc.version })}
        </Badge>
      )}
      {doc.publicUrl ? (
        <Badge color="brand" variant="filled">
          {t('policy.status.published')}
        </Badge>
      ) : null}
    </Group>
  );
}

function TemplateCard(props: {
  orgId: string;
  template: PolicyTemplate;
  doc: PolicySummary | undefined;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { orgId, template: tpl, doc, writable } = props;
  const Icon = ICONS[tpl.id] ?? IconFileText;
  const titleId = `policy-card-${tpl.id}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="md" variant="light">
            <Icon size={24} />
          </ThemeIcon>
          <Title order={2} size="h4" id={titleId} style={{ flex: 1 }}>
            {tpl.title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {tpl.description}
        </Text>
        <Stack gap={4}>
          <PolicyStatusBadges doc={doc} />
          {doc ? (
            <Text size="xs" c="dimmed">
              {t('policy.list.updated', { date: formatDate(doc.updatedAt, lang) })}
            </Text>
          ) : null}
          {doc?.publicUrl ? (
            <Anchor href={doc.publicUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {t('policy.list.openPublic')}
            </Anchor>
          ) : null}
        </Stack>
        <Group gap="sm" mt="xs">
          {doc ? (
            <Button
              component={Link}
              to={`/orgs/${orgId}/policies/${doc.id}`}
              rightSection={<IconArrowRight size={16} />}
            >
              {writable ? t('policy.list.edit') : t('policy.list.open')}
            </Button>
          ) : writable ? (
            <Button
              component={Link}
              to={`/orgs/${orgId}/policies/new/${tpl.id}`}
              leftSection={<IconPlus size={16} />}
            >
              {t('policy.list.create')}
            </Button>
          ) : null}
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button variant="default" disabled={!doc}>
                {t('policy.list.export')}
              </Button>
            </Menu.Target>
            {doc ? (
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(orgId, doc.id, 'docx', lang)} download>
                  {t('policy.downloads.docx')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(orgId, doc.id, 'pdf', lang)} download>
                  {t('policy.downloads.pdf')}
                </Menu.Item>
                <Menu.Item
                  component="a"
                  href={exportUrl(orgId, doc.id, 'html', lang)}
                  target="_blank"
                  rel="noopener"
                >
                  {t('policy.downloads.html')}
                </Menu.Item>
              </Menu.Dropdown>
            ) : null}
          </Menu>
        </Group>
      </Stack>
    </Card>
  );
}
