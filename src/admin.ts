import { parseArgs } from 'node:util';
import { createAuth } from './kernel/auth/auth.ts';
import { ensureOperator } from './kernel/auth/operator.ts';
import { listUsers } from './kernel/auth/users.ts';
import { loadConfig } from './kernel/config.ts';
import { createMailer } from './kernel/mail/mailer.ts';
import { openConfiguredDatabase } from './server.ts';

const usage = `使い方 / usage:
  npm run admin -- create --email <address> [--password <password>] [--name <name>]
      運営者（オペレーター）アカウントを作成します。既存のアカウントなら運営者にします。
      Creates a platform operator (or promotes an existing account).
  npm run admin -- list
      運営者の一覧を表示します。 Lists operators.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});

const command = positionals[0];
if (command !== 'create' && command !== 'list') {
  console.log(usage);
  process.exit(command ? 1 : 0);
}

const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  await database.migrate();
  const auth = createAuth({ db: database.db, config, mailer: createMailer(config) });
  if (command === 'create') {
    if (!values.email) throw new Error('--email が必要です / --email is required');
    if (values.password && values.password.length < 10) {
      throw new Error('パスワードは 10 文字以上にしてください / the password needs at least 10 characters');
    }
    const r = await ensureOperator(
      { db: database.db, auth },
      { email: values.email, password: values.password, ...(values.name ? { name: values.name } : {}) },
    );
    console.log(r.created ? `運営者を作成しました: ${values.email}` : `運営者にしました: ${values.email}`);
    if (r.password)
      console.log(`初期パスワード / initial password: ${r.password}  (ログイン後に変更してください)`);
  } else {
    const { items } = await listUsers(database.db, { page: 1 });
    for (const u of items.filter((i) => i.isOperator)) console.log(`${u.email}\t${u.name}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
