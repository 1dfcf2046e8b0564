import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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

/**
 * A provider serving an SME (お助け隊 contract): granted by the SME's owner, ended by either side.
 * While active, the provider's staff may see and work that SME's monitoring and desk data.
 */
export const serviceLink = pgTable(
  'org_service_link',
  {
    id: text('id').primaryKey(),
    providerOrgId: text('provider_org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    customerOrgId: text('customer_org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    grantedBy: text('granted_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('service_link_active_idx')
      .on(t.providerOrgId, t.customerOrgId)
      .where(sql`${t.endedAt} is null`),
    index('service_link_customer_idx').on(t.customerOrgId),
  ],
);
