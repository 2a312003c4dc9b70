import {
  ORGANISATION_BY_ID,
  PERSON_BY_ID,
  type PersonRecord,
  type Role,
  type RoleCode,
  STATE_BY_ID,
} from './data.js';

/** A span of time a mention refers to: a day (the document date) or a whole year named in the sentence. */
export interface TimeWindow {
  readonly earliest: string;
  readonly latest: string;
}

export function dayWindow(date: string): TimeWindow {
  return { earliest: date, latest: date };
}

export function lookupPerson(id: string): PersonRecord | null {
  return PERSON_BY_ID.get(id) ?? null;
}

/** Canonical name as the gold files write it: `Kim Jong-un`, `Vladimir Putin`. */
export function personName(id: string): string | null {
  return PERSON_BY_ID.get(id)?.name ?? null;
}

const DAY_MS = 86_400_000;

/** Days of `window` covered by the role (0 when they do not overlap); a one-day window counts 1. */
export function roleOverlapDays(role: Role, window: TimeWindow): number {
  // ISO dates compare as strings; Math.max would coerce them to numbers
  const start = [role.start, window.earliest].sort()[1] as string;
  const end = role.end === null || role.end > window.latest ? window.latest : role.end;
  if (role.end !== null && role.end <= window.earliest) return 0;
  if (start > end) return 0;
  return Math.max(1, (Date.parse(end) - Date.parse(start)) / DAY_MS);
}

export function activeRoles(person: PersonRecord, window: TimeWindow): Role[] {
  return person.roles.filter((r) => roleOverlapDays(r, window) > 0);
}

const ROLE_FALLBACK: Partial<Record<RoleCode, RoleCode[]>> = {
  // Where the title's office does not exist the real power usually sits in another one.
  leader: ['leader', 'hos', 'hog'],
  hog: ['hog', 'hos'],
  hos: ['hos', 'leader'],
};

const OFFICE_HOLDERS: ReadonlyMap<string, readonly PersonRecord[]> = (() => {
  const index = new Map<string, PersonRecord[]>();
  for (const person of PERSON_BY_ID.values()) {
    for (const key of new Set(person.roles.map((r) => `${r.country} ${r.role}`))) {
      index.set(key, [...(index.get(key) ?? []), person]);
    }
  }
  return index;
})();

/** Who held `role` for `country` during `window`, longest tenure in the window first. */
export function holdersOf(
  country: string,
  role: RoleCode,
  window: TimeWindow,
): { person: PersonRecord; days: number }[] {
  for (const tryRole of ROLE_FALLBACK[role] ?? [role]) {
    const found: { person: PersonRecord; days: number }[] = [];
    for (const person of OFFICE_HOLDERS.get(`${country} ${tryRole}`) ?? []) {
      let days = 0;
      for (const r of person.roles) {
        if (r.country === country && r.role === tryRole) days += roleOverlapDays(r, window);
      }
      if (days > 0) found.push({ person, days });
    }
    if (found.length > 0) return found.sort((a, b) => b.days - a.days);
  }
  return [];
}

const ROLE_RANK: Record<RoleCode, number> = {
  leader: 6,
  hos: 6,
  hog: 5,
  fm: 4,
  dm: 3,
  nsa: 3,
  mil: 2,
  sg: 4,
  vp: 2,
};

export function roleRank(role: RoleCode): number {
  return ROLE_RANK[role];
}

/**
 * The state (ISO alpha-3) or organisation an entity belongs to: a state itself, an organisation's home state (or the
 * organisation id), a person's country — at `date` when given, else their most prominent latest office.
 */
export function countryOf(entityId: string, date?: string): string | null {
  if (STATE_BY_ID.has(entityId)) return entityId;
  const org = ORGANISATION_BY_ID.get(entityId);
  if (org) return org.country ?? org.id;
  const person = PERSON_BY_ID.get(entityId);
  if (!person) return null;
  const roles = date ? activeRoles(person, dayWindow(date)) : [];
  const pool = roles.length > 0 ? roles : person.roles;
  const stateRoles = pool.filter((r) => STATE_BY_ID.has(r.country));
  const chosen = (stateRoles.length > 0 ? stateRoles : pool).reduce<Role | null>(
    (best, r) => (best === null || ROLE_RANK[r.role] > ROLE_RANK[best.role] ? r : best),
    null,
  );
  return chosen?.country ?? null;
}
