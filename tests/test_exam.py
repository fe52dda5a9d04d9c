"""A printable exam drawn from the question bank (``make toets``): balanced over the learning goals, seeded and
reproducible, parallel versions that differ where the bank allows, keys that follow the shuffled options, numeric
values from the models, Dutch errors; the exam PDF without answers and the key PDF with every answer."""

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from book import bank, exam, export
from edu.validation import fmt

from conftest import CHROMIUM, ROOT, require

PAIR = "spiergroei hormonen"
DRAWS = [(PAIR, 20), (PAIR, 30), ("spiergroei", 10), ("satellietcellen signaalroutes kracht-en-duur", 25), ("", 40)]
"""Chapters and numbers of questions: fewer questions than goals, more, one chapter, three, the whole bank."""


def draws():
    return [exam.draw(chapters, count, version, seed)
            for chapters, count in DRAWS for version in ("A", "B") for seed in (1, 2026)]


def synthetic(goals: int, per_type: int) -> dict:
    """A bank of ``goals`` goals in two chapters, each goal ``per_type`` questions of each type, the first of each
    type exam-only, the levels taking turns."""
    pool = {}
    for n in range(goals):
        chapter, number = ("een", n + 1) if n % 2 else ("twee", n + 1)
        pool[chapter, number] = [{"id": f"{chapter}-{number}-{kind}-{k}", "goal": number, "type": kind,
                                  "level": bank.LEVELS[(n + k) % 3], "self_test": k > 0}
                                 for kind in bank.TYPES for k in range(per_type)]
    return pool


def visible(markdown: str) -> str:
    """What a reader sees of the bank's Markdown, without any whitespace (PDF text breaks lines anywhere)."""
    text = lxml.html.fragment_fromstring(export.block_html(markdown), create_parent="div").text_content()
    return re.sub(r"\s+", "", text)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- Balanced over the learning goals --------------------------------------------------------------------------


@pytest.mark.parametrize("drawn", draws(), ids=lambda e: f"{'+'.join(e.chapters)[:30]}-{e.count}-{e.version}-{e.seed}")
def test_elk_leerdoel_krijgt_een_gelijk_deel_en_wie_minder_heeft_heeft_niets_meer_over(drawn):
    asked = Counter(q.goal for q in drawn.questions)
    goals = exam.pool(drawn.chapters)
    counts = {goal: asked[goal] for goal in goals}  # every goal of the chosen chapters, also those with none
    most = max(counts.values())
    short = {goal: n for goal, n in counts.items() if n < most - 1}
    assert all(n == len(goals[goal]) for goal, n in short.items()), short  # only a goal that ran out falls behind
    assert counts == drawn.quotas and sum(counts.values()) == drawn.count == len(drawn.questions)


@pytest.mark.parametrize("count", [5, 10, 20, 21, 25])
def test_met_genoeg_vragen_per_leerdoel_verschillen_de_leerdoelen_hoogstens_een_vraag(count):
    for seed in range(5):
        drawn = exam.draw(PAIR, count, "A", seed)
        counts = [drawn.quotas[goal] for goal in exam.pool(drawn.chapters)]
        assert max(counts) - min(counts) <= 1, (seed, counts)


def test_de_rest_gaat_om_beurten_naar_de_hoofdstukken():
    for seed in range(10):
        drawn = exam.draw(PAIR, 10, "A", seed)  # 10 questions, 21 goals: 5 per chapter
        assert Counter(q.chapter for q in drawn.questions) == {"spiergroei": 5, "hormonen": 5}


def test_de_verdeling_hangt_af_van_het_zaad_niet_van_de_versie():
    a, b, other = exam.draw(PAIR, 10, "A", 3), exam.draw(PAIR, 10, "B", 3), exam.draw(PAIR, 10, "A", 4)
    assert a.quotas == b.quotas
    assert any(exam.draw(PAIR, 10, "A", seed).quotas != a.quotas for seed in range(4, 10)), other


# --- What is drawn ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("drawn", draws()[:8], ids=lambda e: f"{'+'.join(e.chapters)[:30]}-{e.count}-{e.version}")
def test_elke_vraag_komt_uit_de_gekozen_hoofdstukken_en_staat_er_een_keer_in(drawn):
    bank_ids = {item["id"]: chapter for chapter in drawn.chapters for item in bank.questions(chapter)}
    assert all(bank_ids.get(q.id) == q.chapter for q in drawn.questions)
    assert len({q.id for q in drawn.questions}) == len(drawn.questions)
    chapters_in_order = [q.chapter for q in drawn.questions]
    assert chapters_in_order == sorted(chapters_in_order, key=drawn.chapters.index)  # grouped by chapter


def test_vragen_alleen_voor_de_toets_gaan_voor():
    drawn = exam.draw(PAIR, 30, "A", 2026)
    taken = {q.id for q in drawn.questions}
    passed_over = [(q.id, other["id"]) for q in drawn.questions if q.item["self_test"]
                   for other in exam.pool(drawn.chapters)[q.goal]
                   if not other["self_test"] and other["type"] == q.item["type"] and other["id"] not in taken]
    assert passed_over == []
    assert sum(not q.item["self_test"] for q in drawn.questions) >= 4


def test_de_toets_mengt_niveaus_en_soorten_zoals_de_bank():
    drawn = exam.draw("", 40, "A", 2026)
    everything = [item for items in exam.pool(drawn.chapters).values() for item in items]
    for key in ("level", "type"):
        share = exam.shares(everything, key)
        counted = Counter(q.item[key] for q in drawn.questions)
        assert set(counted) == set(share)  # every level and type present
        assert all(abs(counted[value] - share[value] * 40) <= 3 for value in share), (key, counted, share)


def test_zelfde_zaad_en_versie_geven_dezelfde_toets(tmp_path):
    one, two = exam.draw(PAIR, 20, "B", 77), exam.draw(PAIR, 20, "B", 77)
    assert [(q.id, q.order, q.key) for q in one.questions] == [(q.id, q.order, q.key) for q in two.questions]
    first, second = exam.write(one, tmp_path / "1", pdf=False), exam.write(two, tmp_path / "2", pdf=False)
    for kind in first:
        assert first[kind].read_bytes() == second[kind].read_bytes()


def test_een_ander_zaad_geeft_een_andere_toets():
    one, two = exam.draw(PAIR, 20, "A", 1), exam.draw(PAIR, 20, "A", 2)
    assert [q.id for q in one.questions] != [q.id for q in two.questions]


def test_versies_zijn_parallel_en_nemen_andere_vragen_waar_de_bank_dat_toelaat():
    for seed in (1, 2026):
        a, b = exam.draw(PAIR, 20, "A", seed), exam.draw(PAIR, 20, "B", seed)
        assert Counter(q.goal for q in a.questions) == Counter(q.goal for q in b.questions)
        assert Counter(q.item["type"] for q in a.questions) == Counter(q.item["type"] for q in b.questions)
        shared = {q.id for q in a.questions} & {q.id for q in b.questions}
        assert len(shared) <= 10, shared
        alone = [q.id for q in a.questions if len(exam.pool(a.chapters)[q.goal]) == 1]
        assert set(alone) <= shared  # a goal with one question: the same question in both


def test_met_genoeg_vragen_delen_vier_versies_geen_enkele_vraag():
    pool = synthetic(goals=6, per_type=4)
    drawn = [exam.draw_from(pool, 18, version, 5)[0] for version in exam.VERSIONS]
    ids = [item["id"] for chosen in drawn for _goal, item in chosen]
    assert len(ids) == len(set(ids)) == 4 * 18


def test_kan_het_niet_anders_dan_dezelfde_vragen_in_een_andere_volgorde():
    pool = {("een", n): [{"id": f"v{n}", "goal": n, "type": "multiple_choice", "level": "begrip",
                          "self_test": True, "answers": [{"correct": k == 0} for k in range(4)]}]
            for n in range(1, 9)}
    a, _ = exam.draw_from(pool, 8, "A", 11)
    b, _ = exam.draw_from(pool, 8, "B", 11)
    assert sorted(i["id"] for _g, i in a) == sorted(i["id"] for _g, i in b)
    assert [i["id"] for _g, i in a] != [i["id"] for _g, i in b]
    assert any(exam.option_order(i, 11, "A") != exam.option_order(i, 11, "B") for _g, i in a)


def test_de_sleutel_volgt_de_geschudde_antwoorden():
    drawn = [q for e in draws() for q in e.questions if q.item["type"] == "multiple_choice"]
    for q in drawn:
        assert sorted(q.order) == list(range(len(q.item["answers"])))
        assert q.options["ABCD".index(q.key)]["correct"]
    assert Counter(q.key for q in drawn).keys() == {"A", "B", "C", "D"}
    assert sum(q.order != tuple(range(4)) for q in drawn) > len(drawn) / 2  # the options are shuffled


def test_rekenvragen_hebben_de_waarde_van_het_model_met_hun_marge(tmp_path):
    drawn = exam.draw("", 60, "A", 3)
    numeric = [q for q in drawn.questions if q.item["type"] == "numeric"]
    assert numeric
    key = exam.key_html(drawn)
    rows = {row["id"]: row for row in exam.record(drawn)["items"]}
    for q in numeric:
        value = bank.model_value(q.item)
        assert q.value == value and rows[q.id]["waarde"] == value
        assert rows[q.id]["goed_van"] == pytest.approx(value - q.item["tolerance"])
        assert rows[q.id]["goed_tot"] == pytest.approx(value + q.item["tolerance"])
        assert f"Antwoord: {fmt(value, q.item['decimals'])}" in key
        low, high = exam.bounds(q)
        assert f"Goed van {low} tot en met {high}" in key


def test_het_bereik_van_een_rekenvraag_is_naar_binnen_afgerond():
    item = {"type": "numeric", "decimals": 1, "tolerance": 0.2, "unit": "%"}
    assert exam.bounds(exam.Drawn(item, "x", value=9.63)) == ("9,43", "9,83")
    assert exam.bounds(exam.Drawn(item, "x", value=9.6349)) == ("9,44", "9,83")


def test_het_verslag_noemt_wat_de_trekking_herhaalt(tmp_path):
    drawn = exam.draw(PAIR, 20, "B", 2026)
    paths = exam.write(drawn, tmp_path, pdf=False)
    record = json.loads(paths["record"].read_text(encoding="utf-8"))
    assert record["opdracht"] == 'make toets HOOFDSTUKKEN="spiergroei hormonen" VRAGEN=20 VERSIE=B ZAAD=2026'
    assert (record["zaad"], record["versie"], record["vragen"]) == (2026, "B", 20)
    assert [row["id"] for row in record["items"]] == [q.id for q in drawn.questions]
    assert set(record["vragenbank_sha256"]) == {"spiergroei", "hormonen"}
    a_ids = {q.id for q in exam.draw(PAIR, 20, "A", 2026).questions}
    assert record["gedeeld_met_eerdere_versies"] == {"A": len(a_ids & {q.id for q in drawn.questions})}
    again = exam.draw(" ".join(record["hoofdstukken"]), record["vragen"], record["versie"], record["zaad"])
    assert [q.id for q in again.questions] == [row["id"] for row in record["items"]]
    assert [q.key for q in again.questions] == [row.get("sleutel") for row in record["items"]]


# --- Dutch errors ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("arguments, expected", [
    (("spiergroei onzin", 10, "A", 1), ['HOOFDSTUKKEN="spiergroei onzin"', '"onzin"', "Kies", "hormonen, ",
                                        "spiergroei"]),
    ((PAIR, 999, "A", 1), ["VRAGEN=999 is te veel", "43 vragen", "van 1 tot en met 43"]),
    ((PAIR, "twintig", "A", 1), ['VRAGEN="twintig" is geen geheel getal', "van 1 tot en met 43"]),
    ((PAIR, 0, "A", 1), ["VRAGEN=0 is te weinig", "van 1 tot en met 43"]),
    ((PAIR, 20, "E", 1), ['VERSIE="E" bestaat niet', "A, B, C of D"]),
    ((PAIR, 20, "A", "abc"), ['ZAAD="abc" is geen geheel getal', "0 of hoger"]),
    ((PAIR, 20, "A", -3), ["ZAAD=-3 is negatief"]),
])
def test_verkeerde_invoer_geeft_een_nederlandse_fout_met_parameter_waarde_en_keuzes(arguments, expected):
    if "43" in "".join(expected):
        assert sum(len(bank.questions(c)) for c in PAIR.split()) == 43  # the bank this test counts on
    with pytest.raises(exam.ExamError) as error:
        exam.draw(*arguments)
    missing = [part for part in expected if part not in str(error.value)]
    assert missing == [], str(error.value)


def test_make_toets_met_een_fout_zegt_het_en_schrijft_niets(tmp_path):
    result = subprocess.run([sys.executable, "-m", "book.exam", "--versie", "Z", "--map", str(tmp_path / "t")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert 'Fout: VERSIE="Z" bestaat niet' in result.stderr
    assert not (tmp_path / "t").exists()


# --- The exam and the key ---------------------------------------------------------------------------------------


def leaks(text: str, drawn: exam.Exam) -> list[str]:
    """Answer text found in ``text`` (whitespace ignored): any option's feedback, a model answer, a rubric
    criterion, a numeric explanation, or the key's own words."""
    found = [word for word in ("Sleutel", "Modelantwoord", "Beoordeling", "Correctiemodel", "Goedvan", "ZAAD",
                               "Zaad") if word in text]
    for q in drawn.questions:
        item = q.item
        texts = [a["feedback"] for a in item.get("answers", [])] + [c["criterion"] for c in
                                                                     item.get("rubric", {}).get("criteria", [])]
        texts += [item["model_answer"]] if item["type"] == "open" else []
        texts += [bank.explanation(item)] if item["type"] == "numeric" else []
        found += [f"{q.id}: {t[:40]}" for t in texts if visible(t) in text]
    return found


def answers(text: str, drawn: exam.Exam) -> list[str]:
    """Questions whose answer ``text`` (whitespace ignored) lacks: the key and its option, the model's value, the
    model answer and every rubric criterion."""
    missing = []
    for number, q in enumerate(drawn.questions, start=1):
        item = q.item
        if item["type"] == "multiple_choice":
            right = next(a for a in item["answers"] if a["correct"])
            wanted = [f"Sleutel:{q.key}.{visible(right['answer'])}"]
        elif item["type"] == "numeric":
            wanted = [squeezed(f"Antwoord: {fmt(q.value, item['decimals'])}{exam.unit(item)}")]
        else:
            wanted = [visible(item["model_answer"])] + [visible(c["criterion"]) for c in item["rubric"]["criteria"]]
        missing += [f"{number} {q.id}"] if any(w not in text for w in wanted) else []
    return missing


def html_text(page: str) -> str:
    return squeezed(lxml.html.document_fromstring(page).text_content())


def test_de_toets_heeft_elke_vraag_en_geen_antwoord_het_correctiemodel_elk_antwoord():
    for drawn in draws()[::3]:
        candidate, key = exam.exam_html(drawn), exam.key_html(drawn)
        numbers = re.findall(r"Vraag (\d+) <", candidate)
        assert numbers == [str(n) for n in range(1, drawn.count + 1)]
        assert leaks(html_text(candidate), drawn) == []
        assert answers(html_text(key), drawn) == []


def test_de_controles_vinden_een_antwoord_in_de_toets_en_een_gat_in_de_sleutel():
    drawn = exam.draw(PAIR, 20, "A", 1)
    assert len(leaks(html_text(exam.key_html(drawn)), drawn)) >= drawn.count
    assert len(answers(html_text(exam.exam_html(drawn)), drawn)) == drawn.count


def test_de_toets_schrijft_in_de_map_van_make_toets_naast_de_site():
    assert exam.FOLDER == ROOT / "_build" / "toets"
    assert "toets:" in (ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.slow
def test_make_toets_drukt_toets_en_correctiemodel_af_op_a4(tmp_path):
    require(Path(CHROMIUM).exists(), "Chromium")
    from pypdf import PdfReader

    folder = tmp_path / "toets"
    result = subprocess.run([sys.executable, "-m", "book.exam", "--hoofdstukken", PAIR, "--vragen", "20",
                             "--versie", "B", "--zaad", "2026", "--map", str(folder)],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    drawn = exam.draw(PAIR, 20, "B", 2026)
    candidate = PdfReader(folder / "toets-2026-B.pdf")
    key = PdfReader(folder / "correctiemodel-2026-B.pdf")
    for pdf in (candidate, key):
        assert all(round(float(p.mediabox.width)) == 596 and round(float(p.mediabox.height)) == 843
                   for p in pdf.pages)  # A4, in points
    exam_text = " ".join(page.extract_text() for page in candidate.pages)
    numbers = re.findall(r"Vraag (\d+) \(", re.sub(r"\s+", " ", exam_text))
    assert numbers == [str(n) for n in range(1, 21)]
    assert "Versie B" in exam_text and "Naam" in exam_text
    assert leaks(squeezed(exam_text), drawn) == []
    key_text = squeezed(" ".join(page.extract_text() for page in key.pages))
    assert answers(key_text, drawn) == []
    assert squeezed(f"Totaal {drawn.total}") in key_text
    assert json.loads((folder / "trekking-2026-B.json").read_text(encoding="utf-8"))["zaad"] == 2026
