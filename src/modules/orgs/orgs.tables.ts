import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/** The organisation's profile: what kind it is and where it stands (the tenant row is the kernel's). */
export const orgProfile = pgTable(
  'org_profile',
  {
    orgId: text('org_id')
      .primaryKey()
      .references(() => organization.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['sme', 'provider'] }).notNull(),
    corporateNumber: text('corporate_number'),
    prefecture: text('prefecture').notNull(),
    industry: text('industry').notNull(),
    employees: text('employees').notNull(),
    website: text('website'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_profile_group_idx').on(t.industry, t.employees),
    index('org_profile_pref_idx').on(t.prefecture),
  ],
);
