/**
 * Interval arithmetic over (value, lower, upper) triples, as SQL text. NULL bounds mean
 * unbounded. Statistics here are non-negative (counts, areas, shares), which keeps division
 * simple: dividing by an interval that reaches 0 leaves the upper bound open.
 * Inputs are column expressions written by this module's callers, never request values.
 */

export interface Triple {
  value: string;
  lower: string;
  upper: string;
}

export const triple = (prefix: string): Triple => ({
  value: `${prefix}.value`,
  lower: `${prefix}.lower`,
  upper: `${prefix}.upper`,
});

/** b − a, e.g. the change from an earlier to a later value. */
export function minus(b: Triple, a: Triple): Triple {
  return {
    value: `(${b.value} - ${a.value})`,
    lower: `(${b.lower} - ${a.upper})`,
    upper: `(${b.upper} - ${a.lower})`,
  };
}

/** n ÷ d for non-negative intervals; NULL value when the denominator is 0 or missing. */
export function divide(n: Triple, d: Triple): Triple {
  return {
    value: `(${n.value} / nullif(${d.value}, 0))`,
    lower: `(CASE WHEN ${n.lower} IS NULL THEN NULL WHEN ${d.upper} IS NULL THEN 0 WHEN ${d.upper} = 0 THEN NULL ELSE ${n.lower} / ${d.upper} END)`,
    upper: `(CASE WHEN ${n.upper} IS NULL OR ${d.lower} IS NULL OR ${d.lower} <= 0 THEN NULL ELSE ${n.upper} / ${d.lower} END)`,
  };
}

export function scale(t: Triple, factor: string): Triple {
  return { value: `(${t.value} * ${factor})`, lower: `(${t.lower} * ${factor})`, upper: `(${t.upper} * ${factor})` };
}

export function offset(t: Triple, by: string): Triple {
  return { value: `(${t.value} + ${by})`, lower: `(${t.lower} + ${by})`, upper: `(${t.upper} + ${by})` };
}

/** x^(1/years) − 1 applied to a ratio interval: compound annual growth. Monotonic in x. */
export function compoundRate(ratio: Triple, years: string): Triple {
  const f = (x: string) =>
    `(CASE WHEN ${x} IS NULL OR ${x} < 0 OR ${years} <= 0 THEN NULL ELSE pow(${x}, 1.0 / ${years}) - 1 END)`;
  return { value: f(ratio.value), lower: f(ratio.lower), upper: f(ratio.upper) };
}

/**
 * The qualifier of a computed value (documented on the Qualifier enum): EXACT when every input
 * was exact; otherwise read from the interval around the value: open above → MORE_THAN,
 * open below → LESS_THAN, anything else → ABOUT. `settled` then clips the interval to the
 * indicator's domain and makes a value its inputs do not pin down UNKNOWN.
 */
export function derivedQualifier(allExact: string, t: Triple): string {
  return `(CASE WHEN ${allExact} THEN 'EXACT'
    WHEN ${t.upper} IS NULL AND ${t.lower} IS NOT NULL AND ${t.lower} >= ${t.value} THEN 'MORE_THAN'
    WHEN ${t.lower} IS NULL AND ${t.upper} IS NOT NULL AND ${t.upper} <= ${t.value} THEN 'LESS_THAN'
    ELSE 'ABOUT' END)`;
}

/** A DOUBLE as text without a trailing ".0" for whole numbers (formulas are read by people). */
export const numberText = (expr: string): string =>
  `CASE WHEN ${expr} = trunc(${expr}) THEN trunc(${expr})::BIGINT::VARCHAR ELSE ${expr}::VARCHAR END`;

/** How a qualifier reads before its number in a formula ("more than 27000"). */
export const qualifiedText = (qualifier: string, value: string): string =>
  `(CASE ${qualifier} WHEN 'MORE_THAN' THEN 'more than ' WHEN 'NEARLY' THEN 'nearly ' WHEN 'JUST_OVER' THEN 'just over '
     WHEN 'ABOUT' THEN 'about ' WHEN 'AT_LEAST' THEN 'at least ' WHEN 'LESS_THAN' THEN 'less than ' WHEN 'AT_MOST' THEN 'at most '
     WHEN 'UNKNOWN' THEN 'unknown ' ELSE '' END || coalesce(${numberText(value)}, '?'))`;
