import { InvalidArgumentError } from "commander";
import { loadConfig } from "../config/index.js";
import { openRuntime, type Runtime } from "../runtime.js";
import { KiosqueError, Invalid } from "../lib/errors.js";
import { messages, problemTexts } from "../web/i18n/index.js";

/** Opens the runtime for one command, always closes it, and turns errors into readable lines. */
export async function withRuntime(work: (runtime: Runtime) => Promise<void>): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const runtime = await openRuntime(config);
  try {
    await work(runtime);
  } catch (error) {
    if (error instanceof Invalid) {
      const t = messages((await runtime.ctx.settings())["site.locale"]);
      for (const [field, text] of Object.entries(problemTexts(t, error.fields)))
        console.error(`${field}: ${text}`);
      process.exitCode = 2;
    } else if (error instanceof KiosqueError) {
      console.error(`${error.code} ${JSON.stringify(error.context)}`);
      process.exitCode = 2;
    } else if (error instanceof InvalidArgumentError) {
      // An argument read inside the command (a list of ids), as commander says its own.
      console.error(`kiosque: ${error.message}`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  } finally {
    await runtime.close();
  }
}

export function positiveInt(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value))
    throw new InvalidArgumentError(`${JSON.stringify(value)}: expected a positive whole number`);
  return Number(value);
}
