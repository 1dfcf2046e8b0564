// Values the e2e app server is started with (see global-setup.ts).
export const OPERATOR_EMAIL = 'operator@example.test';
export const OPERATOR_PASSWORD = 'operator-pass-123';
