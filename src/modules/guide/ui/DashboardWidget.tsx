import { Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconAlert } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useCases } from './guide-api.ts';

/** "If something happens": the way in, and the cases still open. */
export function GuideDashboardWidget() {
  const { t } = useTranslation();
  const me = useMe();
  const org = activeOrg(me.data);
  const cases = useCases(org?.id ?? '', 'open');
  if (!org) return null;
  const base = `/orgs/${org.id}/help/guide`;
  const open = cases.data?.items ?? [];
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="guide-widget-title"
      data-testid="guide-widget"
    >
      <Group gap="sm" wrap="nowrap" mb="sm">
        <ThemeIcon size={40} radius="md" variant="light" color="red">
          <IconAlert size={22} />
        </ThemeIcon>
        <Title order={2} size="h4" id="guide-widget-title">
          {t('guide.widget.title')}
        </Title>
      </Group>
      <Stack gap="xs">
        {open.length ? (
          open.slice(0, 3).map((c) => (
            <Anchor key={c.id} component={Link} to={`${base}/cases/${c.id}`} size="sm">
              {t('guide.widget.openCase', { title: c.title, done: c.doneCount, total: c.stepCount })}
            </Anchor>
          ))
        ) : (
          <Text size="sm" c="dimmed">
            {t('guide.widget.lead')}
          </Text>
        )}
        <Group>
          <Button component={Link} to={base} color="red" variant="light" size="sm">
            {t('guide.widget.cta')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
