#!/usr/bin/env python3
"""Fuzz extract_figures, check_text and every reader for crashes, broken invariants and slow inputs. Prints; asserts nothing.

    .venv/bin/python bench/fuzz.py --minutes 60
    .venv/bin/python bench/fuzz.py --minutes 5 --engine hypothesis --out /tmp/fuzz
    .venv/bin/python bench/fuzz.py --minutes 30 --readers all      # the figures, then each reader in turn

--readers (text, json, jsonl, markdown, html, config, baseline, or all) adds one target per reader
(tests/reader_targets.py): bytes made of that format's pieces, written as a file and read through
the CLI (check and extract, or --config/--baseline), which must give a report or one-line errors,
no traceback and no internal error, within --slow seconds. The time is shared out in turns of a
minute between the figures' target and the readers'. A failure found belongs, once fixed, in
tests/regressions/<reader>/, which tests/test_regressions.py replays.

Engines: atheris (coverage-guided, used when `import atheris` works) or hypothesis (a loop of `@given`
runs sized from --minutes; forced with --engine hypothesis). Inputs are arbitrary Unicode and article-like
text built from number phrases ("about 120", "1,150 drones", "$5bn", "between 10 and 15", ...).

Each input must satisfy what tests/test_properties.py checks, here over far more inputs:
  - extract_figures and check_text never raise;
  - every figure is non-empty, in order, and `text == body[start:end]`;
  - no NaN in value, low or high; low <= high; low <= value <= high when low and high are finite;
  - check_text gives the same findings twice.
An input that takes longer than --slow seconds (default 2) is recorded as slow, with its length.

The run goes on after a failure: each distinct failure (exception type and place, or broken invariant) is
recorded once, with its input, in --out (default bench/out/fuzz/, git-ignored) as <signature>.txt, and all
of them are listed at the end. With hypothesis each new failure is shrunk to a small input first.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT / "tests"))
from article_text import PAIRS, PHRASES, PUNCT, SEPARATORS, WORDS  # noqa: E402 - the test suite's pieces
from reader_targets import PIECES, TARGETS, signature  # noqa: E402


def check_invariants(body: str, slow: float, confirming: bool = False) -> list[tuple[str, str]]:
    """Every broken invariant for one body as (signature, detail); an exception is one of them."""
    import figcheck

    problems: list[tuple[str, str]] = []
    started = time.perf_counter()
    try:
        figures = figcheck.extract_figures(body)
    except Exception as exc:
        return [(signature("extract_figures", exc), traceback.format_exc())]
    prev = -1
    for f in figures:
        if f.text != body[f.start:f.end]:
            problems.append(("text-not-slice", f"{f.text!r} != body[{f.start}:{f.end}] = {body[f.start:f.end]!r}"))
        if not f.text or not 0 <= f.start < f.end <= len(body):
            problems.append(("empty-or-outside", f"{f.text!r} at {f.start}:{f.end} in a body of {len(body)}"))
        if f.start < prev:
            problems.append(("out-of-order", f"{f.text!r} at {f.start} after a figure at {prev}"))
        prev = f.start
        if any(math.isnan(x) for x in (f.value, f.low, f.high)):
            problems.append(("nan", f"{f.text!r}: value={f.value} low={f.low} high={f.high}"))
        elif f.low > f.high:
            problems.append(("low-above-high", f"{f.text!r}: low={f.low} high={f.high}"))
        elif math.isfinite(f.low) and math.isfinite(f.high) and not f.low <= f.value <= f.high:
            problems.append(("value-outside-range", f"{f.text!r}: {f.low} <= {f.value} <= {f.high} fails"))
    try:
        first = figcheck.check_text(body)
        second = figcheck.check_text(body)
    except Exception as exc:
        problems.append((signature("check_text", exc), traceback.format_exc()))
    else:
        if first != second:
            problems.append(("check-not-deterministic", f"{len(first)} then {len(second)} findings"))
    took = time.perf_counter() - started
    if took > slow and not confirming:
        # Time it once more: a pause of the machine is not a slow input.
        again = time.perf_counter()
        check_invariants(body, slow, confirming=True)
        took = min(took, time.perf_counter() - again)
    if took > slow:
        problems.append((f"slow-{_size_bucket(len(body))}", f"{took:.1f} s for {len(body)} characters"))
    return problems


def _size_bucket(n: int) -> str:
    return "under-1k" if n < 1000 else "under-10k" if n < 10_000 else "10k-plus"


class Recorder:
    """Distinct failures, each kept once with its input."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.seen: dict[str, tuple[str, str]] = {}
        self.inputs = 0
        self.per_target: dict[str, int] = {}
        self.started = time.monotonic()
        out.mkdir(parents=True, exist_ok=True)

    def record(self, body: str, problems: list[tuple[str, str]]) -> list[str]:
        new = []
        for sig, detail in problems:
            if sig in self.seen:
                # Keep the shortest input per failure: the easiest to read.
                if len(body) < len(self.seen[sig][0]):
                    self.seen[sig] = (body, detail)
                    self._write(sig)
                continue
            self.seen[sig] = (body, detail)
            self._write(sig)
            new.append(sig)
            print(f"fuzz: NEW {sig} ({len(body)} chars): {body[:120]!r}", flush=True)
        return new

    def _write(self, sig: str) -> None:
        body, detail = self.seen[sig]
        name = hashlib.sha1(sig.encode()).hexdigest()[:10]
        (self.out / f"{_safe(sig)}-{name}.txt").write_text(
            f"signature: {sig}\ninput (repr): {body!r}\n\n{detail}\n", encoding="utf-8", errors="backslashreplace")

    def summary(self, seconds: float) -> None:
        print(f"\nfuzz: {self.inputs:,} inputs in {seconds / 60:.1f} min; {len(self.seen)} distinct failures"
              f" (details in {self.out})")
        if self.per_target:
            figures = self.inputs - sum(self.per_target.values())
            print("fuzz: inputs by target: " + ", ".join(f"{name} {n:,}" for name, n in [("figures", figures), *self.per_target.items()]))
        for sig, (body, detail) in sorted(self.seen.items()):
            last = detail.strip().splitlines()[-1] if detail.strip() else ""
            print(f"  {sig}\n    input: {body[:200]!r}{' ...' if len(body) > 200 else ''}\n    {last[:300]}")


def _safe(sig: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in sig)[:80]


def _warm_up(args: argparse.Namespace) -> None:
    # Lexicons load and regexes compile on first use: not to be timed as a slow input. NOTE: atheris must
    # have instrumented figcheck before this first import, or it fuzzes blind (no coverage).
    check_invariants(" ".join(PHRASES), args.slow)


# ---------------------------------------------------------------- atheris

def run_atheris(args: argparse.Namespace, rec: Recorder, deadline: float) -> None:
    import atheris

    with atheris.instrument_imports(include=["figcheck"]):
        import figcheck
        import figcheck.engine
        import figcheck.extract
        import figcheck.extract.scan
        import figcheck.relate  # noqa: F401
    _warm_up(args)
    pools = (PHRASES, WORDS, PUNCT)

    def one_input(data: bytes) -> None:
        if time.monotonic() > deadline:
            # NOTE: libFuzzer leaves with C exit() when its own time is up, skipping Python's cleanup;
            # stopping here instead lets the summary print.
            rec.summary(time.monotonic() - rec.started)
            sys.stdout.flush()
            os._exit(0)
        fdp = atheris.FuzzedDataProvider(data)
        if fdp.ConsumeIntInRange(0, 2) == 0:  # arbitrary Unicode
            body = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        else:  # article-like: phrases, words and punctuation with separators, a few raw characters between
            parts = []
            while fdp.remaining_bytes() > 1:
                pick = fdp.ConsumeIntInRange(0, 5)
                if pick == 3:
                    parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 4)))
                elif pick == 4:
                    parts.append(_number(fdp))
                elif pick == 5:
                    parts.append(PAIRS[fdp.ConsumeIntInRange(0, len(PAIRS) - 1)].format(_number(fdp), _number(fdp)))
                else:
                    pool = pools[pick]
                    parts.append(pool[fdp.ConsumeIntInRange(0, len(pool) - 1)])
                parts.append(SEPARATORS[fdp.ConsumeIntInRange(0, len(SEPARATORS) - 1)])
            body = "".join(parts)
        rec.inputs += 1
        rec.record(body, check_invariants(body, args.slow))

    def _number(fdp: atheris.FuzzedDataProvider) -> str:
        how = fdp.ConsumeIntInRange(0, 3)
        if how == 0:
            return str(fdp.ConsumeIntInRange(0, 10**7))
        if how == 1:
            return f"{fdp.ConsumeIntInRange(1000, 10**12):,}"
        if how == 2:
            return f"{fdp.ConsumeIntInRange(0, 10**6)}.{fdp.ConsumeIntInRange(0, 99):02d}"
        return str(fdp.ConsumeIntInRange(1, 9)) * fdp.ConsumeIntInRange(15, 420)  # up to past a float

    seconds = int(args.minutes * 60)
    # len_control: let inputs grow sooner than libFuzzer's default, so long articles come up in a short run.
    libfuzzer = [sys.argv[0], f"-max_total_time={seconds + 60}", f"-max_len={args.max_len}", "-timeout=300",
                 "-len_control=10",
                 f"-artifact_prefix={args.out}/", "-print_final_stats=1"]
    if args.seed is not None:
        libfuzzer.append(f"-seed={args.seed}")
    atheris.Setup(libfuzzer, one_input)
    atheris.Fuzz()


# ---------------------------------------------------------------- hypothesis

def run_hypothesis(args: argparse.Namespace, rec: Recorder, deadline: float) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    number = st.one_of(
        st.integers(min_value=0, max_value=10**7).map(str),
        st.integers(min_value=1000, max_value=10**12).map("{:,}".format),
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
        st.integers(min_value=10**15, max_value=10**420).map(str),  # up to past a float
    )
    pair = st.tuples(st.sampled_from(PAIRS), number, number).map(lambda t: t[0].format(t[1], t[2]))
    token = st.one_of(st.sampled_from(PHRASES), st.sampled_from(WORDS), st.sampled_from(PUNCT), st.text(max_size=4),
                      number, pair)
    article = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=60).map(
        lambda parts: "".join(t + s for t, s in parts))
    bodies = st.one_of(st.text(max_size=args.max_len), article, st.lists(article, max_size=8).map("\n\n".join))
    _warm_up(args)
    known: set[str] = set()
    last: dict[str, str] = {}
    rate = 50.0  # examples a second, measured after each batch

    class NewFailure(Exception):
        pass

    while (left := deadline - time.monotonic()) > 0:
        # max_examples from the time left, at most a minute's worth: a new failure ends a batch once
        # hypothesis has shrunk it, and the next batch goes on past the failures already known.
        n = max(20, int(min(left, 60) * rate))

        @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.generate, Phase.shrink] if args.shrink else [Phase.generate])
        @given(bodies)
        def target(body: str) -> None:
            if time.monotonic() > deadline:
                return
            last["body"] = body
            rec.inputs += 1
            problems = check_invariants(body, args.slow)
            new = [sig for sig, _ in problems if sig not in known and not sig.startswith("slow-")]
            if new:
                raise NewFailure(new[0])
            rec.record(body, problems)  # known failures keep their shortest input; slow ones are not shrunk

        before, t0 = rec.inputs, time.monotonic()
        try:
            target()
        except NewFailure as exc:
            sig = str(exc)
            known.add(sig)
            body = last.get("body", "")  # hypothesis runs the shrunk example last, then raises
            rec.record(body, [p for p in check_invariants(body, args.slow) if p[0] == sig] or [(sig, "")])
        except Exception as exc:
            print(f"fuzz: hypothesis stopped a batch: {type(exc).__name__}: {exc}", flush=True)
        spent = time.monotonic() - t0
        if rec.inputs > before and spent > 0:
            rate = max(1.0, (rec.inputs - before) / spent)


def run_readers(args: argparse.Namespace, rec: Recorder, deadline: float, names: list[str]) -> None:
    """Each reader's target in turn, a batch of up to a minute each, until the deadline."""
    from hypothesis import strategies as st

    words = st.sampled_from([*PHRASES, *WORDS, *PUNCT, *SEPARATORS])

    def data_for(name: str) -> st.SearchStrategy[bytes]:
        piece = st.one_of(st.sampled_from(PIECES[name]), words, st.text(max_size=6))
        text = st.lists(piece, max_size=40).map("".join)
        encoded = st.one_of(text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                            text.map(lambda t: t.encode("utf-16", "surrogatepass")), st.binary(max_size=64))
        # Now and then one piece repeated thousands of times: the shape of the quadratic cases.
        many = st.tuples(st.sampled_from(PIECES[name]), st.integers(1000, 5000)).map(
            lambda t: (t[0] * t[1]).encode("utf-8", "surrogatepass"))
        return st.one_of(encoded, encoded, encoded, many)

    turn = 0
    while (left := deadline - time.monotonic()) > 0:
        name = names[turn % len(names)]
        turn += 1
        stop = time.monotonic() + min(left, 60)

        try:
            _reader_turn(name, stop, data_for(name), args, rec)()
        except _TurnOver:
            pass
        except Exception as exc:
            print(f"fuzz: hypothesis stopped a batch of {name}: {type(exc).__name__}: {exc}", flush=True)


def _reader_turn(name: str, stop: float, data: Any, args: argparse.Namespace, rec: Recorder) -> Any:
    from hypothesis import HealthCheck, Phase, given, settings

    @settings(max_examples=100_000, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.generate])
    @given(data)
    def target(data: bytes) -> None:
        if time.monotonic() > stop:
            raise _TurnOver
        rec.inputs += 1
        rec.per_target[name] = rec.per_target.get(name, 0) + 1
        rec.record(data.decode("utf-8", "backslashreplace"),
                   [(f"{name}:{sig}", detail) for sig, detail in TARGETS[name](data, args.slow)])

    return target


class _TurnOver(Exception):
    """A reader's minute is up: on to the next."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "fuzz", help="where failures go")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds after which an input counts as slow")
    parser.add_argument("--max-len", type=int, default=4096, help="longest input, in bytes (atheris) or characters")
    parser.add_argument("--seed", type=int, default=None, help="libFuzzer seed (atheris only)")
    parser.add_argument("--no-shrink", dest="shrink", action="store_false", help="hypothesis: record failures unshrunk")
    parser.add_argument("--readers", default="", metavar="NAMES",
                        help="also fuzz these readers, comma-separated, or 'all': " + ", ".join(TARGETS))
    args = parser.parse_args(argv)
    readers = list(TARGETS) if args.readers == "all" else [n for n in args.readers.split(",") if n]
    unknown = [n for n in readers if n not in TARGETS]
    if unknown:
        parser.error(f"--readers: unknown {', '.join(unknown)} (choose from {', '.join(TARGETS)}, or all)")
    args.out = args.out.resolve()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    rec = Recorder(args.out)
    print(f"fuzz: {engine} for {args.minutes:g} min; failures in {args.out}", flush=True)
    deadline = rec.started + args.minutes * 60
    try:
        if readers:
            # Turns of a minute: the figures' target (hypothesis), then each reader's, round and round.
            while time.monotonic() < deadline:
                run_hypothesis(args, rec, min(deadline, time.monotonic() + 60))
                run_readers(args, rec, min(deadline, time.monotonic() + 60 * len(readers)), readers)
        elif engine == "atheris":
            run_atheris(args, rec, deadline)
        else:
            run_hypothesis(args, rec, deadline)
    except KeyboardInterrupt:
        pass
    rec.summary(time.monotonic() - rec.started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
