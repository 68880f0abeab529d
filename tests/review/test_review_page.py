"""The review page and the evidence map, built from small hand-made Parquet tables."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from html.parser import HTMLParser
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.review import build_review, main
from pipeline.review.page import Mark, render_marked_text
from pipeline.schema import TABLES

TEXT = ("Rapamycin (sirolimus 2 mg/day) reduced tumour growth by 40% in 36 mice (P=0.008). "
        "In humans, everolimus did not change body weight (95% CI 0.8-1.2).")
AID = hashlib.sha256(TEXT.encode()).hexdigest()[:16]
SECOND = "Metformin <b>lowered</b> glucose & HbA1c in 120 adults (P<0.001)."
AID2 = hashlib.sha256(SECOND.encode()).hexdigest()[:16]


def at(text, needle, occurrence=1):
    pos = -1
    for _ in range(occurrence):
        pos = text.index(needle, pos + 1)
    return {"start": pos, "end": pos + len(needle), "text": needle, "sentence_id": 0}


def write(out, name, rows):
    pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[name]), out / f"{name}.parquet")


@pytest.fixture
def out_dir(tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    base = {"article_id": AID}
    write(out, "articles", [
        {"article_id": AID, "source": "raw/rapa.md", "format": "md", "title": "Rapamycin note",
         "text": TEXT, "n_chars": len(TEXT), "n_sentences": 2, "sha256": "x", "study_design": "rct"},
        {"article_id": AID2, "source": "raw/metformin.txt", "format": "txt", "title": "Metformin",
         "text": SECOND, "n_chars": len(SECOND), "n_sentences": 1, "sha256": "y",
         "study_design": "cohort"},
    ])
    ents = [("Rapamycin", "CHEMICAL", "rapamycin"), ("sirolimus", "CHEMICAL", "rapamycin"),
            ("mice", "ORGANISM", "mouse"), ("humans", "ORGANISM", "human"),
            ("everolimus", "CHEMICAL", "everolimus"), ("tumour", "DISEASE", "neoplasm")]
    write(out, "entities", [{**base, **at(TEXT, t), "entity_id": i, "label": lab, "canonical": c}
                            for i, (t, lab, c) in enumerate(ents)]
          + [{"article_id": AID2, **at(SECOND, "Metformin"), "entity_id": 0, "label": "CHEMICAL"}])
    write(out, "statistics", [
        {**base, **at(TEXT, "P=0.008"), "stat_id": 0, "kind": "p_value", "value": 0.008, "operator": "="},
        {**base, **at(TEXT, "40%"), "stat_id": 1, "kind": "percentage", "value": 40.0, "unit": "%"},
        {**base, **at(TEXT, "2 mg"), "stat_id": 2, "kind": "fold_change", "value": 2.0,
         "consistent": False, "flags": "made_up_check"},
        {"article_id": AID2, **at(SECOND, "P<0.001"), "stat_id": 0, "kind": "p_value", "value": 0.001,
         "operator": "<"},
    ])
    write(out, "sample_sizes", [
        {**base, **at(TEXT, "36"), "sample_id": 0, "n": 36, "role": None, "population": "mice",
         "organism": "mouse"},
        {"article_id": AID2, **at(SECOND, "120"), "sample_id": 0, "n": 120, "role": "enrolled",
         "population": "adults", "organism": "human"},
    ])
    write(out, "doses", [{**base, **at(TEXT, "2 mg/day"), "dose_id": 0, "drug": "sirolimus",
                          "amount": 2.0, "unit": "mg", "per": "day"}])
    s1 = TEXT[: TEXT.index(" In humans")]
    write(out, "claims", [
        {**base, **at(TEXT, s1), "claim_id": 0, "intervention": "rapamycin", "outcome": "tumour growth",
         "direction": "decrease", "valence": "beneficial", "statistic_ids": [0, 1],
         "hedged": False, "organism": "mouse", "study_design": "animal"},
        {**base, **at(TEXT, "In humans, everolimus did not change body weight (95% CI 0.8-1.2)."),
         "claim_id": 1, "intervention": "everolimus", "outcome": "body weight",
         "direction": "no_effect", "valence": "neutral", "statistic_ids": [], "hedged": True,
         "hedge_cue": "may", "organism": "human"},
        {"article_id": AID2, **at(SECOND, SECOND), "claim_id": 0, "intervention": "metformin",
         "outcome": "glucose", "direction": "decrease", "statistic_ids": [0]},
    ])
    return out


def gold():
    def rec(table, needle, **values):
        return {"table": table, **at(TEXT, needle), **values}
    return [SimpleNamespace(path="raw/rapa.md", text=TEXT, records=[
        rec("statistics", "P=0.008", kind="p_value", value=0.008, operator="="),
        rec("statistics", "40%", kind="percentage", value=40),
        rec("statistics", "95% CI 0.8-1.2", kind="confidence_interval", lower=0.8, upper=1.2, level=0.95),
        rec("entities", "Rapamycin", label="CHEMICAL"),
    ])]


class Marks(HTMLParser):
    """Collects, per data-id, the text inside the marks (tags excluded) and their classes."""

    def __init__(self):
        super().__init__()
        self.stack, self.text, self.classes, self.titles = [], defaultdict(str), {}, {}
        self.in_tag = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark" and "data-id" in a:
            self.stack.append(a["data-id"])
            self.classes.setdefault(a["data-id"], a["class"])
            self.titles.setdefault(a["data-id"], a["title"])
        elif tag == "mark":
            self.stack.append(None)
        elif tag == "span" and "tag" in (a.get("class") or "").split():
            self.in_tag += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self.stack.pop()
        elif tag == "span" and self.in_tag:
            self.in_tag -= 1

    def handle_data(self, data):
        if self.in_tag:
            return
        for uid in self.stack:
            if uid:
                self.text[uid] += data


def parse(page):
    p = Marks()
    p.feed(page.read_text(encoding="utf-8"))
    return p


def test_every_span_is_marked_with_its_text_and_hover(out_dir):
    page = build_review(out_dir)
    assert page == out_dir / "review.html"
    marks = parse(page)
    expected = {
        f"{AID}-entities-{i}": t for i, t in enumerate(
            ["Rapamycin", "sirolimus", "mice", "humans", "everolimus", "tumour"])}
    expected.update({f"{AID}-statistics-0": "P=0.008", f"{AID}-statistics-1": "40%",
                     f"{AID}-statistics-2": "2 mg", f"{AID}-sample_sizes-0": "36",
                     f"{AID}-doses-0": "2 mg/day",
                     f"{AID}-claims-0": TEXT[: TEXT.index(" In humans")],
                     f"{AID2}-entities-0": "Metformin", f"{AID2}-claims-0": SECOND,
                     f"{AID2}-statistics-0": "P<0.001", f"{AID2}-sample_sizes-0": "120"})
    for uid, text in expected.items():
        assert marks.text[uid] == text, uid
    assert "t-entities" in marks.classes[f"{AID}-entities-2"] and "l-ORGANISM" in marks.classes[f"{AID}-entities-2"]
    assert "t-doses" in marks.classes[f"{AID}-doses-0"]
    assert "kind = p_value" in marks.titles[f"{AID}-statistics-0"]
    assert "value = 0.008" in marks.titles[f"{AID}-statistics-0"]
    assert "role = enrolled" in marks.titles[f"{AID2}-sample_sizes-0"]
    assert "direction = decrease" in marks.titles[f"{AID}-claims-0"]
    assert "flags = made_up_check" in marks.titles[f"{AID}-statistics-2"]
    # no gold given: nothing is judged
    assert not any("s-missed" in c or "s-spurious" in c for c in marks.classes.values())


def test_text_is_escaped_and_complete(out_dir):
    html_text = build_review(out_dir).read_text(encoding="utf-8")
    assert "<b>lowered</b>" not in html_text
    assert "&lt;b&gt;lowered&lt;/b&gt;" in html_text and "glucose &amp; HbA1c" in html_text


def test_claims_table_legend_and_self_contained(out_dir):
    html_text = build_review(out_dir).read_text(encoding="utf-8")
    for t in ("claims", "statistics", "sample_sizes", "doses", "entities", "missed gold span",
              "spurious prediction"):
        assert t in html_text
    # claim 0 links to P=0.008 (stat 0) and the percentage (not a P value)
    section = html_text.split(f'id="a-{AID}"')[1]
    row = section.split('<table class="claims">')[1].split("</tr>")[1]
    cells = row.split("<td>")
    assert "tumour growth" in cells[4] and "decrease" in cells[5]
    assert cells[-1] == "P=0.008</td>"                    # the percentage is not a P value
    assert "yes (may)" in html_text                      # hedged claim with its cue
    assert "src=\"http" not in html_text and "href=\"http" not in html_text


def test_gold_marks_missed_and_spurious(out_dir):
    marks = parse(build_review(out_dir, gold=gold()))
    assert "s-ok" in marks.classes[f"{AID}-statistics-0"]          # P=0.008 matches gold
    assert "s-spurious" in marks.classes[f"{AID}-statistics-2"]    # "2 mg" is no statistic
    missed = [uid for uid, c in marks.classes.items() if "s-missed" in c]
    assert [marks.text[u] for u in missed] == ["95% CI 0.8-1.2"]
    # entities were annotated: the unannotated ones are spurious, Rapamycin is matched
    assert "s-ok" in marks.classes[f"{AID}-entities-0"]
    assert "s-spurious" in marks.classes[f"{AID}-entities-1"]
    # tables without gold records are not judged
    assert "s-pred" in marks.classes[f"{AID}-doses-0"]
    # articles without gold are not judged either
    assert "s-pred" in marks.classes[f"{AID2}-statistics-0"]
    html_text = (out_dir / "review.html").read_text(encoding="utf-8")
    gold_table = html_text.split('<table class="gold">')[1].split("</table>")[0]
    assert '<td>statistics</td><td class="num">3</td><td class="num">3</td><td class="num">2</td>' \
           '<td class="num">1</td><td class="num">1</td>' in gold_table


def test_evidence_map_written(out_dir):
    build_review(out_dir)
    png = out_dir / "evidence_map.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out_dir / "evidence_map.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert 'src="evidence_map.png"' in (out_dir / "review.html").read_text(encoding="utf-8")


def test_empty_output_dir(tmp_path):
    page = build_review(tmp_path)
    assert "0 articles" in page.read_text(encoding="utf-8")
    assert (tmp_path / "evidence_map.png").exists()


def test_main(out_dir, capsys):
    assert main(["--out", str(out_dir), "--no-plots"]) == 0
    assert "review page" in capsys.readouterr().out
    assert (out_dir / "review.html").exists()
    assert main(["--out", str(out_dir / "missing")]) == 2


def test_max_articles_keeps_gold_articles_first(out_dir):
    html_text = build_review(out_dir, gold=gold(), max_articles=1, plots=False).read_text(encoding="utf-8")
    assert "1 of 2 articles" in html_text
    assert f'id="a-{AID}"' in html_text and f'id="a-{AID2}"' not in html_text


def test_crossing_spans_are_split_but_keep_their_text():
    text = "abcdefghij"
    marks = [Mark(0, 6, "claims", "c", "t1", uid="A"), Mark(4, 10, "statistics", "s", "t2", uid="B"),
             Mark(2, 4, "entities", "e", "t3", uid="C"), Mark(5, 5, "doses", "z", "t4", uid="D")]
    rendered = render_marked_text(text, marks)
    p = Marks()
    p.feed(rendered)
    assert dict(p.text) == {"A": "abcdef", "B": "efghij", "C": "cd"}
    assert rendered.count('data-id="B"') == 2           # B is split where A closes
    assert 'class="t-statistics s-pred cont"' in rendered  # its second fragment continues it
    # every mark is closed; the zero-length span is dropped
    assert 'data-id="D"' not in rendered
    assert rendered.count("<mark") == rendered.count("</mark>")
