import { Button, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconArrowRight, IconBook, IconMail } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useNewsletter } from './library-api.ts';

/** Dashboard card: the library, and whether this person gets the weekly e-mail. */
export function LibraryDashboardWidget() {
  const { t } = useTranslation();
  const me = useMe();
  const org = activeOrg(me.data);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="library-widget-title">
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" color="grape">
          <IconBook size={22} />
        </ThemeIcon>
        <Title order={2} size="h4" id="library-widget-title">
          {t('library.dashboard.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('library.dashboard.body')}
      </Text>
      <Group gap="sm">
        <Button component={Link} to="/library" variant="light" rightSection={<IconArrowRight size={14} />}>
          {t('library.dashboard.open')}
        </Button>
        {org ? <NewsletterLink orgId={org.id} /> : null}
      </Group>
    </Card>
  );
}

function NewsletterLink({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const status = useNewsletter(orgId);
  if (!status.data) return null;
  return (
    <Button
      component={Link}
      to={`/orgs/${orgId}/newsletter`}
      variant={status.data.subscribed ? 'subtle' : 'default'}
      leftSection={<IconMail size={16} />}
    >
      {t(status.data.subscribed ? 'library.dashboard.newsletterOn' : 'library.dashboard.newsletterOff')}
    </Button>
  );
}
