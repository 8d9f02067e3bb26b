import { Field, ID, InterfaceType } from 'type-graphql';
import { TYPE_OF_KIND } from '../ids.js';
import type { UnitKind } from '../../domain/rows.js';

/** What every addressable object carries so `node(id:)` can find it again. */
export function typeNameOf(value: Record<string, unknown>): string | undefined {
  if (typeof value['__typename'] === 'string') return value['__typename'];
  const kind = value['kind'] as UnitKind | undefined;
  return kind && kind in TYPE_OF_KIND ? TYPE_OF_KIND[kind] : undefined;
}

@InterfaceType('Node', {
  description: 'An object with a global id (Relay): fetch it again with `node(id:)`.',
  resolveType: (value) => typeNameOf(value as Record<string, unknown>),
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id (base64url of "<Type>:<code>").' })
  id!: string;
}
