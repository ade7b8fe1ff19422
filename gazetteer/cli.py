"""The ``gazetteer`` command: a thin layer over the library.

Exit codes: 0 done; 1 done, but some input rows could not be processed;
2 could not run (bad arguments, missing or unreadable file or column).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import GazetteerError

EXIT_ROWS_FAILED = 1
EXIT_CANNOT_RUN = 2


class CannotRun(click.ClickException):
    exit_code = EXIT_CANNOT_RUN


def _load(data: Path | None, area: str | None = None, online: str | None = None,
          user_agent: str | None = None, delay: float = 1.0):
    from .core import DEFAULT_AREA, Gazetteer, exempt_from_gc
    from .errors import InputError

    box = DEFAULT_AREA if area is None else None if area.lower() == "none" else area.split(",")
    try:
        gaz = Gazetteer(data, area=box, fallback=online, fallback_delay=delay,
                        **({"user_agent": user_agent} if user_agent else {}))
    except InputError as exc:
        # A bad --area or --online: the library names what is wrong.
        raise click.UsageError(f"{exc} (--area takes WEST,SOUTH,EAST,NORTH or 'none')"
                               if "area" in str(exc) else str(exc)) from None
    except GazetteerError as exc:
        raise CannotRun(str(exc)) from exc
    exempt_from_gc()
    return gaz


data_option = click.option("--data", type=click.Path(path_type=Path), default=None,
                           help="Compiled gazetteer file (default: the bundled one).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="armaz-conflict-maps")
@click.option("-q", "--quiet", is_flag=True, help="No progress, no summary: only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also log how names were matched (fuzzy guesses...).")
@click.pass_context
def cli(ctx, quiet, verbose) -> None:
    """Resolve place names of the Armenia–Azerbaijan conflict, in any script.

    Names in Azerbaijani, Armenian (script or romanized), Russian and English,
    Soviet-era and renamed forms resolve to one place, or to an honest
    "ambiguous" / "not_found" with candidates.

    Exit codes: 0 done; 1 done, but some input rows failed (each is listed);
    2 nothing ran (bad arguments, a missing, unreadable or unwritable file).
    """
    if quiet and verbose:
        raise click.UsageError("give -q or -v, not both")
    ctx.obj = {"quiet": quiet}
    if verbose:
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        for name in ("gazetteer",):
            log, level = logging.getLogger(name), logging.getLogger(name).level
            log.addHandler(handler)
            log.setLevel(logging.INFO)
            ctx.call_on_close(lambda log=log, level=level: (log.removeHandler(handler), log.setLevel(level)))


def _table_row(res) -> str:
    if res.place:
        p = res.place
        return f"{res.query}\t{res.status}\t{p.id}\t{p.name}\t{p.kind}\t{p.lat:.5f},{p.lon:.5f}\t{res.score:.2f}"
    cands = "; ".join(f"{c.place.id} {c.place.name} ({c.place.kind}, {c.score:.2f})"
                      for c in res.candidates[:5])
    return f"{res.query}\t{res.status}\t\t\t\t\t\t{cands}"


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--near", help="Context: a district, province, country or nearby place.")
@click.option("--as-of", "as_of", help="Date of the source (YYYY-MM-DD): names not in use then rank lower.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--input", "input_path", metavar="FILE|URL|-",
              help="CSV to resolve a column of (batch mode): a file, an http(s) address "
                   "(a published sheet's CSV link, cached) or - for standard input.")
@click.option("--column", help="Batch: the column holding place names.")
@click.option("--near-column", help="Batch: a column holding context for each name.")
@click.option("--as-of-column", help="Batch: a column holding each row's date.")
@click.option("--output", metavar="FILE|-",
              help="Batch: where to write the CSV (default, or -: standard output). Written whole "
                   "or not at all; never the input file.")
@click.option("--offline", is_flag=True, help="Batch: read an http(s) --input from the download cache only.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Batch: processes sharing the look-ups (default: one a core, at most 8, for 4,000 "
                   "distinct names or more, else one). The output is the same.")
@click.option("--area", help="Area of interest whose places rank higher: WEST,SOUTH,EAST,NORTH "
                             "(default: the conflict zone), or 'none'.")
@click.option("--online", metavar="SERVICE",
              help="Ask a geopy service (e.g. nominatim) for names the gazetteer lacks. Off by default.")
@click.option("--user-agent", help="User agent for --online (services ask you to identify yourself).")
@click.option("--online-delay", type=float, default=1.0, show_default=True,
              help="Seconds between --online requests.")
@data_option
@click.pass_obj
def resolve(obj, names, near, as_of, as_json, input_path, column, near_column, as_of_column, output, offline,
            workers, area, online, user_agent, online_delay, data):
    """Resolve NAMES, or a column of a CSV file with --input and --column.

    \b
    gazetteer resolve "Sanasar (Gubadli)" Кубатлы Սանասար
    gazetteer resolve Martuni --near Gegharkunik --json
    gazetteer resolve --input claims.csv --column place --output resolved.csv
    cat claims.csv | gazetteer resolve --input - --column place --json > resolved.jsonl

    Batch output keeps every input column and row and appends match_status,
    match_id, match_name, match_kind, match_lat, match_lon, match_score,
    match_candidates and match_layer (how the name matched: exact,
    normalised, phonetic, inflected, fuzzy); with --json, one JSON object a
    row. Counts go to standard error at the end. Exit code 1 means some rows
    failed (they are listed); 2 that nothing ran.
    """
    if input_path is not None:
        if names:
            raise click.UsageError("give NAMES or --input, not both")
        if not column:
            raise click.UsageError("--input needs --column: the column holding place names")
        _batch(lambda: _load(data, area, online, user_agent, online_delay), input_path, column,
               near_column, as_of_column, output, as_json=as_json, offline=offline, quiet=obj["quiet"],
               workers=workers)
        return
    if output:
        raise click.UsageError("--output is for batch mode (--input); NAMES print to standard output")
    if not names:
        raise click.UsageError("give one or more NAMES, or --input FILE --column COL")
    gaz = _load(data, area, online, user_agent, online_delay)
    try:
        results = [gaz.resolve(n, near=near, as_of=as_of) for n in names]
    except GazetteerError as exc:
        raise CannotRun(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        return
    click.echo("query\tstatus\tid\tname\tkind\tlat,lon\tscore\tcandidates")
    for res in results:
        click.echo(_table_row(res))


def _batch(load, input_arg, column, near_column, as_of_column, output, *, as_json, offline, quiet, workers=None):
    from .atomic import atomic_write, check_target, same_file
    from .batch import resolve_csv
    from .download import cached_download, is_url

    # Every refusal comes before anything is opened, read or written.
    to_stdout = output in (None, "-")
    if not to_stdout:
        if input_arg != "-" and not is_url(input_arg) and same_file(input_arg, output):
            raise click.BadParameter(f"{output!r} is the input file; write the output elsewhere",
                                     param_hint="--output")
        try:
            check_target(Path(output))
        except GazetteerError as exc:
            raise CannotRun(str(exc)) from None
    gaz = load()
    try:
        if input_arg == "-":
            source, label = sys.stdin.buffer, "<stdin>"
        elif is_url(input_arg):
            source, label = cached_download(input_arg, offline=offline), input_arg
        else:
            source, label = Path(input_arg), input_arg
        with _progress(quiet) as progress:
            if to_stdout:
                report = resolve_csv(gaz, source, column, sys.stdout, label=label,
                                     near_column=near_column, as_of_column=as_of_column, json_lines=as_json,
                                     progress=progress, workers=workers)
            else:
                with atomic_write(output) as out:
                    report = resolve_csv(gaz, source, column, out, label=label, near_column=near_column,
                                         as_of_column=as_of_column, json_lines=as_json, progress=progress,
                                         workers=workers)
    except GazetteerError as exc:
        raise CannotRun(str(exc)) from None
    for row, message in report.errors:
        click.echo(f"{label}: row {row}: {message}", err=True)
    if not quiet:
        c = report.counts
        click.echo(f"{report.read} rows read, {report.written} written: {c['resolved']} resolved, "
                   f"{c['ambiguous']} ambiguous, {c['not_found']} not found, {report.failed} failed",
                   err=True)
    if report.errors:
        sys.exit(EXIT_ROWS_FAILED)


class _progress:
    """A progress bar on standard error when it is a terminal (and not --quiet); else nothing."""

    def __init__(self, quiet: bool) -> None:
        self.bar = None
        stream = sys.stderr
        if not quiet and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit=" rows", file=stream, mininterval=0.2, leave=False)

    def __enter__(self):
        return self.update if self.bar is not None else None

    def update(self, rows: int, expected: int) -> None:
        if self.bar.total != expected:
            self.bar.total = expected
        self.bar.update(rows - self.bar.n)

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.close()


@cli.command()
@click.argument("place_id")
@data_option
def show(place_id, data):
    """Show one place by id (wof:421169387, gz:artsakh) as JSON: names, parents, sources."""
    gaz = _load(data)
    try:
        place = gaz.get(place_id)
    except GazetteerError as exc:
        raise CannotRun(str(exc)) from exc
    doc = place.to_dict()
    doc["parent_names"] = [p.name for p in gaz.parents(place)]
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))


@cli.group(name="import")
def import_():
    """Compile the gazetteer data from source data."""


@import_.command()
@click.argument("dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--curated", type=click.Path(path_type=Path), default=None,
              help="Curated additions: a folder of YAML files or one file (default: the bundled gazetteer/data/curated/).")
@click.option("--no-curated", is_flag=True, help="Compile the WOF data alone.")
@click.option("--output-dir", type=click.Path(path_type=Path), default=None,
              help="Where to write gazetteer.json and boundaries.geojson (default: the package's data).")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=None,
              help="Write the full import report as JSON ('-' for standard output): every place whose "
                   "source parent disagrees with geometry, merges, flagged names, what was set aside.")
def wof(dirs, curated, no_curated, output_dir, report_path):
    """Compile Who's On First data trees (DIRS) into the gazetteer.

    \b
    gazetteer import wof ../shared/data/whosonfirst/admin-az ../shared/data/whosonfirst/admin-am
    """
    from .compile import CURATED_PATH, DATA_DIR, compile_gazetteer

    for d in dirs:
        if not d.is_dir():
            raise CannotRun(f"{d}: not a folder; give the root of a Who's On First checkout")
    try:
        report = compile_gazetteer(list(dirs), curated=None if no_curated else (curated or CURATED_PATH),
                                   out_dir=output_dir or DATA_DIR)
    except GazetteerError as exc:
        raise CannotRun(str(exc)) from exc
    # With the report on standard output, the summary goes to standard error.
    to_stderr = report_path == Path("-")

    def echo(line: str) -> None:
        click.echo(line, err=to_stderr)

    echo(f"places: {report['places']}")
    echo(f"names: {report['names']}")
    echo(f"merged duplicates: {len(report['merged_duplicates'])}")
    changes = report["parents_from_geometry"]
    echo(f"parents set from geometry: {len(changes)} "
         f"({sum(c['cross_country'] for c in changes)} were under the other country)")
    echo(f"names flagged as another place's: {len(report.get('flagged_names', []))}")
    echo(f"English labels set to the press's spelling: {len(report.get('english_labels', []))}")
    echo(f"Russian names marked historical: {len(report.get('renamed', []))}")
    for what, count in report["skipped"].items():
        echo(f"set aside: {count} ({what})")
    if report_path is not None:
        _write_report(report, report_path)


def _write_report(report: dict, path: Path) -> None:
    """JSON, written beside the target and renamed over it: a failed run leaves no half file."""
    import os
    import tempfile

    text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if path == Path("-"):
        click.echo(text, nl=False)
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise CannotRun(f"{path}: cannot write the report: {exc}") from exc


@cli.command()
@data_option
def stats(data):
    """Count places by kind and country, names by language; show the attribution."""
    gaz = _load(data)
    kinds: dict[str, int] = {}
    langs: dict[str, int] = {}
    for place in gaz:
        key = f"{place.kind} ({place.country or '-'})"
        kinds[key] = kinds.get(key, 0) + 1
        for name in place.names:
            langs[name.lang] = langs.get(name.lang, 0) + 1
    click.echo(f"{len(gaz)} places")
    for key, count in sorted(kinds.items()):
        click.echo(f"  {key}: {count}")
    click.echo(f"{sum(langs.values())} names")
    for key, count in sorted(langs.items(), key=lambda kv: -kv[1]):
        click.echo(f"  {key}: {count}")
    click.echo(f"Data: {gaz.attribution}")
    for src in gaz.sources:
        click.echo(f"  snapshot {src}")


def main() -> None:
    """The console command: ``cli`` run by ``atomic.run_command`` (signals end it cleanly; its
    exit skips tearing the interpreter down)."""
    from .atomic import run_command

    run_command(cli)
