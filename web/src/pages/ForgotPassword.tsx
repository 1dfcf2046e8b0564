import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authClient, authErrorMessage } from '../auth-client.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { IconMail } from '../icons.tsx';
import { isEmail } from '../validation.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!isEmail(email)) {
      setFieldError(t('auth.validation.email'));
      return;
    }
    setFieldError(null);
    setBusy(true);
    const res = await authClient.requestPasswordReset({ email: email.trim(), redirectTo: '/reset-password' });
    setBusy(false);
    // Same answer whether or not the address has an account; only "try later" problems are shown.
    if (res.error && (res.error.status === 429 || (res.error.status ?? 0) >= 500 || !res.error.status)) {
      setError(authErrorMessage(res.error));
      return;
    }
    setDone(true);
  };

  if (done) {
    return (
      <AuthCard title={t('auth.forgot.sentTitle')} icon={<IconMail size={26} />}>
        <Text>{t('auth.forgot.sentBody', { email: email.trim() })}</Text>
        <Text size="sm" c="dimmed">
          {t('auth.forgot.sentHint')}
        </Text>
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          {t('auth.backToSignIn')}
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.forgot.title')} description={t('auth.forgot.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError}
            autoComplete="email"
            required
          />
          <Button type="submit" loading={busy} fullWidth size="md">
            {t('auth.forgot.submit')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
