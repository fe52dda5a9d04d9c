"""The question bank tests understanding: the right option does not stand out by its length or by an
absolute word, at most a quarter of the questions ask for recall (and a question that asks what a
study found is labelled recall), every option explains itself, and every open question has a scoring
guide that the instructors' answer key shows under the model answer.

The bounds were measured on the bank before and after its rewrite (issue 21): the right option was
the longest in 84 % of the multiple-choice questions and on average 1.81 times as long as the wrong
ones; after the rewrite 16 % and 1.00 times (and the shortest in 20 %).
"""

import re
from statistics import mean

import pytest

from book import bank

from conftest import ROOT

NAMES = sorted(p.stem for p in (ROOT / "chapters" / "vragenbank").glob("*.yml"))
BANKS = {chapter: bank.questions(chapter) for chapter in NAMES}
EVERY = [item for items in BANKS.values() for item in items]


def _choices(items: list[dict]) -> list[dict]:
    return [item for item in items if item["type"] == "multiple_choice"]


def _lengths(item: dict) -> tuple[int, list[int]]:
    """The length of the right option and those of the wrong ones, in characters."""
    return (next(len(a["answer"]) for a in item["answers"] if a["correct"]),
            [len(a["answer"]) for a in item["answers"] if not a["correct"]])


def _key_longest(items: list[dict]) -> list[str]:
    """The questions whose right option is the longest, or as long as the longest wrong one."""
    return [item["id"] for item in _choices(items) if _lengths(item)[0] >= max(_lengths(item)[1])]


def _key_shortest(items: list[dict]) -> list[str]:
    """The questions whose right option is the shortest, or as short as the shortest wrong one."""
    return [item["id"] for item in _choices(items) if _lengths(item)[0] <= min(_lengths(item)[1])]


def _length_ratio(items: list[dict]) -> float:
    """The mean length of the right options over the mean length of the wrong ones."""
    keys = [_lengths(item)[0] for item in _choices(items)]
    wrong = [length for item in _choices(items) for length in _lengths(item)[1]]
    return mean(keys) / mean(wrong)


def test_het_goede_antwoord_is_zelden_het_langste():
    # With four options of similar length the right one is the longest about one time in four; 35 %
    # leaves room for an option that needs a qualifier, and is far from the 84 % a test-wise learner
    # could use before the rewrite.
    longest = _key_longest(EVERY)
    assert len(longest) <= 0.35 * len(_choices(EVERY)), longest


def test_het_goede_antwoord_is_ook_niet_meestal_het_kortste():
    shortest = _key_shortest(EVERY)  # rewriting must not turn the cue around
    assert len(shortest) <= 0.35 * len(_choices(EVERY)), shortest


def test_het_goede_antwoord_is_gemiddeld_even_lang_als_de_foute():
    # A right option may need a qualifier that a wrong one does not, so a small surplus is allowed:
    # 15 % of an option of 70 characters is about ten characters, too little to pick the key by.
    assert 0.85 <= _length_ratio(EVERY) <= 1.15


@pytest.mark.parametrize("chapter", NAMES)
def test_ook_per_hoofdstuk_verraadt_de_lengte_het_goede_antwoord_niet(chapter):
    items = BANKS[chapter]  # a chapter has 10 to 19 multiple-choice questions: looser bounds than the bank's
    assert len(_key_longest(items)) <= 0.5 * len(_choices(items)), _key_longest(items)
    assert len(_key_shortest(items)) <= 0.5 * len(_choices(items)), _key_shortest(items)
    assert 0.75 <= _length_ratio(items) <= 1.25


ABSOLUTE = re.compile(r"\b(nooit|altijd|alleen|uitsluitend|geen enkele?|helemaal (?:niet|geen|niets)|niets|niemand"
                      r"|alles|iedereen|volledig|onmogelijk|per definitie|zeker)\b", re.IGNORECASE)
"""Words that claim no exception. A learner who knows that such an option is usually wrong should gain
nothing from it."""


def _absolute_tells(item: dict) -> list[str]:
    """The options whose absolute words single them out: a wrong option with an absolute word the right
    one does not have, or a right option with one that no wrong option has."""
    def words(answer):
        return {word.lower() for word in ABSOLUTE.findall(answer["answer"])}

    key = next(words(a) for a in item["answers"] if a["correct"])
    wrong = [words(a) for a in item["answers"] if not a["correct"]]
    return ([a["answer"] for a in item["answers"] if not a["correct"] and words(a) - key]
            + ([f"(goed) {sorted(key - set().union(*wrong))}"] if key - set().union(*wrong) else []))


def test_geen_antwoord_valt_op_door_nooit_of_altijd():
    tells = {item["id"]: _absolute_tells(item) for item in _choices(EVERY) if _absolute_tells(item)}
    assert tells == {}


def test_de_regel_voor_absolute_woorden_vindt_een_weggever_aan_beide_kanten():
    def item(key, *wrong):
        return {"answers": [{"answer": key, "correct": True}, *({"answer": w, "correct": False} for w in wrong)]}

    assert _absolute_tells(item("Na ongeveer een uur", "Dat gebeurt nooit")) == ["Dat gebeurt nooit"]
    assert _absolute_tells(item("Vrijwel altijd sneller", "Altijd trager")) == []  # the key has it too
    assert _absolute_tells(item("Uitsluitend bij mannen", "Bij vrouwen")) == ["(goed) ['uitsluitend']"]
    assert _absolute_tells(item("Elke training telt mee", "Geen training telt mee")) == []


def test_elk_antwoord_legt_uit_waarom_het_goed_of_fout_is():
    short = [(item["id"], a["answer"]) for item in _choices(EVERY) for a in item["answers"]
             if len(a["feedback"].split()) < 8 or not a["feedback"].startswith("Goed." if a["correct"] else "Nee.")]
    assert short == []


def _share(items: list[dict], level: str) -> float:
    return sum(item["level"] == level for item in items) / len(items)


def test_hoogstens_een_kwart_van_de_vragen_vraagt_om_kennis():
    assert _share(EVERY, "kennis") <= 0.25


@pytest.mark.parametrize("chapter", NAMES)
def test_ook_per_hoofdstuk_vraagt_hoogstens_een_derde_om_kennis(chapter):
    assert _share(BANKS[chapter], "kennis") <= 0.35


STUDY = re.compile(r"[A-ZÀ-Ý][\w-]+(?: e\.a\.| (?:en|&) [A-ZÀ-Ý][\w-]+)? \(\d{4}\)"  # Kraemer e.a. (1991)
                   r"|\([A-ZÀ-Ý][\w-]+(?: e\.a\.| (?:en|&) [A-ZÀ-Ý][\w-]+)?, \d{4}\)"  # (Wall e.a., 2014)
                   r"|\b[A-ZÀ-Ý][\w-]+ e\.a\."                                      # Verdijk e.a.
                   r"|\b[\w-]+-studie\b|\b(?:de|die|deze) studie\b"                    # de SWAN-studie
                   r"|\b(?:studie|studies|meta-analyse|review|onderzoek) van\b")      # de meta-analyse van
FOUND = re.compile(r"\b(?:vond|vonden|zag|zagen|maten|mat|toonde|toonden|concludeerde|concludeerden|ontdekte"
                   r"|ontdekten|gebeurde|veranderde|veranderden|piekte|steeg|stegen|daalde|daalden|verlaagde"
                   r"|verhoogde|gaf|gaven|leed)\b", re.IGNORECASE)
WHICH = re.compile(r"\b(?:welke (?:studie|studies|onderzoeker|onderzoekers|auteur|auteurs|meta-analyse)"
                   r"|welk onderzoek|wie (?:vond|vonden|ontdekte))\b", re.IGNORECASE)
REPORT = re.compile(r"^(?:Beschrijf|Noem|Geef|Vertel|Zeg)\b")


def asks_what_a_study_found(question: str) -> bool:
    """Whether a question asks what a named study found (a recall question, however it is dressed up):
    a sentence that asks which study or author found something; or, when the question names a study, a
    sentence that asks (ends in ?) or has the learner report (Beschrijf, Noem, ...) what was found, or
    what holds according to it."""
    sentences = re.split(r"(?<=[.?!:])\s+(?=[A-Z\"'])", " ".join(question.split()))
    names_study = bool(STUDY.search(question))
    return any(WHICH.search(sentence)
               or names_study and (sentence.endswith("?") or REPORT.match(sentence))
               and (FOUND.search(sentence) or (re.search(r"\bvolgens\b", sentence) and STUDY.search(sentence)))
               for sentence in sentences)


def test_een_vraag_naar_wat_een_studie_vond_heet_een_kennisvraag():
    asking = [item["id"] for item in EVERY if asks_what_a_study_found(item["question"]) and item["level"] != "kennis"]
    assert asking == []


@pytest.mark.parametrize("question, recall", [
    ("Wat vonden West e.a. (2010) na 15 weken?", True),
    ("Wat vond de LIFTMOR-studie bij vrouwen na de menopauze?", True),
    ("Welke studie liet zien dat de piek de groei niet voorspelt?", True),
    ("Wanneer piekte het PGC-1α-mRNA bij Pilegaard e.a. (2003)?", True),
    ("Wojtaszewski e.a. (2000) lieten mensen fietsen op 50 of 75%. Wat gebeurde er met AMPK?", True),
    ("Beschrijf wat Hickson (1980) en Wilson e.a. (2012) vonden, en wat je de cliënt antwoordt.", True),
    ("In welke periode verliezen vrouwen volgens de SWAN-studie het snelst bot?", True),
    ("West e.a. (2010) vonden geen verschil tussen de armen. Wat betekent dat voor je cliënt?", False),
    ("Gezonde jonge mannen hadden 14 dagen één been in het gips (Wall e.a., 2014). Wat gebeurde er?", True),
    ("Wat vonden Verdijk e.a. bij oudere mannen?", True),
    ("Wat zeg je haar, op grond van de LIFTMOR-studie?", False),
    ("Welke aanpassing heeft volgens het onderzoek de grootste kans op meer groei?", False),
    ("Waarom kun je met hun resultaten niet zeggen dat trainen je cortisol verlaagt?", False),
])
def test_de_herkenning_van_een_vraag_naar_een_studie(question, recall):
    assert asks_what_a_study_found(question) is recall


OPEN = [item for item in EVERY if item["type"] == "open"]


@pytest.mark.parametrize("item", OPEN, ids=[item["id"] for item in OPEN])
def test_elke_open_vraag_heeft_een_beoordelingsschema_in_de_antwoordsleutel(item):
    rubric = item["rubric"]
    assert len(rubric["criteria"]) >= 2 and sum(c["points"] for c in rubric["criteria"]) == rubric["maximum"]
    chapter = next(name for name, items in BANKS.items() if item in items)
    key = bank.antwoordsleutel(chapter)
    block = key[key.index(bank.question_text(item).replace("\n\n", " ")):]
    block = block[:block.find("\n\n") if "\n\n" in block else None]  # this question's part of the key
    lines = block.splitlines()
    answer = lines.index(f"  - **Antwoord:** {item['model_answer']}")
    assert lines[answer + 1] == f"  - **Beoordeling (maximaal {bank.points(rubric['maximum'])}):**"
    assert lines[answer + 2:] == [f"    - {bank.points(c['points'])}: {c['criterion']}" for c in rubric["criteria"]]
