"""The `rk` command: arguments in, renderers out, exit codes.

Exit codes: 0 success, 1 the contract or the facts have errors, 2 the command
line is wrong. No user input ever ends in a Python traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from . import escape
from .errors import Problem, RkError
from .files import DEFAULT_MAX_BYTES, FileProblem, parse_size, write_atomically

if TYPE_CHECKING:
    from .contract import Contract
    from .factsfile import FactsFile
    from .wording import Wording

# Each command imports what it uses when it runs: `rk check` never loads the renderers,
# and `rk fmt` never loads the evaluator. Start-up time is most of what a command costs.

OK, FAILED, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    # Output must never fail to encode: a console without "≈" shows "?".
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    # Whatever a contract, a facts file or a CSV cell holds, no control
    # character reaches the terminal raw: every line printed passes through here.
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(saved[0]), _Visible(saved[1])
    try:
        given = sys.argv[1:] if argv is None else list(argv)
        args = _arguments(given).parse_args(given)
        return int(args.run(args))
    except RkError as exc:
        _print_error(exc)
        return FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `rk eval ... | head`
        return OK
    finally:
        sys.stdout, sys.stderr = saved


class _Visible(io.TextIOBase):
    """A text stream that shows control characters as escapes (`\\x1b`) instead of sending them."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(escape.terminal(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def _day(text: str) -> dt.date:
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":  # only YEAR-MONTH-DAY
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2019-06-30") from None


def _outside(contract: Contract, as_of: dt.date | None) -> None:
    """A note on standard error when the day to evaluate as of lies outside the period."""
    header = contract.module.header
    period = header.period if header is not None else None
    if as_of is None or period is None or period[0] <= as_of <= period[1]:
        return
    where = "before the period starts" if as_of < period[0] else "after the period ends"
    print(f"{contract.source}: warning: --as-of {as_of} is {where} ({period[0]} .. {period[1]})",
          file=sys.stderr)
    if as_of > period[1]:
        print("  hint: after the period, nothing is pending: leave out --as-of", file=sys.stderr)
    else:
        print("  hint: before the period, everything not yet given is pending", file=sys.stderr)


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _named(what: str, fix: str) -> Callable[[str], str]:
    """A path argument that may not be empty: `--data-dir "$DATA"` with DATA unset would
    otherwise mean the working folder, `-o ""` the screen, `--facts ""` no facts, all
    without a word. `what` is what the path names, `fix` how to give one."""

    def path(text: str) -> str:
        if not text:
            raise argparse.ArgumentTypeError(
                f"the {what} is empty (is a shell variable in it unset?)\n  hint: {fix}")
        return text

    return path


_FILE = _named("file name", "name the file")
_FOLDER = _named("folder name", "name the folder, or leave out --data-dir to allow only the facts "
                 "file's folder")
_OUTPUT = _named("file name", "name the file, write `-o -` for standard output, or leave out -o")


def _arguments(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The command line's parser: with only the command `argv` names, when it names one (the
    arguments of the other eight are a cost at every start), else with them all."""
    parser = argparse.ArgumentParser(
        prog="rk", description="Check and evaluate result contracts written in the .rk language.",
        formatter_class=_Formatter)
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    named = argv[0] if argv and argv[0] in _COMMANDS else None
    for name, (run, parents, description, arguments) in _COMMANDS.items():
        if named in (None, name):
            command = commands.add_parser(name, parents=[shared() for shared in parents], help=description,
                                          formatter_class=_Formatter)
            arguments(command)
            command.set_defaults(run=run)
    return parser


class _Formatter(argparse.HelpFormatter):
    """argparse's help, as wide as the terminal: found here rather than through `shutil`,
    which argparse imports for it (with bz2 and lzma) at every start, help or not."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_width())


def _terminal_width() -> int:
    """Columns, as `shutil.get_terminal_size` finds them: $COLUMNS, the terminal, or 80."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (AttributeError, ValueError, OSError):
        return 80


def _reads() -> argparse.ArgumentParser:
    """Every command that reads files refuses one larger than this."""
    reads = argparse.ArgumentParser(add_help=False, formatter_class=_Formatter)
    reads.add_argument("--max-file-size", dest="max_bytes", type=_size, default=DEFAULT_MAX_BYTES,
                       metavar="SIZE", help="read no file larger than SIZE (default 256M; e.g. 1G)")
    return reads


def _facts_folder() -> argparse.ArgumentParser:
    """Commands that read facts: the folder the files they point at must lie in."""
    facts = argparse.ArgumentParser(add_help=False, formatter_class=_Formatter)
    facts.add_argument("--data-dir", metavar="DIR", type=_FOLDER,
                       help="allow the facts to point at files anywhere inside DIR (default: only "
                       "inside the facts file's folder)")
    return facts


def _during() -> argparse.ArgumentParser:
    """Commands that judge the goals: as of a day during the period."""
    during = argparse.ArgumentParser(add_help=False, formatter_class=_Formatter)
    during.add_argument("--as-of", dest="as_of", type=_day, metavar="DATE",
                        help="evaluate as of DATE during the period: what is not due yet makes its "
                        "goals pending (e.g. 2019-06-30)")
    return during


def _contracts(command: argparse.ArgumentParser) -> None:
    command.add_argument("contracts", nargs="+", metavar="CONTRACT.rk", type=_FILE)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    _contracts(check)
    check.add_argument("--lang", choices=("en", "da"), default="en",
                       help="the language of the problems (default: English)")


def _eval_arguments(evaluate: argparse.ArgumentParser) -> None:
    evaluate.add_argument("contract", metavar="CONTRACT.rk", type=_FILE)
    evaluate.add_argument("facts", metavar="FACTS.json", type=_FILE)
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.add_argument("--brief", action="store_true",
                          help="leave out the goals' text blocks in the text output")
    evaluate.add_argument("--lang", choices=("en", "da"), default="en",
                          help="the language of the explanations (default: English)")


def _report_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("contract", metavar="CONTRACT.rk", type=_FILE)
    report.add_argument("facts", metavar="FACTS.json", type=_FILE)
    report.add_argument("--format", choices=("markdown", "html"), default="markdown")
    report.add_argument("--lang", choices=("da", "en"), default="da",
                        help="the report's language (default: Danish)")
    report.add_argument("-o", "--output", metavar="FILE", type=_OUTPUT,
                        help="write to FILE (`-o -`, as without -o: standard output)")


def _fmt_arguments(fmt: argparse.ArgumentParser) -> None:
    fmt.add_argument("contracts", nargs="+", metavar="CONTRACT.rk", type=_FILE)
    mode = fmt.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is not formatted")
    mode.add_argument("--write", action="store_true", help="rewrite the files in place")


def _compare_arguments(compare: argparse.ArgumentParser) -> None:
    compare.add_argument("pairs", nargs="+", metavar="CONTRACT.rk:FACTS.json",
                         help="a contract and a year's facts, joined by a colon")
    compare.add_argument("--group", metavar="G", help="only the goals of the group G")
    compare.add_argument("--label", action="append", metavar="L",
                         help="the label of each column, in the order of the pairs (once per pair)")
    compare.add_argument("--format", choices=("text", "json", "csv", "html"), default="text")
    compare.add_argument("--lang", choices=("en", "da"), default=None,
                         help="the language (default: Danish for html, English otherwise)")
    compare.add_argument("-o", "--output", metavar="FILE", type=_OUTPUT,
                         help="write to FILE (`-o -`, as without -o: standard output)")


def _split_arguments(split: argparse.ArgumentParser) -> None:
    split.add_argument("contract", metavar="CONTRACT.rk", type=_FILE)
    split.add_argument("name", nargs="?", metavar="NAME", help="which split (needed if there are several)")
    split.add_argument("--facts", metavar="FACTS.json", type=_FILE, help="the facts, where the split takes its "
                       "weights from a fact or works its total out from the goals and payments")
    split.add_argument("--format", choices=("text", "json", "csv"), default="text")


def _no_arguments(command: argparse.ArgumentParser) -> None:
    pass


def _check(args: argparse.Namespace) -> int:
    from .contract import load

    # English needs no phrase tables until there is a problem to say: a clean check never reads them.
    wording = _wording(args.lang) if args.lang != "en" else None
    status = OK
    for path in args.contracts:
        try:
            contract = load(path, max_bytes=args.max_bytes)
        except RkError as exc:
            _print_error(exc, wording)
            status = FAILED
            continue
        for warning in contract.warnings:
            print(warning.render(contract.text, wording), file=sys.stderr)
        warnings = f", {_plural(len(contract.warnings), 'warning', wording)}" if contract.warnings else ""
        print(f"{path}: ok: {_counts(contract, wording)}{warnings}")
    return status


def _wording(lang: str) -> Wording:
    from .wording import WORDINGS

    return WORDINGS[lang]


def _counts(contract: Contract, w: Wording | None = None) -> str:
    return ", ".join(_plural(len(things), word, w) for things, word in (
        (contract.module.goals, "goal"), (contract.facts, "fact"), (contract.metrics, "metric"),
        (contract.deliverables, "deliverable")))


def _plural(count: int, word: str, w: Wording | None = None) -> str:
    """`3 goals`; in another language than English, its words (`count.goal`: 3 mål)."""
    if w is not None:
        return w.count(count, f"count.{word}")
    return f"{count} {word}{'' if count == 1 else 's'}"


def _facts(args: argparse.Namespace, path: str) -> FactsFile:
    from .factsfile import load_facts

    return load_facts(path, data_dir=args.data_dir, max_bytes=args.max_bytes)


def _eval(args: argparse.Namespace) -> int:
    from .contract import load
    from .render import evaluation_json, evaluation_text
    from .wording import WORDINGS

    contract = load(args.contract, max_bytes=args.max_bytes)
    facts = _facts(args, args.facts)
    _outside(contract, args.as_of)
    evaluation = contract.evaluate(facts, as_of=args.as_of)
    _print_problems(evaluation.problems, evaluation.sources, sys.stderr)
    wording = WORDINGS[args.lang]
    if args.format == "json":
        print(evaluation_json(evaluation, wording))
    else:
        print(evaluation_text(evaluation, with_text=not args.brief, wording=wording))
    return FAILED if evaluation.errors else OK


def _test(args: argparse.Namespace) -> int:
    import textwrap

    from . import examples
    from .contract import load

    passed = failed = 0
    for path in args.contracts:
        try:
            contract = load(path, max_bytes=args.max_bytes)
        except RkError as exc:
            _print_error(exc)
            failed += 1
            continue
        outcomes = examples.run(contract)
        if not outcomes:
            print(f"{path}: no examples")
        for outcome in outcomes:
            where = f"{outcome.span}" if outcome.span else path
            if outcome.passed:
                passed += 1
                print(f"PASS  {where}: {outcome.name}")
            else:
                failed += 1
                print(f"FAIL  {where}: {outcome.name}")
                for failure in outcome.failures:
                    print(textwrap.indent(textwrap.fill(failure, 96), "      "))
    print(f"{passed} passed, {failed} failed")
    return FAILED if failed else OK


def _report(args: argparse.Namespace) -> int:
    from . import report
    from .contract import load

    contract = load(args.contract, max_bytes=args.max_bytes)
    facts = _facts(args, args.facts)
    _outside(contract, args.as_of)
    built = report.build(contract, facts, args.lang, as_of=args.as_of)
    _print_problems(built.evaluation.problems, built.evaluation.sources, sys.stderr)
    text = report.page(built) if args.format == "html" else report.markdown(built)
    if not _written(args.output, text, "the report"):
        return FAILED
    return FAILED if built.failed else OK


# `-o` names standard output so: written to as it is (a pipe, a terminal), never replaced as
# a file is, whatever it resolves to (/dev/stdout into a pipe resolves to `pipe:[123]`).
_STANDARD_OUTPUT = ("-", "/dev/stdout")


def _written(output: str | None, text: str, what: str, raw: bool = False) -> bool:
    """`text` written to the file `output` (atomically), or to the screen (standard output);
    False if the file could not be written (and said why). `raw` sends it unchanged: a
    spreadsheet file's byte-order mark and line ends, whose every cell is made visible and
    safe already."""
    if output is not None and output not in _STANDARD_OUTPUT:
        try:
            write_atomically(output, text.encode("utf-8", "backslashreplace"))
        except FileProblem as problem:
            _print_file_problem(output, f"cannot write {what}", problem)
            return False
    elif raw:
        (sys.stdout.stream if isinstance(sys.stdout, _Visible) else sys.stdout).write(text)
    else:
        sys.stdout.write(text)
    return True


def _fmt(args: argparse.Namespace) -> int:
    from .contract import read_contract
    from .fmt import PLAIN, format_file

    status = OK
    for name in args.contracts:
        try:
            original = read_contract(name, args.max_bytes)
            formatted = format_file(original, name)
        except RkError as exc:
            _print_error(exc)
            status = FAILED
            continue
        if args.check:
            if formatted != original:
                print(f"{name}: not formatted; run `rk fmt --write {name}`")
                status = FAILED
        elif args.write:
            if formatted == original:
                continue
            try:
                write_atomically(name, formatted)
            except FileProblem as problem:
                _print_file_problem(name, "cannot write the formatted contract; the file is unchanged",
                                    problem)
                status = FAILED
                continue
            print(f"{name}: formatted")
        else:
            sys.stdout.write(PLAIN.apply(formatted.decode("utf-8")))
    return status


def _pair(written: str) -> tuple[str, str]:
    """`CONTRACT.rk:FACTS.json` as its two paths; the colon after `.rk` when there is one."""
    contract, mark, facts = written.partition(".rk:")
    if mark:
        contract += ".rk"
    else:
        contract, mark, facts = written.partition(":")
    if not mark:
        raise _Usage(f"{written!r} is not CONTRACT.rk:FACTS.json", "join a contract and its facts "
                     "with a colon: nordjylland-2019.rk:2019.json")
    for name, what, where in ((contract, "contract", "before"), (facts, "facts file", "after")):
        if not name:  # `"$HUB.rk:$YEAR.json"` with a variable unset
            raise _Usage(f"{written!r} names no {what}: nothing comes {where} the colon (is a shell "
                         "variable in it unset?)", "name both files: nordjylland-2019.rk:2019.json")
    return contract, facts


class _Usage(Exception):
    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def _compare(args: argparse.Namespace) -> int:
    from .comparing import CompareError, compare
    from .compare_data import comparison_csv
    from .compare_html import comparison_html
    from .wording import WORDINGS

    try:
        pairs = [_pair(written) for written in args.pairs]
    except _Usage as usage:
        print(f"rk compare: error: {usage}\n  hint: {usage.hint}", file=sys.stderr)
        return USAGE
    try:
        comparison = compare(pairs, args.group, args.label, as_of=args.as_of, data_dir=args.data_dir,
                             max_bytes=args.max_bytes)
    except CompareError as error:
        print(f"rk compare: error: {error} ({error.argument})", file=sys.stderr)
        return USAGE
    wording = WORDINGS[args.lang or ("da" if args.format == "html" else "en")]
    for column in comparison.columns:
        _print_problems(column.evaluation.problems, column.evaluation.sources, sys.stderr)
    if args.format == "json":
        text = escape.json(comparison.to_dict(wording))
    elif args.format == "csv":
        text = comparison_csv(comparison, wording)
    elif args.format == "html":
        text = comparison_html(comparison, wording)
    else:
        text = comparison.text(wording)
    if not text.endswith("\n"):
        text += "\n"
    if not _written(args.output, text, "the comparison", raw=args.format == "csv"):
        return FAILED
    failed = any(column.problem is not None or column.evaluation.errors for column in comparison.columns)
    return FAILED if failed else OK


def _print_file_problem(name: str, what: str, problem: FileProblem) -> None:
    print(f"{name}: error: {what}: {problem.message}", file=sys.stderr)
    if problem.hint:
        print(f"  hint: {problem.hint}", file=sys.stderr)


def _split(args: argparse.Namespace) -> int:
    from .contract import load
    from .render import allocation_csv, allocation_json, allocation_text

    contract = load(args.contract, max_bytes=args.max_bytes)
    if not contract.splits:
        print(f"{args.contract}: error: the contract has no split", file=sys.stderr)
        print("  hint: add one: split NAME { total ... shares { ... } }", file=sys.stderr)
        return FAILED
    if (args.name is not None and args.name not in contract.splits) or (
            args.name is None and len(contract.splits) != 1):
        names = ", ".join(contract.splits) or "none"
        what = f"there is no split `{args.name}`" if args.name else "name the split to work out"
        print(f"rk split: error: {what} in {args.contract}; the splits are: {names}", file=sys.stderr)
        return USAGE
    facts = _facts(args, args.facts) if args.facts else None
    allocation = contract.split(args.name, facts)
    render = {"text": allocation_text, "json": allocation_json, "csv": allocation_csv}[args.format]
    print(render(allocation))
    return OK


def _lsp(args: argparse.Namespace) -> int:
    try:
        from .lsp import serve
    except ImportError as missing:
        if (missing.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        print("rk lsp: error: the language server needs pygls: pip install 'resultkontrakt[lsp]'",
              file=sys.stderr)
        return USAGE
    # The protocol goes over the real streams, as bytes, never through the escaping above.
    stdout = sys.stdout.stream if isinstance(sys.stdout, _Visible) else sys.stdout
    return serve(sys.stdin.buffer, stdout.buffer)


def _print_error(exc: RkError, w: Wording | None = None) -> None:
    _print_problems(exc.problems, exc.sources, sys.stderr, w)


def _print_problems(problems: Sequence[Problem], sources: Mapping[str, str],
                    stream: TextIO, w: Wording | None = None) -> None:
    for problem in problems:
        text = sources.get(problem.span.source) if problem.span is not None else None
        print(problem.render(text, w), file=stream)


Command = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]
# Each command: what runs it, the shared arguments it takes, what it is for, and its own
# arguments; in the order `rk --help` lists them.
_COMMANDS: dict[str, tuple[Command, tuple[Callable[[], argparse.ArgumentParser], ...], str, Arguments]] = {
    "check": (_check, (_reads,), "report every problem in contracts (exit 1 on errors)", _check_arguments),
    "eval": (_eval, (_reads, _facts_folder, _during), "evaluate a contract against a year's facts",
             _eval_arguments),
    "test": (_test, (_reads,), "run the worked examples written in contracts", _contracts),
    "report": (_report, (_reads, _facts_folder, _during),
               "write the annual report on a contract, for a year's facts", _report_arguments),
    "fmt": (_fmt, (_reads,), "print contracts in the one canonical layout", _fmt_arguments),
    "compare": (_compare, (_reads, _facts_folder, _during),
                "set contracts, or years of one contract, side by side", _compare_arguments),
    "split": (_split, (_reads, _facts_folder), "split a grant among the parties, with margins",
              _split_arguments),
    "lsp": (_lsp, (), "run the language server for editors, over stdin and stdout", _no_arguments),
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
