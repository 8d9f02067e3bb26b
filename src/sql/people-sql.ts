import { sql, stringList, type Fragment } from '../store/sql.js';
import { foldCase } from './units-sql.js';

const PERSON_COLUMNS = sql`id, name, party_member AS "partyMember", party_joined AS "partyJoined", source_id AS "sourceId", quote, note`;
const ROLE_COLUMNS = sql`person_id AS "personId", role, unit_id AS "unitId", period, period_start::VARCHAR AS "periodStart",
  period_end::VARCHAR AS "periodEnd", title, source_id AS "sourceId", quote, note`;

export function peopleByIds(ids: readonly string[]): Fragment {
  return sql`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ANY(${stringList(ids)})`;
}

/** Name search folds case and diacritics on both sides, as unit search does: 'vang a dia' finds Vàng A Dia. */
export function searchPeople(search: string | null, offset: number, limit: number): Fragment {
  const match = search === null ? sql`true` : sql`contains(name_folded, ${foldCase(sql`${search}`)})`;
  return sql`SELECT ${PERSON_COLUMNS}, count(*) OVER ()::INTEGER AS "totalCount" FROM people
    WHERE ${match} ORDER BY name_folded, id LIMIT ${limit} OFFSET ${offset}`;
}

export interface RoleFilter {
  /** Roles whose period contains this date (YYYY-MM-DD); null: every role on record. */
  readonly asOf: string | null;
  readonly roles: readonly string[] | null;
}

/** Roles held in these units, the latest period first. */
export function rolesInUnits(unitIds: readonly string[], f: RoleFilter): Fragment {
  return sql`SELECT ${ROLE_COLUMNS} FROM roles
    WHERE unit_id = ANY(${stringList(unitIds)})
      AND (${f.asOf}::DATE IS NULL OR (period_start <= ${f.asOf}::DATE AND (period_end IS NULL OR period_end >= ${f.asOf}::DATE)))
      AND (${f.roles === null} OR role = ANY(${stringList(f.roles ?? [])}))
    ORDER BY period_start DESC, role, person_id`;
}

export function rolesOfPeople(personIds: readonly string[]): Fragment {
  return sql`SELECT ${ROLE_COLUMNS} FROM roles WHERE person_id = ANY(${stringList(personIds)})
    ORDER BY period_start DESC, role, unit_id`;
}
