import * as pulumi from "@pulumi/pulumi";

/**
 * A stack config that TFC would reject or that would silently not work. A RunError, so the
 * Pulumi CLI prints the one-line message without a stack trace.
 */
export class StackConfigError extends pulumi.RunError {
  constructor(message: string) {
    super(message);
    this.name = "StackConfigError";
  }
}

/** Shows a config value in an error message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined) {
    return "nothing";
  }
  return JSON.stringify(value);
}
