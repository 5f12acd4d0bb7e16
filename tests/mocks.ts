// The one mocks helper every test uses: run a program under the mock runtime and query
// what it registered.
import * as assert from "node:assert/strict";
import { type MockRun, type MockRunOptions, runUnderMocks } from "../offline/mockRuntime";
import { type RegisteredResource, SecretValue } from "../offline/registrations";

export { SecretValue };

/** Runs an ad-hoc program (not index.ts) under mocks with optional config. */
export function runProgram(
  program: () => unknown,
  config: Record<string, string> = {},
  extra: Partial<MockRunOptions> = {},
): Promise<MockRun> {
  return runUnderMocks(program, { project: "tfc-layers", stack: "test", config, ...extra });
}

export function ofType(run: MockRun, type: string): RegisteredResource[] {
  return run.resources.filter((r) => r.type === type);
}

export function byName(run: MockRun, type: string, name: string): RegisteredResource {
  const found = run.resources.filter((r) => r.type === type && r.name === name);
  assert.equal(found.length, 1, `expected one ${type} named ${name}, found ${found.length}`);
  return found[0];
}

/** The plain value of a secret input; fails when the input is not a secret. */
export function secretInput(resource: RegisteredResource, key: string): unknown {
  const value = resource.inputs[key];
  assert.ok(value instanceof SecretValue, `${resource.name}.${key} should be a secret, got ${JSON.stringify(value)}`);
  return value.value;
}
