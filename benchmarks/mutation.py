"""Mutation testing of the modules that decide things: run it before you stop.

    python3 benchmarks/mutation.py                  # every group, one after another
    python3 benchmarks/mutation.py flags spatial    # named groups
    python3 benchmarks/mutation.py --list           # groups, their modules and tests
    python3 benchmarks/mutation.py flags --show     # also print each survivor's diff
    python3 benchmarks/mutation.py flags --keep     # re-test only functions changed since last run
    python3 benchmarks/mutation.py flags --survivors  # after adding tests: re-test last survivors

mutmut 3 (https://mutmut.readthedocs.io) changes one operator, constant or
call at a time in a module and runs the tests that reach the changed
function; a mutant the tests still pass with ("survived") is a rule no test
states. mutmut reads its settings once, from the current directory, so each
group gets its own mirror of the project in `.mutation/<group>/` (git-ignored,
like the `mutants/` copy mutmut makes inside it) with a `[tool.mutmut]`
section naming the group's modules and tests; the project itself is never
written to. A group runs only its own tests, in at most `--jobs` processes.

Per group this prints mutants killed / survived / timeout / no tests, the kill
rate (killed + timeout over all mutants, as mutmut counts them), and the
surviving mutants' names; `--show` adds `mutmut show` for each. To look at
one later: `cd .mutation/<group> && python3 -m mutmut show <name>`.
Exit status 1 if a group kills fewer than `--target` percent.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
MIRRORED = ("gazetteer", "mapper", "tests")

# group -> (modules mutated, tests that state their rules[, mutant-name globs:
# only these are run and counted, for a module of which one part decides]).
# A group names its
# unit tests, not the end-to-end ones that build whole maps: every surviving
# mutant runs every test that reaches the mutated function, and a 20-second
# map build per mutant would make the habit too slow to keep.
GROUPS: dict[str, tuple[list[str], ...]] = {
    "flags": (["mapper/analysis.py"], [
        "tests/test_flags.py",
        "tests/test_mapper.py::test_example_flags",
        "tests/test_mapper.py::test_flag_rules",
    ]),
    "control": (["mapper/control.py"], ["tests/test_control.py"]),
    "exports": (["mapper/exports.py", "mapper/claimtable.py"], ["tests/test_exports.py", "tests/test_claimtable.py"]),
    "i18n": (["mapper/i18n.py"], ["tests/test_i18n.py"]),
    "spatial": (
        ["gazetteer/spatial.py", "gazetteer/frames.py", "gazetteer/geocoder.py"],
        ["tests/test_spatial_frames.py", "tests/test_geocoder.py"],
    ),
    "files": (
        ["mapper/ledger.py", "gazetteer/batch.py", "gazetteer/csvfile.py"],
        ["tests/test_ledger_rules.py", "tests/test_ledger_frames.py", "tests/test_ledger_fastpath.py",
         "tests/test_ledger_columns.py", "tests/test_ledger_column_rules.py",
         "tests/test_batch_rules.py",
         # The batch writer's short cuts, each against the CSV writer's whole row.
         "tests/test_speed_paths.py::test_a_batch_row_is_written_as_the_csv_writer_writes_it_whole",
         "tests/test_speed_paths.py::test_a_batch_row_of_plain_cells_ends_with_its_answer_as_written_once",
         # The count and unit columns' reading rules (not the report built from them).
         "tests/test_numbers.py::test_count_and_unit_are_read_trimmed_and_optional",
         "tests/test_numbers.py::test_a_ledger_without_the_columns_still_reads",
         "tests/test_numbers.py::test_a_count_that_is_not_a_number_is_a_row_error_naming_file_row_and_field",
         "tests/test_numbers.py::test_json_counts_are_numbers_and_booleans_are_not"],
    ),
    # How a name's candidates are judged against the context and decided.
    "decision": (
        ["gazetteer/decision.py", "gazetteer/regions.py"],
        ["tests/test_decision_rules.py", "tests/test_ranking.py", "tests/test_resolve.py", "tests/test_accuracy.py",
         # Only its last tests reach decision.py: how it applies the ranking rules.
         "tests/test_ranking_rules.py",
         # The rounds that wrote context rules stated them in their own files.
         "tests/test_wrongs_rules.py", "tests/test_misses_rules.py", "tests/test_ru20_rules.py",
         "tests/test_encyclo_rules.py", "tests/test_bord_rules.py", "tests/test_admin2_rules.py",
         "tests/test_rus2_rules.py", "tests/test_notab_rules.py", "tests/test_b2122_rules.py",
         "tests/test_hyart_rules.py",
         # gen2's borrowed name that yields; land3's landmark types a word rules out.
         "tests/test_gen2_rules.py", "tests/test_land3_rules.py",
         # amb11's name count against namesakes, applied in _rerank.
         "tests/test_amb11_rules.py"],
    ),
    # How each candidate is scored: the layers, notability, the size and
    # kind hints, whole names before part and written before sound-alike.
    "ranking": (
        ["gazetteer/ranking.py"],
        ["tests/test_ranking_rules.py", "tests/test_decision_rules.py", "tests/test_ranking.py",
         "tests/test_resolve.py", "tests/test_notab_rules.py", "tests/test_hyart_rules.py",
         # worded_before_bare's landmarks (land3); names_of_its_own (amb11); spelled_alike's
         # namesake through another script's stray variant (hy23b).
         "tests/test_land3_rules.py", "tests/test_amb11_rules.py", "tests/test_hy23b_rules.py",
         # lettered_apart's rule and its one real case.
         "tests/test_misses_rules.py::test_a_name_written_with_its_letters_is_not_one_differing_in_them",
         "tests/test_misses_rules.py::test_nuzgar_is_the_village_so_spelled"],
    ),
    # The page's data (mapper/payload.py), not the folium plumbing around it:
    # the browser tests hold that.
    "render": (["mapper/payload.py"], ["tests/test_payload.py", "tests/test_payload_rules.py"]),
    # The forked copy that makes a build's exports: results, failures on either side, when to fork.
    "forked": (["mapper/forked.py"], ["tests/test_forked.py"]),
    # How a name's words are read: here only the adjectives before a settlement's word and the English
    # owner and nearness (the whole module is reached by every rule test: 20 s a mutant).
    "parsing": (["gazetteer/parsing.py"],
                ["tests/test_ru20_rules.py", "tests/test_y2025_rules.py", "tests/test_misses_rules.py",
                 "tests/test_eng20_rules.py", "tests/test_rights_rules.py", "tests/test_resolve.py",
                 "tests/test_landmarks2_rules.py", "tests/test_encyclo_rules.py", "tests/test_gen_rules.py",
                 "tests/test_b2122_rules.py", "tests/test_azlat_rules.py",
                 # tr12's Turkish case after an apostrophe (_turkish_case).
                 "tests/test_tr12_rules.py"],
                ["gazetteer.parsing.x__without_adjectives__mutmut_*", "gazetteer.parsing.x__english_lead__mutmut_*",
                 "gazetteer.parsing.x__aze_owner__mutmut_*", "gazetteer.parsing.x__turkish_case__mutmut_*"]),
    # Which places a name's spelling reaches: the strict layers, the declined and
    # sound-alike forms (retrieval.py), and the piece index fuzzy look-ups go through.
    "retrieval": (["gazetteer/retrieval.py", "gazetteer/fuzzyindex.py"],
                  ["tests/test_retrieval_rules.py", "tests/test_fuzzyindex.py", "tests/test_resolve.py",
                   "tests/test_hy23_rules.py",
                   "tests/test_bord_rules.py", "tests/test_hyscript_rules.py", "tests/test_inflection_dev6.py",
                   "tests/test_dev8_rules.py", "tests/test_ru20_rules.py", "tests/test_hyart_rules.py",
                   # land3's two places joined by a dash (no fuzzy guess).
                   "tests/test_land3_rules.py",
                   # west11's other presses' orthographies (_orthography: French, German, Western Armenian).
                   "tests/test_west11_rules.py"]),
    # How both console commands end: exit codes, exit handlers, streams flushed (atomic.run_command).
    "lifecycle": (["gazetteer/atomic.py"],
                  # In this process: a command run in its own would not run the mutant under test.
                  ["tests/test_cli_and_import.py::test_a_command_ends_with_its_code_after_the_exit_handlers_and_a_flush",
                   "tests/test_cli_and_import.py::test_a_command_whose_streams_are_closed_still_ends_and_says_it_failed",
                   "tests/test_cli_and_import.py::"
                   "test_a_python_without_cpythons_exit_hook_ends_a_command_the_ordinary_way"],
                  ["gazetteer.atomic.x_run_command__mutmut_*"]),
}

#: Groups whose modules keep no state in the Gazetteer object (no caches keyed
#: on it, no resolutions): their tests may share one loaded gazetteer across
#: mutants (tests/conftest.py). Not `control` (its areas are cached per
#: gazetteer) nor anything that mutates the resolver itself.
SHARED_GAZETTEER = {"flags", "exports", "i18n", "spatial", "files"}

KILLED = {1, 3}
TIMEOUT = {36, -24, 24, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def mirror(group: str, *, keep: bool) -> Path:
    """Copy the project into .mutation/<group>/ with the group's mutmut settings."""
    modules, tests = GROUPS[group][:2]
    where = WORK / group
    if where.exists() and not keep:
        shutil.rmtree(where)
    where.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in MIRRORED:
        if (where / name).exists():
            shutil.rmtree(where / name)
        # copy2 keeps mtimes, which mutmut uses to tell an unchanged file under --keep.
        shutil.copytree(ROOT / name, where / name, ignore=ignore, copy_function=shutil.copy2)
        if (where / "mutants" / name).exists():
            # mutmut refreshes only the Python files of its kept copy: data the
            # code reads (the compiled gazetteer, test sets) would stay as the
            # last run had it, and a re-run would test new code on old data.
            shutil.copytree(ROOT / name, where / "mutants" / name, dirs_exist_ok=True, copy_function=shutil.copy2,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.py"))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if "[tool.mutmut]" in pyproject:
        raise SystemExit("pyproject.toml has its own [tool.mutmut]; this script writes one per group")
    settings = f"""
[tool.mutmut]
source_paths = {_toml_list(list(MIRRORED[:2]))}
only_mutate = {_toml_list(modules)}
pytest_add_cli_args_test_selection = {_toml_list(tests)}
pytest_add_cli_args = ["-p", "no:cacheprovider", "-m", "not browser"]
"""
    (where / "pyproject.toml").write_text(pyproject + settings, encoding="utf-8")
    return where


def results(where: Path, modules: list[str]) -> dict[str, int | None]:
    """Exit code of every mutant, read from the .meta files mutmut writes beside each mutant."""
    codes: dict[str, int | None] = {}
    for module in modules:
        meta = where / "mutants" / (module + ".meta")
        if meta.exists():
            codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


def group_results(group: str) -> dict[str, int | None]:
    """The group's mutants and exit codes, only those its globs name when it has them."""
    modules, _, *only = GROUPS[group]
    codes = results(WORK / group, modules)
    if only:
        codes = {k: v for k, v in codes.items() if any(fnmatch.fnmatch(k, p) for p in only[0])}
    return codes


def summarise(codes: dict[str, int | None]) -> dict:
    count = lambda wanted: sum(1 for c in codes.values() if c in wanted)  # noqa: E731
    killed, timeout = count(KILLED), count(TIMEOUT)
    total = len(codes)
    return {
        "total": total,
        "killed": killed,
        "timeout": timeout,
        "survived": count(SURVIVED),
        "no_tests": count(NO_TESTS),
        "other": total - killed - timeout - count(SURVIVED) - count(NO_TESTS),
        "rate": (killed + timeout) / total if total else 0.0,
        "survivors": sorted(n for n, c in codes.items() if c not in KILLED | TIMEOUT),
    }


def _mutmut(group: str, where: Path, jobs: int, names: list[str]) -> None:
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *names]
    env = dict(os.environ, ARMAZ_TEST_SHARED_GAZETTEER="1" if group in SHARED_GAZETTEER else "0")
    done = subprocess.run(command, cwd=where, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0 or not group_results(group):
        print(done.stdout[-4000:])
        raise SystemExit(f"mutmut failed on group {group} (exit {done.returncode})")


def run_group(group: str, *, jobs: int, keep: bool, show: bool, names: list[str],
              survivors: bool = False) -> dict:
    """Run one group; with ``survivors``, keep the last results, test what is
    new or changed, then re-test the mutants that survived."""
    modules, tests, *only = GROUPS[group]
    keep = keep or survivors or bool(names)
    where = mirror(group, keep=keep)
    if keep:
        # Rebuild which tests reach which function: tests added since the last
        # run (or a test that now reaches a function it used to skip) count.
        (where / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    print(f"== {group}: {', '.join(modules)}  <-  {' '.join(tests)}", flush=True)
    _mutmut(group, where, jobs, names or (only[0] if only else []))
    if survivors:
        again = [n for n, code in group_results(group).items() if code not in KILLED | TIMEOUT]
        if again:
            _mutmut(group, where, jobs, again)
    summary = summarise(group_results(group))
    s = summary
    print(
        f"   {s['killed']} killed, {s['survived']} survived, {s['timeout']} timeout, "
        f"{s['no_tests']} no tests, {s['other']} other, of {s['total']}: "
        f"{100 * s['rate']:.1f}% killed",
        flush=True,
    )
    for name in s["survivors"]:
        print("   survivor", name)
        if show:
            diff = subprocess.run(
                [sys.executable, "-m", "mutmut", "show", name], cwd=where, capture_output=True, text=True
            )
            print("\n".join("      " + line for line in diff.stdout.splitlines()))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help=f"groups to run (default all): {', '.join(GROUPS)}")
    parser.add_argument("--list", action="store_true", help="list the groups and exit")
    parser.add_argument("--jobs", "-j", type=int, default=2, help="test processes at once (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the last run's results; re-test changed functions")
    parser.add_argument("--show", action="store_true", help="print the diff of each survivor")
    parser.add_argument("--mutants", nargs="+", default=[], metavar="NAME",
                        help="run only these mutants (mutmut names, * globs allowed); needs one group")
    parser.add_argument("--survivors", action="store_true",
                        help="keep the last results, test new or changed functions, then re-test the "
                             "survivors (after adding tests); needs one group")
    parser.add_argument("--target", type=float, default=90.0, help="percent killed below which exit is 1")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.list:
        for name, (modules, tests, *only) in GROUPS.items():
            print(f"{name:10} {' '.join(modules)}\n{'':10} tests: {' '.join(tests)}")
            if only:
                print(f"{'':10} only: {' '.join(only[0])}")
        return 0
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    groups = args.groups or list(GROUPS)
    if (args.mutants or args.survivors) and len(groups) != 1:
        parser.error("--mutants and --survivors need exactly one group")
    if args.survivors and not group_results(groups[0]):
        parser.error(f"no results recorded for {groups[0]}; run the group first")
    figures = {
        g: run_group(g, jobs=args.jobs, keep=args.keep, show=args.show, names=args.mutants,
                     survivors=args.survivors)
        for g in groups
    }
    print("\ngroup       killed/total   rate")
    for g, s in figures.items():
        print(f"{g:10} {s['killed'] + s['timeout']:>6}/{s['total']:<6} {100 * s['rate']:6.1f}%")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0 if all(100 * s["rate"] >= args.target for s in figures.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
