import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organization } from '../../kernel/auth/auth.tables.ts';

/**
 * A SECURITY ACTION self-declaration. The company's name and place are kept as
 * declared: the registry and the verification page show what was declared.
 */
export const declaration = pgTable(
  'declaration',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    star: integer('star').notNull(),
    status: text('status', { enum: ['active', 'withdrawn', 'revoked', 'superseded'] }).notNull(),
    pledges: integer('pledges').array(),
    orgName: text('org_name').notNull(),
    prefecture: text('prefecture').notNull(),
    industry: text('industry').notNull(),
    corporateNumber: text('corporate_number'),
    diagnosisId: text('diagnosis_id'),
    policyUrl: text('policy_url'),
    declaredBy: text('declared_by'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    supersededBy: text('superseded_by'),
  },
  (t) => [
    uniqueIndex('declaration_one_active_idx').on(t.orgId).where(sql`${t.status} = 'active'`),
    index('declaration_org_idx').on(t.orgId, t.declaredAt),
    index('declaration_registry_idx').on(t.status, t.prefecture, t.star),
  ],
);

/** Supply chain: a buyer's list of suppliers, by declaration ID or 法人番号. */
export const supplier = pgTable(
  'supplier',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    declarationId: text('declaration_id'),
    corporateNumber: text('corporate_number'),
    /** The supplier organisation, once resolved from the ID or number. */
    supplierOrgId: text('supplier_org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supplier_org_idx').on(t.orgId), index('supplier_target_idx').on(t.supplierOrgId)],
);

/** A supplier's consent to let one buyer see its latest diagnosis total. */
export const supplierConsent = pgTable(
  'supplier_consent',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    buyerOrgId: text('buyer_org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.buyerOrgId] })],
);
