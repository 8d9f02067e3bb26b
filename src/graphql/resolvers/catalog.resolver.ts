import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { DocumentLinkRow, DocumentRow, IndicatorRow, ObservationRow, SourceRow } from '../../domain/rows.js';
import { Indicator } from '../types/indicator.type.js';
import { Observation } from '../types/observation.type.js';
import { Source } from '../types/source.type.js';
import { DocumentLink, PolicyDocument } from '../types/document.type.js';
import { Locality } from '../types/locality.type.js';
import { toGlobalId } from '../ids.js';
import type { Context } from '../context.js';

@Resolver(() => Observation)
export class ObservationResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id (base64url of "<Type>:<code>").' })
  id(@Root() root: ObservationRow): string {
    return toGlobalId('Observation', root.id);
  }

  @FieldResolver(() => Indicator, { description: 'What was measured.' })
  async indicator(@Root() root: ObservationRow, @Ctx() ctx: Context): Promise<IndicatorRow | undefined> {
    return (await ctx.loaders.indicators()).get(root.indicator);
  }

  @FieldResolver(() => Source, { description: 'Where the figure was published.' })
  async source(@Root() root: ObservationRow, @Ctx() ctx: Context): Promise<SourceRow | null> {
    return ctx.loaders.source.load(root.sourceId);
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The unit or organisation the figure is about.' })
  async subject(@Root() root: ObservationRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(root.subjectId);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when rebuilt from predecessor units for a series on today's geography (see Geography.CURRENT); formula lists the terms.",
  })
  reconstructed(@Root() root: ObservationRow): boolean {
    return root.reconstructed === true;
  }

  @FieldResolver(() => [Observation], {
    description:
      'Every revision of this figure (same subject, indicator, period and source), oldest first; the last is the current one.',
  })
  async history(@Root() root: ObservationRow, @Ctx() ctx: Context): Promise<ObservationRow[]> {
    return ctx.loaders.history.load({ id: root.id, args: null });
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id (base64url of "<Type>:<code>").' })
  id(@Root() root: SourceRow): string {
    return toGlobalId('Source', root.id);
  }

  @FieldResolver(() => String, { description: 'Stable code used in data files and arguments.' })
  code(@Root() root: SourceRow): string {
    return root.id;
  }

  @FieldResolver(() => [Observation], { description: 'Every figure taken from this source (latest revision of each).' })
  async observations(@Root() root: SourceRow, @Ctx() ctx: Context): Promise<ObservationRow[]> {
    return ctx.loaders.observationsOfSource.load({ id: root.id, args: null });
  }
}

@Resolver(() => PolicyDocument)
export class DocumentResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id (base64url of "<Type>:<code>").' })
  id(@Root() root: DocumentRow): string {
    return toGlobalId('Document', root.id);
  }

  @FieldResolver(() => String, { description: 'Stable code used in data files and arguments.' })
  code(@Root() root: DocumentRow): string {
    return root.id;
  }

  @FieldResolver(() => Source, { description: 'The source that names the document.' })
  async source(@Root() root: DocumentRow, @Ctx() ctx: Context): Promise<SourceRow | null> {
    return ctx.loaders.source.load(root.sourceId);
  }

  @FieldResolver(() => [DocumentLink], { description: 'Units and organisations the document relates to.' })
  async links(@Root() root: DocumentRow, @Ctx() ctx: Context): Promise<DocumentLinkRow[]> {
    return ctx.loaders.documentLinksOfDocument.load({ id: root.id, args: null });
  }
}

@Resolver(() => DocumentLink)
export class DocumentLinkResolver {
  @FieldResolver(() => PolicyDocument, { description: 'The document.' })
  async document(@Root() root: DocumentLinkRow, @Ctx() ctx: Context): Promise<DocumentRow | null> {
    return ctx.loaders.document.load(root.documentId);
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The unit or organisation.' })
  async locality(@Root() root: DocumentLinkRow, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(root.unitId);
  }

  @FieldResolver(() => Source, { description: 'The source that reports the link.' })
  async source(@Root() root: DocumentLinkRow, @Ctx() ctx: Context): Promise<SourceRow | null> {
    return ctx.loaders.source.load(root.sourceId);
  }
}
