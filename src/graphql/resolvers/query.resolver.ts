import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { IndicatorRow, UnitRow } from '../../domain/rows.js';
import { Node } from '../types/node.type.js';
import { Locality, LocalityConnection } from '../types/locality.type.js';
import { Indicator } from '../types/indicator.type.js';
import { Source } from '../types/source.type.js';
import { PolicyDocument } from '../types/document.type.js';
import { LocalityKind } from '../types/enums.js';
import { fromGlobalId, kindOfType } from '../ids.js';
import { toPage, checkIndicator } from '../args.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { Context } from '../context.js';
import { toConnection } from './connection.js';

async function loadNode(ctx: Context, id: string, argument: string): Promise<object> {
  const { type, code } = fromGlobalId(id, argument);
  const kind = kindOfType(type);
  const found = kind
    ? await ctx.loaders.unit.load(code).then((u) => (u && u.kind === kind ? u : null))
    : type === 'Source'
      ? await ctx.loaders.source.load(code).then((s) => s && { ...s, __typename: 'Source' })
      : type === 'Document'
        ? await ctx.loaders.document.load(code).then((d) => d && { ...d, __typename: 'Document' })
        : type === 'Person'
          ? await ctx.loaders.person.load(code).then((p) => p && { ...p, __typename: 'Person' })
          : await ctx.loaders.observation.load(code).then((o) => o && { ...o, __typename: 'Observation' });
  if (!found) throw new NotFoundError(argument, `${type} with id ${id} (code "${code.slice(0, 80)}")`);
  return found;
}

const isGsoCode = (code: string) => /^(\d{2}|\d{3}|\d{5})$/.test(code);

/** The unit version a GSO code named on a date; an unknown code or date names what there is. */
async function unitByGsoCode(ctx: Context, code: string, asOf: string | null): Promise<UnitRow> {
  const unit = await ctx.reader.readUnitByGsoCode(code, asOf);
  if (unit) return unit;
  const versions = await ctx.reader.readVersionsOfGsoCode(code);
  if (versions.length === 0) throw new NotFoundError('code', `unit with GSO code "${code}"`);
  const spans = versions
    .map((v) => `${v.name} (${v.validFrom ?? 'start not known'} to ${v.validTo ?? 'today'})`)
    .join(', ');
  throw new NotFoundError('asOf', `unit with GSO code "${code}" on ${asOf}; it named ${spans}`);
}

@Resolver()
export class QueryResolver {
  @Query(() => Node, {
    description: 'Any object by its global id. An unknown or malformed id is an error that names the argument.',
  })
  node(@Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id, 'id');
  }

  @Query(() => [Node], { description: 'Several objects by global id, in the order asked.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids (at most 1000).' }) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > 1000) throw new BadInputError('ids', `at most 1000 ids, got ${ids.length}`);
    return Promise.all(ids.map((id, i) => loadNode(ctx, id, `ids[${i}]`)));
  }

  @Query(() => Locality, {
    description:
      'One unit or Party organisation by global id, by code ("village/huoi-song") or by GSO code with a date ("03385" on 2024-06-01 is Háng Lìa, on 2026-01-01 Tìa Dình). Give exactly one of id and code.',
  })
  async locality(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id?: string | null,
    @Arg('code', () => String, {
      nullable: true,
      description:
        'Code, "<kind>/<slug>" (e.g. "village/huoi-song", "commune/03385-2025-07-01"), or a GSO code of 2, 3 or 5 digits ("11", "103", "03385").',
    })
    code?: string | null,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description:
        'With a GSO code: the unit that had the code on this date (YYYY-MM-DD). Omitted: the one that has it today, or its last holder.',
    })
    asOf?: string | null,
  ): Promise<UnitRow | object> {
    if ((id == null) === (code == null))
      throw new BadInputError(id == null ? 'id' : 'code', 'give exactly one of id or code');
    if (code != null && isGsoCode(code)) return unitByGsoCode(ctx, code, asOf ?? null);
    if (asOf != null)
      throw new BadInputError(
        'asOf',
        'a date picks the unit a GSO code named then; an id or a "<kind>/<slug>" code names one unit already',
      );
    if (id != null) {
      const { type } = fromGlobalId(id, 'id');
      if (!kindOfType(type)) throw new BadInputError('id', `expected the id of a locality, got a ${type}`);
      return loadNode(ctx, id, 'id');
    }
    const unit = await ctx.loaders.unit.load(code!);
    if (!unit)
      throw new NotFoundError(
        'code',
        `locality with code "${code!.slice(0, 80)}" (codes look like "village/huoi-song" or "commune/03385-2025-07-01")`,
      );
    return unit;
  }

  @Query(() => LocalityConnection, {
    description:
      'Units and organisations, filtered and paged. Search ignores case and Vietnamese diacritics: "Tia Dinh" finds "Tìa Dình".',
  })
  async localities(
    @Ctx() ctx: Context,
    @Arg('kind', () => [LocalityKind], { nullable: true, description: 'Only these kinds.' })
    kind?: LocalityKind[] | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name, with or without diacritics.' })
    search?: string | null,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Only units valid on this date (YYYY-MM-DD).',
    })
    asOf?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 1000 (default 100).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from pageInfo.endCursor.' })
    after?: string | null,
  ) {
    const page = toPage(first, after);
    if (search != null && search.length > 200) throw new BadInputError('search', 'at most 200 characters');
    const rows = await ctx.reader.searchUnits({
      kinds: kind ?? null,
      search: search ?? null,
      asOf: asOf ?? null,
      ...page,
    });
    if (rows.length === 0 && page.offset > 0) {
      const [count] = await ctx.reader.searchUnits({
        kinds: kind ?? null,
        search: search ?? null,
        asOf: asOf ?? null,
        offset: 0,
        limit: 1,
      });
      return toConnection([], page, count?.totalCount ?? 0);
    }
    return toConnection(rows, page);
  }

  @Query(() => [Indicator], { description: 'The indicator catalogue.' })
  async indicators(@Ctx() ctx: Context): Promise<IndicatorRow[]> {
    return [...(await ctx.loaders.indicators()).values()];
  }

  @Query(() => Indicator, { description: 'One indicator by code.' })
  async indicator(
    @Arg('code', () => String, { description: 'Indicator code.' }) code: string,
    @Ctx() ctx: Context,
  ): Promise<IndicatorRow> {
    await checkIndicator(ctx, code, 'code');
    return (await ctx.loaders.indicators()).get(code)!;
  }

  @Query(() => [Source], { description: 'Every source, most recently published first.' })
  sources(@Ctx() ctx: Context) {
    return ctx.reader.listSources();
  }

  @Query(() => [PolicyDocument], {
    description: 'Resolutions, plans, guidance and laws named by the sources, oldest first.',
  })
  documents(@Ctx() ctx: Context) {
    return ctx.reader.listDocuments();
  }
}
