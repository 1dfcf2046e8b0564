import { Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconArrowRight, IconFlag } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useDeclarations } from './declaration-api.ts';
import { LevelBadge } from './Stars.tsx';

/** Dashboard: the SECURITY ACTION level of the active organisation and what is next. */
export function DeclarationWidget() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const org = activeOrg(me.data);
  const data = useDeclarations(org?.id);
  if (!org) return null;
  const page = `/orgs/${org.id}/declaration`;
  const current = data.data?.current ?? null;
  const missing: string[] = [];
  if (data.data && !data.data.diagnosis.ok) missing.push(t('declaration.widget.missingDiagnosis'));
  if (data.data && !data.data.policy.ok) missing.push(t('declaration.widget.missingPolicy'));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decl-widget-title">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h4" id="decl-widget-title">
          {t('declaration.widget.title')}
        </Title>
        <Button
          component={Link}
          to={page}
          variant="subtle"
          size="sm"
          rightSection={<IconArrowRight size={14} />}
        >
          {t('declaration.widget.open')}
        </Button>
      </Group>
      {data.isPending ? (
        <Skeleton h={72} />
      ) : data.isError ? (
        <ErrorAlert error={data.error} />
      ) : (
        <Group gap="md" align="flex-start" wrap="nowrap">
          <ThemeIcon size={48} radius="xl" variant="light" color={current ? 'teal' : 'gray'}>
            <IconFlag size={26} />
          </ThemeIcon>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            {current ? (
              <Group gap="xs" wrap="wrap">
                <LevelBadge star={current.star} size="lg" />
                <Text size="sm" c="dimmed">
                  {t('declaration.widget.since', {
                    date: formatDate(current.declaredAt, lang),
                    id: current.id,
                  })}
                </Text>
              </Group>
            ) : (
              <Text fw={700}>{t('declaration.widget.none')}</Text>
            )}
            {current?.star === 2 ? (
              <Text size="sm">{t('declaration.widget.twoStarNext')}</Text>
            ) : missing.length === 0 ? (
              <Text size="sm">
                {current ? t('declaration.widget.readyForTwo') : t('declaration.widget.noneReady')}
              </Text>
            ) : (
              <>
                {current ? null : <Text size="sm">{t('declaration.widget.noneNext')}</Text>}
                <Text size="sm" fw={600} c="orange.9">
                  {t('declaration.widget.untilTwo', {
                    what: missing.join(t('declaration.widget.separator')),
                  })}
                </Text>
              </>
            )}
          </Stack>
        </Group>
      )}
    </Card>
  );
}
