/**
 * Shell completion scripts for `untoc-kg completion bash|zsh|fish`: the commands, each command's options (read from
 * its usage text, so a new option completes without editing this file) and its subcommands, then files.
 *
 * @module
 */

/** What a script needs to know of a command. */
export interface CompletedCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
}

/** The shells a script is written for. */
export type Shell = 'bash' | 'zsh' | 'fish';

/** One entry of the script: what completes after the command's name. */
interface Entry {
  readonly name: string;
  readonly summary: string;
  /** Long options, `--json`, … */
  readonly options: readonly string[];
  /** Words that complete as the first argument (a subcommand, a command name, a shell); none: files. */
  readonly words: readonly string[];
}

const BIN = 'untoc-kg';

function entries(commands: readonly CompletedCommand[], shells: readonly string[]): Entry[] {
  const names = commands.map((c) => c.name);
  const own = commands.map((c) => ({
    name: c.name,
    summary: c.summary,
    options: [...new Set([...c.usage.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0])), '--help'].filter((o, i, all) => all.indexOf(o) === i),
    // "untoc-kg authorities import FILE": a lower-case word after the command's name is a subcommand.
    words: [...new Set([...c.usage.matchAll(new RegExp(`${BIN} ${c.name} ([a-z][a-z-]*)\\b`, 'g'))].map((m) => m[1]!))],
  }));
  return [
    ...own,
    { name: 'help', summary: 'help on a command', options: [], words: [...names, 'help', 'completion'] },
    { name: 'completion', summary: 'a shell completion script', options: [], words: shells },
  ];
}

/** A string in single quotes for any of the three shells. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function bash(list: readonly Entry[]): string {
  const cases = list.map((e) => `    ${e.name}) options=${quote(e.options.join(' '))}; words=${quote(e.words.join(' '))} ;;`);
  return `# bash completion for ${BIN}: source <(${BIN} completion bash)
_untoc_kg() {
  local cur=\${COMP_WORDS[COMP_CWORD]} options='' words=''
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=( $(compgen -W ${quote(`${list.map((e) => e.name).join(' ')} --help --version`)} -- "$cur") )
    return
  fi
  case \${COMP_WORDS[1]} in
${cases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=( $(compgen -W "$options" -- "$cur") )
  elif (( COMP_CWORD == 2 )) && [[ -n $words ]]; then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  else
    COMPREPLY=()
  fi
}
complete -o default -F _untoc_kg ${BIN}
`;
}

function zsh(list: readonly Entry[]): string {
  const described = list.map((e) => `    ${quote(`${e.name.replaceAll(':', '\\:')}:${e.summary.replaceAll(':', '\\:')}`)}`);
  const cases = list.map((e) => `    ${e.name}) options=(${e.options.join(' ')}); subwords=(${e.words.join(' ')}) ;;`);
  return `#compdef ${BIN}
# zsh completion for ${BIN}: source <(${BIN} completion zsh), after compinit
_untoc_kg() {
  local -a commands options subwords
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
  if [[ $PREFIX == -* ]]; then
    compadd -a options
  elif (( CURRENT == 3 && \${#subwords} > 0 )); then
    compadd -a subwords
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _untoc_kg "$@"
else
  compdef _untoc_kg ${BIN}
fi
`;
}

function fish(list: readonly Entry[]): string {
  const lines = [`# fish completion for ${BIN}: ${BIN} completion fish | source`, `complete -c ${BIN} -n __fish_use_subcommand -l help -l version`];
  for (const e of list) lines.push(`complete -c ${BIN} -n __fish_use_subcommand -f -a ${e.name} -d ${quote(e.summary)}`);
  for (const e of list) {
    const when = quote(`__fish_seen_subcommand_from ${e.name}`);
    for (const o of e.options) lines.push(`complete -c ${BIN} -n ${when} -l ${o.slice(2)}`);
    if (e.words.length) lines.push(`complete -c ${BIN} -n ${when} -a ${quote(e.words.join(' '))}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The completion script for `shell`, completing the commands, their options and subcommands (files otherwise).
 *
 * @example
 * ```ts
 * completionScript('bash', [{ name: 'tools', summary: '…', usage: 'Usage: untoc-kg tools CITATION [--json]' }], ['bash'])
 * ```
 */
export function completionScript(shell: Shell, commands: readonly CompletedCommand[], shells: readonly string[]): string {
  const list = entries(commands, shells);
  switch (shell) {
    case 'bash':
      return bash(list);
    case 'zsh':
      return zsh(list);
    case 'fish':
      return fish(list);
    default: {
      const never: never = shell;
      throw new TypeError(`completionScript: unknown shell ${String(never)}`);
    }
  }
}
