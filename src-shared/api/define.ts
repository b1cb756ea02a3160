import type { z } from 'zod';

/**
 * One contract method: a zod schema for its input and (as a type only) its output.
 * The output is phantom: it exists for the type checker, the wire carries JSON.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}
