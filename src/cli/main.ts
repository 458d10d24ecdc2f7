import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './cli-error';
import { toTerminalSafe } from './terminal';
import { runLiquid } from './commands/liquid';
import { listRules, runLint } from './commands/lint';
import { type FetchFunction, SCENARIOS, allRules } from '../core';
import { runExplain } from './commands/explain';
import { runRender } from './commands/render';
import { runSend } from './commands/send';

type Out = (text: string) => void;
type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

const EXIT_CODES =
  'Exit codes: 0 ok, 1 problems at error level (for "render" also a predicted Salesforce error answer; for "liquid" abort_message), 2 usage or unreadable input (for "explain" also: no error body in --error).';
const NOTHING_SENT = 'lint, render and liquid never send anything: connected_content calls are answered by fixtures. Only send does, and only with --yes and --allow-host.';
const SEND_NOTE = [
  'Credentials a token call names (:basic_auth NAME, :auth_credentials NAME) come from environment variables:',
  '  BRAZE_WEBHOOK_BASIC_AUTH_<NAME>=<user>:<password>  (Salesforce: <consumer key>:<consumer secret>)',
  '  BRAZE_WEBHOOK_AUTH_CREDENTIALS_<NAME>=<JSON object of headers>',
  '<NAME> is the credential name in capitals, other characters as _. Exit 0 when Salesforce answered 2xx,',
  '1 when it answered an error or nothing, 2 when nothing was sent.',
].join('\n');
const SCENARIO_NAMES = Object.keys(SCENARIOS).join(', ');
const DESCRIBE_HELP =
  "your org's describe of an sObject (`sf sobject describe --sobject Lead --json` or GET …/sobjects/Lead/describe): its custom fields, picklist values, required fields and record types are checked; wins over the config's salesforce.describe; may be repeated";

/** One CLI command: how it is parsed, how `--help` describes it, and what it runs. */
interface Command {
  name: string;
  /** What follows `braze-webhook <name>` in the usage line. */
  synopsis: string;
  summary: string;
  options: Options;
  /** Option lines for `--help`, as `[flags, description]`. */
  help: Array<[string, string]>;
  /** Options that take every following argument up to the next option (`--profiles A.json B.json`). */
  variadic?: string[];
  run(values: Values, positionals: string[], out: Out, err: Out): Promise<number>;
}

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };

const COMMANDS: readonly Command[] = [
  {
    name: 'lint',
    synopsis: '[PATHS or globs…] [--profiles FILE…] [--mocks FILE] [--scenario NAME] [--describe FILE…] [--format text|json|sarif] [--max-warnings N] [--fix] [--config FILE] [--list-rules]',
    summary:
      'Lints webhook templates (*.braze-webhook.json): a directory means every *.braze-webhook.json below it, no PATHS means the current directory. With profiles, each template is also rendered for every user and the rendered request is checked.',
    options: {
      profiles: { type: 'string', multiple: true },
      mocks: { type: 'string' },
      scenario: { type: 'string' },
      describe: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean', default: false },
      config: { type: 'string' },
      'list-rules': { type: 'boolean', default: false },
    },
    variadic: ['profiles', 'describe'],
    help: [
      ['--profiles FILE…', 'sample users (*.braze-profiles.json, a Braze /users/export/ids answer); takes every file up to the next option, and may be repeated'],
      ['--mocks FILE', 'connected_content fixtures (*.braze-mocks.json)'],
      ['--scenario NAME', `built-in Salesforce answers: ${SCENARIO_NAMES}`],
      ['--describe FILE…', DESCRIBE_HELP],
      ['--format text|json|sarif', 'output format (default text)'],
      ['--max-warnings N', 'exit 1 when there are more than N warnings'],
      ['--fix', 'apply the safe fixes and write the fixed files'],
      ['--config FILE', 'configuration (default: braze-webhook.config.json in the current directory)'],
      ['--list-rules', 'print every rule with its severity and exit'],
    ],
    run: (values, positionals, out, err) => lint(values, positionals, out, err),
  },
  {
    name: 'render',
    synopsis: 'TEMPLATE [--profiles FILE…] [--user ID] [--mocks FILE] [--scenario NAME] [--describe FILE…] [--format http|curl|json] [--reveal-secrets] [--config FILE]',
    summary:
      "Prints the request Braze would send for each user, the token call included, Salesforce's predicted answer, and every problem lint reports for that user (same rules, severities and configuration). Secrets are redacted unless --reveal-secrets is given.",
    options: {
      profiles: { type: 'string', multiple: true },
      user: { type: 'string' },
      mocks: { type: 'string' },
      scenario: { type: 'string' },
      describe: { type: 'string', multiple: true },
      format: { type: 'string', default: 'http' },
      'reveal-secrets': { type: 'boolean', default: false },
      config: { type: 'string' },
    },
    variadic: ['profiles', 'describe'],
    help: [
      ['--profiles FILE…', 'sample users, as for lint (default: one user with every attribute empty)'],
      ['--user ID', 'only the user with this external_id, braze_id, email or 1-based position in its file'],
      ['--mocks FILE', 'connected_content fixtures (*.braze-mocks.json)'],
      ['--scenario NAME', `built-in Salesforce answers: ${SCENARIO_NAMES}`],
      ['--describe FILE…', DESCRIBE_HELP],
      ['--format http|curl|json', 'output format (default http)'],
      ['--reveal-secrets', 'show client secrets and tokens instead of <redacted>'],
      ['--config FILE', 'configuration, as for lint: rule settings, org describes, and profiles, mocks and scenario when not given'],
    ],
    run: (values, positionals, out, err) => render(values, positionals, out, err),
  },
  {
    name: 'send',
    synopsis: 'TEMPLATE --user ID --allow-host HOST… --yes [--profiles FILE…] [--mocks FILE] [--describe FILE…] [--format http|curl|json] [--timeout SECONDS] [--config FILE] [--allow-loopback]',
    summary:
      "Sends one user's webhook for real, as Braze would: the Salesforce token call (connected_content …/services/oauth2/token) and the webhook, once, no retries, only to hosts given with --allow-host; every other connected_content call stays on fixtures. Prints the request as render does (secrets redacted), the answer Salesforce gave next to the predicted one, and a one-line verdict.",
    options: {
      yes: { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true },
      'allow-loopback': { type: 'boolean', default: false },
      profiles: { type: 'string', multiple: true },
      user: { type: 'string' },
      mocks: { type: 'string' },
      describe: { type: 'string', multiple: true },
      format: { type: 'string', default: 'http' },
      timeout: { type: 'string', default: '30' },
      config: { type: 'string' },
    },
    variadic: ['profiles', 'describe'],
    help: [
      ['--yes', 'required: confirms that a real request goes out (it creates or changes a record in the org)'],
      ['--allow-host HOST', "required: a host the send may contact, e.g. acme--sbx.sandbox.my.salesforce.com; repeat it when the token call's host differs"],
      ['--user ID', 'the user to send for (external_id, braze_id, email or 1-based position); required when the profiles hold several'],
      ['--profiles FILE…', 'sample users, as for render (default: one user with every attribute empty)'],
      ['--mocks FILE', 'fixtures for the other connected_content calls (*.braze-mocks.json)'],
      ['--describe FILE…', DESCRIBE_HELP],
      ['--format http|curl|json', 'output format (default http)'],
      ['--timeout SECONDS', "how long to wait for the webhook's answer (default 30)"],
      ['--config FILE', 'configuration (default: braze-webhook.config.json in the current directory)'],
      ['--allow-loopback', 'for tests and development: also send plain http to 127.0.0.1 or [::1], on any port'],
    ],
    run: (values, positionals, out, err) => send(values, positionals, out, err),
  },
  {
    name: 'explain',
    synopsis: 'TEMPLATE --error FILE|- [--profiles FILE…] [--mocks FILE] [--scenario NAME] [--describe FILE…] [--format text|json] [--config FILE]',
    summary:
      "Explains a real failure: maps each errorCode/fields entry of a Salesforce error body (or a Braze Message Activity Log line containing it) to the template text that produced it, with the fix and the sample users it happens for.",
    options: {
      error: { type: 'string' },
      profiles: { type: 'string', multiple: true },
      mocks: { type: 'string' },
      scenario: { type: 'string' },
      describe: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
    },
    variadic: ['profiles', 'describe'],
    help: [
      ['--error FILE|-', 'the error body or log line, from a file or (with -) standard input'],
      ['--profiles FILE…', 'sample users, to list the ones whose predicted answer has the same error'],
      ['--mocks FILE', 'connected_content fixtures (*.braze-mocks.json)'],
      ['--scenario NAME', `built-in Salesforce answers: ${SCENARIO_NAMES}`],
      ['--describe FILE…', DESCRIBE_HELP],
      ['--format text|json', 'output format (default text)'],
      ['--config FILE', 'configuration (default: braze-webhook.config.json in the current directory)'],
    ],
    run: (values, positionals, out, err) => explain(values, positionals, out, err),
  },
  {
    name: 'liquid',
    synopsis: '--template-file FILE [--context FILE.json] [--now ISO-8601]',
    summary: 'Renders one Braze Liquid text with the context as its Liquid scope, like `npx liquidjs`.',
    options: { 'template-file': { type: 'string' }, context: { type: 'string' }, now: { type: 'string' } },
    help: [
      ['--template-file FILE', 'the Liquid text to render (or give FILE as the only argument)'],
      ['--context FILE.json', "the Liquid scope (a JSON object), or a Braze export user (custom_attributes, external_id, …) mapped as a sample profile is"],
      ['--now ISO-8601', "Braze's send time, what 'now' means (default: the current time)"],
    ],
    run: (values, positionals, out, err) => liquid(values, positionals, out, err),
  },
];

/** `braze-webhook <name> <synopsis>`, wrapped before a `[` so lines stay under 100 columns. */
function usageLine(indent: string, command: Command): string {
  const head = `${indent}braze-webhook ${command.name} `;
  const lines: string[] = [];
  let line = head;
  for (const part of command.synopsis.split(/ (?=\[)/)) {
    if (line !== head && line.length + part.length + 1 > 100) {
      lines.push(line.trimEnd());
      line = ' '.repeat(head.length);
    }
    line += `${part} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

const GENERAL_USAGE = [
  'Usage:',
  ...COMMANDS.map((c) => usageLine('  ', c)),
  '  braze-webhook COMMAND --help',
  '  braze-webhook --help | --version',
  '',
  EXIT_CODES,
  NOTHING_SENT,
].join('\n');

/** `braze-webhook <command> --help`. */
function commandHelp(command: Command): string {
  const rows: Array<[string, string]> = [...command.help, ['-h, --help', 'print this help']];
  const width = Math.max(...rows.map(([flags]) => flags.length));
  return [
    usageLine('Usage: ', command),
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flags, text]) => `  ${flags.padEnd(width)}  ${text}`),
    '',
    ...(command.name === 'send' ? [SEND_NOTE] : [EXIT_CODES, NOTHING_SENT]),
  ].join('\n');
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], out: Out, rawErr: Out): Promise<number> {
  // File content quoted in messages (a Braze error response, a rule id) must not drive the terminal.
  const err: Out = (text) => rawErr(toTerminalSafe(text));
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (command) return await runCommand(command, rest, out, err);
    switch (name) {
      case '--version':
      case '-v':
        out(`${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help': {
        const topic = COMMANDS.find((c) => c.name === rest[0]);
        out(`${topic ? commandHelp(topic) : GENERAL_USAGE}\n`);
        return 0;
      }
      default:
        throw new CliError(name ? `unknown command "${name}"\n${GENERAL_USAGE}` : GENERAL_USAGE);
    }
  } catch (error) {
    if (error instanceof CliError) {
      err(`braze-webhook: ${error.message}\n`);
      return error.exitCode;
    }
    const usage = command ? toUsageMessage(error) : undefined;
    if (usage !== undefined && command) {
      err(`braze-webhook ${command.name}: ${usage}\n${usageLine('Usage: ', command)}\nSee 'braze-webhook ${command.name} --help'.\n`);
      return 2;
    }
    err(`braze-webhook: internal error: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

async function runCommand(command: Command, args: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args: expandVariadic(args, command.variadic ?? []),
    allowPositionals: true,
    options: { ...command.options, ...HELP_OPTION },
  });
  if (values.help) {
    out(`${commandHelp(command)}\n`);
    return 0;
  }
  return command.run(values, positionals, out, err);
}

/**
 * `--profiles A.json B.json` → `--profiles A.json --profiles B.json`: a variadic option takes the
 * arguments after it up to the next one that starts with `-` (or `--`, which ends the options).
 */
export function expandVariadic(args: readonly string[], variadic: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    out.push(arg);
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (!variadic.some((name) => arg === `--${name}`)) continue;
    let taken = 0;
    while (i + 1 < args.length && !args[i + 1].startsWith('-')) {
      if (taken > 0) out.push(arg);
      out.push(args[++i]);
      taken++;
    }
    if (taken === 0) throw new CliError(`${arg} needs a value`);
  }
  return out;
}

/** Node's parseArgs errors, in the CLI's words; undefined for anything else. */
function toUsageMessage(error: unknown): string | undefined {
  const { code, message } = error as { code?: string; message?: string };
  if (!code?.startsWith('ERR_PARSE_ARGS')) return undefined;
  const option = /'(-{1,2}[^' <]+)/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message ?? '') ? `${option ?? 'this option'} needs a value` : `${option ?? 'an option'} does not take a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'this command takes no PATHS';
    default:
      return message ?? code;
  }
}

declare const __VERSION__: string | undefined;

/**
 * The version in package.json: put into the bundle by esbuild (`define`), read from the file when
 * the CLI runs from source (tests, `tsx src/cli/main.ts`).
 */
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : readSourceVersion();

function readSourceVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0-dev';
  }
}

const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
const RENDER_FORMATS = ['http', 'curl', 'json'] as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T {
  if (!allowed.includes(value as T)) throw new CliError(`${option} must be one of ${allowed.join(', ')}`);
  return value as T;
}

async function lint(values: Values, positionals: string[], out: Out, err: Out): Promise<number> {
  if (values['list-rules']) {
    out(listRules(allRules));
    return 0;
  }
  const format = oneOf(values.format, LINT_FORMATS, '--format');
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new CliError('--max-warnings takes a whole number ≥ 0');
  return runLint(
    {
      paths: positionals,
      profiles: (values.profiles as string[] | undefined) ?? [],
      mocks: values.mocks as string | undefined,
      scenario: values.scenario as string | undefined,
      format,
      maxWarnings,
      fix: values.fix === true,
      config: values.config as string | undefined,
      describe: (values.describe as string[] | undefined) ?? [],
    },
    VERSION,
    out,
    err,
  );
}

async function render(values: Values, positionals: string[], out: Out, err: Out): Promise<number> {
  if (positionals.length !== 1) throw new CliError(`render takes exactly one TEMPLATE\n${usageLine('Usage: ', commandNamed('render'))}`);
  const format = oneOf(values.format, RENDER_FORMATS, '--format');
  return runRender(
    {
      template: positionals[0],
      profiles: (values.profiles as string[] | undefined) ?? [],
      user: values.user as string | undefined,
      mocks: values.mocks as string | undefined,
      scenario: values.scenario as string | undefined,
      format,
      revealSecrets: values['reveal-secrets'] === true,
      describe: (values.describe as string[] | undefined) ?? [],
      config: values.config as string | undefined,
    },
    out,
    err,
  );
}

function commandNamed(name: string): Command {
  return COMMANDS.find((c) => c.name === name) as Command;
}

/**
 * `send`: the two flags that make it send are checked before anything else is read, so a
 * command line without them never opens a file or a socket.
 */
async function send(values: Values, positionals: string[], out: Out, err: Out): Promise<number> {
  const allowHosts = (values['allow-host'] as string[] | undefined) ?? [];
  const missing = [values.yes === true ? undefined : '--yes', allowHosts.length > 0 ? undefined : '--allow-host HOST'].filter((flag) => flag !== undefined);
  if (missing.length > 0) {
    throw new CliError(`send: nothing was sent: missing ${missing.join(' and ')}. A send is a real request to your org: --yes confirms it, --allow-host names each host it may contact.`);
  }
  if (positionals.length !== 1) throw new CliError(`send takes exactly one TEMPLATE\n${usageLine('Usage: ', commandNamed('send'))}`);
  const format = oneOf(values.format, RENDER_FORMATS, '--format');
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) throw new CliError('--timeout takes a number of seconds between 0 and 600');
  return runSend(
    {
      template: positionals[0],
      profiles: (values.profiles as string[] | undefined) ?? [],
      user: values.user as string | undefined,
      mocks: values.mocks as string | undefined,
      describe: (values.describe as string[] | undefined) ?? [],
      config: values.config as string | undefined,
      format,
      allowHosts,
      allowLoopback: values['allow-loopback'] === true,
      timeoutSeconds,
    },
    out,
    err,
    process.env,
    fetch as unknown as FetchFunction,
  );
}

const EXPLAIN_FORMATS = ['text', 'json'] as const;

async function explain(values: Values, positionals: string[], out: Out, err: Out): Promise<number> {
  const command = COMMANDS.find((c) => c.name === 'explain') as Command;
  if (positionals.length !== 1) throw new CliError(`explain takes exactly one TEMPLATE\n${usageLine('Usage: ', command)}`);
  if (values.error === undefined) throw new CliError(`explain needs --error FILE (or --error - for standard input)\n${usageLine('Usage: ', command)}`);
  return runExplain(
    {
      template: positionals[0],
      error: values.error as string,
      profiles: (values.profiles as string[] | undefined) ?? [],
      mocks: values.mocks as string | undefined,
      scenario: values.scenario as string | undefined,
      describe: (values.describe as string[] | undefined) ?? [],
      config: values.config as string | undefined,
      format: oneOf(values.format, EXPLAIN_FORMATS, '--format'),
    },
    out,
    err,
  );
}

async function liquid(values: Values, positionals: string[], out: Out, err: Out): Promise<number> {
  const templateFile = (values['template-file'] as string | undefined) ?? positionals[0];
  if (!templateFile) throw new CliError(`liquid needs --template-file FILE\n${usageLine('Usage: ', COMMANDS.find((c) => c.name === 'liquid') as Command)}`);
  return runLiquid({ templateFile, context: values.context as string | undefined, now: values.now as string | undefined }, out, err);
}

if (require.main === module) {
  void main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => {
    process.exitCode = code;
  });
}
