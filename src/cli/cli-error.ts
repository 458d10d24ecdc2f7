/** A failure the CLI reports in one line and turns into an exit code (2: usage or unreadable input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
