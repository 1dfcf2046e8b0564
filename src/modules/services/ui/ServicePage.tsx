import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Container,
  Divider,
  Grid,
  Group,
  List,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import {
  IconActivity,
  IconArrowRight,
  IconCheck,
  IconGlobe,
  IconLifebuoy,
  IconMessage,
  IconShieldCheck,
} from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { CompareBar } from './CataloguePage.tsx';
import { useCompare } from './compare-store.ts';
import { PriceLines, prefectureText, TierBadge, TypeBadge } from './parts.tsx';
import { monitoringText, onsiteText, ServiceFacts } from './ServiceFacts.tsx';
import { type PublicService, requirementsFor, usePublicService, useStandard, yen } from './services-api.ts';

/** /services/:id — one registered service, the requirements it meets, and the contact form. */
export function ServicePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const service = usePublicService(id);
  useDocumentTitle(service.data?.data.name ?? t('services.catalogue.docTitle'));
  if (service.isPending)
    return (
      <Container size="lg" py="xl">
        <Skeleton h={180} radius="md" mb="lg" />
        <Skeleton h={420} radius="md" />
      </Container>
    );
  if (service.isError) {
    const missing = service.error instanceof ApiError && service.error.status === 404;
    return (
      <Container size="sm" py={64}>
        <Stack align="center" gap="md">
          <Title order={1} size="h2" ta="center">
            {missing ? t('services.service.notFound') : t('common.errorTitle')}
          </Title>
          {missing ? (
            <Text c="dimmed" ta="center">
              {t('services.service.notFoundBody')}
            </Text>
          ) : (
            <ErrorAlert error={service.error} />
          )}
          <Button component={Link} to="/services">
            {t('services.service.back')}
          </Button>
        </Stack>
      </Container>
    );
  }
  return <ServiceView service={service.data} />;
}

function ServiceView({ service: s }: { service: PublicService }) {
  const { t } = useTranslation();
  const lang = useLang();
  const a = s.data;
  const compare = useCompare();
  const picked = compare.has(s.id);
  const monthly = (a.monthlyNetworkFee ?? 0) + (a.monthlyFeePerDevice ?? 0);
  return (
    <>
      <Box className="svc-head" py={{ base: 'lg', sm: 'xl' }}>
        <Container size="lg">
          <Anchor component={Link} to="/services" size="sm">
            {t('services.service.back')}
          </Anchor>
          <Group gap={6} mt="sm" mb={6}>
            <TypeBadge type={a.type} size="lg" />
            <TierBadge tier={a.tier} size="lg" />
          </Group>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.3}>
            {a.name}
          </Title>
          <Text fw={600} c="brand.8" mt={4}>
            {s.providerName}
          </Text>
          <Text mt="sm" maw={760}>
            {a.summary}
          </Text>
          <Group gap="xs" mt="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            <Highlight
              icon={<IconActivity size={16} />}
              label={t('services.card.monitoring')}
              value={monitoringText(a, t)}
            />
            <Highlight
              icon={<IconLifebuoy size={16} />}
              label={t('services.card.onsite')}
              value={onsiteText(a, t)}
            />
            <Highlight
              icon={<IconShieldCheck size={16} />}
              label={t('services.card.insurance')}
              value={a.insurance ? a.insurance.insurer : t('services.facts.insuranceNone')}
            />
            <Highlight
              icon={<IconGlobe size={16} />}
              label={t('services.card.area')}
              value={prefectureText(a.prefectures, lang, t, 3)}
            />
          </Group>
        </Container>
      </Box>
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }} pb={compare.picked.length ? 140 : undefined}>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Card withBorder padding="lg" radius="md" shadow="sm" className="svc-sticky">
              <Text fw={700} mb="xs">
                {t('services.service.priceTitle')}
              </Text>
              <PriceLines data={a} size="lg" />
              <Divider my="sm" />
              <Stack gap={2}>
                <Text size="sm">
                  {t('services.price.initial')}：
                  {a.initialFee
                    ? yen(a.initialFee, lang)
                    : a.initialFee === 0
                      ? t('services.price.free')
                      : '—'}
                </Text>
                <Text size="sm">
                  {t('services.price.minTerm')}：{t('services.facts.months', { count: a.minTermMonths })}
                </Text>
                <Text size="sm">
                  {t('services.price.minDevices')}：{t('services.facts.devices', { count: a.minDevices })}
                </Text>
              </Stack>
              <Stack gap="xs" mt="md">
                <Button component="a" href="#contact" leftSection={<IconMessage size={16} />} fullWidth>
                  {t('services.service.toContact')}
                </Button>
                <Button
                  component={Link}
                  to={`/subsidy?monthlyFee=${monthly}&months=24`}
                  variant="light"
                  fullWidth
                  rightSection={<IconArrowRight size={14} />}
                >
                  {t('services.service.toSubsidy')}
                </Button>
                <Checkbox
                  mt={4}
                  label={t('services.card.compare')}
                  aria-label={t('services.card.compareNamed', { name: a.name })}
                  checked={picked}
                  disabled={!picked && compare.full}
                  onChange={(e) => compare.toggle({ id: s.id, name: a.name }, e.currentTarget.checked)}
                />
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="svc-desc-title">
                <Title order={2} size="h4" id="svc-desc-title" mb="xs">
                  {t('services.service.descriptionTitle')}
                </Title>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Text>
              </Card>
              <Card withBorder padding="lg" radius="md">
                <ServiceFacts data={a} />
              </Card>
              <Requirements service={s} />
              <ContactSection service={s} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Container>
      <CompareBar />
    </>
  );
}

function Highlight({ icon, label, value }: { icon: ReactNode; label: string; value: string }) {
  return (
    <Group component="li" gap={6} wrap="nowrap" className="svc-highlight" px="sm" py={6}>
      <ThemeIcon size={24} radius="xl" variant="light" color="teal" aria-hidden="true">
        {icon}
      </ThemeIcon>
      <Text size="sm" lh={1.3}>
        <Text component="span" size="xs" c="dimmed" mr={6}>
          {label}
        </Text>
        {value}
      </Text>
    </Group>
  );
}

function Requirements({ service: s }: { service: PublicService }) {
  const { t } = useTranslation();
  const lang = useLang();
  const standard = useStandard();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="svc-req-title">
      <Title order={2} size="h4" id="svc-req-title">
        {t('services.service.requirementsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {s.approvedAt
          ? t('services.service.registeredOn', {
              version: s.standardVersion,
              date: formatDate(s.approvedAt, lang),
            })
          : t('services.service.registered', { version: s.standardVersion })}
      </Text>
      {standard.isPending ? (
        <Skeleton h={160} />
      ) : standard.isError ? (
        <ErrorAlert error={standard.error} />
      ) : (
        <List
          spacing="sm"
          icon={
            <ThemeIcon size={24} radius="xl" color="teal">
              <IconCheck size={14} />
            </ThemeIcon>
          }
        >
          {requirementsFor(standard.data, s.data.tier, s.data.type).map((r) => (
            <List.Item key={r.id}>
              <Text fw={700} size="sm">
                {r.title}
              </Text>
              <Text size="sm" c="dimmed">
                {r.description}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function ContactSection({ service: s }: { service: PublicService }) {
  const { t } = useTranslation();
  const me = useMe();
  const smeOrgs = (me.data?.orgs ?? []).filter((o) => o.kind === 'sme');
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="contact-title"
      id="contact"
      className="svc-contact"
    >
      <Title order={2} size="h3" id="contact-title">
        {t('services.contact.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('services.contact.lead', { provider: s.providerName })}
      </Text>
      {me.isPending ? (
        <Skeleton h={120} />
      ) : !me.data ? (
        <Stack gap="sm">
          <Text size="sm">{t('services.contact.signInFirst')}</Text>
          <Group gap="sm">
            <Button component={Link} to={`/sign-in?redirect=${encodeURIComponent(`/services/${s.id}`)}`}>
              {t('services.contact.signIn')}
            </Button>
            <Button component={Link} to="/sign-up" variant="default">
              {t('common.signUpFree')}
            </Button>
          </Group>
        </Stack>
      ) : smeOrgs.length === 0 ? (
        <Stack gap="sm">
          <Text size="sm">{t('services.contact.smeOnly')}</Text>
          <Group>
            <Button component={Link} to="/orgs/new" variant="light">
              {t('services.contact.registerOrg')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <ContactForm service={s} />
      )}
    </Card>
  );
}

function ContactForm({ service: s }: { service: PublicService }) {
  const { t } = useTranslation();
  const me = useMe();
  const smeOrgs = (me.data?.orgs ?? []).filter((o) => o.kind === 'sme');
  const active = activeOrg(me.data);
  const [orgId, setOrgId] = useState<string>(active?.kind === 'sme' ? active.id : (smeOrgs[0]?.id ?? ''));
  const [message, setMessage] = useState('');
  const [share, setShare] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api(`/api/v1/services/${s.id}/contact`, {
        method: 'POST',
        body: { orgId, message: message.trim(), shareDiagnosis: share },
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) {
      setError(t('services.contact.messageRequired'));
      return;
    }
    setError(null);
    send.mutate();
  };
  if (send.isSuccess)
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCheck />}
        title={t('services.contact.sentTitle')}
        role="status"
      >
        {t('services.contact.sentBody', { provider: s.providerName, email: me.data?.user.email ?? '' })}
      </Alert>
    );
  const fields = send.error instanceof ApiError ? send.error.fields : {};
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {send.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(send.error)}
          </Alert>
        ) : null}
        {smeOrgs.length > 1 ? (
          <Select
            label={t('services.contact.org')}
            data={smeOrgs.map((o) => ({ value: o.id, label: o.name }))}
            value={orgId}
            onChange={(v) => v && setOrgId(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Text size="sm">{t('services.contact.asOrg', { name: smeOrgs[0]?.name ?? '' })}</Text>
        )}
        <Textarea
          label={t('services.contact.message')}
          description={t('services.contact.messageHint')}
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setError(null);
          }}
          error={error ?? fields.message}
          required
          autosize
          minRows={4}
          maxLength={2000}
        />
        <Checkbox
          label={t('services.contact.share')}
          description={t('services.contact.shareHint')}
          checked={share}
          onChange={(e) => setShare(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          {t('services.contact.privacy', { email: me.data?.user.email ?? '' })}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending} leftSection={<IconMessage size={16} />}>
            {t('services.contact.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
