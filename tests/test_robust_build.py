"""Bad input to `tarikh build`: one line naming the file and the problem, a non-zero exit, no traceback, and the
previous outputs left exactly as they were. Everything runs `python -m tarikh` in a subprocess."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import INDEPENDENCE, build_excerpt
from tarikh.extract.normalise import normalise_with_map
from tarikh.parallel import HUGE_BYTES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# 000_6cb84ea4367d63e8.txt, line 17
def tarikh(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tarikh", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def snapshot(out: Path) -> dict[str, bytes | list[str]]:
    """The bytes of the outputs and the listing of the store and of the output folder."""
    return {"events": (out / "events.jsonl").read_bytes(), "graph": (out / "graph.ttl").read_bytes(),
            "store": sorted(p.name for p in (out / "store").iterdir()),
            "folder": sorted(p.name for p in out.iterdir())}


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of an earlier, successful build."""
    return build_excerpt(tmp_path_factory.mktemp("previous"))


@pytest.fixture
def out(previous: Path, tmp_path: Path) -> Path:
    shutil.copytree(previous, tmp_path / "out")
    return tmp_path / "out"


def assert_refused(result: subprocess.CompletedProcess, out: Path, before: dict, *names: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert message.count("\n") == 0 and message.startswith("tarikh: error: "), message
    for name in names:
        assert name in message
    assert snapshot(out) == before
    assert not list(out.glob(".staging-*"))


def test_missing_path(out: Path, tmp_path: Path) -> None:
    before = snapshot(out)
    assert_refused(tarikh("build", tmp_path / "nowhere.txt", "--out", out), out, before, "nowhere.txt", "no such")


def test_folder_without_text_files(out: Path, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "notes.md").write_text("# not a text\n", encoding="utf-8")
    before = snapshot(out)
    assert_refused(tarikh("build", tmp_path / "texts", "--out", out), out, before, "texts", "no .txt files")


def test_empty_file(out: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    before = snapshot(out)
    assert_refused(tarikh("build", tmp_path / "empty.txt", "--out", out), out, before, "empty.txt", "empty file")


def test_binary_file_among_good_ones(out: Path, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "good.txt").write_text(INDEPENDENCE, encoding="utf-8")
    shutil.copy(sys.executable, tmp_path / "texts" / "python.txt")
    before = snapshot(out)
    result = tarikh("build", tmp_path / "texts", "--out", out, "--workers", "2")
    assert_refused(result, out, before, "python.txt", "binary file")


def test_file_in_an_undetectable_encoding(out: Path, tmp_path: Path) -> None:
    noise = random.Random(9).choices(range(0x80, 0x100), k=4000)
    (tmp_path / "noise.txt").write_bytes(bytes(noise))
    before = snapshot(out)
    assert_refused(tarikh("build", tmp_path / "noise.txt", "--out", out), out, before, "noise.txt", "decode")


def test_unsupported_language_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a_kazakh.txt").write_text(INDEPENDENCE, encoding="utf-8")
    (tmp_path / "texts" / "b_english.txt").write_text(
        "Kazakhstan declared its independence on 16 December 1991, the last Soviet republic to do so.\n" * 3,
        encoding="utf-8")
    result = tarikh("build", tmp_path / "texts", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "tarikh: warning: b_english.txt: language not supported" in result.stderr
    assert "a_kazakh.txt" in (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8")
    assert "b_english.txt" not in (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8")


def test_only_unsupported_languages_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "english.txt").write_text("The Constitution was adopted by referendum in August 1995.\n" * 3,
                                          encoding="utf-8")
    result = tarikh("build", tmp_path / "english.txt", "--out", tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"tarikh: error: {tmp_path / 'english.txt'}: no document")


def test_output_folder_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(INDEPENDENCE, encoding="utf-8")
    (tmp_path / "somefile").write_text("not a folder\n", encoding="utf-8")
    result = tarikh("build", tmp_path / "text.txt", "--out", tmp_path / "somefile" / "sub")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"tarikh: error: {tmp_path / 'somefile' / 'sub'}: cannot write the output " \
                                    "folder (Not a directory)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(out: Path, tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(INDEPENDENCE, encoding="utf-8")
    before = snapshot(out)
    out.chmod(0o555)
    try:
        assert_refused(tarikh("build", tmp_path / "text.txt", "--out", out), out, before, str(out), "cannot write")
    finally:
        out.chmod(0o755)


def test_bad_worker_count(tmp_path: Path) -> None:
    result = tarikh("build", "--workers", "0", "--out", tmp_path / "out")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "--workers" in result.stderr


def default_sigint() -> None:
    """Ctrl-C as a terminal delivers it, even when the test run itself was started in the background (where
    the shell leaves SIGINT ignored and Python would then never raise KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupted_build_leaves_the_previous_outputs(out: Path, workers: str) -> None:
    """SIGINT while the documents are being read: exit 130, one line, outputs and folder as they were."""
    before = snapshot(out)
    process = subprocess.Popen([sys.executable, "-m", "tarikh", "build", "--out", str(out), "--no-cache",
                                "--workers", workers], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=default_sigint)
    deadline = time.monotonic() + 120
    while not list(out.glob(".staging-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(out.glob(".staging-*")), "the build never started"
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip() == "tarikh: interrupted; previous outputs left as they were"
    assert snapshot(out) == before
    assert not list(out.glob(".staging-*"))


def test_huge_single_line_file_is_built_in_bounded_memory(tmp_path: Path) -> None:
    """A file of one line, above the size read in pieces: built, offsets exact, memory bounded by the piece."""
    # 003_8387cb1740723da2.txt, all its lines joined into one, repeated past the piece threshold
    line = " ".join((CORPUS / "003_8387cb1740723da2.txt").read_text(encoding="utf-8").split("\n"))
    copies = HUGE_BYTES // len(line.encode()) + 2
    (tmp_path / "one_line.txt").write_text(line * copies + "\n", encoding="utf-8")
    script = ("import resource, sys; from tarikh.cli import main; code = main(sys.argv[1:]); "
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", script, "build", str(tmp_path / "one_line.txt"),
                             "--out", str(tmp_path / "out"), "--no-validate"], capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    assert peak_kib < 600 * 1024  # the pipeline itself takes ~250 MB; a piece adds little, the file size nothing
    raw = (tmp_path / "one_line.txt").read_text(encoding="utf-8")
    events = [json.loads(x) for x in (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    mentions = [m for e in events for m in e["mentions"]]
    assert len(mentions) > 20 and max(m["start"] for m in mentions) > len(raw) // 2
    for mention in mentions:
        assert mention["line"] == 1
        trigger = raw[mention["trigger"]["start"]:mention["trigger"]["end"]]
        assert normalise_with_map(trigger)[0] == mention["trigger"]["text"]
        assert mention["text"].split()[0] in raw[mention["start"]:mention["end"]]
