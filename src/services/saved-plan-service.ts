/**
 * Saved career plans: a signed-in person keeps a target, constraints and the plan they follow, and
 * marks steps done. Opening a plan re-plans from the current record (so a new job or a new
 * credential moves the dates); done marks follow the steps by their stable ids, and the response
 * says when the plan differs from the one last shown.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Catalog } from '../catalog/schema.js';
import type { CareerPlan, PlanConstraints, PlanResult } from '../core/plan.js';
import {
  countSavedPlans,
  deleteSavedPlan,
  findSavedPlan,
  insertSavedPlan,
  listSavedPlans,
  lockPlansOfUser,
  lockSavedPlan,
  updateSavedPlan,
  type SavedPlanRow,
} from '../storage/plan-repository.js';
import type { Database } from '../storage/tables.js';
import { recordAudit } from './audit-service.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { planFor } from './plan-service.js';
import { loadProfile } from './record-service.js';
import { sha256Hex } from './secrets.js';

type Db = Kysely<Database>;

/**
 * Saved plans per person. A person compares a handful of targets; 50 is far beyond that, and
 * bounds what one account stores and what listing re-reads (each plan is re-planned when opened).
 */
export const MAX_SAVED_PLANS = 50;

export interface SavedPlanSummary {
  id: string;
  to: { id: string; title: string };
  from: string | null;
  constraints: PlanConstraints;
  choice: number;
  done: string[];
  createdAt: string;
  updatedAt: string;
}

export interface SavedPlan extends SavedPlanSummary {
  result: PlanResult;
  /** The plan followed (`choice`, or the best when fewer plans exist now); null when blocked. */
  plan: CareerPlan | null;
  /** True when re-planning changed the plan since it was last shown. */
  changed: boolean;
}

export interface SavedPlanContext {
  actor: string;
  at: string;
  today: string;
}

function summary(catalog: Catalog, row: SavedPlanRow): SavedPlanSummary {
  const role = catalog.roles.find((r) => r.id === row.target_role);
  return {
    id: row.id,
    to: { id: row.target_role, title: role?.title ?? row.target_role },
    from: row.from_role,
    constraints: JSON.parse(row.constraints) as PlanConstraints,
    choice: row.choice,
    done: JSON.parse(row.done) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What identifies a plan's content: its steps and dates (not the wording). */
function digestOf(plan: CareerPlan | null): string {
  return sha256Hex(JSON.stringify(plan ? plan.steps.map((s) => [s.id, s.start, s.end]) : null));
}

export async function listPlans(db: Db, catalog: Catalog, userId: string): Promise<SavedPlanSummary[]> {
  return (await listSavedPlans(db, userId)).map((r) => summary(catalog, r));
}

async function open(
  db: Db,
  catalog: Catalog,
  userId: string,
  row: SavedPlanRow,
  ctx: SavedPlanContext,
): Promise<SavedPlan> {
  const profile = await loadProfile(db, userId);
  const s = summary(catalog, row);
  const result = planFor(
    catalog,
    profile,
    { to: s.to.id, ...(s.from ? { from: s.from } : {}), constraints: s.constraints },
    ctx.today,
  );
  const plan = result.plans[Math.min(s.choice, result.plans.length - 1)] ?? null;
  const digest = digestOf(plan);
  const changed = row.last_digest !== null && row.last_digest !== digest;
  if (row.last_digest !== digest) await updateSavedPlan(db, userId, row.id, { last_digest: digest });
  return { ...s, result, plan, changed };
}

/** @throws CareerInputError (400) when the plan cannot be made (unknown role, no current role, ...). */
export async function createPlan(
  db: Db,
  catalog: Catalog,
  userId: string,
  input: { to: string; from?: string; constraints?: PlanConstraints; choice?: number },
  ctx: SavedPlanContext,
): Promise<SavedPlan> {
  // Plan once first: bad input is refused before anything is stored.
  const profile = await loadProfile(db, userId);
  const result = planFor(
    catalog,
    profile,
    { to: input.to, ...(input.from ? { from: input.from } : {}), constraints: input.constraints ?? {} },
    ctx.today,
  );
  const choice = input.choice ?? 0;
  if (result.plans.length && choice >= result.plans.length) {
    throw new ValidationError(
      `choice: there ${result.plans.length === 1 ? 'is 1 plan' : `are ${result.plans.length} plans`}`,
      {
        issues: [{ path: 'choice', message: `must be less than ${result.plans.length}` }],
      },
    );
  }
  const row: SavedPlanRow = {
    id: randomUUID(),
    user_id: userId,
    target_role: input.to,
    from_role: input.from ?? null,
    constraints: JSON.stringify(input.constraints ?? {}),
    choice,
    done: '[]',
    last_digest: null,
    created_at: ctx.at,
    updated_at: ctx.at,
  };
  await db.transaction().execute(async (trx) => {
    await lockPlansOfUser(trx, userId);
    if ((await countSavedPlans(trx, userId)) >= MAX_SAVED_PLANS)
      throw new ConflictError(
        'plan_limit_reached',
        `You have ${MAX_SAVED_PLANS} saved plans, the most one account keeps; delete one you no longer follow first.`,
        { limit: MAX_SAVED_PLANS },
      );
    await insertSavedPlan(trx, row);
    await recordAudit(
      trx,
      { userId, action: 'plan.create', actor: ctx.actor, details: { target: input.to } },
      ctx.at,
    );
  });
  return open(db, catalog, userId, row, ctx);
}

async function rowOf(db: Db, userId: string, id: string): Promise<SavedPlanRow> {
  const row = await findSavedPlan(db, userId, id);
  if (!row) throw new NotFoundError('plan_not_found', `No saved plan with id ${id}`);
  return row;
}

export async function getPlan(
  db: Db,
  catalog: Catalog,
  userId: string,
  id: string,
  ctx: SavedPlanContext,
): Promise<SavedPlan> {
  return open(db, catalog, userId, await rowOf(db, userId, id), ctx);
}

const stepIdPattern = /^(start|degree|program|certification|role|renewal):[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Marks a step done or not done; the mark follows the step id across re-plans. */
export async function setStepDone(
  db: Db,
  catalog: Catalog,
  userId: string,
  id: string,
  stepId: string,
  done: boolean,
  ctx: SavedPlanContext,
): Promise<SavedPlan> {
  if (!stepIdPattern.test(stepId)) {
    throw new ValidationError(`stepId: not a plan step id such as certification:CPHQ`, {
      issues: [{ path: 'stepId', message: 'not a plan step id such as certification:CPHQ' }],
    });
  }
  const row = await rowOf(db, userId, id);
  if (done) {
    // Only a step of the plan followed can be marked done (unmarking an old mark is always allowed).
    const s = summary(catalog, row);
    const result = planFor(
      catalog,
      await loadProfile(db, userId),
      { to: s.to.id, ...(s.from ? { from: s.from } : {}), constraints: s.constraints },
      ctx.today,
    );
    const plan = result.plans[Math.min(s.choice, result.plans.length - 1)];
    if (!plan?.steps.some((step) => step.id === stepId))
      throw new ValidationError(`stepId: ${stepId} is not a step of this plan`, {
        issues: [{ path: 'stepId', message: `${stepId} is not a step of this plan` }],
      });
  }
  // Read, change and write the marks under the row's lock: parallel marks all stay.
  const next = await db.transaction().execute(async (trx) => {
    const current = await lockSavedPlan(trx, userId, id);
    if (!current) throw new NotFoundError('plan_not_found', `No saved plan with id ${id}`);
    const marks = new Set(JSON.parse(current.done) as string[]);
    if (done) marks.add(stepId);
    else marks.delete(stepId);
    const changed = { ...current, done: JSON.stringify([...marks].sort()), updated_at: ctx.at };
    await updateSavedPlan(trx, userId, id, { done: changed.done, updated_at: ctx.at });
    return changed;
  });
  return open(db, catalog, userId, next, ctx);
}

export async function removePlan(db: Db, userId: string, id: string, ctx: SavedPlanContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteSavedPlan(trx, userId, id)))
      throw new NotFoundError('plan_not_found', `No saved plan with id ${id}`);
    await recordAudit(trx, { userId, action: 'plan.delete', actor: ctx.actor }, ctx.at);
  });
}
