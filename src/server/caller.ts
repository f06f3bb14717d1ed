/**
 * What a request's caller sees: their catalog view (the built-in catalog plus their
 * organizations' entries) and their "today" (the date in their time zone, else UTC). Every route
 * that reads the catalog or needs "today" goes through these two functions.
 */
import type { FastifyRequest } from 'fastify';
import { catalogFor, type CatalogView } from '../services/catalog-service.js';
import { systemClock, todayFor } from '../services/clock.js';
import { organizationIdsOfUser } from '../storage/organization-repository.js';
import { findUserTimeZone } from '../storage/user-repository.js';
import type { AppDeps } from './app.js';

/** The catalog view for the caller: built-in, plus the entries of the organizations they belong to. */
export async function callerCatalog(deps: AppDeps, request: FastifyRequest): Promise<CatalogView> {
  const userId = request.auth?.userId;
  return catalogFor(deps, userId ? await organizationIdsOfUser(deps.storage.db, userId) : []);
}

/** The caller's time zone: their account's, else null (UTC). */
export async function callerTimeZone(deps: AppDeps, request: FastifyRequest): Promise<string | null> {
  const userId = request.auth?.userId;
  return userId ? findUserTimeZone(deps.storage.db, userId) : null;
}

/** Today (`YYYY-MM-DD`) for the caller: in their account's time zone, else UTC. */
export async function callerToday(deps: AppDeps, request: FastifyRequest): Promise<string> {
  return todayFor(deps.clock ?? systemClock, await callerTimeZone(deps, request));
}
