"""The ``mapper`` command: a thin layer over the library.

Exit codes: 0 done; 1 done with problems (bad rows, unresolved places for
``check``); 2 could not run.
"""

from __future__ import annotations

import datetime as dt
import sys
from importlib import resources
from pathlib import Path

import click

from gazetteer import GazetteerError
from gazetteer.core import exempt_from_gc

from .errors import MapperError

EXAMPLE_DIR = Path(str(resources.files("mapper").joinpath("examples")))
EXAMPLE = EXAMPLE_DIR / "ceasefire-2020-10-26.csv"
EXAMPLE_EVENTS = EXAMPLE_DIR / "events.csv"
EXAMPLES = (
    (EXAMPLE, "The 26 October 2020 ceasefire: claims by each side"),
    (EXAMPLE_DIR / "war-2020.csv", "The 2020 war: claims by each side, 27 September to 10 November"),
)


class CannotRun(click.ClickException):
    exit_code = 2


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _load(ledger_path: Path, claimants: tuple[Path, ...], strict: bool, window: int = 3):
    from gazetteer import Gazetteer

    from .analysis import analyse
    from .ledger import ClaimantRegistry, read_ledger

    try:
        registry = ClaimantRegistry.load(*claimants)
        ledger = read_ledger(ledger_path, claimants=registry, strict=strict)
        for problem in ledger.problems:
            click.echo(f"warning: {problem}", err=True)
        gaz = Gazetteer()
        exempt_from_gc()
        return ledger, gaz, analyse(ledger, gaz, window=window)
    except (MapperError, GazetteerError) as exc:
        for problem in getattr(exc, "problems", [])[1:]:
            click.echo(f"error: {problem}", err=True)
        raise CannotRun(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="armaz-conflict-maps")
def cli() -> None:
    """Map dated, sourced claims of the Armenia–Azerbaijan conflict.

    A ledger is a CSV (or JSON, YAML) file with one claim a row: date, place,
    claimant, claim (captured, holds, withdrew, denies, attacked, casualties,
    violation, other) and optional id, near, side, source, url, quote, status,
    lat, lon, notes.
    """


claimants_option = click.option("--claimants", multiple=True, type=click.Path(path_type=Path),
                                 help="YAML file mapping sides to claimant patterns (repeatable).")
window_option = click.option("--window", type=click.IntRange(0, 365), default=3, show_default=True,
                             help="Days either way within which another side's claim contests one.")


@cli.command()
@click.argument("ledger", required=False, type=click.Path(path_type=Path))
@click.option("--events", type=click.Path(path_type=Path), help="Events file (name, start, end, notes).")
@click.option("--output-dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Where to write the files.")
@click.option("--name", help="Base name of the files (default: the ledger's file name).")
@click.option("--title", help="Map title (default: from the ledger's file name).")
@click.option("--as-of", callback=_date, help="Show claims as of this date first (YYYY-MM-DD).")
@click.option("--strict", is_flag=True, help="Fail on the first bad row instead of leaving it out.")
@click.option("--self-contained", is_flag=True,
              help="Inline Leaflet and all scripts and styles: the map works offline and in archives.")
@click.option("--png", is_flag=True, help="Also write NAME.png, a picture of the map (needs Chromium).")
@click.option("--png-size", default="1280x800", show_default=True, help="Picture size, WIDTHxHEIGHT.")
@claimants_option
@window_option
def build(ledger, events, output_dir, name, title, as_of, strict, self_contained, png, png_size, claimants,
          window):
    """Build the map of LEDGER: NAME.html, NAME.geojson, NAME.report.md, NAME.embed.html.

    With no LEDGER, builds the bundled examples into output/: the 26 October
    2020 ceasefire (from the article in shared/sources) and the 2020 war.
    """
    size = _png_size(png_size) if png else None
    if ledger is None:
        if name or title:
            raise click.UsageError("--name and --title need a LEDGER; the examples have their own")
        jobs = [(path, events or EXAMPLE_EVENTS, path.stem, example_title) for path, example_title in EXAMPLES]
    else:
        jobs = [(ledger, events, name or ledger.stem,
                 title or ledger.stem.replace("-", " ").replace("_", " "))]
    problems = False
    for job_ledger, job_events, job_name, job_title in jobs:
        problems |= _build_one(job_ledger, job_events, output_dir, job_name, job_title, as_of=as_of,
                               strict=strict, self_contained=self_contained, png_size=size, claimants=claimants,
                               window=window)
    if problems:
        sys.exit(1)


def _build_one(ledger, events, output_dir, name, title, *, as_of, strict, self_contained, png_size,
               claimants, window) -> bool:
    """Build one map; True when some rows were left out."""
    from .outputs import write_outputs

    led, gaz, analysis = _load(ledger, claimants, strict, window)
    event_list = []
    if events:
        from .ledger import read_events
        try:
            event_list = read_events(events)
        except MapperError as exc:
            raise CannotRun(str(exc)) from exc
    try:
        paths = write_outputs(analysis, gaz, output_dir, name, title=title, as_of=as_of, events=event_list,
                              self_contained=self_contained, problems=led.problems, png_size=png_size)
    except MapperError as exc:
        raise CannotRun(str(exc)) from exc
    for path in paths.values():
        click.echo(str(path))
    unresolved = analysis.unresolved()
    if unresolved:
        click.echo(f"{ledger}: {sum(len(ids) for _, ids in unresolved.values())} claim(s) not placed: "
                   "see the report", err=True)
    return bool(led.problems)


def _png_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
        if not (200 <= width <= 4000 and 200 <= height <= 4000):
            raise ValueError
        return width, height
    except ValueError:
        raise click.BadParameter(f"{text!r}: give WIDTHxHEIGHT in pixels, 200 to 4000 each",
                                 param_hint="--png-size") from None


@cli.command()
@click.argument("ledger", type=click.Path(path_type=Path))
@claimants_option
@window_option
def check(ledger, claimants, window):
    """Validate LEDGER and resolve its places without rendering (exit 1 on any problem)."""
    led, _gaz, analysis = _load(ledger, claimants, strict=False, window=window)
    unresolved = analysis.unresolved()
    for label, (res, ids) in sorted(unresolved.items()):
        cands = "; ".join(f"{c.place.id} {c.place.name} ({c.place.kind})" for c in res.candidates[:5])
        click.echo(f"{ledger}: place {label!r} {res.status} (claims {', '.join(ids)})"
                   + (f": candidates {cands}" if cands else ""))
    flagged = sum(1 for c in analysis.claims if analysis.flags[c.id])
    click.echo(f"{len(analysis.claims)} claims, {len(led.problems)} bad rows, "
               f"{len(unresolved)} unresolved places, {flagged} flagged claims")
    if led.problems or unresolved:
        sys.exit(1)


@cli.command()
@click.argument("place")
@click.argument("ledger", type=click.Path(path_type=Path))
@claimants_option
def timeline(place, ledger, claimants):
    """Print every claim in LEDGER about PLACE, under any of its names, oldest first."""
    _led, gaz, analysis = _load(ledger, claimants, strict=False)
    res = gaz.resolve(place)
    keys = set(analysis.keys.values())
    # An ambiguous name still finds its place when only one candidate has claims.
    with_claims = [c.place for c in res.candidates if c.place.id in keys]
    if res.place is not None:
        key = res.place.id
    elif res.status == "ambiguous" and len(with_claims) == 1:
        key = with_claims[0].id
    else:
        key = analysis.name_key(place)
    claims = analysis.timeline(key)
    if not claims:
        where = res.place.name if res.place else place
        raise CannotRun(f"{ledger}: no claims about {where!r} ({res.status})")
    head = analysis.label(key)
    click.echo(f"{head}: {len(claims)} claim(s)")
    for c in claims:
        flags = f" [{', '.join(analysis.flags[c.id])}]" if analysis.flags[c.id] else ""
        click.echo(f"{c.date}\t{c.side}\t{c.claimant}\t{c.claim}\t{c.status}\t{c.place}{flags}")


@cli.command()
@click.argument("ledger", type=click.Path(path_type=Path))
@click.option("--as-of", callback=_date, help="The date (YYYY-MM-DD; default: the ledger's last).")
@claimants_option
def control(ledger, as_of, claimants):
    """Print what each side claims to control on a date, by its latest claims in LEDGER.

    A side claims a place when its latest captured/holds/withdrew claim about
    it, up to the date and not retracted, is captured or holds.
    """
    _led, gaz, analysis = _load(ledger, claimants, strict=False)
    if not analysis.claims:
        raise CannotRun(f"{ledger}: no claims")
    day = as_of or max(c.day for c in analysis.claims)
    click.echo(f"As of {day}:")
    for side, keys in analysis.control(day).items():
        click.echo(f"{side}\t{', '.join(analysis.label(k) for k in keys)}")


@cli.command()
@click.argument("texts", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD): relative dates count from it.")
@click.option("--source", help="Source name for the rows (and the claimant when the text names none).")
@click.option("--url", help="Source URL for the rows.")
@click.option("--lang", type=click.Choice(["auto", "en", "ru", "hy", "az"]), default="auto", show_default=True,
              help="Language of the texts.")
@click.option("--output", "-o", default="-", show_default=True, type=click.Path(path_type=Path, allow_dash=True),
              help="Draft ledger CSV to write ('-': standard output).")
def draft(texts, published, source, url, lang, output):
    """Draft a ledger from articles or posts: plain text, Markdown or HTML files ('-': standard input).

    One row per place mention and claim, status 'draft', with review columns
    (mention, start, end, place_id, lat, lon, confidence); 'mapper check'
    reads the result. Review every row before publishing.
    """
    try:
        from .draft import DraftInputError, draft_ledger, read_text, write_draft
    except ImportError as exc:
        raise CannotRun(f"mapper draft needs {exc.name}: pip install 'armaz-conflict-maps[draft]'") from None
    if str(output) != "-" and output.exists():
        for path in texts:
            if str(path) != "-" and path.exists() and output.samefile(path):
                raise CannotRun(f"--output {output} is the input {path}: the draft would overwrite the article")
    rows = []
    try:
        for path in texts:
            rows += draft_ledger(read_text(path), published=published, source=source, url=url, lang=lang)
        write_draft(rows, output)
    except (DraftInputError, MapperError, GazetteerError) as exc:
        raise CannotRun(str(exc)) from exc
    click.echo(f"{len(rows)} draft row(s) from {len(texts)} text(s)", err=True)


def main() -> None:
    cli()
