import { InvalidArgumentError } from "commander";
import { loadConfig } from "../config/index.js";
import { openRuntime, type Runtime } from "../runtime.js";
import { refusalLines } from "./refusals.js";

/**
 * Opens the runtime for one command, always closes it, and says a refusal in words (refusals.ts),
 * exit code 2; any other error goes on, to be shown whole.
 */
export async function withRuntime(work: (runtime: Runtime) => Promise<void>): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const runtime = await openRuntime(config);
  try {
    await work(runtime);
  } catch (error) {
    const lines = refusalLines(error);
    if (lines === undefined) throw error;
    for (const line of lines) console.error(line);
    process.exitCode = 2;
  } finally {
    await runtime.close();
  }
}

export function positiveInt(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value))
    throw new InvalidArgumentError(`${JSON.stringify(value)}: expected a positive whole number`);
  return Number(value);
}
