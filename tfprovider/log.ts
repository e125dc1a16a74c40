/**
 * The plugin's log: one line per event on stderr (terraform copies plugin stderr into its own log under TF_LOG)
 * and, when TFPROVIDER_LOG_FILE is set, appended to that file. Callers pass names, ids and API action names only,
 * never attribute values: secrets (passwords, tokens, secret values, keys) must never reach a log.
 */
import * as fs from 'fs';

export class PluginLog {
  private readonly file: string | undefined;

  constructor(file = process.env.TFPROVIDER_LOG_FILE, private readonly toStderr = true) {
    this.file = file || undefined;
  }

  info(message: string): void {
    this.write('INFO', message);
  }

  warn(message: string): void {
    this.write('WARN', message);
  }

  error(message: string): void {
    this.write('ERROR', message);
  }

  private write(level: string, message: string): void {
    const line = `${new Date().toISOString()} [${level}] tencentcloud-standin(${process.pid}): ${message}\n`;
    if (this.toStderr) process.stderr.write(line);
    if (this.file) {
      try {
        fs.appendFileSync(this.file, line);
      } catch {
        // A log file that cannot be written must not break the provider.
      }
    }
  }
}
