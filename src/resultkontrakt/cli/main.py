"""The `rk` command: arguments in, renderers out, exit codes.

Exit codes: 0 success, 1 the contract or the facts have errors (or, for `rk eval`,
`rk report` and `rk compare`, a goal cannot be evaluated), 2 the command line is wrong. No user input ever ends in a Python traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ..core import escape
from ..core.errors import ContractError, FactsError, Problem, RkError, Span
from ..core.files import DEFAULT_MAX_BYTES, FileProblem, parse_size, read_stream, write_atomically

if TYPE_CHECKING:
    from ..comparisons.grid import Column
    from ..contract.contract import Contract
    from ..core.wording import Wording
    from ..drafting.document import Draft
    from ..facts.factsfile import FactsFile
    from ..output.results import Evaluation
    from .check_output import Checked

# Each command imports what it uses when it runs: `rk check` never loads the renderers,
# and `rk fmt` never loads the evaluator. Start-up time is most of what a command costs.

OK, FAILED, USAGE = 0, 1, 2

# A contract or facts named `-` are read from standard input, and named so in every message.
STDIN, STDIN_SOURCE = "-", "<stdin>"


def main(argv: Sequence[str] | None = None) -> int:
    # Output must never fail to encode: a console without "≈" shows "?".
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    # Whatever a contract, a facts file or a CSV cell holds, no control
    # character reaches the terminal raw: every line printed passes through here.
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(saved[0]), _Visible(saved[1])
    args: argparse.Namespace | None = None
    try:
        given = sys.argv[1:] if argv is None else list(argv)
        args = _arguments(given).parse_args(given)
        try:
            return int(args.run(args))
        except _Usage as usage:
            print(f"rk {args.command}: error: {usage}\n  hint: {usage.hint}", file=sys.stderr)
            return USAGE
    except RkError as exc:
        # In the language the command speaks, once the contract has said it (`_speaking`).
        _print_error(exc, getattr(args, "speaking", None))
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


class _Usage(Exception):
    """A command line that is wrong in a way argparse cannot see: exit 2, with a hint."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def _day(text: str) -> dt.date:
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":  # only YEAR-MONTH-DAY
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2019-06-30") from None


def _outside(contract: Contract, as_of: dt.date | None, w: Wording) -> None:
    """A note on standard error when the day to evaluate as of lies outside the period."""
    header = contract.module.header
    period = header.period if header is not None else None
    if as_of is None or period is None or period[0] <= as_of <= period[1]:
        return
    where = w["cli.before period" if as_of < period[0] else "cli.after period"]
    print(f"{contract.source}: {w['label.warning']}: "
          f"{w.phrase('cli.as of outside', day=as_of, where=where, period=f'{period[0]} .. {period[1]}')}",
          file=sys.stderr)
    hint = w["cli.after period.hint" if as_of > period[1] else "cli.before period.hint"]
    print(f"  {w['label.hint']}: {hint}", file=sys.stderr)


def _outside_reporting(evaluation: Evaluation, source: str, as_of: dt.date | None, w: Wording) -> None:
    """A note on standard error when the day to evaluate as of lies outside the reporting period
    (of a contract that reports `each year`) though within the contract's."""
    period = evaluation.reporting_period
    whole = evaluation.period
    if as_of is None or period is None or period.start <= as_of <= period.end or (
            whole is not None and not whole[0] <= as_of <= whole[1]):  # said already
        return
    where = w["cli.before reporting period" if as_of < period.start else "cli.after reporting period"]
    print(f"{source}: {w['label.warning']}: " + w.phrase(
        "cli.as of outside", day=as_of, where=where, period=f"{period.name}: {period.start} .. {period.end}"),
          file=sys.stderr)
    print(f"  {w['label.hint']}: {w['cli.outside reporting period.hint']}", file=sys.stderr)


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
    parser.add_argument("--version", action=_Version, help="show rk's version and exit")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND",
                                     parser_class=_CommandParser)
    named = argv[0] if argv and argv[0] in _COMMANDS else None
    if argv[:1] == ["--version"]:  # answered before any command is looked for: build none
        return parser
    for name, (run, parents, description, arguments) in _COMMANDS.items():
        if named in (None, name):
            command = commands.add_parser(name, parents=[shared() for shared in parents], help=description,
                                          formatter_class=_Formatter)
            arguments(command)
            command.set_defaults(run=run, command=name)
    return parser


class _CommandParser(argparse.ArgumentParser):
    """A command's parser, which takes `-:FACTS.json` (a contract from standard input, in
    `rk compare`) for the argument it is, not for an option it does not know."""

    def _parse_optional(self, arg_string: str) -> Any:  # what it gives differs by Python version
        if arg_string.startswith("-:"):
            return None
        return super()._parse_optional(arg_string)


class _Version(argparse.Action):
    """`rk --version`: the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from ..core.shipped import installed_version

        print(f"rk {installed_version()}")
        parser.exit()


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


def _reads() -> _CommandParser:
    """Every command that reads files refuses one larger than this."""
    reads = _CommandParser(add_help=False, formatter_class=_Formatter)
    reads.add_argument("--max-file-size", dest="max_bytes", type=_size, default=DEFAULT_MAX_BYTES,
                       metavar="SIZE", help="read no file larger than SIZE (default 256M; e.g. 1G)")
    return reads


def _facts_folder() -> _CommandParser:
    """Commands that read facts: the folder the files they point at must lie in."""
    facts = _CommandParser(add_help=False, formatter_class=_Formatter)
    facts.add_argument("--data-dir", metavar="DIR", type=_FOLDER,
                       help="allow the facts to point at files anywhere inside DIR (default: only "
                       "inside the facts file's folder)")
    return facts


def _during() -> _CommandParser:
    """Commands that judge the goals: as of a day during the period."""
    during = _CommandParser(add_help=False, formatter_class=_Formatter)
    during.add_argument("--as-of", dest="as_of", type=_day, metavar="DATE",
                        help="evaluate as of DATE during the period: what is not due yet makes its "
                        "goals pending (e.g. 2019-06-30)")
    during.add_argument("--period", metavar="PERIOD",
                        help="the reporting period to evaluate, of a contract that reports `each year` "
                        "(half year, quarter): 2009, 2009-H1, 2009-Q3 (default: the facts' \"period\")")
    return during


_CONTRACT_HELP = "a contract; `-` reads it from standard input"
_FACTS_HELP = "a year's facts; `-` reads them from standard input"


def _contracts(command: argparse.ArgumentParser) -> None:
    command.add_argument("contracts", nargs="+", metavar="CONTRACT.rk", type=_FILE, help=_CONTRACT_HELP)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    _contracts(check)
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text (default); json: every problem as data (schema/check.json); github: "
                       "a workflow command a problem, which annotates the lines in a GitHub Actions run")
    _language(check, "the problems")


# The default language is the contract's own (`language "da"` in its header); where it says
# none, it follows the format: the documents the contract's parties read (the report, HTML
# pages) are in Danish, as the contracts are; what a terminal shows or a program reads (text,
# JSON, CSV) in English. `--lang` chooses for any command.
_DOCUMENTS = ("markdown", "html", "md", "docx")


def _language(command: argparse.ArgumentParser, what: str, documents: str = "Danish for markdown and html and "
              "English otherwise") -> None:
    command.add_argument("--lang", choices=("en", "da"), default=None,
                         help=f"the language of {what} (default: the contract's `language`, else {documents})")


def _lang(args: argparse.Namespace, *contracts: Contract | Column) -> str:
    """The language to speak: `--lang`, else the one language the contracts say, else the format's."""
    said = {contract.language for contract in contracts}
    own = said.pop() if len(said) == 1 else None
    return str(args.lang or own or ("da" if args.format in _DOCUMENTS else "en"))


def _wording_of(args: argparse.Namespace, *contracts: Contract | Column) -> Wording:
    from ..core.wording import WORDINGS

    return WORDINGS[_lang(args, *contracts)]


def _speaking(args: argparse.Namespace, *contracts: Contract | Column) -> Wording:
    """The one language rule, for everything a command says once its contracts are read: its
    output, the problems with the facts and its own warnings on standard error, and an error
    that stops it later (`main`). `--lang`, else the contracts' `language`, else the format's."""
    wording = _wording_of(args, *contracts)
    args.speaking = wording
    return wording


def _eval_arguments(evaluate: argparse.ArgumentParser) -> None:
    evaluate.add_argument("contract", metavar="CONTRACT.rk", type=_FILE, help=_CONTRACT_HELP)
    evaluate.add_argument("facts", metavar="FACTS.json", type=_FILE, help=_FACTS_HELP)
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.add_argument("--brief", action="store_true",
                          help="leave out the goals' text blocks in the text output")
    _language(evaluate, "the explanations")
    evaluate.epilog = _JUDGED_EXIT.format(what="the evaluation")


# What `rk eval`, `rk report` and `rk compare` exit with, said in their --help.
_JUDGED_EXIT = ("exit status: 0 when every goal that applies is decided or pending; 1 when a goal "
                "cannot be evaluated (a fact or deliverable missing or invalid), or the contract or the "
                "facts have errors ({what} is still printed in full); 2 when the command line is wrong")


def _report_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("contract", metavar="CONTRACT.rk", type=_FILE, help=_CONTRACT_HELP)
    report.add_argument("facts", metavar="FACTS.json", type=_FILE, help=_FACTS_HELP)
    report.add_argument("--format", choices=("markdown", "html"), default="markdown")
    _language(report, "the report")
    report.add_argument("-o", "--output", metavar="FILE", type=_OUTPUT,
                        help="write to FILE (`-o -`, as without -o: standard output)")
    report.epilog = _JUDGED_EXIT.format(what="the report") + "; a split that cannot be worked out is 1 too"


def _draft_arguments(draft: argparse.ArgumentParser) -> None:
    draft.add_argument("contract", metavar="CONTRACT.rk", type=_FILE, help=_CONTRACT_HELP)
    draft.add_argument("--format", choices=("md", "html", "docx"),
                       help="md: Markdown, for reviews in git (default); html: a page that prints on A4; "
                       "docx: a Word document (needs the docx extra and -o FILE)")
    draft.add_argument("--check", metavar="SIGNED.docx", type=_FILE,
                       help="instead of drafting, read SIGNED.docx (a drafted document, edited and signed) "
                       "and report every drafted term that no longer says what the contract says")
    _language(draft, "the document", "Danish")
    draft.add_argument("-o", "--output", metavar="FILE", type=_OUTPUT,
                       help="write to FILE (`-o -`, as without -o: standard output; not for docx on a terminal)")
    draft.epilog = ("the same contract drafted twice gives the same bytes; a .docx is dated SOURCE_DATE_EPOCH "
                    "where it is set, else the first day of the contract's period. exit status: 0 when the "
                    "draft is written, or --check finds the document saying what the contract says; 1 when "
                    "the contract has errors, the file cannot be written, or --check finds a difference or "
                    "cannot read the document; 2 when the command line is wrong")


def _fmt_arguments(fmt: argparse.ArgumentParser) -> None:
    _contracts(fmt)
    mode = fmt.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a file is not formatted")
    mode.add_argument("--write", action="store_true", help="rewrite the files in place")


def _compare_arguments(compare: argparse.ArgumentParser) -> None:
    compare.add_argument("pairs", nargs="+", metavar="CONTRACT.rk:FACTS.json",
                         help="a contract and a year's facts, joined by a colon; `-` for either "
                         "reads it from standard input")
    compare.add_argument("--group", metavar="G", help="only the goals of the group G")
    compare.add_argument("--label", action="append", metavar="L",
                         help="the label of each column, in the order of the pairs (once per pair)")
    compare.add_argument("--format", choices=("text", "json", "csv", "html"), default="text")
    _language(compare, "the comparison")
    compare.add_argument("-o", "--output", metavar="FILE", type=_OUTPUT,
                         help="write to FILE (`-o -`, as without -o: standard output)")
    compare.epilog = _JUDGED_EXIT.format(what="the comparison").replace("a goal ", "a goal in any column ", 1)


def _split_arguments(split: argparse.ArgumentParser) -> None:
    split.add_argument("contract", metavar="CONTRACT.rk", type=_FILE, help=_CONTRACT_HELP)
    split.add_argument("name", nargs="?", metavar="NAME", help="which split (needed if there are several)")
    split.add_argument("--facts", metavar="FACTS.json", type=_FILE, help="the facts, where the split takes its "
                       "weights from a fact or works its total out from the goals and payments; `-` reads "
                       "them from standard input")
    split.add_argument("--format", choices=("text", "json", "csv"), default="text")
    split.add_argument("--period", metavar="PERIOD",
                       help="the reporting period whose total is split, of a contract that reports `each "
                       "year`: 2009, 2009-H1, 2009-Q3 (default: the facts' \"period\")")
    _language(split, "the table (JSON has no words)")


def _no_arguments(command: argparse.ArgumentParser) -> None:
    pass


def _check(args: argparse.Namespace) -> int:
    from .check_output import check_data, github_command

    _read_once(*args.contracts)
    # English needs no phrase tables until there is a problem to say: a clean check never reads them.
    wording = _wording_of(args) if _lang(args) != "en" else None
    every: list[Checked] = []
    for path in args.contracts:
        checked, sources, own = _checked(path, args.max_bytes)
        every.append(checked)
        said_in = wording
        if args.format != "json" and not args.lang and own is not None and own.language is not None:
            # A contract that loads says its problems (its warnings) in its own language.
            said_in = _wording_of(args, own) if own.language != "en" else None
        if args.format == "github":
            for problem in checked.problems:
                print(github_command(problem, said_in))
        elif args.format == "text":
            _print_problems(checked.problems, sources, sys.stderr, said_in)
        if checked.counts is not None and args.format != "json":
            warnings = f", {_plural(len(checked.problems), 'warning', said_in)}" if checked.problems else ""
            counts = ", ".join(_plural(count, things.removesuffix("s"), said_in)
                               for things, count in checked.counts.items())
            print(f"{checked.name}: ok: {counts}{warnings}")
    if args.format == "json":
        print(escape.json(check_data(every, wording)))
    return OK if all(checked.ok for checked in every) else FAILED


def _checked(path: str, max_bytes: int) -> tuple[Checked, Mapping[str, str], Contract | None]:
    """What `rk check` found in one contract, the texts its problems stand in, and the
    contract where it loads."""
    from .check_output import Checked

    name = STDIN_SOURCE if path == STDIN else path
    try:
        contract = _contract(path, max_bytes)
    except RkError as exc:
        return Checked(name, exc.problems, None), exc.sources, None
    counts = {"goals": len(contract.module.goals), "facts": len(contract.facts),
              "metrics": len(contract.metrics), "deliverables": len(contract.deliverables)}
    return Checked(name, contract.warnings, counts), {contract.source: contract.text}, contract


def _plural(count: int, word: str, w: Wording | None = None) -> str:
    """`3 goals`; in another language than English, its words (`count.goal`: 3 mål)."""
    if w is not None:
        return w.count(count, f"count.{word}")
    return f"{count} {word}{'' if count == 1 else 's'}"


def _contract(path: str, max_bytes: int) -> Contract:
    """The contract in the file `path`, or on standard input for `-`."""
    from ..contract.contract import load, loads

    if path == STDIN:
        return loads(_standard_input(max_bytes, "contract.unreadable", ContractError), STDIN_SOURCE)
    return load(path, max_bytes=max_bytes)


def _facts(args: argparse.Namespace, path: str) -> FactsFile:
    """The facts in the file `path`, or on standard input for `-` (the files they point at are
    then found from the working folder, as for facts given in Python)."""
    from ..facts.factsfile import load_facts, loads_facts

    if path == STDIN:
        return loads_facts(_standard_input(args.max_bytes, "facts.unreadable", FactsError), STDIN_SOURCE,
                           data_dir=args.data_dir, max_bytes=args.max_bytes)
    return load_facts(path, data_dir=args.data_dir, max_bytes=args.max_bytes)


def _standard_input(max_bytes: int, code: str, error: type[RkError]) -> bytes:
    """All of standard input, bounded as a file is: `error` at `<stdin>`, with the problem
    `code` (`contract.unreadable`, `facts.unreadable`), if it cannot be read."""
    from ..core.reasons import problem

    try:
        return read_stream(getattr(sys.stdin, "buffer", None), max_bytes)
    except FileProblem as trouble:
        raise error([problem(code, Span.point(STDIN_SOURCE, 1, 1), problem=trouble.problem)]) from None


def _read_once(*paths: str | None) -> None:
    """A usage error if standard input is named twice: it can be read only once."""
    if sum(path == STDIN for path in paths) > 1:
        raise _Usage("`-` (standard input) is named twice, and it can be read only once",
                     "send one file to standard input and name the others")


def _eval(args: argparse.Namespace) -> int:
    from ..output.render import evaluation_json, evaluation_text

    _read_once(args.contract, args.facts)
    contract = _contract(args.contract, args.max_bytes)
    wording = _speaking(args, contract)
    facts = _facts(args, args.facts)
    _outside(contract, args.as_of, wording)
    evaluation = contract.evaluate(facts, as_of=args.as_of, period=args.period)
    _outside_reporting(evaluation, contract.source, args.as_of, wording)
    _print_problems(evaluation.problems, evaluation.sources, sys.stderr, wording)
    if args.format == "json":
        print(evaluation_json(evaluation, wording))
    else:
        print(evaluation_text(evaluation, with_text=not args.brief, wording=wording))
    # A goal that cannot be evaluated is a failure a script must see, as an error is; one that
    # is pending or does not apply in the period is not.
    return FAILED if evaluation.errors or evaluation.covers.not_evaluable else OK


def _test(args: argparse.Namespace) -> int:
    import textwrap

    from ..contract import examples

    _read_once(*args.contracts)
    passed = failed = 0
    for path in args.contracts:
        try:
            contract = _contract(path, args.max_bytes)
        except RkError as exc:
            _print_error(exc)
            failed += 1
            continue
        outcomes = examples.run(contract)
        if not outcomes:
            print(f"{contract.source}: no examples")
        for outcome in outcomes:
            where = f"{outcome.span}" if outcome.span else contract.source
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
    from ..output import report

    _read_once(args.contract, args.facts)
    contract = _contract(args.contract, args.max_bytes)
    wording = _speaking(args, contract)
    facts = _facts(args, args.facts)
    _outside(contract, args.as_of, wording)
    built = report.build(contract, facts, wording.lang, as_of=args.as_of, period=args.period)
    _outside_reporting(built.evaluation, contract.source, args.as_of, wording)
    _print_problems(built.evaluation.problems, built.evaluation.sources, sys.stderr, wording)
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


def _draft(args: argparse.Namespace) -> int:
    from ..drafting.document import draft

    if args.check is not None and args.format is not None:
        raise _Usage("--check reads a document; it writes none, so it takes no --format",
                     "leave out --format: rk draft --check SIGNED.docx CONTRACT.rk")
    args.format = args.format or "md"  # a document, in the contract's language or else Danish
    _read_once(args.contract)
    contract = _contract(args.contract, args.max_bytes)
    wording = _speaking(args, contract)
    drafted = draft(contract, wording)
    if args.check is not None:
        return _draft_check(args, drafted, wording)
    to_screen = args.output is None or args.output in _STANDARD_OUTPUT
    if args.format == "docx":
        stream = sys.stdout.stream if isinstance(sys.stdout, _Visible) else sys.stdout
        if to_screen and stream.isatty():
            raise _Usage("a Word document is binary and is not written to a terminal",
                         "write it to a file: rk draft --format docx -o CONTRACT.docx")
        try:
            from ..drafting.docx import docx_bytes
        except ImportError as missing:
            if (missing.name or "").partition(".")[0] != "docx":
                raise
            print("rk draft: error: a Word document needs python-docx: pip install 'resultkontrakt[docx]'",
                  file=sys.stderr)
            return USAGE
        data = docx_bytes(drafted)
        if to_screen:
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
            return OK
        try:
            write_atomically(args.output, data)
        except FileProblem as problem:
            _print_file_problem(args.output, "cannot write the draft", problem)
            return FAILED
        return OK
    if args.format == "html":
        from ..drafting.page import page

        text = page(drafted)
    else:
        from ..drafting.markdown import markdown

        text = markdown(drafted)
    return OK if _written(args.output, text, "the draft") else FAILED


def _draft_check(args: argparse.Namespace, drafted: Draft, wording: Wording) -> int:
    """`rk draft --check SIGNED.docx`: the signed document's marked terms against the terms
    drafted from the contract now. A document that cannot be read raises its DraftError, which
    `main` prints in the command's language (exit 1)."""
    from pathlib import Path

    from ..drafting.check import compare_terms, exit_code, said
    from ..drafting.reading import read_terms

    signed = read_terms(Path(args.check), max_size=args.max_bytes)
    differences = compare_terms(signed, drafted.terms(), drafted.term_titles())
    text = said(differences, wording) + "\n"
    return exit_code(differences) if _written(args.output, text, "the check") else FAILED


def _fmt(args: argparse.Namespace) -> int:
    from ..contract.contract import read_contract
    from ..editor.fmt import PLAIN, format_file

    _read_once(*args.contracts)
    if args.write and STDIN in args.contracts:
        raise _Usage("`-` (standard input) cannot be rewritten in place",
                     "leave out --write: `rk fmt -` prints the contract in the layout")
    status = OK
    for name in args.contracts:
        try:
            if name == STDIN:
                original = _standard_input(args.max_bytes, "contract.unreadable", ContractError)
                name = STDIN_SOURCE
            else:
                original = read_contract(name, args.max_bytes)
            formatted = format_file(original, name)
        except RkError as exc:
            _print_error(exc)
            status = FAILED
            continue
        if args.check:
            if formatted != original:
                how = "`rk fmt -` prints it formatted" if name == STDIN_SOURCE else f"run `rk fmt --write {name}`"
                print(f"{name}: not formatted; {how}")
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


def _compare(args: argparse.Namespace) -> int:
    from ..comparisons.compare import CompareError, Pair, compare
    from ..comparisons.page import comparison_html
    from ..comparisons.tables import comparison_csv

    named = [_pair(written) for written in args.pairs]
    _read_once(*(path for pair in named for path in pair))
    # What standard input holds is read here, once; the files, by compare().
    pairs: list[Pair] = [(_contract(contract, args.max_bytes) if contract == STDIN else contract,
                          _facts(args, facts) if facts == STDIN else facts) for contract, facts in named]
    try:
        comparison = compare(pairs, args.group, args.label, as_of=args.as_of, period=args.period,
                             data_dir=args.data_dir,
                             max_bytes=args.max_bytes)
    except CompareError as error:
        print(f"rk compare: error: {error} ({error.argument})", file=sys.stderr)
        return USAGE
    wording = _speaking(args, *comparison.columns)
    for column in comparison.columns:
        _print_problems(column.evaluation.problems, column.evaluation.sources, sys.stderr, wording)
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
    failed = any(column.problem is not None or column.evaluation.errors or column.evaluation.covers.not_evaluable
                 for column in comparison.columns)
    return FAILED if failed else OK


def _print_file_problem(name: str, what: str, problem: FileProblem) -> None:
    print(f"{name}: error: {what}: {problem.message}", file=sys.stderr)
    if problem.hint:
        print(f"  hint: {problem.hint}", file=sys.stderr)


def _split(args: argparse.Namespace) -> int:
    from ..split.said import allocation_csv, allocation_json, allocation_text

    _read_once(args.contract, args.facts)
    contract = _contract(args.contract, args.max_bytes)
    w = _speaking(args, contract)
    if not contract.splits:
        print(f"{contract.source}: {w['label.error']}: {w['cli.no split']}", file=sys.stderr)
        print(f"  {w['label.hint']}: {w.phrase('cli.no split.hint')}", file=sys.stderr)
        return FAILED
    if (args.name is not None and args.name not in contract.splits) or (
            args.name is None and len(contract.splits) != 1):
        names = ", ".join(contract.splits)
        what = w.phrase("cli.unknown split", name=args.name) if args.name else w["cli.which split"]
        print(f"rk split: {w['label.error']}: {what} ({contract.source}); "
              f"{w.phrase('cli.the splits', names=names)}", file=sys.stderr)
        return USAGE
    facts = _facts(args, args.facts) if args.facts else None
    allocation = contract.split(args.name, facts, period=args.period)
    if args.format == "json":  # data without words: the same in either language
        print(allocation_json(allocation))
    else:
        render = allocation_csv if args.format == "csv" else allocation_text
        print(render(allocation, w))
    return OK


def _lsp(args: argparse.Namespace) -> int:
    try:
        from ..editor.lsp import serve
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
_COMMANDS: dict[str, tuple[Command, tuple[Callable[[], _CommandParser], ...], str, Arguments]] = {
    "check": (_check, (_reads,), "report every problem in contracts (exit 1 on errors)", _check_arguments),
    "eval": (_eval, (_reads, _facts_folder, _during), "evaluate a contract against a year's facts",
             _eval_arguments),
    "test": (_test, (_reads,), "run the worked examples written in contracts", _contracts),
    "report": (_report, (_reads, _facts_folder, _during),
               "write the annual report on a contract, for a year's facts", _report_arguments),
    "draft": (_draft, (_reads,), "write the contract document to sign, drafted from the rules", _draft_arguments),
    "fmt": (_fmt, (_reads,), "print contracts in the one canonical layout", _fmt_arguments),
    "compare": (_compare, (_reads, _facts_folder, _during),
                "set contracts, or years of one contract, side by side", _compare_arguments),
    "split": (_split, (_reads, _facts_folder), "split a grant among the parties, with margins",
              _split_arguments),
    "lsp": (_lsp, (), "run the language server for editors, over stdin and stdout", _no_arguments),
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
