/**
 * Command-line flags for the scripts, through node:util parseArgs: an unknown flag, a missing
 * value or a stray argument is an error (exit 2, with the usage); `--help` prints the usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values of the flags: a boolean flag true or absent, a string flag its text or absent. */
export type Flags<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

export function cliFlags<O extends Options>(usage: string, options: O, argv: string[] = process.argv.slice(2)): Flags<O> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values as Flags<O>;
}

/** A flag's value as a positive whole number, or exit 2 naming the flag. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} takes a positive whole number, not ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
}
