/**
 * Every secret the program handles (token, password, base64 auth) is registered here the moment it is known, and
 * every line the program prints passes through `redact`, so that not even an error message quoting a value
 * (from an API, from node-fetch, from a stack trace) can carry one to the terminal or a CI log.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: string[]): void {
    for (const value of values) {
      // Short strings would mask ordinary words; real tokens and passwords are at least 8 characters.
      if (value.length >= 8) this.secrets.add(value);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }
}
