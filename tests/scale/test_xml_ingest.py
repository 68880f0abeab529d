"""PubMed and JATS XML inputs: records, text layout, sniffing, and clear errors for bad files."""
from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from pipeline.ingest import RawArticle, ReadProblem, read_articles
from pipeline.ingest.discover import discover_files
from pipeline.ingest.xml_pubmed import sniff_root_bytes
from pipeline.nlp.sections import find_headings

SHARED_SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "pubmed_sample_756.xml.gz"

PUBMED = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">
<PubmedArticleSet>
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">1001</PMID>
      <Article PubModel="Print">
        <ArticleTitle>Rapamycin in <i>older</i> adults: a randomized trial.</ArticleTitle>
        <Abstract>
          <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">mTOR inhibition extends lifespan in mice.</AbstractText>
          <AbstractText Label="METHODS" NlmCategory="METHODS">We randomly assigned 120 adults to rapamycin or placebo.</AbstractText>
          <AbstractText Label="Results" NlmCategory="RESULTS">Rapamycin reduced CRP by 12% (P=0.03; 10<sup>3</sup> cells).</AbstractText>
          <AbstractText Label="Main lesson" NlmCategory="UNASSIGNED">Low doses were well tolerated.</AbstractText>
          <CopyrightInformation>Copyright text that is not part of the abstract.</CopyrightInformation>
        </Abstract>
      </Article>
    </MedlineCitation>
    <PubmedData><ArticleIdList><ArticleId IdType="pubmed">1001</ArticleId></ArticleIdList></PubmedData>
  </PubmedArticle>
  <PubmedArticle>
    <MedlineCitation><PMID Version="1">1002</PMID>
      <Article><ArticleTitle>Metformin and frailty.</ArticleTitle>
        <Abstract><AbstractText>Metformin lowered frailty scores in 64 adults.</AbstractText></Abstract>
      </Article>
    </MedlineCitation>
  </PubmedArticle>
  <PubmedArticle>
    <MedlineCitation><PMID Version="1">1003</PMID>
      <Article><ArticleTitle>A title without an abstract.</ArticleTitle></Article>
    </MedlineCitation>
  </PubmedArticle>
  <PubmedArticle>
    <MedlineCitation><PMID Version="1">1004</PMID><Article><ArticleTitle/></Article></MedlineCitation>
  </PubmedArticle>
  <DeleteCitation><PMID Version="1">999</PMID></DeleteCitation>
</PubmedArticleSet>
"""

JATS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.2 20190208//EN" "JATS-archivearticle1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" article-type="research-article">
  <front>
    <journal-meta><journal-title-group><journal-title>Aging</journal-title></journal-title-group></journal-meta>
    <article-meta>
      <article-id pub-id-type="pmid">31000001</article-id>
      <article-id pub-id-type="pmc">6543210</article-id>
      <title-group><article-title>Senolytics in aged mice</article-title></title-group>
      <abstract>
        <sec><title>Background</title><p>Senescent cells accumulate with age.</p></sec>
        <sec><title>Results</title><p>Dasatinib plus quercetin reduced p16 by 40% (P&nbsp;&lt;&nbsp;0.01).</p></sec>
      </abstract>
      <abstract abstract-type="graphical"><p>Graphical abstract text.</p></abstract>
    </article-meta>
  </front>
  <body>
    <sec id="s1"><title>Introduction</title>
      <p>Ageing is a risk factor<sup><xref ref-type="bibr" rid="B1">1</xref></sup> for disease [<xref ref-type="bibr" rid="B2">2</xref>].</p>
    </sec>
    <sec id="s2"><title>Methods</title>
      <sec id="s2.1"><title>Animals.</title>
        <p>We used 24 C57BL/6 mice at 1.5 &#xD7; 10<sup>6</sup> cells per dose.</p>
        <list list-type="bullet"><list-item><p>Dasatinib 5 mg/kg</p></list-item><list-item><p>Quercetin 50 mg/kg</p></list-item></list>
      </sec>
    </sec>
    <sec id="s3"><title>Results</title>
      <p>Treatment improved grip strength.
        <table-wrap id="T1"><label>Table 1</label><caption><title>Outcomes by group</title></caption>
          <table><thead><tr><th>Outcome</th><th>D+Q (n=12)</th><th>Vehicle (n=12)</th></tr></thead>
          <tbody><tr><td>Grip, g</td><td>112 (9)</td><td>98 (11)</td></tr></tbody></table>
          <table-wrap-foot><fn><p>Values are mean (SD).</p></fn></table-wrap-foot>
        </table-wrap>
      </p>
      <fig id="F1"><label>Figure 1</label><caption><p>Survival curves.</p></caption><graphic xlink:href="f1.jpg"/></fig>
      <p>Formula <disp-formula><tex-math>\\alpha</tex-math></disp-formula> omitted.</p>
    </sec>
  </body>
  <back><ref-list><ref id="B1"><mixed-citation>Reference one text.</mixed-citation></ref></ref-list></back>
</article>
"""


def _read(folder: Path) -> tuple[dict[str, RawArticle], list[ReadProblem]]:
    items = list(read_articles(folder))
    articles = {a.source: a for a in items if isinstance(a, RawArticle)}
    problems = [p for p in items if isinstance(p, ReadProblem)]
    return articles, problems


def test_pubmed_records_become_articles(tmp_path):
    (tmp_path / "pubmed24n0001.xml").write_text(PUBMED, "utf-8")
    articles, problems = _read(tmp_path)
    assert set(articles) == {"pubmed24n0001.xml#1001", "pubmed24n0001.xml#1002",
                             "pubmed24n0001.xml#1003"}
    first = articles["pubmed24n0001.xml#1001"]
    assert first.format == "pubmed_xml" and first.external_id == "1001"
    assert first.text.startswith("Rapamycin in older adults: a randomized trial.\n\nBACKGROUND\n")
    assert "RESULTS" not in first.text and "Results\nRapamycin reduced CRP by 12%" in first.text
    assert "Copyright" not in first.text
    headings = [h["title"] for h in find_headings(first.text)]
    assert headings[-4:] == ["BACKGROUND", "METHODS", "Results", "Main lesson"]
    assert articles["pubmed24n0001.xml#1002"].text == (
        "Metformin and frailty.\n\nMetformin lowered frailty scores in 64 adults.\n")
    assert articles["pubmed24n0001.xml#1003"].text == "A title without an abstract.\n"
    assert [(p.source, p.severity) for p in problems] == [("pubmed24n0001.xml#1004", "error")]
    assert "no title or abstract" in problems[0].message


def test_gzipped_pubmed_is_streamed_and_same_as_plain(tmp_path):
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir(), packed.mkdir()
    (plain / "u.xml").write_text(PUBMED, "utf-8")
    with gzip.open(packed / "u.xml.gz", "wt", encoding="utf-8") as handle:
        handle.write(PUBMED)
    assert [p.name for p in discover_files(packed)] == ["u.xml.gz"]
    left, _ = _read(plain)
    right, _ = _read(packed)
    assert [a.text for a in left.values()] == [a.text for a in right.values()]
    assert {s.replace(".xml.gz", ".xml") for s in right} == set(left)


def test_broken_xml_keeps_records_before_the_error(tmp_path):
    cut = PUBMED.index("<PubmedArticle>", PUBMED.index("1002"))
    (tmp_path / "cut.xml").write_text(PUBMED[:cut] + "<PubmedArticle><Medline", "utf-8")
    (tmp_path / "bad.xml").write_text("<PubmedArticleSet><PubmedArticle></Oops>", "utf-8")
    articles, problems = _read(tmp_path)
    assert set(articles) == {"cut.xml#1001", "cut.xml#1002"}
    by_source = {p.source: p for p in problems}
    assert set(by_source) == {"cut.xml", "bad.xml"}
    assert "malformed XML" in by_source["cut.xml"].message
    assert "2 records before it were kept" in by_source["cut.xml"].message
    assert "mismatched tag" in by_source["bad.xml"].message
    assert all("\n" not in p.message for p in problems)


def test_bad_and_unknown_xml_files_are_one_error_row_each(tmp_path):
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "notgzip.xml.gz").write_bytes(b"plain bytes, not gzip")
    head, rest = PUBMED.split("<PubmedArticle>", 1)
    many = head + ("<PubmedArticle>" + rest.rsplit("<DeleteCitation>", 1)[0]) * 2000
    with gzip.open(tmp_path / "truncated.xml.gz", "wb") as handle:
        handle.write(many.encode())
    data = (tmp_path / "truncated.xml.gz").read_bytes()
    (tmp_path / "truncated.xml.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "rss.xml").write_text("<?xml version='1.0'?><rss><channel/></rss>", "utf-8")
    (tmp_path / "text.xml").write_text("just some text, no markup", "utf-8")
    articles, problems = _read(tmp_path)
    by_source: dict[str, list[str]] = {}
    for problem in problems:
        if "#" not in problem.source:  # file-level rows (records may add their own)
            by_source.setdefault(problem.source, []).append(problem.message)
    assert all(len(messages) == 1 for messages in by_source.values()), by_source
    assert "empty" in by_source["empty.xml"][0]
    assert "gzip" in by_source["notgzip.xml.gz"][0]
    assert "truncated gzip" in by_source["truncated.xml.gz"][0]
    assert "records before it were kept" in by_source["truncated.xml.gz"][0]
    assert "<rss>" in by_source["rss.xml"][0]
    assert "not XML" in by_source["text.xml"][0]
    assert all(a.source.startswith("truncated.xml.gz#") for a in articles.values())


def test_jats_article_layout(tmp_path):
    (tmp_path / "PMC6543210.nxml").write_text(JATS, "utf-8")
    articles, problems = _read(tmp_path)
    assert problems == []
    article = articles["PMC6543210.nxml"]
    assert article.format == "jats_xml" and article.external_id == "PMC6543210"
    lines = article.text.splitlines()
    assert lines[0] == "Senolytics in aged mice"
    text = article.text
    assert "Graphical abstract" not in text and "Reference one" not in text
    assert "\\alpha" not in text
    assert "Dasatinib plus quercetin reduced p16 by 40% (P < 0.01)." in lines
    assert "Ageing is a risk factor [1] for disease [2]." in lines
    assert "We used 24 C57BL/6 mice at 1.5 \u00d7 10^6 cells per dose." in lines
    assert "Outcome | D+Q (n=12) | Vehicle (n=12)" in lines
    assert "Grip, g | 112 (9) | 98 (11)" in lines
    assert "- Dasatinib 5 mg/kg" in lines and "Values are mean (SD)." in lines
    assert "Figure 1. Survival curves." in lines
    headings = [h["title"] for h in find_headings(text)]
    for title in ("Abstract", "Background", "Results", "Introduction", "Methods", "Animals"):
        assert title in headings, title


def test_jats_sniffed_from_xml_and_wrapped_sets(tmp_path):
    (tmp_path / "a.xml").write_text(JATS, "utf-8")
    # without a DOCTYPE only XML's own entities are known: use a character reference
    body = JATS.split("?>", 1)[1].split("\n", 2)[2].replace("&nbsp;", "&#160;")
    first = body.replace("Senolytics", "Navitoclax")  # (a.xml already has the original text)
    second = body.replace("6543210", "7000001").replace("Senolytics", "Fisetin")
    (tmp_path / "set.xml").write_text(f"<pmc-articleset>{first}{second}</pmc-articleset>", "utf-8")
    articles, problems = _read(tmp_path)
    assert problems == []
    assert set(articles) == {"a.xml", "set.xml#PMC6543210", "set.xml#PMC7000001"}
    assert articles["set.xml#PMC7000001"].text.startswith("Fisetin in aged mice\n")


def test_sniff_root_skips_prolog():
    head = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><!DOCTYPE x [ <!ENTITY a "b"> ]>\n<PubmedArticleSet>'
    assert sniff_root_bytes(head) == "PubmedArticleSet"
    assert sniff_root_bytes("<article>".encode("utf-16")) == "article"
    assert sniff_root_bytes(b"hello <article>") is None


def test_pubmed_sections_reach_the_sentences_table(tmp_path):
    from pipeline.api import extract

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "u.xml").write_text(PUBMED, "utf-8")
    (raw / "PMC1.nxml").write_text(JATS, "utf-8")
    summary = extract(raw, tmp_path / "out")
    assert summary.articles == 4
    sentences = pd.read_parquet(tmp_path / "out" / "sentences.parquet")
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet").set_index("source")
    rapa = articles.loc["u.xml#1001"]
    assert rapa["external_id"] == "1001" and rapa["format"] == "pubmed_xml"
    assert rapa["title"] == "Rapamycin in older adults: a randomized trial."
    rows = sentences[sentences["article_id"] == rapa["article_id"]]
    section = dict(zip(rows["text"], rows["section"]))
    assert section["We randomly assigned 120 adults to rapamycin or placebo."] == "METHODS"
    assert section["Low doses were well tolerated."] == "Main lesson"
    jats = sentences[sentences["article_id"] == articles.loc["PMC1.nxml", "article_id"]]
    assert "Methods" in set(jats["section"]) and "Grip, g | 112 (9) | 98 (11)" in set(jats["text"])


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="../shared/benchmarks not present")
def test_pubmed_sample_file(tmp_path):
    (tmp_path / SHARED_SAMPLE.name).symlink_to(SHARED_SAMPLE)
    articles, problems = _read(tmp_path)
    assert [p for p in problems if p.severity == "error"] == []
    # versions of a record with identical text are processed once (a "same text" warning)
    assert len(articles) + len(problems) == 756 and len(articles) >= 750
    ids = [a.external_id for a in articles.values()]
    assert all(ids) and len(set(ids)) >= 750  # a few PMIDs come in numbered versions (#PMID.v2)
    labelled = [a for a in articles.values() if "\nRESULTS\n" in a.text]
    assert labelled and all("RESULTS" in [h["title"] for h in find_headings(a.text)]
                            for a in labelled)


def test_pubmed_stream_memory_stays_flat(tmp_path):
    import tracemalloc

    from pipeline.ingest.xml_pubmed import read_pubmed_xml

    record = PUBMED.split("<PubmedArticle>")[1].split("</PubmedArticle>")[0]
    path = tmp_path / "big.xml.gz"
    n = 6000
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0"?>\n<PubmedArticleSet>\n')
        for i in range(n):
            handle.write("<PubmedArticle>" + record.replace(">1001<", f">{i}<") + "</PubmedArticle>\n")
        handle.write("</PubmedArticleSet>\n")
    uncompressed = len(record) * n
    tracemalloc.start()
    count = sum(1 for item in read_pubmed_xml(path, "big.xml.gz") if isinstance(item, RawArticle))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == n
    assert uncompressed > 5_000_000 and peak < 1_500_000, peak  # finished records are not kept
