// How adoption refuses what a stack file cannot reproduce, and the one comparison every step uses.

/** What adoption cannot reproduce, in one line. */
export class AdoptionError extends Error {}

export const refuse = (message: string): never => {
  throw new AdoptionError(message);
};

/** The one value all agree on, else undefined. */
export const uniform = <T>(values: readonly T[]): T | undefined => {
  const seen = new Set(values.map((v) => JSON.stringify(v)));
  return seen.size === 1 ? values[0] : undefined;
};
