import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Grid,
  Group,
  Image,
  List,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authClient, authErrorMessage } from '../auth-client.ts';
import { PageHeader, PageLoader } from '../components/Page.tsx';
import { isLang, type Lang, setLang, useLang } from '../i18n.ts';
import { IconCheck, IconCopy } from '../icons.tsx';
import { ME_KEY, type MeUser, useMe } from '../me.ts';
import { MIN_PASSWORD } from '../validation.ts';

function Section({
  title,
  description,
  children,
  badge,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  badge?: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" mb={description ? 4 : 'md'} wrap="nowrap" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        {badge}
      </Group>
      {description ? (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <PageLoader />;
  const user = me.data.user;
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.lead')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <ProfileSection user={user} />
            <LanguageSection user={user} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <TwoFactorSection user={user} />
            <PasswordSection />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function ProfileSection({ user }: { user: MeUser }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState(user.name);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setFieldError(t('auth.validation.nameRequired'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    const res = await authClient.updateUser({ name: name.trim() });
    setBusy(false);
    if (res.error) {
      setFieldError(authErrorMessage(res.error));
      return;
    }
    await qc.invalidateQueries({ queryKey: ME_KEY });
    notifications.show({ color: 'teal', message: t('account.profile.saved') });
  };
  return (
    <Section title={t('account.profile.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('auth.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError}
            autoComplete="name"
            required
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('auth.fields.email')}
            </Text>
            <Group gap="xs">
              <Text>{user.email}</Text>
              {user.emailVerified ? (
                <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                  {t('account.profile.verified')}
                </Badge>
              ) : (
                <Badge color="yellow" variant="light">
                  {t('account.profile.unverified')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={name.trim() === user.name}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function LanguageSection({ user }: { user: MeUser }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const uiLang = useLang();
  const [value, setValue] = useState<Lang>(isLang(user.locale) ? user.locale : uiLang);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    const res = await authClient.updateUser({ locale: value });
    setBusy(false);
    if (res.error) {
      setError(authErrorMessage(res.error));
      return;
    }
    await setLang(value);
    await qc.invalidateQueries({ queryKey: ME_KEY });
    notifications.show({ color: 'teal', message: t('account.language.saved') });
  };
  return (
    <Section title={t('account.language.title')} description={t('account.language.lead')}>
      <Stack gap="md">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Select
          label={t('account.language.label')}
          data={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
          value={value}
          onChange={(v) => isLang(v) && setValue(v)}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} disabled={value === user.locale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

type TwoFactorStep =
  | { kind: 'idle' }
  | { kind: 'password'; action: 'enable' | 'disable' }
  | { kind: 'setup'; qr: string; secret: string; backupCodes: string[] };

function TwoFactorSection({ user }: { user: MeUser }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [step, setStep] = useState<TwoFactorStep>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setStep({ kind: 'idle' });
    setPassword('');
    setCode('');
    setFieldError(null);
  };

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    if (step.kind !== 'password') return;
    if (!password) {
      setFieldError(t('auth.validation.passwordRequired'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    if (step.action === 'enable') {
      const res = await authClient.twoFactor.enable({ password, method: 'totp' });
      setBusy(false);
      if (res.error || !res.data || res.data.method !== 'totp') {
        setFieldError(authErrorMessage(res.error));
        return;
      }
      const qr = await QRCode.toDataURL(res.data.totpURI, { margin: 1, width: 220 });
      let secret = '';
      try {
        secret = new URL(res.data.totpURI).searchParams.get('secret') ?? '';
      } catch {}
      setPassword('');
      setStep({ kind: 'setup', qr, secret, backupCodes: res.data.backupCodes });
    } else {
      const res = await authClient.twoFactor.disable({ password });
      setBusy(false);
      if (res.error) {
        setFieldError(authErrorMessage(res.error));
        return;
      }
      await qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: t('account.twoFactor.disabledDone') });
      reset();
    }
  };

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) {
      setFieldError(t('auth.twoFactor.codeFormat'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    const res = await authClient.twoFactor.verifyTotp({ code: value });
    setBusy(false);
    if (res.error) {
      setFieldError(authErrorMessage(res.error));
      return;
    }
    await qc.invalidateQueries({ queryKey: ME_KEY });
    notifications.show({ color: 'teal', message: t('account.twoFactor.enabledDone') });
    reset();
  };

  const badge = user.twoFactorEnabled ? (
    <Badge color="teal" variant="light">
      {t('account.twoFactor.on')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('account.twoFactor.off')}
    </Badge>
  );

  return (
    <Section title={t('account.twoFactor.title')} description={t('account.twoFactor.lead')} badge={badge}>
      {step.kind === 'idle' ? (
        user.twoFactorEnabled ? (
          <Button
            variant="default"
            color="red"
            onClick={() => setStep({ kind: 'password', action: 'disable' })}
          >
            {t('account.twoFactor.disable')}
          </Button>
        ) : (
          <Button onClick={() => setStep({ kind: 'password', action: 'enable' })}>
            {t('account.twoFactor.enable')}
          </Button>
        )
      ) : null}

      {step.kind === 'password' ? (
        <form onSubmit={submitPassword} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {step.action === 'enable'
                ? t('account.twoFactor.passwordForEnable')
                : t('account.twoFactor.passwordForDisable')}
            </Text>
            <PasswordInput
              label={t('auth.fields.currentPassword')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError}
              autoComplete="current-password"
              autoFocus
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={reset}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} color={step.action === 'disable' ? 'red' : undefined}>
                {step.action === 'enable' ? t('common.next') : t('account.twoFactor.disable')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}

      {step.kind === 'setup' ? (
        <Stack gap="lg">
          <Stack gap="xs">
            <Text fw={700}>{t('account.twoFactor.step1')}</Text>
            <Text size="sm" c="dimmed">
              {t('account.twoFactor.step1Body')}
            </Text>
            <Image src={step.qr} alt={t('account.twoFactor.qrAlt')} w={200} h={200} fit="contain" />
            {step.secret ? (
              <Text size="sm">
                {t('account.twoFactor.manualKey')} <Code data-testid="totp-secret">{step.secret}</Code>
              </Text>
            ) : null}
          </Stack>
          <Stack gap="xs">
            <Text fw={700}>{t('account.twoFactor.step2')}</Text>
            <Text size="sm" c="dimmed">
              {t('account.twoFactor.step2Body')}
            </Text>
            <SimpleGrid cols={2} spacing={4} className="backup-codes" data-testid="backup-codes">
              {step.backupCodes.map((c) => (
                <Code key={c} block>
                  {c}
                </Code>
              ))}
            </SimpleGrid>
            <CopyButton value={step.backupCodes.join('\n')}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  size="xs"
                  w="fit-content"
                  leftSection={<IconCopy size={14} />}
                  onClick={copy}
                >
                  {copied ? t('common.copied') : t('account.twoFactor.copyCodes')}
                </Button>
              )}
            </CopyButton>
          </Stack>
          <form onSubmit={submitCode} noValidate>
            <Stack gap="md">
              <Text fw={700}>{t('account.twoFactor.step3')}</Text>
              <TextInput
                label={t('auth.twoFactor.codeLabel')}
                description={t('account.twoFactor.step3Body')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={fieldError}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={reset}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('account.twoFactor.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      ) : null}
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<{ current?: string; next?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: typeof fields = {};
    if (!current) f.current = t('auth.validation.passwordRequired');
    if (next.length < MIN_PASSWORD) f.next = t('auth.validation.passwordLength', { min: MIN_PASSWORD });
    if (confirm !== next) f.confirm = t('auth.validation.passwordMismatch');
    setFields(f);
    setError(null);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    const res = await authClient.changePassword({
      currentPassword: current,
      newPassword: next,
      revokeOtherSessions: true,
    });
    setBusy(false);
    if (res.error) {
      if (res.error.code === 'INVALID_PASSWORD') setFields({ current: authErrorMessage(res.error) });
      else if (res.error.code === 'PASSWORD_TOO_SHORT' || res.error.code === 'PASSWORD_TOO_LONG')
        setFields({ next: authErrorMessage(res.error) });
      else setError(authErrorMessage(res.error));
      return;
    }
    setCurrent('');
    setNext('');
    setConfirm('');
    notifications.show({ color: 'teal', message: t('account.password.changed') });
  };
  return (
    <Section title={t('account.password.title')} description={t('account.password.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('auth.fields.currentPassword')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields.current}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('auth.fields.newPassword')}
            description={t('auth.passwordHint', { min: MIN_PASSWORD })}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fields.next}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('auth.fields.confirmPassword')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={fields.confirm}
            autoComplete="new-password"
            required
          />
          <List size="sm" c="dimmed" spacing={2}>
            <List.Item>{t('account.password.signOutOthers')}</List.Item>
          </List>
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
