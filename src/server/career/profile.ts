/**
 * The profile a career request is about: the one in the body (checked, problems under `profile.`),
 * else the signed-in caller's record, else an empty profile. Shared by /api/recommendations and
 * /api/plan.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PROFILE_FORMAT, profileSchema, type Profile } from '../../core/profile.js';
import { profileJsonSchema } from '../../services/profile-json-schema.js';
import { ProfileError, validateProfile } from '../../services/profile-service.js';
import { loadProfile } from '../../services/record-service.js';
import type { AppDeps } from '../app.js';
import { callerCatalog } from '../caller.js';

export async function profileOfRequest(
  deps: AppDeps,
  request: FastifyRequest,
  raw: unknown,
): Promise<Profile> {
  if (raw !== undefined) {
    try {
      return validateProfile((await callerCatalog(deps, request)).catalog, raw);
    } catch (e) {
      throw e instanceof ProfileError ? e.prefixed('profile') : e;
    }
  }
  if (request.auth) return loadProfile(deps.storage.db, request.auth.userId);
  return profileSchema.parse({ format: PROFILE_FORMAT });
}

const { $schema: _schema, $id: _id, ...profileDoc } = profileJsonSchema();

/** An optional profile field, documented with the profile format's JSON Schema. */
export function optionalProfileField(description: string) {
  return z
    .unknown()
    .optional()
    .meta({ ...profileDoc, description });
}
