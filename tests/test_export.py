"""The exports for learning platforms (``make export``): every question of the bank, under its chapter and
learning goal, with the right key, every option's feedback, the model's value and tolerance for a numeric
question and the scoring guide for an open one; HTML without raw Markdown or MyST; Dutch text intact; packages
whose manifest lists every file. Each export is read back with lxml, the QTI 1.2 one validated against IMS's DTD."""

import re
import zipfile

import lxml.html
import pytest
import yaml
from lxml import etree

from book import bank, chapters, export

from conftest import ROOT, require

NAMES = [name for name in chapters.in_order() if (bank.BANK / f"{name}.yml").exists()]
BANKS = {chapter: bank.questions(chapter) for chapter in NAMES}
ITEMS = {item["id"]: item for items in BANKS.values() for item in items}
CHAPTER_OF = {item["id"]: chapter for chapter, items in BANKS.items() for item in items}
QTI12 = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
QTI21 = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
DTD = ROOT / "_build" / "qti-dtd" / "ims_qtiasiv1p2p1.dtd"
ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
RAW = re.compile(r"\*\*|\{cite|\{[\w:-]+\}`|`|^#+ |\]\(")
"""Markdown or MyST that would show as typed: bold, a role, code ticks, a heading, a link."""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    export.write(folder)
    return folder


@pytest.fixture(scope="module")
def moodle(exported):
    return etree.parse(str(exported / "vragenbank-moodle.xml"))


def _zip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def qti12(exported):
    return _zip(exported / "vragenbank-qti12.zip")


@pytest.fixture(scope="module")
def qti21(exported):
    return _zip(exported / "vragenbank-qti21.zip")


def _text(html: str) -> str:
    """What a reader sees of an HTML fragment, whitespace collapsed."""
    return " ".join(lxml.html.fragment_fromstring(html or "", create_parent="div").text_content().split())


def _expected(markdown: str) -> str:
    """What a reader should see of a bank text: the self-test's rendering (its roles as the book shows them)."""
    return _text(bank.MARKDOWN.render(ROLE.sub(lambda m: export.role_text(m[1], m[2]), markdown)))


def _goal_path(chapter: str, number: int) -> str:
    """A goal's Moodle category, made here from _config.yml, the chapter's title and its goals."""
    course = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    goal = chapters.learning_goals(chapter)[number - 1].rstrip(";. ")
    names = [course, chapters.title(chapter), f"Leerdoel {number}. {goal[0].upper()}{goal[1:]}"]
    return "$course$/" + "/".join(name.replace("/", "//") for name in names)


def _parts(path: str) -> list[str]:
    """A Moodle category path's names (a doubled slash is a slash in a name)."""
    return [part.replace("//", "/") for part in re.split(r"(?<!/)/(?!/)", path)]


def _moodle_questions(tree) -> list[tuple[str, etree._Element]]:
    """Each question in a Moodle XML file with the category it is imported into."""
    found, category = [], None
    for question in tree.getroot():
        if question.get("type") == "category":
            category = question.findtext("category/text")
        else:
            found.append((category, question))
    return found


# --- Moodle XML -----------------------------------------------------------------------------------------------


def test_moodle_zet_elke_vraag_in_de_categorie_van_haar_hoofdstuk_en_leerdoel(moodle):
    placed = {}
    for category, question in _moodle_questions(moodle):
        placed.setdefault(category, []).append(question.findtext("name/text"))
    expected = {_goal_path(chapter, number): [q["id"] for q in items if q["goal"] == number]
                for chapter, items in BANKS.items() for number in range(1, len(chapters.learning_goals(chapter)) + 1)}
    assert placed == {path: ids for path, ids in expected.items() if ids}
    assert sum(map(len, placed.values())) == len(ITEMS) >= 100


def test_een_schuine_streep_in_een_titel_wordt_verdubbeld_zoals_moodle_die_leest(moodle):
    paths = {question.findtext("category/text") for question in moodle.getroot() if question.get("type") == "category"}
    assert any("AMPK//PGC-1α" in path for path in paths)  # "Twee signaalroutes: mTOR en AMPK/PGC-1α"
    assert all(len(_parts(path)) == 4 and _parts(path)[0] == "$course$" for path in paths)
    assert "Twee signaalroutes: mTOR en AMPK/PGC-1α" in {_parts(path)[2] for path in paths}


@pytest.mark.parametrize("chapter", NAMES)
def test_moodle_per_hoofdstuk_heeft_de_vragen_van_dat_hoofdstuk(exported, chapter):
    found = _moodle_questions(etree.parse(str(exported / "moodle" / f"{chapter}.xml")))
    assert [q.findtext("name/text") for _, q in found] == \
        [q["id"] for number in range(1, len(chapters.learning_goals(chapter)) + 1)
         for q in BANKS[chapter] if q["goal"] == number]
    assert {_parts(category)[2] for category, _ in found} == {chapters.title(chapter)}


def test_moodle_meerkeuze_heeft_de_sleutel_en_uitleg_bij_elk_antwoord(moodle):
    questions = [q for _, q in _moodle_questions(moodle) if q.get("type") == "multichoice"]
    assert len(questions) == sum(item["type"] == "multiple_choice" for item in ITEMS.values())
    for question in questions:
        item = ITEMS[question.findtext("name/text")]
        answers = question.findall("answer")
        assert [a.get("fraction") for a in answers] == ["100" if o["correct"] else "0" for o in item["answers"]]
        assert [_text(a.findtext("text")) for a in answers] == [_expected(o["answer"]) for o in item["answers"]]
        assert [_text(a.findtext("feedback/text")) for a in answers] == \
            [_expected(o["feedback"]) for o in item["answers"]]
        assert question.findtext("single") == "true" and question.findtext("questiontext/text").startswith("<p>")


def test_moodle_rekenvraag_rekent_goed_wat_de_zelftoets_goed_rekent(moodle):
    questions = [q for _, q in _moodle_questions(moodle) if q.get("type") == "numerical"]
    assert len(questions) == sum(item["type"] == "numeric" for item in ITEMS.values()) > 0
    for question in questions:
        item = ITEMS[question.findtext("name/text")]
        right, other = question.findall("answer")
        value, tolerance = float(right.findtext("text")), float(right.findtext("tolerance"))
        assert right.get("fraction") == "100" and value == pytest.approx(bank.model_value(item), abs=1e-9)
        assert tolerance == item["tolerance"]
        low, high = bank.jupyterquiz(item)["answers"][0]["range"]  # what the self-test accepts
        assert (value - tolerance, value + tolerance) == pytest.approx((low, high), abs=1e-9)
        assert other.findtext("text") == "*" and other.get("fraction") == "0"
        assert _text(right.findtext("feedback/text")) == _expected(f"Goed. {bank.explanation(item)}")
        assert _text(other.findtext("feedback/text")) == _expected(f"Nog niet. {item['hint']}")


def test_de_waarde_van_een_rekenvraag_komt_bij_het_exporteren_uit_het_model(monkeypatch):
    item = next(item for item in ITEMS.values() if item["type"] == "numeric")
    before = float(export.moodle_numeric(item).findtext("answer/text"))
    monkeypatch.setattr(bank, "model_value", lambda item: 1234.5)
    assert before != 1234.5 and export.moodle_numeric(item).findtext("answer/text") == "1234.5"


def test_moodle_open_vraag_is_een_essay_met_modelantwoord_en_beoordeling_voor_wie_nakijkt(moodle):
    questions = [q for _, q in _moodle_questions(moodle) if q.get("type") == "essay"]
    assert len(questions) == sum(item["type"] == "open" for item in ITEMS.values()) > 0
    for question in questions:
        item = ITEMS[question.findtext("name/text")]
        grader = _text(question.findtext("graderinfo/text"))
        assert _expected(item["model_answer"]) in grader
        assert f"Beoordeling (maximaal {bank.points(item['rubric']['maximum'])}):" in grader
        for criterion in item["rubric"]["criteria"]:
            assert f"{bank.points(criterion['points'])}: {_expected(criterion['criterion'])}" in grader
        assert question.findtext("defaultgrade") == str(item["rubric"]["maximum"])
        assert item["model_answer"][:40] not in question.findtext("questiontext/text")  # not shown to the learner


def test_moodle_niveau_en_zelftoets_als_labels(moodle):
    for _, question in _moodle_questions(moodle):
        item = ITEMS[question.findtext("name/text")]
        labels = [tag.findtext("text") for tag in question.findall("tags/tag")]
        assert item["level"] in labels and ("zelftoets" in labels) == item["self_test"]


# --- No raw Markdown or MyST, Dutch intact --------------------------------------------------------------------


def _html_fields(moodle, qti12, qti21) -> list[str]:
    """Every text a learner or a teacher reads in the three exports."""
    fields = [element.text or "" for element in moodle.iter("text")
              if element.getparent().get("format") == "html"]
    for name, content in qti12.items():
        if name != "imsmanifest.xml":
            fields += [m.text or "" for m in etree.fromstring(content).iterfind(".//q:mattext", QTI12)]
    for name, content in qti21.items():
        if name.startswith("items/"):
            fields.append(etree.tostring(etree.fromstring(content), method="text", encoding="unicode"))
    return fields


def test_geen_ruwe_markdown_of_myst_in_de_exports(moodle, qti12, qti21):
    fields = _html_fields(moodle, qti12, qti21)
    assert len(fields) > 1000
    assert [field[:80] for field in fields if RAW.search(_text(field)) or RAW.search(field)] == []
    assert any("<strong>Casus.</strong>" in field for field in fields)  # the bank's Markdown did become HTML


def test_de_controle_op_ruwe_markdown_vindt_wat_er_zou_blijven_staan():
    for raw in ("**Casus.** tekst", "zie {cite}`kraemer1991`", "zie {term}`rust <x>`", "`code`", "[a](b)"):
        assert RAW.search(raw), raw


def test_een_bron_wordt_een_nederlandse_verwijzing():
    assert export.block_html("Zie {cite:t}`kraemer1991` en {cite}`kraemerratamess2005,mccall1999`.") == \
        "<p>Zie Kraemer e.a. (1991) en (Kraemer en Ratamess, 2005; McCall e.a., 1999).</p>"
    assert export.inline_html("{cite:p}`kraemer1991`: **zwaar** & {term}`rust <rust-tussen-sets>`") == \
        "(Kraemer e.a., 1991): <strong>zwaar</strong> &amp; rust"
    with pytest.raises(ValueError, match='bron "bestaatniet2020" staat niet in references.bib'):
        export.inline_html("{cite}`bestaatniet2020`")


def test_nederlandse_tekens_blijven_heel_in_utf8(exported, qti12, qti21):
    for raw in [(exported / "vragenbank-moodle.xml").read_bytes(), *qti12.values(), *qti21.values()]:
        assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        raw.decode("utf-8")
    moodle_bytes = (exported / "vragenbank-moodle.xml").read_bytes()
    for word in ("cliënt", "µg/L", "vóór", "PGC-1α", "Kracht én duur"):
        assert word.encode("utf-8") in moodle_bytes, word
    assert b"&#" not in moodle_bytes and "cliënt".encode("utf-8") in b"".join(qti12.values())


# --- QTI 1.2 --------------------------------------------------------------------------------------------------


def _manifest_files(files: dict[str, bytes]) -> list[str]:
    manifest = etree.fromstring(files["imsmanifest.xml"])
    return [f.get("href") for f in manifest.iter("{*}file")]


def test_qti12_manifest_noemt_elk_bestand_van_het_pakket(qti12):
    assert sorted(_manifest_files(qti12)) == sorted(name for name in qti12 if name != "imsmanifest.xml")
    assert list(qti12)[0] == "imsmanifest.xml"
    assert sorted(_manifest_files(qti12)) == sorted(f"{chapter}/{chapter}.xml" for chapter in NAMES)


def _qti12_items(qti12) -> dict[str, list[etree._Element]]:
    return {chapter: etree.fromstring(qti12[f"{chapter}/{chapter}.xml"]).findall(".//q:item", QTI12)
            for chapter in NAMES}


def test_qti12_per_hoofdstuk_een_toets_met_al_zijn_vragen(qti12):
    for chapter, items in _qti12_items(qti12).items():
        assessment = etree.fromstring(qti12[f"{chapter}/{chapter}.xml"]).find("q:assessment", QTI12)
        assert assessment.get("title") == chapters.title(chapter)
        assert sorted(item.get("ident") for item in items) == sorted(q["id"] for q in BANKS[chapter])
        for element in items:
            assert element.get("title") == f"{element.get('ident')} (leerdoel {ITEMS[element.get('ident')]['goal']})"


def _metadata(element) -> dict[str, str]:
    return {f.findtext("q:fieldlabel", namespaces=QTI12): f.findtext("q:fieldentry", namespaces=QTI12) or ""
            for f in element.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", QTI12)}


def _qti12_feedback(element, ident: str) -> str:
    return _text(element.findtext(f"q:itemfeedback[@ident='{ident}']//q:mattext", namespaces=QTI12))


def test_qti12_sleutel_uitleg_waarde_en_beoordeling_zijn_die_van_de_bank(qti12):
    kinds = {"multiple_choice": "multiple_choice_question", "numeric": "numerical_question", "open": "essay_question"}
    for element in (e for items in _qti12_items(qti12).values() for e in items):
        item = ITEMS[element.get("ident")]
        assert _metadata(element)["question_type"] == kinds[item["type"]]
        assert _metadata(element)["points_possible"] == str(export.points(item))
        assert _text(element.findtext("q:presentation/q:material/q:mattext", namespaces=QTI12)) == \
            _expected(bank.question_text(item))
        scoring = element.find("q:resprocessing/q:respcondition[q:setvar='100']", QTI12)
        if item["type"] == "multiple_choice":
            labels = element.findall(".//q:response_label", QTI12)
            key = next(label.get("ident") for label, o in zip(labels, item["answers"]) if o["correct"])
            assert scoring.findtext("q:conditionvar/q:varequal", namespaces=QTI12) == key
            assert [_qti12_feedback(element, f"{label.get('ident')}-fb") for label in labels] == \
                [_expected(o["feedback"]) for o in item["answers"]]
        elif item["type"] == "numeric":
            value, tolerance = bank.model_value(item), item["tolerance"]
            assert float(scoring.findtext(".//q:varequal", namespaces=QTI12)) == pytest.approx(value, abs=1e-9)
            assert float(scoring.findtext(".//q:vargte", namespaces=QTI12)) == pytest.approx(value - tolerance)
            assert float(scoring.findtext(".//q:varlte", namespaces=QTI12)) == pytest.approx(value + tolerance)
            assert _qti12_feedback(element, "correct_fb") == _expected(f"Goed. {bank.explanation(item)}")
            assert _qti12_feedback(element, "general_incorrect_fb") == _expected(f"Nog niet. {item['hint']}")
        else:
            assert scoring is None
            guide = element.find("q:itemfeedback[@ident='general_fb']", QTI12)
            assert guide.get("view") == "Scorer" and _expected(item["model_answer"]) in _text(
                guide.findtext(".//q:mattext", namespaces=QTI12))
            assert all(_expected(c["criterion"]) in _qti12_feedback(element, "general_fb")
                       for c in item["rubric"]["criteria"])


def _dtd_valid(content: bytes) -> tuple[bool, str]:
    """Whether a QTI 1.2 document is valid against IMS's DTD (a DTD knows no namespaces: they are left out)."""
    tree = etree.fromstring(content)
    for element in tree.iter(etree.Element):
        element.tag = etree.QName(element).localname
        for name in [name for name in element.attrib if name.startswith("{")]:
            del element.attrib[name]
    etree.cleanup_namespaces(tree)
    dtd = etree.DTD(str(DTD))
    return dtd.validate(tree), str(dtd.error_log.filter_from_errors()[:3])


@pytest.mark.parametrize("chapter", NAMES)
def test_qti12_is_geldig_volgens_de_dtd_van_ims(qti12, chapter):
    require(DTD.exists(), "de DTD van QTI 1.2 (make test)")
    valid, errors = _dtd_valid(qti12[f"{chapter}/{chapter}.xml"])
    assert valid, errors


def test_de_dtd_weigert_een_kapotte_vraag(qti12):
    require(DTD.exists(), "de DTD van QTI 1.2 (make test)")
    broken = qti12[f"{NAMES[0]}/{NAMES[0]}.xml"].replace(b"<presentation>", b"<presentation><bogus/>", 1)
    assert not _dtd_valid(broken)[0]
    broken = re.sub(rb"<conditionvar>.*?</conditionvar>", b"", qti12[f"{NAMES[0]}/{NAMES[0]}.xml"], count=1,
                    flags=re.S)
    assert not _dtd_valid(broken)[0]


# --- QTI 2.1 --------------------------------------------------------------------------------------------------


def test_qti21_manifest_noemt_de_toets_en_elke_vraag_en_elk_bestand_bestaat(qti21):
    assert sorted(_manifest_files(qti21)) == sorted(name for name in qti21 if name != "imsmanifest.xml")
    assert sorted(_manifest_files(qti21)) == sorted(["toets.xml", *(f"items/{id_}.xml" for id_ in ITEMS)])
    manifest = etree.fromstring(qti21["imsmanifest.xml"])
    kinds = {r.get("href"): r.get("type") for r in manifest.iter("{*}resource")}
    assert kinds.pop("toets.xml") == "imsqti_test_xmlv2p1" and set(kinds.values()) == {"imsqti_item_xmlv2p1"}
    test = manifest.find(".//{*}resource[@href='toets.xml']")
    assert sorted(d.get("identifierref") for d in test.iter("{*}dependency")) == sorted(ITEMS)


def test_qti21_toets_per_hoofdstuk_en_leerdoel_een_onderdeel(qti21):
    test = etree.fromstring(qti21["toets.xml"])
    sections = test.findall("q:testPart/q:assessmentSection", QTI21)
    assert [s.get("title") for s in sections] == [chapters.title(chapter) for chapter in NAMES]
    for chapter, section in zip(NAMES, sections):
        for goal in section.findall("q:assessmentSection", QTI21):
            number = int(goal.get("identifier").rsplit("-", 1)[1])
            assert goal.get("title") == _parts(_goal_path(chapter, number))[-1]
            assert [ref.get("identifier") for ref in goal.findall("q:assessmentItemRef", QTI21)] == \
                [q["id"] for q in BANKS[chapter] if q["goal"] == number]
            assert all(ref.get("href") in qti21 for ref in goal.findall("q:assessmentItemRef", QTI21))


def _feedback21(root, identifier: str) -> str:
    found = root.find(f"q:modalFeedback[@identifier='{identifier}']", QTI21)
    return " ".join(etree.tostring(found, method="text", encoding="unicode").split())


def test_qti21_sleutel_uitleg_waarde_en_beoordeling_zijn_die_van_de_bank(qti21):
    for id_, item in ITEMS.items():
        root = etree.fromstring(qti21[f"items/{id_}.xml"])
        assert root.get("identifier") == id_ and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
        correct = root.findtext("q:responseDeclaration/q:correctResponse/q:value", namespaces=QTI21)
        if item["type"] == "multiple_choice":
            choices = root.findall(".//q:simpleChoice", QTI21)
            assert [c.get("identifier") for c, o in zip(choices, item["answers"]) if o["correct"]] == [correct]
            assert [_feedback21(root, c.get("identifier")) for c in choices] == \
                [_expected(o["feedback"]) for o in item["answers"]]
            assert root.find("q:itemBody/q:choiceInteraction", QTI21).get("maxChoices") == "1"
        elif item["type"] == "numeric":
            assert float(correct) == pytest.approx(bank.model_value(item), abs=1e-9)
            equal = root.find(".//q:responseIf/q:equal", QTI21)
            assert equal.get("toleranceMode") == "absolute"
            assert [float(t) for t in equal.get("tolerance").split()] == [item["tolerance"]] * 2
            assert _feedback21(root, "GOED") == _expected(f"Goed. {bank.explanation(item)}")
            assert _feedback21(root, "NOG_NIET") == _expected(f"Nog niet. {item['hint']}")
        else:
            assert correct is None and root.find("q:responseProcessing", QTI21) is None  # marked by hand
            rubric = root.find("q:itemBody/q:rubricBlock", QTI21)
            guide = " ".join(etree.tostring(rubric, method="text", encoding="unicode").split())
            assert rubric.get("view") == "scorer" and _expected(item["model_answer"]) in guide
            assert all(_expected(c["criterion"]) in guide for c in item["rubric"]["criteria"])
            score = root.find("q:outcomeDeclaration[@identifier='SCORE']", QTI21)
            assert score.get("normalMaximum") == str(item["rubric"]["maximum"])


# --- Where and how it is written ------------------------------------------------------------------------------


def test_de_export_komt_nooit_in_de_openbare_site():
    assert (ROOT / "_build" / "html") not in [export.FOLDER, *export.FOLDER.parents]
    with pytest.raises(ValueError, match="hoort niet in de openbare site"):
        export.write(ROOT / "_build" / "html" / "export")
    assert not (ROOT / "_build" / "html" / "export").exists()


def test_een_vraag_bij_een_leerdoel_dat_niet_bestaat_is_een_nederlandse_fout(monkeypatch):
    stray = {**BANKS["hormonen"][0], "id": "hormonen-zwerver", "goal": 99}
    monkeypatch.setattr(bank, "questions", lambda chapter: [*BANKS[chapter], stray])
    with pytest.raises(ValueError, match=r"hormonen-zwerver \(leerdoel 99\)"):
        export.moodle_quiz(["hormonen"])


def test_dezelfde_bank_geeft_dezelfde_bestanden(tmp_path):
    for name in ("a.zip", "b.zip"):
        export.write_zip(tmp_path / name, export.qti12_package(["hormonen"]))
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_leesmij_zegt_wat_elk_bestand_is(exported):
    text = (exported / "LEESMIJ.txt").read_text(encoding="utf-8")
    for name in ("vragenbank-moodle.xml", "vragenbank-qti12.zip", "vragenbank-qti21.zip", "Docentenmateriaal"):
        assert name in text
    assert f"Samen: {len(ITEMS)} vragen uit {len(NAMES)} hoofdstukken." in text
