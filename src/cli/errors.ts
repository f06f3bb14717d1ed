/** Bad arguments or bad input: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {}

/** A failure to start the server: printed as one line, exit code 1. */
export class StartupFailure extends Error {}
