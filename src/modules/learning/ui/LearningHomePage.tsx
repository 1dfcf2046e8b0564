import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Progress,
  RingProgress,
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
  IconAward,
  IconBook,
  IconClipboardCheck,
  IconUsers,
} from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import {
  type Certificate,
  type Course,
  canSupervise,
  nextTheme,
  type Progress as ProgressData,
  type ThemeProgress,
  themeStatus,
  useProgress,
} from './learning-api.ts';
import { CertificateActions, courseLabel, Section, ThemeCard } from './parts.tsx';

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);

/** /orgs/:orgId/learning — my progress, courses, certificates and every theme. */
export function LearningHomePage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const progress = useProgress(orgId);
  const role = me.data?.orgs.find((o) => o.id === orgId)?.role;
  const supervise = canSupervise(role);
  const header = (
    <PageHeader
      title={t('learning.home.title')}
      description={t('learning.home.lead')}
      actions={
        supervise ? (
          <Button
            component={Link}
            to={`/orgs/${orgId}/learning/progress`}
            variant="light"
            leftSection={<IconUsers size={18} />}
          >
            {t('learning.home.teamProgress')}
          </Button>
        ) : null
      }
    />
  );
  if (progress.isPending) return <PageLoader />;
  if (progress.isError)
    return (
      <>
        {header}
        <ErrorAlert error={progress.error} />
      </>
    );
  const p = progress.data;
  const recommended = p.themes.filter((x) => x.recommended);
  const others = p.themes.filter((x) => !x.recommended);
  return (
    <>
      {header}
      <Stack gap="lg">
        <Overview orgId={orgId} progress={p} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          {p.courses.map((c) => (
            <CourseCard key={c.id} orgId={orgId} course={c} themes={p.themes} certificates={p.certificates} />
          ))}
        </SimpleGrid>
        {p.certificates.length > 0 ? <Certificates orgId={orgId} certificates={p.certificates} /> : null}
        {recommended.length > 0 ? (
          <ThemeSection
            id="learn-recommended"
            title={t('learning.home.recommended')}
            lead={t('learning.home.recommendedLead')}
            orgId={orgId}
            themes={recommended}
          />
        ) : (
          <Alert
            color="brand"
            variant="light"
            icon={<IconClipboardCheck size={20} />}
            title={t('learning.home.noDiagnosisTitle')}
          >
            <Text size="sm">{t('learning.home.noDiagnosisBody')}</Text>
            <Anchor component={Link} to={`/orgs/${orgId}/diagnosis`} size="sm" fw={600}>
              {t('learning.home.toDiagnosis')}
            </Anchor>
          </Alert>
        )}
        <ThemeSection
          id="learn-others"
          title={recommended.length > 0 ? t('learning.home.others') : t('learning.home.all')}
          orgId={orgId}
          themes={others}
        />
      </Stack>
    </>
  );
}

function Overview({ orgId, progress }: { orgId: string; progress: ProgressData }) {
  const { t } = useTranslation();
  const next = nextTheme(progress.themes);
  const value = pct(progress.completed, progress.total);
  const trying = progress.themes.filter((x) => themeStatus(x) === 'trying').length;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="learn-overview"
      className="learn-overview"
    >
      <Group gap="xl" align="center" wrap="wrap">
        <RingProgress
          size={120}
          thickness={12}
          roundCaps
          sections={[{ value, color: 'teal' }]}
          aria-hidden="true"
          label={
            <Text ta="center" fw={800} fz={22} lh={1}>
              {value}%
            </Text>
          }
        />
        <Stack gap={6} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Title order={2} size="h4" id="learn-overview">
            {t('learning.home.overview')}
          </Title>
          <Text fz={28} fw={800} lh={1.2} data-testid="learn-completed">
            {t('learning.home.completedOf', { completed: progress.completed, total: progress.total })}
          </Text>
          <Progress
            value={value}
            color="teal"
            size="lg"
            radius="xl"
            aria-label={t('learning.home.progressLabel', {
              completed: progress.completed,
              total: progress.total,
            })}
          />
          <Text size="sm" c="dimmed">
            {progress.completed === progress.total && progress.total > 0
              ? t('learning.home.allDone')
              : t('learning.home.trying', { count: trying })}
          </Text>
        </Stack>
        {next ? (
          <Box style={{ flex: '1 1 220px' }} className="learn-next">
            <Text size="xs" c="dimmed">
              {next.recommended ? t('learning.home.nextRecommended') : t('learning.home.next')}
            </Text>
            <Text fw={700} mb="xs">
              {next.title}
            </Text>
            <Button
              component={Link}
              to={`/orgs/${orgId}/learning/${next.id}`}
              rightSection={<IconArrowRight size={16} />}
            >
              {themeStatus(next) === 'trying' ? t('learning.home.continue') : t('learning.home.start')}
            </Button>
          </Box>
        ) : null}
      </Group>
    </Card>
  );
}

function CourseCard(props: {
  orgId: string;
  course: Course;
  themes: ThemeProgress[];
  certificates: Certificate[];
}) {
  const { t } = useTranslation();
  const { course, themes, orgId } = props;
  const total = course.themes.length;
  const earned = props.certificates.some((c) => c.course === course.id);
  const open = themes.filter((x) => course.themes.includes(x.id) && !x.completedAt);
  const next = open.find((x) => x.recommended) ?? open[0];
  const headingId = `learn-course-${course.id}`;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={headingId}
      data-testid={`course-${course.id}`}
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon
              size={40}
              radius="md"
              variant="light"
              color={course.id === 'owner' ? 'indigo' : 'cyan'}
            >
              {course.id === 'owner' ? <IconAward size={22} /> : <IconBook size={22} />}
            </ThemeIcon>
            <Title order={2} size="h4" id={headingId}>
              {course.title}
            </Title>
          </Group>
          {earned ? (
            <Badge
              color="yellow"
              variant="filled"
              leftSection={<IconAward size={12} />}
              style={{ flexShrink: 0 }}
            >
              {t('learning.home.certified')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {course.description}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('learning.home.courseProgress', { completed: course.completed, total })}
          </Text>
          <Text size="sm" c="dimmed">
            {pct(course.completed, total)}%
          </Text>
        </Group>
        <Progress
          value={pct(course.completed, total)}
          color={course.id === 'owner' ? 'indigo' : 'cyan'}
          aria-label={t('learning.home.courseProgressLabel', {
            course: course.title,
            completed: course.completed,
            total,
          })}
        />
        {next ? (
          <Anchor component={Link} to={`/orgs/${orgId}/learning/${next.id}`} size="sm" fw={600}>
            {t('learning.home.courseNext', { title: next.title })}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}

function Certificates({ orgId, certificates }: { orgId: string; certificates: Certificate[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Section
      id="learn-certificates"
      title={t('learning.certificates.title')}
      lead={t('learning.certificates.lead')}
    >
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {certificates.map((c) => (
          <Card key={c.code} component="li" withBorder padding="md" className="learn-cert">
            <Group justify="space-between" gap="md" wrap="wrap">
              <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
                <ThemeIcon size={44} radius="xl" color="yellow">
                  <IconAward size={24} />
                </ThemeIcon>
                <Box style={{ minWidth: 0 }}>
                  <Text fw={700}>{courseLabel(t, c.course)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('learning.certificates.issued', { date: formatDate(c.issuedAt, lang) })}
                    {' ・ '}
                    {t('learning.certificates.code')} <span className="learn-code">{c.code}</span>
                  </Text>
                </Box>
              </Group>
              <CertificateActions orgId={orgId} cert={c} />
            </Group>
          </Card>
        ))}
      </Stack>
    </Section>
  );
}

function ThemeSection(props: {
  id: string;
  title: string;
  lead?: string;
  orgId: string;
  themes: ThemeProgress[];
}) {
  return (
    <Box component="section" aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id} mb={props.lead ? 2 : 'sm'}>
        {props.title}
      </Title>
      {props.lead ? (
        <Text size="sm" c="dimmed" mb="sm">
          {props.lead}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {props.themes.map((x) => (
          <ThemeCard
            key={x.id}
            theme={x}
            to={`/orgs/${props.orgId}/learning/${x.id}`}
            status={themeStatus(x)}
            recommended={x.recommended}
          />
        ))}
      </SimpleGrid>
    </Box>
  );
}
