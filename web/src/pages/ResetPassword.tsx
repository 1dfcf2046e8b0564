import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { authClient, authErrorMessage } from '../auth-client.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { IconAlert, IconCheck, IconKey } from '../icons.tsx';
import { MIN_PASSWORD } from '../validation.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const linkError = params.get('error');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (linkError || !token || invalid) {
    return (
      <AuthCard title={t('auth.reset.invalidTitle')} icon={<IconAlert size={26} />}>
        <Text>{t('auth.reset.invalidBody')}</Text>
        <Button component={Link} to="/forgot-password">
          {t('auth.reset.requestAgain')}
        </Button>
      </AuthCard>
    );
  }

  if (done) {
    return (
      <AuthCard title={t('auth.reset.doneTitle')} icon={<IconCheck size={26} />}>
        <Text>{t('auth.reset.doneBody')}</Text>
        <Button component={Link} to="/sign-in">
          {t('common.signIn')}
        </Button>
      </AuthCard>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: typeof fields = {};
    if (password.length < MIN_PASSWORD)
      f.password = t('auth.validation.passwordLength', { min: MIN_PASSWORD });
    if (confirm !== password) f.confirm = t('auth.validation.passwordMismatch');
    setFields(f);
    setError(null);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    const res = await authClient.resetPassword({ newPassword: password, token });
    setBusy(false);
    if (res.error) {
      if (res.error.code === 'INVALID_TOKEN') setInvalid(true);
      else if (res.error.code === 'PASSWORD_TOO_SHORT' || res.error.code === 'PASSWORD_TOO_LONG')
        setFields({ password: authErrorMessage(res.error) });
      else setError(authErrorMessage(res.error));
      return;
    }
    setDone(true);
  };

  return (
    <AuthCard title={t('auth.reset.title')} description={t('auth.reset.lead')} icon={<IconKey size={26} />}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('auth.fields.newPassword')}
            description={t('auth.passwordHint', { min: MIN_PASSWORD })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
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
          <Button type="submit" loading={busy} fullWidth size="md">
            {t('auth.reset.submit')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
