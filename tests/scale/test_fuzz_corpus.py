"""A generated corpus of awkward files: no crash, one clear error row per unreadable file,
every readable file processed, and the same rows on every run."""
from __future__ import annotations

import codecs
from pathlib import Path

import pandas as pd
import pytest

from pipeline.api import extract
from pipeline.schema import SPAN_TABLES

from .conftest import assert_same_tables

# name -> bytes; each of these must give exactly one error row (and no article)
UNREADABLE = {
    "empty.txt": b"",
    "whitespace.md": b"  \n\t\r\n   \n",
    "binary.txt": bytes(range(256)) * 64,
    "nul.txt": b"Rapamycin reduced CRP\x00\x00 by 12%.",
    "latin1.txt": "Caf\u00e9: rapamycin r\u00e9duit la CRP de 12 %.".encode("latin-1"),
    "utf16_no_bom.txt": "Metformin lowered HbA1c.".encode("utf-16-le"),
    "controls.txt": bytes(range(1, 9)) * 200 + b"text",
    "bad_utf8.md": b"valid start \xff\xfe\xfd then invalid",
    "bom_only.txt": codecs.BOM_UTF8,
    "empty.html": b"<html><head><script>x()</script></head><body>  </body></html>",
    "bad.jsonl": b"\x00\x01\x02 not json",
}

# name -> text; each must become an article
READABLE = {
    "utf16_bom.txt": ("utf-16", "Metformin lowered HbA1c by 0.9% (P<0.01) in 64 adults.\n"),
    "utf8_bom.md": ("utf-8-sig", "# Trial\n\nAspirin reduced events (HR 0.82, 95% CI 0.70-0.96).\n"),
    "utf32_bom.txt": ("utf-32", "Statins lowered LDL by 30% in 1,200 patients.\n"),
    "page.html": ("utf-8", "<html><body><h1>News</h1><p>Drug X cut risk by 20% (p=0.04).</p>"
                           "<table><tr><td>a</td><td>1.2</td></tr></table></body></html>"),
    "html_in.txt": ("utf-8", "<!DOCTYPE html><html><body><p>Vitamin D in 300 adults.</p></body></html>"),
    "few_controls.txt": ("utf-8", "Line one\x0b with a vertical tab\x0c and form feed.\x1b ok\n"),
    "numbers.txt": ("utf-8",
                    "Values 1.2.3.4 and p= and p = and P<< 0.05 and 95% CI -- and 95% CI (--) and "
                    "\u00b1\u00b1 and 1e400 and -0 and 0.0.0 and n= and n=-5 and OR=.\n"
                    "HR 0.8 (95% CI 0.9-0.7) and RR 1.2 (95% CI 1.3 to 1.1) p=1.5 and 150% CI.\n"
                    + "9" * 500 + " participants and P = 0." + "0" * 500 + "1.\n"
                    + "CI " + "1.0-" * 200 + "2.0 and n = " + "1," * 300 + "2 patients.\n"),
    "scripts.txt": ("utf-8",
                    "\u0391\u03c3\u03c0\u03b9\u03c1\u03af\u03bd\u03b7 \u03bc\u03b5\u03af\u03c9\u03c3\u03b5 "
                    "\u03c4\u03bf\u03bd \u03ba\u03af\u03bd\u03b4\u03c5\u03bd\u03bf 20% (p=0.01).\n"
                    "\u963f\u53f8\u5339\u6797\u964d\u4f4e\u4e8620%\u7684\u98ce\u9669\uff08P=0.01\uff09\u3002\n"
                    "\u0627\u0644\u0623\u0633\u0628\u0631\u064a\u0646 \u062e\u0641\u0636 "
                    "\u0627\u0644\u062e\u0637\u0631 \u0628\u0646\u0633\u0628\u0629 20%.\n"
                    "Rapamycin \U0001F48A reduced p16 by 40% \U0001F9EC in 12 mice \u2014 "
                    "\u03b2-blockers, TNF-\u03b1, IL-1\u03b2, 5\u00a0mg \u2212 3\u2009mg.\n"
                    "Combining marks: e\u0301 a\u0308 \u200b zero-width \u200d joiner \ufeff mid-BOM.\n"),
    "crlf.txt": ("utf-8", "Title\r\n\r\nRESULTS: Drug A lowered BP by 5 mmHg (P=0.02).\r\n"),
    "lonely_surrogate_escape.txt": ("utf-8", "Text with \\ud800 written as an escape, not a code point.\n"),
    "records.jsonl": ("utf-8", '{"id": 1, "text": "Zinc reduced colds by 10% (n=50)."}\n'
                               '{"id": 2, "text": ""}\n{"id": 3}\nnot json\n'
                               '{"id": 4, "text": "\\u00b1\\u00b1 95% CI -- p="}\n'),
    "long_words.txt": ("utf-8", ("x" * 5000 + " ") * 4 + "\n" + "-" * 3000 + "\n"),
}
JSONL_ERRORS = {"records.jsonl#2", "records.jsonl#3", "records.jsonl#4"}


def write_fuzz_corpus(raw: Path) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for name, data in UNREADABLE.items():
        (raw / name).write_bytes(data)
    for name, (codec, text) in READABLE.items():
        (raw / name).write_bytes(text.encode(codec))
    # 50 MB of text: refused by the size limit (max_file_mb = 20) with one error row
    with open(raw / "huge.txt", "wb") as handle:
        block = b"Rapamycin reduced CRP by 12% in 120 adults. " * 1000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    # one line of 1 MiB: over the max_chars limit (1,000,000 characters), so one clear error row
    (raw / "one_line.txt").write_bytes(b"P=0.05 " * (1024 * 1024 // 7 + 1))


@pytest.fixture(scope="module")
def fuzz_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    raw = root / "raw"
    write_fuzz_corpus(raw)
    summary = extract(raw, root / "out")
    return raw, root / "out", summary


def _errors(out: Path) -> pd.DataFrame:
    frame = pd.read_parquet(out / "errors.parquet")
    for column in ("stage", "severity"):
        frame[column] = frame[column].astype(str)
    return frame


def test_unreadable_files_give_exactly_one_clear_error_row(fuzz_run):
    _, out, _ = fuzz_run
    errors = _errors(out)
    hard = errors[errors["severity"] == "error"]
    counts = hard["source"].value_counts()
    for name in [*UNREADABLE, *JSONL_ERRORS, "huge.txt", "one_line.txt"]:
        assert counts.get(name, 0) == 1, (name, hard[hard["source"] == name]["message"].tolist())
    for message in hard["message"]:
        assert 10 < len(message) < 1000 and "\n" not in message and "Traceback" not in message
    messages = dict(zip(hard["source"], hard["message"]))
    assert "over the 20 MB limit" in messages["huge.txt"]
    assert "1048579 characters" in messages["one_line.txt"] and "max_chars" in messages["one_line.txt"]
    assert "NUL" in messages["nul.txt"] and "UTF-8" in messages["latin1.txt"]
    assert "empty" in messages["empty.txt"] and "empty" in messages["whitespace.md"]


def test_every_readable_file_is_an_article(fuzz_run):
    _, out, summary = fuzz_run
    articles = pd.read_parquet(out / "articles.parquet")
    sources = set(articles["source"])
    expected = {name for name in READABLE if name != "records.jsonl"} | {
        "records.jsonl#1", "records.jsonl#5"}
    assert expected <= sources, expected - sources
    assert not sources & set(UNREADABLE)
    assert summary.articles == len(sources)  # one_line.txt is refused by the max_chars limit
    scripts = articles.set_index("source").loc["scripts.txt", "text"]
    assert "\u963f\u53f8\u5339\u6797" in scripts and "\U0001F48A" in scripts


def test_no_component_failed_on_any_readable_file(fuzz_run):
    _, out, _ = fuzz_run
    errors = _errors(out)
    failed = errors[~errors["stage"].isin(["read", "decode", "convert", "write"])]
    # the 1 MiB line is refused at reading (stage "read"); nothing may fail in a component
    assert failed.empty, failed[["source", "stage", "message"]].to_dict("records")


def test_values_the_schema_cannot_hold_are_warnings_not_crashes(fuzz_run):
    _, out, _ = fuzz_run
    errors = _errors(out)
    written = errors[errors["stage"] == "write"]
    # a 500-digit count does not fit int64: the value is nulled (or its row dropped) with a warning
    assert set(written["severity"]) <= {"warning"}
    assert set(written["source"]) <= {"numbers.txt", "records.jsonl#5"}
    assert all("does not fit" in message for message in written["message"])


def test_offsets_valid_in_every_span_table(fuzz_run):
    _, out, _ = fuzz_run
    texts = pd.read_parquet(out / "articles.parquet").set_index("article_id")["text"]
    for name in SPAN_TABLES:
        table = pd.read_parquet(out / name.join(("", ".parquet")))
        for row in table[["article_id", "start", "end", "text"]].itertuples(index=False):
            text = texts[row.article_id]
            assert 0 <= row.start < row.end <= len(text), (name, row)
            assert text[row.start:row.end] == row.text, (name, row)


def test_second_run_gives_identical_rows(fuzz_run, tmp_path):
    raw, out, first = fuzz_run
    again = extract(raw, tmp_path / "again")
    assert again.rows == first.rows
    assert_same_tables(out, tmp_path / "again")
