import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { PersonRow, RoleRow, SourceRow, UnitRow } from '../../domain/rows.js';
import { Person, PersonConnection, Role, RoleHeld } from '../types/person.type.js';
import { Locality } from '../types/locality.type.js';
import { Source } from '../types/source.type.js';
import { toGlobalId } from '../ids.js';
import { toPage } from '../args.js';
import type { Context } from '../context.js';
import { toConnection } from './connection.js';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() root: PersonRow): string {
    return toGlobalId('Person', root.id);
  }

  @FieldResolver(() => String)
  code(@Root() root: PersonRow): string {
    return root.id;
  }

  @FieldResolver(() => Source, { description: 'The source that names the person.' })
  async source(@Root() root: PersonRow, @Ctx() ctx: Context): Promise<SourceRow | null> {
    return ctx.loaders.source.load(root.sourceId);
  }

  @FieldResolver(() => [RoleHeld], { description: 'Every role on record, the latest first.' })
  async roles(@Root() root: PersonRow, @Ctx() ctx: Context): Promise<RoleRow[]> {
    return ctx.loaders.rolesOfPerson.load({ id: root.id, args: null });
  }
}

@Resolver(() => RoleHeld)
export class RoleHeldResolver {
  @FieldResolver(() => Person, { description: 'Who held it.' })
  async person(@Root() root: RoleRow, @Ctx() ctx: Context): Promise<PersonRow | null> {
    return ctx.loaders.person.load(root.personId);
  }

  @FieldResolver(() => Locality, { description: 'The unit or Party organisation the role is held in.' })
  async locality(@Root() root: RoleRow, @Ctx() ctx: Context): Promise<UnitRow | null> {
    return ctx.loaders.unit.load(root.unitId);
  }

  @FieldResolver(() => Source, { description: 'The source that names the person in the role.' })
  async source(@Root() root: RoleRow, @Ctx() ctx: Context): Promise<SourceRow | null> {
    return ctx.loaders.source.load(root.sourceId);
  }
}

/** Who held a role in a unit when: a field of every locality. */
@Resolver(() => Locality)
export class LocalityOfficialsResolver {
  @FieldResolver(() => [RoleHeld], {
    description: 'The people the sources name in a role here (village head, Party secretary ...), the latest first.',
  })
  async officials(
    @Root() root: UnitRow,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Only roles whose period contains this date (YYYY-MM-DD). Omitted: every role on record.',
    })
    asOf?: string | null,
    @Arg('roles', () => [Role], { nullable: true, description: 'Only these roles.' }) roles?: string[] | null,
  ): Promise<RoleRow[]> {
    return ctx.loaders.rolesInUnit.load({ id: root.id, args: { asOf: asOf ?? null, roles: roles ?? null } });
  }
}

@Resolver()
export class PeopleQueryResolver {
  @Query(() => PersonConnection, {
    description: 'People the sources name, by name (case and diacritics ignored: "vang a dia" finds Vàng A Dia).',
  })
  async people(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true, description: 'Part of the name; omitted: everyone.' })
    search?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
    after?: string | null,
  ) {
    const page = toPage(first, after);
    return toConnection<PersonRow>(await ctx.reader.searchPeople(search ?? null, page.offset, page.limit), page);
  }
}
