"""The command line: a thin layer over the importable functions (``main(argv) -> int``).

Exit status: 0 ok; 1 finished, but some input files were skipped or repaired (listed at the
end); 2 user error (bad path, unreadable input with ``--strict``, unwritable output), with one
line naming the file; 3 internal error (a bug in kg); 130 interrupted; 141 standard output
closed early.
"""
from __future__ import annotations

import argparse
import errno
import gc
import os
import signal
import sys
import time
import traceback
from functools import partial
from pathlib import Path

from . import cache, evaluate, export, outputs, pattern_cache, pipeline, query, rdf, viz
from .arguments import jobs as _jobs, path as _path, port as _port, seconds as _seconds
from .arguments import whole as _whole
from .controls import neutralise
from .errors import InputError, InputWarning, KgError, OutputError
from .io import check_folder, check_not_inputs, check_writable
from .rules import RuleSet, copy_packaged_rules, load_rules
from .vocab import DEFAULT_BASE, check_base


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese "
                                     "institutional text.", epilog=EXIT_STATUS,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version,
                        help="show program's version number and exit")
    sub = parser.add_subparsers(dest="command", required=True)
    for add_command in (_add_build, _add_eval, _add_rules, _add_export, _add_query, _add_load,
                        _add_serve, _add_validate, _add_view):
        add_command(sub)
    return parser


class _Version(argparse.Action):
    """``--version``: kg's version, read only when asked for (see ``kg.__getattr__``)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from . import __version__

        print(f"kg {__version__}")
        parser.exit()


def _add_build(sub) -> None:
    build = sub.add_parser("build", help="build the graph of text files or folders")
    build.add_argument("paths", nargs="*", help=PATHS_HELP, type=_path)
    build.add_argument("-o", "--output", default="output", type=_path,
                       help="output folder (default output/)")
    build.add_argument("--no-html", action="store_true", help="write kg.ttl only, not the "
                       "viewer page kg.html")
    build.add_argument("--format", default=",".join(outputs.DEFAULT_FORMATS), metavar="LIST",
                       help="outputs, comma-separated, from " + ",".join(outputs.RENDERERS)
                       + " (default ttl,html): kg.ttl, kg.nt, kg.jsonld, kg.trig, kg.html")
    build.add_argument("--cache", metavar="DIR", help="folder of per-document results reused "
                       "by the next build: only new or changed files are read again, the output "
                       f"is the same (default OUTDIR/{cache.DEFAULT_NAME})", type=_path)
    build.add_argument("--no-cache", action="store_true", help="read every file again and "
                       "keep no per-document results")
    build.add_argument("--base", default=DEFAULT_BASE, help="base IRI of entities")
    build.add_argument("--strict", action="store_true", help="stop with an error (exit 2) at "
                       "the first input file that must be skipped or repaired")
    build.add_argument("-q", "--quiet", action="store_true", help="print no summary, only "
                       "warnings and errors")
    build.add_argument("--validate", action="store_true", help="check kg.ttl against the SHACL "
                       "shapes of ontology/shapes.ttl (exit 2 when it does not conform)")
    build.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                       help="read and extract documents in N processes, or `auto` for one per "
                       "available core (default 1; the output is the same for any N)")
    build.add_argument("--engine", choices=pipeline.ENGINES, default="local",
                       help="where documents are read: local processes (default) or Dask "
                       "tasks (needs kg[dask]; a local cluster of --jobs processes unless "
                       "--scheduler is given)")
    build.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. "
                       "tcp://host:8786, for --engine dask (workers must see the same paths)")
    _add_rules_option(build)


def _add_eval(sub) -> None:
    scorer = sub.add_parser("eval", help="build the graph and score it against gold files")
    scorer.add_argument("paths", nargs="*", help=PATHS_HELP, type=_path)
    scorer.add_argument("--gold", required=True, type=_path,
                        help="folder of gold annotation .json files")
    scorer.add_argument("--misses", action="store_true", help="list what was missed or invented")
    scorer.add_argument("--graph", metavar="GRAPH.ttl", help="score a graph already written "
                        "(by kg build) instead of building one; its documents pick the gold "
                        "files")
    scorer.add_argument("--per-document", action="store_true", help="build and score each "
                        "document alone against its own gold file (GOLD/NAME.json for NAME.txt) "
                        "and sum the counts; for documents whose relative names (市妇联) mean "
                        "different bodies")
    _add_rules_option(scorer)


def _add_rules(sub) -> None:
    ruler = sub.add_parser("rules", help="check a folder of rule tables, or copy the packaged "
                           "ones into a folder to edit")
    ruler.add_argument("folder", nargs="?", metavar="DIR", help="a folder of rule tables to "
                       "check (default: the packaged rules)", type=_path)
    ruler.add_argument("--copy", metavar="DIR", help="copy the packaged rule tables into DIR "
                       "(a new or empty folder) as a starting point for --rules DIR", type=_path)


def _add_export(sub) -> None:
    exporter = sub.add_parser("export", help="write a Turtle graph as GraphML, GEXF, "
                              "node-link JSON, CSV tables or mention JSONL")
    exporter.add_argument("graph", metavar="GRAPH.ttl", type=_path,
                          help="a graph written by `kg build`")
    exporter.add_argument("--format", required=True, choices=export.FORMATS,
                          help="graphml (Gephi, Cytoscape), gexf (Gephi), json (networkx "
                          "node-link), csv (NAME.nodes.csv and NAME.edges.csv, UTF-8 with BOM "
                          "for Excel) or jsonl (evidence sentences with their entity mentions, "
                          "for doccano and Prodigy)")
    exporter.add_argument("-o", "--output", help="output file; for csv a folder (default: "
                          "next to GRAPH.ttl)", type=_path)


def _add_query(sub) -> None:
    querier = sub.add_parser("query", help="run a SPARQL query on graph files or a store",
                             description="Run a SPARQL query on graph files (Turtle, N-Triples,"
                             " JSON-LD, TriG) or on a store written by `kg load`. Queries run "
                             "offline, within a time and a memory limit.")
    querier.add_argument("inputs", nargs="*", metavar="GRAPH.ttl ... QUERY.rq",
                         help="graph files, then the query file (examples in queries/); with "
                         "-e, graph files only", type=_path)
    querier.add_argument("-e", "--expression", metavar="SPARQL", help="the query itself, e.g. "
                         "'SELECT ?name WHERE { ?p a kg:Person ; skos:prefLabel ?name }'")
    querier.add_argument("--store", metavar="DIR", help="query the store written by `kg load` "
                         "instead of graph files", type=_path)
    querier.add_argument("--format", choices=query.FORMATS, default="table",
                         help="SELECT/ASK: table (aligned, the default), csv, tsv, json or xml "
                         "(SPARQL results); CONSTRUCT/DESCRIBE: ttl (the default) or nt")
    _add_query_limits(querier)
    querier.add_argument("--limit", type=_whole, default=query.DEFAULT_LIMIT, metavar="N",
                         help=f"rows a table shows (default {query.DEFAULT_LIMIT}; 0 for all)")
    querier.add_argument("--allow-service", action="store_true", help="let SERVICE call "
                         "other SPARQL endpoints over the network (off: queries are offline)")


def _add_load(sub) -> None:
    loader = sub.add_parser("load", help="load graph files into a persistent store (for kg "
                            "query --store and kg serve)")
    loader.add_argument("graphs", nargs="+", metavar="GRAPH.ttl", help="graph files (Turtle, "
                        "N-Triples, JSON-LD, TriG)", type=_path)
    loader.add_argument("--store", required=True, metavar="DIR", help="the store's folder "
                        "(created when missing)", type=_path)
    loader.add_argument("--replace", action="store_true", help="empty the store first (by "
                        "default the files are added to what it holds)")


def _add_serve(sub) -> None:
    server = sub.add_parser("serve", help="a read-only SPARQL endpoint over a store",
                            description="Answer SPARQL 1.1 Protocol requests (GET and POST, "
                            "results as the Accept header asks) on a store written by `kg "
                            "load`; updates are refused with 403. Ctrl-C stops it.")
    server.add_argument("--store", required=True, metavar="DIR", type=_path,
                        help="the store's folder")
    server.add_argument("--host", default="127.0.0.1", help="address to listen on (default "
                        "127.0.0.1: this machine only)")
    server.add_argument("--port", type=_port, default=7878, metavar="N",
                        help="port (default 7878; 0 picks a free one)")
    server.add_argument("-v", "--verbose", action="store_true", help="log every request")
    _add_query_limits(server)


def _add_validate(sub) -> None:
    validator = sub.add_parser("validate", help="check graph files against kg's SHACL shapes")
    validator.add_argument("graphs", nargs="+", metavar="GRAPH.ttl", help="graph files written "
                           "by `kg build` (Turtle, N-Triples, JSON-LD, TriG)", type=_path)


def _add_view(sub) -> None:
    viewer = sub.add_parser("view", help="write the interactive viewer page (HTML, works "
                            "offline) of a Turtle graph")
    viewer.add_argument("graph", metavar="GRAPH.ttl", type=_path,
                        help="a graph written by `kg build`")
    viewer.add_argument("-o", "--output", help="output file (default: GRAPH.html next to "
                        "GRAPH.ttl)", type=_path)
    viewer.add_argument("--open", action="store_true", help="open the page in the web browser")


def _add_rules_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--rules", metavar="DIR", help="a folder of rule tables (posts.tsv, "
                         "honours.tsv …): each replaces the packaged table of that name; see "
                         "`kg rules`", type=_path)


def _add_query_limits(command: argparse.ArgumentParser) -> None:
    """The time and memory limits of each query (kg query, kg serve)."""
    command.add_argument("--timeout", type=_seconds, default=query.DEFAULT_TIMEOUT,
                         metavar="SECONDS", help="stop a query after this long, loading "
                         f"included (default {query.DEFAULT_TIMEOUT:g}; 0 for no limit)")
    command.add_argument("--memory", type=_whole, default=query.DEFAULT_MEMORY_MB,
                         metavar="MIB", help="memory a query may use, in MiB (default "
                         f"{query.DEFAULT_MEMORY_MB}; 0 for no limit)")


PATHS_HELP = ("text files (.txt), HTML pages (.html, .htm), folders (read recursively), glob "
              "patterns ('reports/**/*.txt') or - for standard input (default: the seeds)")


EXIT_STATUS = """exit status:
  0    ok
  1    finished, but some input files were skipped or repaired (listed at the end)
  2    user error (bad path, unreadable input with --strict, unwritable output or standard output)
  3    internal error (a bug in kg; set KG_DEBUG=1 to see the traceback)
  130  interrupted
  141  standard output closed early (kg build | head)"""


def cmd_eval(args) -> int:
    rules = load_rules(args.rules)
    golds = {path.stem: path for path in evaluate.gold_files(args.gold)}
    if args.graph is not None:
        return _eval_graph(args, golds)
    files = pipeline.collect_paths(args.paths)
    shown = {_stem(path): pipeline.STDIN if isinstance(path, pipeline.StandardInput) else path
             for path in files}
    kept = _with_gold(shown, golds, f"the {len(files)} input documents", args.gold)
    scored = [path for path in files if _stem(path) in kept]
    if args.per_document:
        return _eval_per_document(args, scored, golds, rules)
    gold = evaluate.load_gold_files([golds[_stem(path)] for path in scored])
    problems: list[InputWarning] = []
    try:
        graph = pipeline.build(pipeline.Inputs(scored), rules=rules, on_warning=problems.append)
    finally:
        _print_warnings(problems, strict_hint=False)
    report, misses = evaluate.evaluate(graph, gold)
    print(_shown(evaluate.format_report(report, misses if args.misses else None)))
    return 1 if problems else 0


def _eval_graph(args, golds: dict[str, Path]) -> int:
    if args.paths or args.per_document or args.rules:
        raise KgError("--graph scores a written graph: give no PATH, --per-document or --rules")
    graph = rdf.load(args.graph)
    stems = sorted({Path(document.path).stem for document in graph.documents})
    kept = _with_gold({stem: stem for stem in stems}, golds,
                      f"the {len(stems)} documents of {args.graph}", args.gold)
    report, misses = evaluate.evaluate(graph, evaluate.load_gold_files(
        [golds[stem] for stem in kept]))
    print(_shown(evaluate.format_report(report, misses if args.misses else None)))
    return 0


def _with_gold(shown: dict, golds: dict[str, Path], what: str, gold_folder) -> list[str]:
    """The document stems that have a gold file; each one without is named on standard error,
    and none at all is a user error."""
    kept = [stem for stem in shown if stem in golds]
    if not kept:
        raise KgError(f"{gold_folder}: no gold file matches any of {what} "
                      "(NAME.json is the gold of NAME.txt)")
    for stem, name in shown.items():
        if stem not in golds:
            print(_one_line(f"kg eval: {name}: no gold file {stem}.json, not scored"),
                  file=sys.stderr)
    return kept


def _stem(path) -> str:
    """The name of a document's gold file, without ``.json``."""
    return path.name if isinstance(path, pipeline.StandardInput) else path.stem


def _eval_per_document(args, scored: list, golds: dict[str, Path], rules: RuleSet) -> int:
    problems: list[InputWarning] = []

    def documents():    # a document that cannot be read is skipped and listed, as in a build
        for path in scored:
            try:
                graph = pipeline.build(pipeline.Inputs([path]), rules=rules,
                                       on_warning=problems.append)
            except InputError:      # no document could be read: its reason is in problems
                continue
            yield _stem(path), graph, evaluate.load_gold_files([golds[_stem(path)]])

    try:
        report, per_document, misses = evaluate.evaluate_per_document(documents())
    finally:
        _print_warnings(problems, strict_hint=False)
    if not per_document:
        raise KgError(f"none of the {len(scored)} documents with a gold file could be read")
    print(_shown(evaluate.format_report(report, misses if args.misses else None, per_document)))
    return 1 if problems else 0


def cmd_rules(args) -> int:
    if args.copy:
        if args.folder:
            raise KgError("kg rules: give either DIR to check or --copy DIR, not both")
        for path in copy_packaged_rules(args.copy):
            print(f"wrote {path}")
        return 0
    rules = load_rules(args.folder)
    print(_rule_counts(rules))
    return 0


def _rule_counts(rules: RuleSet) -> str:
    """One line per table: its rows and where it was read from."""
    own = set(rules.own_tables())
    lines = [f"{name:24}{len(rules.table(name)):6} rows  "
             f"{rules.folder / name if name in own else 'packaged'}" for name in rules.names()]
    return "\n".join(lines + [f"rule set digest {rules.digest[:16]}"])


def cmd_build(args) -> int:
    started = time.perf_counter()
    if args.scheduler and args.engine != "dask":
        raise KgError("--scheduler needs --engine dask")
    check_base(args.base)
    formats = outputs.check_formats([f.strip() for f in args.format.split(",") if f.strip()])
    if args.no_html:
        formats = tuple(f for f in formats if f != "html")
    check_writable(args.output)
    if args.cache and not args.no_cache:
        check_folder(args.cache)    # a file there would keep no results, silently
    rules = load_rules(args.rules)
    inputs = pipeline.gather_inputs(args.paths, exclude=[args.output])
    check_not_inputs([Path(args.output) / outputs.RENDERERS[f][0] for f in formats], inputs.files)
    problems: list[InputWarning] = []
    try:
        graph = pipeline.build(inputs, base=args.base, strict=args.strict,
                               on_warning=problems.append, jobs=args.jobs,
                               engine=args.engine, scheduler=args.scheduler,
                               progress=sys.stderr.isatty() and not args.quiet,
                               cache=None if args.no_cache else (
                                   args.cache or Path(args.output) / cache.DEFAULT_NAME),
                               rules=rules)
    finally:
        _print_warnings(problems)
    if args.validate and not args.quiet:
        print("kg: checking kg.ttl against the SHACL shapes (several times the build's time on "
              "a large graph)…", file=sys.stderr, flush=True)
    written = outputs.write_build(graph, args.output, formats=formats, base=args.base,
                                  validate=args.validate)
    if written.conforms is False:
        print(_shown(written.report), file=sys.stderr)
        raise OutputError(written.paths[0], "does not conform to the SHACL shapes (report above)")
    elapsed = time.perf_counter() - started
    if args.quiet:
        return 1 if problems else 0
    print(f"documents read: {len(graph.documents)}")
    if inputs.skipped:
        print(_one_line(_skipped_summary(inputs.skipped)))
    counts, facts = graph.entity_counts(), graph.fact_counts()
    if counts:
        print("entities: " + ", ".join(f"{t} {counts[t]}" for t in sorted(counts)))
        print("relations: " + (", ".join(f"{p} {facts[p]}" for p in sorted(facts)) or "none"))
    else:
        print("no entities found (kg reads Chinese text)")
    if written.conforms:
        print("SHACL: conforms")
    for path in written.paths:
        print(_one_line(f"wrote {path}"))
    print(f"elapsed: {elapsed:.2f} s")
    return 1 if problems else 0


def _skipped_summary(skipped: tuple[tuple[Path, str], ...]) -> str:
    """One line: how many folder entries were passed over, by reason, with a few names."""
    reasons: dict[str, list[Path]] = {}
    for path, reason in skipped:
        reasons.setdefault(reason, []).append(path)
    parts = []
    for reason, paths in sorted(reasons.items()):
        names = ", ".join(p.name for p in paths[:3]) + (", …" if len(paths) > 3 else "")
        parts.append(f"{len(paths)} {reason} ({names})")
    return f"files skipped: {len(skipped)}: " + "; ".join(parts)


def _print_warnings(problems: list[InputWarning], strict_hint: bool = True) -> None:
    """The end-of-run list of skipped and repaired files, on standard error."""
    if not problems:
        return
    skipped = sum(p.skipped for p in problems)
    print(f"kg: warning: {skipped} file(s) skipped, {len(problems) - skipped} problem(s) "
          f"repaired{' (--strict makes these errors)' * strict_hint}:", file=sys.stderr)
    for problem in problems:
        print(f"kg: warning: {_one_line(str(problem))}", file=sys.stderr)


def cmd_query(args) -> int:
    inputs = list(args.inputs)
    if args.expression is not None:
        text, source = args.expression, "-e"
    elif inputs:
        source = inputs.pop()
        text = query.read_query(source)
    else:
        raise KgError("give a query: a QUERY.rq file after the graph files, or -e 'SPARQL'")
    if args.store is not None:
        if inputs:
            raise KgError("give either graph files or --store DIR, not both")
        open_source = partial(query.open_store_folder, args.store)
    elif inputs:
        open_source = partial(query.open_store, inputs)
    else:
        raise KgError("give the graph to query: GRAPH.ttl ... or --store DIR")
    output, _ = query.run_guarded(open_source, text, source, query.formats_of(args.format),
                                  allow_service=args.allow_service, limit=args.limit or None,
                                  timeout=args.timeout or None, memory_mb=args.memory or None)
    _write_out(output)
    return 0


def _write_out(data: bytes, chunk: int = 1 << 16) -> None:
    """Write to standard output in pieces, flushing each: a reader that stops early (``| head``)
    is then noticed (a single large write can end short without an error)."""
    for start in range(0, len(data), chunk):
        sys.stdout.buffer.write(data[start:start + chunk])
        sys.stdout.flush()


def cmd_export(args) -> int:
    graph = rdf.load(args.graph)
    output = args.output or export.default_output(args.graph, args.format)
    check_folder(output if args.format == "csv" else Path(output).parent)
    check_not_inputs([output], [args.graph])
    for path in export.export(graph, args.format, output, Path(args.graph).stem):
        print(_one_line(f"wrote {path}"))
    return 0


def cmd_load(args) -> int:
    from . import store  # http.server: imported only for the commands that use it

    triples = store.load(args.graphs, args.store, replace=args.replace)
    print(f"{args.store}: {triples:,} triples")
    return 0


def cmd_serve(args) -> int:
    from . import store

    endpoint = store.Endpoint(args.store, args.host, args.port, timeout=args.timeout or None,
                              memory_mb=args.memory or None, verbose=args.verbose)
    print(f"kg serve: SPARQL endpoint (read-only) at {endpoint.url}", flush=True)
    try:
        endpoint.serve_forever()
    finally:
        endpoint.server_close()
    return 0


def cmd_validate(args) -> int:
    from rdflib import Graph

    from .validate import validate  # pyshacl is slow to import: only when asked

    triples = query.open_store(args.graphs).dump(format=query.GRAPH_FORMATS["nt"],
                                                 from_graph=query.DEFAULT_GRAPH)
    conforms, report = validate(Graph().parse(data=triples, format="nt"))
    if not conforms:
        print(_shown(report), file=sys.stderr)
        raise KgError(f"{', '.join(args.graphs)}: does not conform to the SHACL shapes "
                      "(report above)")
    print(_one_line(f"{', '.join(args.graphs)}: conforms to the SHACL shapes"))
    return 0


def cmd_view(args) -> int:
    import webbrowser

    graph = rdf.load(args.graph)
    output = Path(args.output or Path(args.graph).with_suffix(".html"))
    check_not_inputs([output], [args.graph])
    page = viz.write_html(graph, output, title=f"{output.stem} · {viz.DEFAULT_TITLE}")
    print(_one_line(f"wrote {page}"))
    if args.open:
        try:
            opened = webbrowser.get().open(page.resolve().as_uri())
        except webbrowser.Error:
            opened = False
        if not opened:
            raise KgError(f"{page}: no web browser found to open it (set BROWSER, or open the "
                          "file by hand)")
    return 0


COMMANDS = {"build": cmd_build, "eval": cmd_eval, "rules": cmd_rules, "export": cmd_export, "load": cmd_load,
            "query": cmd_query, "serve": cmd_serve, "validate": cmd_validate, "view": cmd_view}


def _shown(text: str) -> str:
    """``text`` (lines of names from a graph or a gold file) with its control characters
    escaped, so that terminal escape codes in a name are printed, not acted on."""
    return neutralise(text, "shown")


def _one_line(message: str) -> str:
    """``message`` with newlines and other invisible characters escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in message)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (see ``EXIT_STATUS``)."""
    args = _parser().parse_args(argv)
    try:
        status = COMMANDS[args.command](args)
        pattern_cache.save()  # the next run reads the patterns this one compiled
        return status
    except KgError as exc:
        print(f"kg: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:     # the reader of standard output stopped: main_entry's business
        raise
    except OSError as exc:
        if _output_full(exc):   # standard output on a full disk (kg … > /dev/full)
            return _stdout_failed(exc)
        return _internal_error(exc)
    except Exception as exc:
        if _raised_by_interrupt(exc):
            print("kg: interrupted", file=sys.stderr)
            return 130
        return _internal_error(exc)


def _raised_by_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while handling a Ctrl-C (a library that turns an interrupted
    import into ``ImportError``, as OpenCC does)."""
    while exc is not None:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc = exc.__context__
    return False


def _output_full(exc: OSError) -> bool:
    """An error of writing standard output: a full disk or a failing device, with no file name
    (kg's own files report theirs as ``OutputError``)."""
    return exc.filename is None and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG,
                                                  errno.EIO)


def _stdout_failed(exc: OSError) -> int:
    """Report a standard output that cannot be written (exit 2); what is still buffered for it
    is dropped, so the exit does not fail again."""
    print(f"kg: error: cannot write to standard output: {exc.strerror}", file=sys.stderr)
    _discard_stdout()
    return 2


def _discard_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _internal_error(exc: BaseException) -> int:
    print(f"kg: internal error: {type(exc).__name__}: {_one_line(str(exc))} (a bug in kg;"
          " set KG_DEBUG=1 to see the traceback)", file=sys.stderr)
    if os.environ.get("KG_DEBUG"):
        traceback.print_exc()
    return 3


def main_entry() -> None:
    """Console-script entry point (a path that is not UTF-8 is printed with ``\\udcXX``)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)  # kg/__init__ held it while loading
    sys.stdout.reconfigure(errors="backslashreplace")
    # the modules loaded so far live as long as the process: full collections skip them
    gc.freeze()
    gc.set_threshold(10000, 10, 10)
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:     # kg build | head: outputs are written, the summary is not read
        _discard_stdout()
        status = 141
    except OSError as exc:
        if not _output_full(exc):
            raise
        status = _stdout_failed(exc)
    sys.exit(status)
