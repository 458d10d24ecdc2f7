/**
 * Expands a VS Code snippet body the way accepting every default would: each placeholder becomes
 * its default text, each choice its first option, and bare tab stops (`$1`, `${2}`, `$0`) become
 * the default given to the same number elsewhere, or nothing.
 * Escapes are undone as VS Code undoes them: `\$`, `\}` and `\\` everywhere, plus `\,` and `\|`
 * inside a choice; any other backslash stays as written.
 * Grammar: https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar
 *
 * It is strict where VS Code is lenient, because leniency hides bugs in our snippets: a variable
 * (`$TM_FILENAME`, `${first_name}`) or a transform throws. In a Braze snippet, `${first_name}` is
 * almost always a Braze attribute reference whose `$` should have been escaped; VS Code would
 * silently turn it into an editable "first_name" and drop the `$`.
 *
 * `fill` types values into the tab stops instead of their defaults, keyed by the default text
 * (`{ MyDomainName: 'acme' }`), as a user replacing a placeholder would.
 */
export function expandSnippet(body: string | readonly string[], fill: Readonly<Record<string, string>> = {}): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new SnippetParser(source).parseAll();
  const defaults = new Map<number, string>();
  collectDefaults(nodes, defaults);
  for (const [index, text] of defaults) if (Object.hasOwn(fill, text)) defaults.set(index, fill[text]);
  return render(nodes, defaults, fill);
}

/** The text of every placeholder default (`${1:MyDomainName}` → `MyDomainName`) of a snippet body. */
export function snippetDefaults(body: string | readonly string[]): string[] {
  const source = typeof body === 'string' ? body : body.join('\n');
  const defaults = new Map<number, string>();
  collectDefaults(new SnippetParser(source).parseAll(), defaults);
  return [...defaults.values()];
}

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] };

class SnippetParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parseAll(): SnippetNode[] {
    const nodes = this.parseUntil(undefined);
    if (this.pos < this.source.length) this.fail(`unexpected "${this.source[this.pos]}"`);
    return nodes;
  }

  /** Parses up to an unescaped `closer` (not consumed) or the end of the source. */
  private parseUntil(closer: '}' | undefined): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === '\\') {
        const next = this.source[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === closer) break;
      if (ch === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          this.pos += 1;
        }
        continue;
      }
      text += ch;
      this.pos += 1;
    }
    flush();
    return nodes;
  }

  /** A tab stop, placeholder or choice at `$`; undefined when the `$` is literal text. */
  private parseDollar(): SnippetNode | undefined {
    const rest = this.source.slice(this.pos);
    const bare = /^\$(\d+)/.exec(rest);
    if (bare) {
      this.pos += bare[0].length;
      return { kind: 'tabstop', index: Number(bare[1]) };
    }
    if (/^\$[A-Za-z_]/.test(rest)) this.fail('variables are not supported (escape a literal "$" as "\\$")');
    if (!rest.startsWith('${')) return undefined;
    const head = /^\$\{(\d+)([}:|/]?)/.exec(rest);
    if (!head) {
      if (/^\$\{[A-Za-z_]/.test(rest)) this.fail('variables are not supported (escape a literal "$" as "\\$")');
      return undefined;
    }
    const index = Number(head[1]);
    this.pos += head[0].length;
    switch (head[2]) {
      case '}':
        return { kind: 'tabstop', index };
      case ':': {
        const children = this.parseUntil('}');
        this.expect('}');
        return { kind: 'placeholder', index, children };
      }
      case '|':
        return { kind: 'choice', index, options: this.parseChoiceOptions() };
      case '/':
        return this.fail('transforms are not supported');
      default:
        return this.fail(`"\${${index}" is not closed`);
    }
  }

  /** The options of `${n|a,b|}` after the first `|`, consuming the closing `|}`. */
  private parseChoiceOptions(): string[] {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === '\\' && '$},|\\'.includes(this.source[this.pos + 1] ?? '')) {
        option += this.source[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === ',') {
        options.push(option);
        option = '';
        this.pos += 1;
        continue;
      }
      if (ch === '|') {
        options.push(option);
        this.pos += 1;
        this.expect('}');
        return options;
      }
      option += ch;
      this.pos += 1;
    }
    return this.fail('choice is not closed with "|}"');
  }

  private expect(ch: string): void {
    if (this.source[this.pos] !== ch) this.fail(`expected "${ch}"`);
    this.pos += 1;
  }

  private fail(message: string): never {
    throw new Error(`snippet: ${message} at offset ${this.pos}: ${JSON.stringify(this.source.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }
}

/** The first default given to each tab stop number, in document order (what VS Code mirrors). */
function collectDefaults(nodes: readonly SnippetNode[], defaults: Map<number, string>): void {
  for (const node of nodes) {
    if (node.kind === 'placeholder') {
      if (!defaults.has(node.index)) defaults.set(node.index, render(node.children, defaults));
      collectDefaults(node.children, defaults);
    } else if (node.kind === 'choice' && !defaults.has(node.index)) {
      defaults.set(node.index, node.options[0] ?? '');
    }
  }
}

function render(nodes: readonly SnippetNode[], defaults: ReadonlyMap<number, string>, fill: Readonly<Record<string, string>> = {}): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.value;
        break;
      case 'tabstop':
        out += defaults.get(node.index) ?? '';
        break;
      case 'placeholder': {
        const text = render(node.children, defaults, fill);
        out += Object.hasOwn(fill, text) ? fill[text] : text;
        break;
      }
      case 'choice':
        out += node.options[0] ?? '';
        break;
    }
  }
  return out;
}
