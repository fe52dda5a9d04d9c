"""edu.training: the published 1RM formulas, the growth curve against its studies, the guideline."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from edu import InputError, datasets, training
from edu.training import hypertrophy_gain_pct, load_for_reps, one_rm


# -- the formulas exactly as published ---------------------------------------------------------
def test_epley_en_brzycki_zoals_gepubliceerd():
    assert one_rm(100, 10, "epley") == pytest.approx(100 * (1 + 10 / 30))
    assert one_rm(100, 5, "brzycki") == pytest.approx(100 * 36 / 32)


def test_epley_en_brzycki_zijn_gelijk_bij_10_herhalingen():
    """Brzycki 1993: 36/27 = 4/3 = 1 + 10/30."""
    assert one_rm(80, 10, "epley") == pytest.approx(one_rm(80, 10, "brzycki"))


def test_formules_werken_op_arrays():
    reps = np.arange(1, 13)
    assert_allclose(one_rm(60.0, reps, "brzycki"), 60 * 36 / (37 - reps))


@pytest.mark.parametrize("formula", ["epley", "brzycki"])
def test_formules_liggen_dicht_bij_de_nsca_tabel(formula):
    """Baechle & Earle 2008: the %1RM table; the formulas stay within 6 percentage points."""
    for row in datasets.load("nsca_pct_1rm"):
        if row["reps"] <= training.MAX_REPS[formula]:
            assert abs(load_for_reps(100, int(row["reps"]), formula) - row["pct_1rm"]) <= 6


@settings(max_examples=200, deadline=None)
@given(w=st.floats(1, 500), formula=st.sampled_from(["epley", "brzycki"]), data=st.data())
def test_load_for_reps_is_de_exacte_inverse_van_one_rm(w, formula, data):
    r = data.draw(st.integers(1, training.MAX_REPS[formula]))
    m = one_rm(w, r, formula)
    if m <= 600:
        assert load_for_reps(m, r, formula) == pytest.approx(w, rel=1e-12)


@pytest.mark.parametrize("formula", ["epley", "brzycki"])
def test_meer_herhalingen_betekent_een_lichter_gewicht(formula):
    loads = load_for_reps(100, np.arange(1, training.MAX_REPS[formula] + 1), formula)
    assert np.all(np.diff(loads) < 0)


@pytest.mark.parametrize("reps, formula", [(13, "brzycki"), (37, "brzycki"), (16, "epley"), (0, "epley"), (2.5, "epley")])
def test_herhalingen_buiten_het_bereik_van_de_formule(reps, formula):
    with pytest.raises(InputError, match=r"herhalingen .*\(reps\).*Kies een geheel getal tussen 1 en"):
        one_rm(100, reps, formula)


def test_onbekende_formule_krijgt_een_nederlandse_melding():
    with pytest.raises(InputError, match=r'formule \(formula\): .lander.. Kies uit "epley"'):
        one_rm(100, 5, "lander")


# -- growth: Schoenfeld 2017 (volume) and Lasevicius 2018 (load) -------------------------------------
def test_groei_volgt_de_volumecategorieen_van_schoenfeld_2017():
    for row in datasets.load("schoenfeld2017_volume"):
        assert hypertrophy_gain_pct(row["sets_typical"]) == pytest.approx(row["gain_pct"], abs=0.5)


def test_groei_per_extra_set_rond_tien_sets_is_van_de_orde_van_de_meta_regressie():
    """Schoenfeld 2017: +0.37% per weekly set (linear); the saturating curve gives 0.15-0.4%."""
    slope = hypertrophy_gain_pct(11) - hypertrophy_gain_pct(10)
    assert 0.15 <= slope <= 0.4


def test_zonder_training_geen_groei():
    assert hypertrophy_gain_pct(0) == 0
    assert hypertrophy_gain_pct(12, weeks=0) == 0


def test_belasting_van_40_tot_80_procent_geeft_vergelijkbare_groei():
    """Lasevicius 2018: 20.5, 20.4, 19.5% at 40, 60, 80% 1RM; within 5% of each other here."""
    gains = hypertrophy_gain_pct(12, load_pct_1rm=np.array([40, 60, 80]))
    assert gains.max() / gains.min() < 1.05


def test_bij_20_procent_1rm_veel_minder_groei_zoals_lasevicius_2018():
    rows = {r["load_pct_1rm"]: r["vl_csa_pct"] for r in datasets.load("lasevicius2018")}
    measured = rows[20] / rows[80]
    model = hypertrophy_gain_pct(12, load_pct_1rm=20) / hypertrophy_gain_pct(12, load_pct_1rm=80)
    assert model == pytest.approx(measured, abs=0.1)


@settings(max_examples=200, deadline=None)
@given(s=st.floats(0, 40), load=st.floats(20, 100), weeks=st.floats(0, 52), ds=st.floats(0, 5))
def test_groei_is_begrensd_en_stijgt_met_volume_duur_en_belasting(s, load, weeks, ds):
    g = hypertrophy_gain_pct(s, load_pct_1rm=load, weeks=weeks)
    assert 0 <= g < 40
    floor = g - 1e-12  # rounding
    assert hypertrophy_gain_pct(min(s + ds, 40), load_pct_1rm=load, weeks=weeks) >= floor
    assert hypertrophy_gain_pct(s, load_pct_1rm=min(load + 5, 100), weeks=weeks) >= floor
    assert hypertrophy_gain_pct(s, load_pct_1rm=load, weeks=min(weeks + 1, 52)) >= floor


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(weekly_sets=-1), r"sets per week \(weekly_sets\): -1\. Kies een waarde tussen 0 en 40"),
    (dict(weekly_sets=10, load_pct_1rm=10), r"belasting \(load_pct_1rm\): 10 % 1RM\. Kies een waarde tussen 20 en 100 % 1RM"),
    (dict(weekly_sets=10, weeks=60), r"duur \(weeks\): 60 weken"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(kwargs, fragment):
    with pytest.raises(InputError, match=fragment):
        hypertrophy_gain_pct(**kwargs)


# -- the guideline ------------------------------------------------------------------------------
def test_richtlijn_beoordeelt_elk_programmaonderdeel():
    checks = training.guideline_check(load_pct_1rm=50, reps=10, weekly_sets=24, rest_s=60, sessions_per_week=1)
    assert {k: c.status for k, c in checks.items()} == dict(
        load_pct_1rm="low", reps="ok", weekly_sets="high", rest_s="ok", sessions_per_week="low")


def test_richtlijn_kent_alleen_eigen_variabelen():
    with pytest.raises(InputError, match="Onbekende programmavariabele 'tempo'"):
        training.guideline_check(tempo=3)
