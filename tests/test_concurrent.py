"""edu.concurrent against Wilson 2012, Schumann 2022, Robineau 2016 and Eddens 2018; the week planner."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError, datasets
from edu.concurrent import QUALITIES, relative_adaptation, week_inputs

STRENGTH = ("hypertrophy", "max_strength", "explosive_strength")
WILSON = dict(endurance_modality="running", endurance_sessions_per_week=5, endurance_minutes=45,
              hours_between=0)
"""Wilson 2012's pool: programmes with frequent running, often in the same session."""


def ratios(**kwargs):
    a = relative_adaptation(**kwargs)
    return {q: getattr(a, q) for q in QUALITIES}


def test_zonder_duurtraining_geen_interferentie():
    for hours in (0, 24):
        assert ratios(endurance_sessions_per_week=0, hours_between=hours) == dict.fromkeys(QUALITIES, 1.0)


def test_wilson_2012_kracht_alleen_tegen_gecombineerd():
    """Ratios of the concurrent to the strength-only effect sizes, within 0.06."""
    model = ratios(**WILSON)
    for row in datasets.load("wilson2012"):
        assert model[row["quality"]] == pytest.approx(
            row["concurrent_es"] / row["strength_only_es"], abs=0.06), row["quality"]
    assert min(model, key=model.get) == "explosive_strength"


def test_schumann_2022_nauwelijks_verlies_van_kracht_en_massa_wel_van_explosiviteit():
    """SMDs over Wilson 2012's strength-only effect sizes, within 0.05 (0.08 for power)."""
    es = {row["quality"]: row["strength_only_es"] for row in datasets.load("wilson2012")}
    same = ratios(hours_between=0)
    apart = ratios(hours_between=24)
    for row in datasets.load("schumann2022"):
        expected = 1 + row["smd"] / es[row["quality"]]
        tolerance = 0.08 if row["quality"] == "explosive_strength" else 0.05
        assert same[row["quality"]] == pytest.approx(expected, abs=tolerance), row["quality"]
    assert min(same, key=same.get) == "explosive_strength"
    assert apart["explosive_strength"] > 0.95  # mainly in the same session


@pytest.mark.parametrize("status", ["untrained", "trained"])
def test_spiermassa_en_maximale_kracht_lijden_nauwelijks_bij_gewone_combinatie(status):
    for hours in (6, 24):
        r = ratios(training_status=status, hours_between=hours)
        assert r["hypertrophy"] > 0.96 and r["max_strength"] > 0.96


def test_hardlopen_stoort_meer_dan_fietsen():
    for hours in (0, 24):
        run = ratios(endurance_modality="running", hours_between=hours)
        bike = ratios(endurance_modality="cycling", hours_between=hours)
        assert all(run[q] < bike[q] for q in STRENGTH)


def test_scheiding_helpt_atleten_zoals_robineau_2016():
    """0 h < 6 h ≈ 24 h for maximal strength, 0 h < 6 h < 24 h for VO2; the benefit is larger for athletes."""
    athlete = {h: ratios(training_status="athlete", hours_between=h) for h in (0, 6, 24)}
    assert athlete[0]["max_strength"] < athlete[6]["max_strength"] <= athlete[24]["max_strength"]
    assert athlete[24]["max_strength"] - athlete[6]["max_strength"] < 0.01
    gain = {s: ratios(training_status=s, hours_between=24)["explosive_strength"]
            - ratios(training_status=s, hours_between=0)["explosive_strength"]
            for s in ("untrained", "athlete")}
    assert gain["athlete"] > gain["untrained"] > 0.1
    vo2 = [ratios(training_status="athlete", hours_between=h)["vo2max"] for h in (0, 6, 24)]
    assert vo2[0] < vo2[1] < vo2[2]  # VO2peak rose most with 24 h between


def test_duur_eerst_schaadt_kracht_niet_massa_of_vo2max():
    """Eddens 2018: order matters for lower-body strength, not for hypertrophy or aerobic capacity."""
    first, after = ratios(hours_between=0), ratios(hours_between=0, strength_first=False)
    assert after["max_strength"] < first["max_strength"]
    assert after["explosive_strength"] < first["explosive_strength"]
    assert after["hypertrophy"] == first["hypertrophy"] and after["vo2max"] == first["vo2max"]


def test_vo2max_lijdt_nauwelijks():
    assert ratios(**WILSON)["vo2max"] > 0.95
    assert ratios(hours_between=24, endurance_sessions_per_week=7, endurance_minutes=120)["vo2max"] > 0.99


@settings(max_examples=80, deadline=None)
@given(status=st.sampled_from(["untrained", "trained", "athlete"]),
       modality=st.sampled_from(["running", "cycling"]), sessions=st.integers(0, 6),
       minutes=st.floats(0, 110), hours=st.floats(0, 72), first=st.booleans())
def test_meer_duurvolume_of_minder_rust_nooit_meer_winst(status, modality, sessions, minutes,
                                                          hours, first):
    base = dict(training_status=status, endurance_modality=modality, strength_first=first)
    now = ratios(**base, endurance_sessions_per_week=sessions, endurance_minutes=minutes,
                 hours_between=hours)
    for more in (dict(endurance_sessions_per_week=sessions + 1, endurance_minutes=minutes,
                      hours_between=hours),
                 dict(endurance_sessions_per_week=sessions, endurance_minutes=minutes + 10,
                      hours_between=hours),
                 dict(endurance_sessions_per_week=sessions, endurance_minutes=minutes,
                      hours_between=hours * 0.5)):
        worse = ratios(**base, **more)
        assert all(worse[q] <= now[q] + 1e-12 for q in QUALITIES)
    assert all(0.25 <= v <= 1 for v in now.values())


def test_weekplan_zelfde_sessie_gesplitst_en_aparte_dagen():
    rest = ["rest"] * 5
    assert week_inputs(["strength+endurance", "strength"] + rest) == dict(
        endurance_sessions_per_week=1, hours_between=0.0, strength_first=True)
    assert week_inputs(["endurance+strength", "rest"] + rest)["strength_first"] is False
    assert week_inputs(["strength/endurance", "rest"] + rest)["hours_between"] == 6.0
    assert week_inputs(["strength", "endurance"] + rest)["hours_between"] == 24.0
    # the week repeats: Sunday's endurance is 24 h before Monday's strength session
    sunday = week_inputs(["strength", "rest", "rest", "rest", "rest", "rest", "endurance"])
    assert sunday["hours_between"] == 24.0 and sunday["strength_first"] is False
    assert week_inputs(["strength"] * 3 + rest[:4])["hours_between"] == 72.0
    assert relative_adaptation(**week_inputs(["strength"] * 7)).max_strength == 1.0


@pytest.mark.parametrize("call, message", [
    (lambda: relative_adaptation(training_status="pro"), r"trainingsstatus \(training_status\): 'pro'\. Kies uit \"untrained\""),
    (lambda: relative_adaptation(endurance_modality="swimming"), r"soort duurtraining \(endurance_modality\)"),
    (lambda: relative_adaptation(endurance_sessions_per_week=2.5), r"duurtrainingen per week \(endurance_sessions_per_week\): 2,5\. Kies een geheel getal tussen 0 en 7"),
    (lambda: relative_adaptation(endurance_minutes=200), r"duur per duurtraining \(endurance_minutes\): 200 min\. Kies een waarde tussen 0 en 120 min"),
    (lambda: relative_adaptation(hours_between=-1), r"uren ertussen \(hours_between\): -1 uur"),
    (lambda: relative_adaptation(strength_first="ja"), r"kracht eerst \(strength_first\): 'ja'"),
    (lambda: week_inputs(["strength"] * 6), r"weekplan \(plan\).*Geef zeven dagen"),
    (lambda: week_inputs(["kracht"] * 7), r"weekplan \(plan\)"),
])
def test_foute_invoer_geeft_nederlandse_melding(call, message):
    with pytest.raises(InputError, match=message):
        call()
