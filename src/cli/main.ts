import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import { toTerminalSafe } from './terminal';
import { runLiquid } from './commands/liquid';
import { listRules, runLint } from './commands/lint';
import { allRules } from '../core';
import { runRender } from './commands/render';

const USAGE = `Usage:
  braze-webhook lint [PATHS or globs…] [--profiles FILE…] [--mocks FILE] [--scenario NAME]
                     [--format text|json|sarif] [--max-warnings N] [--fix] [--config FILE] [--list-rules]
  braze-webhook render TEMPLATE [--profiles FILE] [--user ID] [--mocks FILE] [--scenario NAME]
                                [--format http|curl|json] [--reveal-secrets]
  braze-webhook liquid --template-file FILE [--context FILE.json] [--now ISO-8601]
  braze-webhook --help | --version

Exit codes: 0 ok, 1 problems at error level (or abort_message for "liquid"), 2 usage or unreadable input.
Nothing is ever sent: connected_content calls are answered by fixtures.`;

const FORMATS = ['http', 'curl', 'json'] as const;

type Out = (text: string) => void;

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], out: Out, rawErr: Out): Promise<number> {
  // File content quoted in messages (a Braze error response, a rule id) must not drive the terminal.
  const err: Out = (text) => rawErr(toTerminalSafe(text));
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'lint':
        return await lint(rest, out, err);
      case 'render':
        return await render(rest, out, err);
      case 'liquid':
        return await liquid(rest, out, err);
      case '--version':
      case '-v':
        out(`${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        out(`${USAGE}\n`);
        return 0;
      default:
        throw new CliError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    }
  } catch (error) {
    if (error instanceof CliError) {
      err(`braze-webhook: ${error.message}\n`);
      return error.exitCode;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`braze-webhook: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    err(`braze-webhook: internal error: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const LINT_FORMATS = ['text', 'json', 'sarif'] as const;

async function lint(args: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profiles: { type: 'string', multiple: true },
      mocks: { type: 'string' },
      scenario: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean', default: false },
      config: { type: 'string' },
      'list-rules': { type: 'boolean', default: false },
    },
  });
  if (values['list-rules']) {
    out(listRules(allRules));
    return 0;
  }
  const format = values.format as (typeof LINT_FORMATS)[number];
  if (!LINT_FORMATS.includes(format)) throw new CliError(`--format must be one of ${LINT_FORMATS.join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new CliError('--max-warnings takes a whole number ≥ 0');
  return runLint(
    {
      paths: positionals,
      profiles: values.profiles ?? [],
      mocks: values.mocks,
      scenario: values.scenario,
      format,
      maxWarnings,
      fix: values.fix === true,
      config: values.config,
    },
    VERSION,
    out,
    err,
  );
}

async function render(args: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profiles: { type: 'string' },
      user: { type: 'string' },
      mocks: { type: 'string' },
      scenario: { type: 'string' },
      format: { type: 'string', default: 'http' },
      'reveal-secrets': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new CliError(`render takes exactly one TEMPLATE\n${USAGE}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
  return runRender(
    {
      template: positionals[0],
      profiles: values.profiles,
      user: values.user,
      mocks: values.mocks,
      scenario: values.scenario,
      format,
      revealSecrets: values['reveal-secrets'] === true,
    },
    out,
    err,
  );
}

async function liquid(args: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'template-file': { type: 'string' }, context: { type: 'string' }, now: { type: 'string' } },
  });
  const templateFile = values['template-file'] ?? positionals[0];
  if (!templateFile) throw new CliError(`liquid needs --template-file FILE\n${USAGE}`);
  return runLiquid({ templateFile, context: values.context, now: values.now }, out, err);
}

if (require.main === module) {
  void main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => {
    process.exitCode = code;
  });
}
