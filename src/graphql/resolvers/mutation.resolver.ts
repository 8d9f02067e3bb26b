import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { ObservationInput, RecordResult } from '../types/record.type.js';
import { BadInputError } from '../errors.js';
import { LoadError } from '../../ingest/load-error.js';
import { toObservationRecords, describeProblems } from '../record-input.js';
import type { Context } from '../context.js';

export const MAX_RECORDS = 1000;

@Resolver()
export class MutationResolver {
  @Mutation(() => RecordResult, {
    description: `Records up to ${MAX_RECORDS} figures in one transaction, checked like a file load: one rejected figure rejects the batch (BAD_USER_INPUT listing every problem as input[i].field). Needs the write token ("Authorization: Bearer <token>"); a server without one is read-only (READ_ONLY).`,
  })
  async recordObservations(
    @Arg('input', () => [ObservationInput], { description: `The figures, at most ${MAX_RECORDS}.` })
    input: ObservationInput[],
    @Ctx() ctx: Context,
  ): Promise<RecordResult> {
    ctx.writeAccess.check(ctx.authorization, 'recordObservations');
    if (input.length === 0 || input.length > MAX_RECORDS)
      throw new BadInputError(
        'input',
        `give 1 to ${MAX_RECORDS} figures per request (the cap on recordObservations), got ${input.length}; send more in further requests`,
      );
    try {
      const result = await ctx.writer.recordObservations(toObservationRecords(input));
      return { received: input.length, written: result.observationsWritten, importId: result.importId ?? null };
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      const problems = describeProblems(error);
      throw new GraphQLError(
        `Argument "input": rejected, nothing was recorded (${error.total} problem${error.total === 1 ? '' : 's'}): ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`,
        {
          extensions: { code: 'BAD_USER_INPUT', argument: 'input', total: error.total, problems },
        },
      );
    }
  }
}
