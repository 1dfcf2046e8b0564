import { Alert, Anchor, Button, Checkbox, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authClient, authErrorMessage } from '../auth-client.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { IconLock } from '../icons.tsx';
import { finishSignIn } from './SignIn.tsx';

export function TwoFactorPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = params.get('redirect');
  const [method, setMethod] = useState<'totp' | 'backup'>('totp');
  const [code, setCode] = useState('');
  const [trust, setTrust] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = code.trim().replace(/\s+/g, '');
    setError(null);
    setFieldError(null);
    if (method === 'totp' && !/^\d{6}$/.test(value)) {
      setFieldError(t('auth.twoFactor.codeFormat'));
      return;
    }
    if (method === 'backup' && value.length < 4) {
      setFieldError(t('auth.twoFactor.backupFormat'));
      return;
    }
    setBusy(true);
    const res =
      method === 'totp'
        ? await authClient.twoFactor.verifyTotp({ code: value, trustDevice: trust })
        : await authClient.twoFactor.verifyBackupCode({ code: value, trustDevice: trust });
    if (res.error) {
      setBusy(false);
      if (res.error.code === 'INVALID_TWO_FACTOR_COOKIE' || res.error.status === 401) setExpired(true);
      else if (res.error.code === 'INVALID_CODE' || res.error.code === 'INVALID_BACKUP_CODE')
        setFieldError(authErrorMessage(res.error));
      else setError(authErrorMessage(res.error));
      return;
    }
    await finishSignIn(qc, (to) => navigate(to, { replace: true }), redirect);
  };

  const signInHref = redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in';

  return (
    <AuthCard
      title={t('auth.twoFactor.title')}
      description={t('auth.twoFactor.lead')}
      icon={<IconLock size={26} />}
    >
      {expired ? (
        <Alert color="yellow" role="alert">
          {t('auth.twoFactor.expired')}{' '}
          <Anchor component={Link} to={signInHref}>
            {t('auth.backToSignIn')}
          </Anchor>
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SegmentedControl
            fullWidth
            value={method}
            onChange={(v) => {
              setMethod(v === 'backup' ? 'backup' : 'totp');
              setCode('');
              setFieldError(null);
            }}
            data={[
              { value: 'totp', label: t('auth.twoFactor.useApp') },
              { value: 'backup', label: t('auth.twoFactor.useBackup') },
            ]}
            aria-label={t('auth.twoFactor.method')}
          />
          {method === 'totp' ? (
            <TextInput
              key="totp"
              label={t('auth.twoFactor.codeLabel')}
              description={t('auth.twoFactor.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldError}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              required
              styles={{ input: { letterSpacing: '0.3em', fontSize: 20 } }}
            />
          ) : (
            <TextInput
              key="backup"
              label={t('auth.twoFactor.backupLabel')}
              description={t('auth.twoFactor.backupHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldError}
              autoComplete="off"
              autoFocus
              required
            />
          )}
          <Checkbox
            label={t('auth.twoFactor.trust')}
            checked={trust}
            onChange={(e) => setTrust(e.currentTarget.checked)}
          />
          <Button type="submit" loading={busy} fullWidth size="md">
            {t('auth.twoFactor.submit')}
          </Button>
          <Anchor component={Link} to={signInHref} size="sm" ta="center">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
