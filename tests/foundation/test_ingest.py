"""Reading files: decoding, refusals with clear messages, HTML conversion, JSONL records."""
import codecs

import pytest

from pipeline.ingest import RawArticle, ReadProblem, read_articles
from pipeline.ingest.decode import DecodeError, decode_bytes
from pipeline.ingest.html import html_to_text


@pytest.mark.parametrize("data,text", [
    (b"plain text", "plain text"),
    (codecs.BOM_UTF8 + b"with bom", "with bom"),
    ("utf16 text".encode("utf-16"), "utf16 text"),
    ("caf\u00e9 \u2212 \u00b1".encode("utf-8"), "caf\u00e9 \u2212 \u00b1"),
])
def test_decode_accepts_text(data, text):
    assert decode_bytes(data) == text


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 au lait", "not valid UTF-8"),
    (bytes(range(1, 31)) * 20, "control characters"),
])
def test_decode_refuses_with_reason(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)


def test_html_to_text_keeps_blocks_and_drops_scripts():
    html = ("<html><head><title>x</title><style>p{}</style></head><body><h1>Head</h1>"
            "<p>Para <b>one</b>. Two.</p><script>var a=1;</script><ul><li>A</li><li>B</li></ul>"
            "</body></html>")
    text = html_to_text(html)
    assert "var a" not in text and "p{}" not in text
    assert text.splitlines()[0] == "Head"
    assert "Para one. Two." in text.splitlines()
    assert "A" in text.splitlines() and "B" in text.splitlines()


def test_read_articles_mixed_folder(tmp_path):
    (tmp_path / "good.md").write_text("# Title\n\nRapamycin works.\n", "utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "page.html").write_text("<html><body><p>Hello there.</p></body></html>")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9")
    (tmp_path / "records.jsonl").write_text('{"id": "7", "text": "A record."}\nnot json\n{"id": 8}\n')
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("hidden")
    items = list(read_articles(tmp_path))
    articles = {a.source: a for a in items if isinstance(a, RawArticle)}
    problems = {p.source: p for p in items if isinstance(p, ReadProblem)}
    assert set(articles) == {"good.md", "nested/page.html", "records.jsonl#1"}
    assert articles["nested/page.html"].format == "html"
    assert articles["records.jsonl#1"].external_id == "7"
    assert set(problems) == {"empty.txt", "latin.txt", "records.jsonl#2", "records.jsonl#3"}
    assert all(p.severity == "error" for p in problems.values())


def test_duplicate_texts_processed_once(tmp_path):
    (tmp_path / "a.txt").write_text("Same text.")
    (tmp_path / "b.txt").write_text("Same text.")
    items = list(read_articles(tmp_path))
    assert [i.source for i in items if isinstance(i, RawArticle)] == ["a.txt"]
    (warning,) = [i for i in items if isinstance(i, ReadProblem)]
    assert warning.severity == "warning" and "a.txt" in warning.message


def test_oversized_file_refused(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 3000)
    (problem,) = list(read_articles(tmp_path, max_file_mb=0.001))
    assert "limit" in problem.message and problem.stage == "read"


def test_html_in_txt_is_converted_with_warning(tmp_path):
    (tmp_path / "page.txt").write_text("<!DOCTYPE html><html><body><p>Text here.</p></body></html>")
    items = list(read_articles(tmp_path))
    assert any(isinstance(i, ReadProblem) and i.severity == "warning" for i in items)
    (article,) = [i for i in items if isinstance(i, RawArticle)]
    assert article.text.strip() == "Text here."


def test_article_id_is_content_hash():
    a = RawArticle(source="x.txt", text="hello", format="txt")
    b = RawArticle(source="y.txt", text="hello", format="txt")
    assert a.article_id == b.article_id and len(a.article_id) == 16


def test_overlong_article_refused_by_character_limit(tmp_path):
    (tmp_path / "long.txt").write_text("word " * 300, "utf-8")
    (tmp_path / "short.txt").write_text("A short article.", "utf-8")
    items = list(read_articles(tmp_path, max_chars=1000))
    (problem,) = [i for i in items if isinstance(i, ReadProblem)]
    assert problem.source == "long.txt" and "1500 characters" in problem.message
    assert [i.source for i in items if isinstance(i, RawArticle)] == ["short.txt"]
