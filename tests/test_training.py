"""edu.training: the published 1RM formulas, the growth curve against its studies, the guideline."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from edu import InputError, datasets, training
from edu.training import INPUTS, growth_relative_to_heavy_pct, hypertrophy_gain_pct, load_for_reps, one_rm


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


@pytest.mark.parametrize("reps, formula", [(13, "brzycki"), (37, "brzycki"), (16, "epley"), (0, "epley"),
                                           (2.5, "epley")])
def test_herhalingen_buiten_het_bereik_van_de_formule(reps, formula):
    with pytest.raises(InputError, match=r"herhalingen .*\(reps\).*Kies een geheel getal tussen 1 en"):
        one_rm(100, reps, formula)


def test_onbekende_formule_krijgt_een_nederlandse_melding():
    with pytest.raises(InputError, match=r'formule \(formula\): .lander.. Kies uit "epley"'):
        one_rm(100, 5, "lander")


# -- growth: Schoenfeld 2017 and Pelland 2024 (volume), Lasevicius 2018 (load), Robinson 2024 and Refalo 2023 (RIR)
def test_groei_volgt_de_volumecategorieen_van_schoenfeld_2017():
    for row in datasets.load("schoenfeld2017_volume"):
        assert hypertrophy_gain_pct(row["sets_typical"]) == pytest.approx(row["gain_pct"], abs=0.5)


def test_groei_per_extra_set_rond_tien_sets_is_van_de_orde_van_de_meta_regressie():
    """Schoenfeld 2017: +0.37% per weekly set (linear); the curve with diminishing returns gives 0.15-0.4%."""
    slope = hypertrophy_gain_pct(11) - hypertrophy_gain_pct(10)
    assert 0.15 <= slope <= 0.4


def test_meer_sets_blijft_iets_opleveren_zonder_plafond_zoals_pelland_2024():
    """Pelland 2024: growth rises with weekly sets with diminishing returns and no identified upper limit."""
    gains = hypertrophy_gain_pct(np.arange(0.0, 41.0))
    steps = np.diff(gains)
    assert np.all(steps > 0) and np.all(np.diff(steps) < 0)
    assert steps[-1] > 0.05  # set 40 still adds something, not a plateau


@pytest.mark.parametrize("load", [30, 75, 100])
def test_bij_40_sets_per_week_plausibel(load):
    """Bounds for 12 weeks at 40 weekly sets to failure: at least Schoenfeld 2017's 10+ category (9.8%; more
    sets do not give less) and at most Lasevicius 2018's largest 12-week group mean (20.5%)."""
    low = max(r["gain_pct"] for r in datasets.load("schoenfeld2017_volume"))
    high = max(r["vl_csa_pct"] for r in datasets.load("lasevicius2018"))
    assert low <= hypertrophy_gain_pct(40, load_pct_1rm=load, weeks=12) <= high


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


@settings(max_examples=50, deadline=None)
@given(load=st.floats(20, 100), sets=st.floats(1, 40), weeks=st.floats(1, 52), rir=st.floats(0, 5))
def test_groei_ten_opzichte_van_zwaar_is_de_verhouding_van_de_groeicurve(load, sets, weeks, rir):
    """The same at any volume, duration and proximity to failure."""
    kwargs = dict(weeks=weeks, reps_in_reserve=rir)
    heavy = hypertrophy_gain_pct(sets, load_pct_1rm=100, **kwargs)
    ratio = hypertrophy_gain_pct(sets, load_pct_1rm=load, **kwargs) / heavy
    assert growth_relative_to_heavy_pct(load) == pytest.approx(100 * ratio)


def test_groei_ten_opzichte_van_zwaar_volgt_de_metingen_van_lasevicius_2018():
    """Lasevicius 2018: 20% 1RM gave less than half the growth of 40-80% 1RM, which grew alike (within 10
    percentage points here)."""
    measured = training.measured_relative_to_heavy_pct()
    assert measured[20] == pytest.approx(100 * 8.9 / np.mean([20.5, 20.4, 19.5]))
    for load, pct in measured.items():
        assert growth_relative_to_heavy_pct(load) == pytest.approx(pct, abs=10)
    assert growth_relative_to_heavy_pct(20) < 60 < 90 < growth_relative_to_heavy_pct(40)


def test_een_tot_drie_herhalingen_in_reserve_kost_weinig_zoals_refalo_2023():
    """Refalo 2023: failure versus non-failure, a trivial difference (ES 0.19); here 1-3 RIR keep at least 85%."""
    factors = training.proximity_factor(np.array([1.0, 2.0, 3.0]))
    assert np.all((0.85 <= factors) & (factors < 1))
    assert training.proximity_factor(0) == 1


def test_groei_daalt_verder_van_falen_zoals_robinson_2024():
    """Robinson 2024: hypertrophy falls as sets end further from failure; sets 5 short still make muscle grow
    (bound: at least 60% of the growth to failure, as 5 RIR sets are still hard sets)."""
    factors = training.proximity_factor(np.arange(0.0, INPUTS["reps_in_reserve"].hi + 1))
    assert np.all(np.diff(factors) < 0)
    assert factors[-1] >= 0.6
    assert hypertrophy_gain_pct(12, reps_in_reserve=2) == pytest.approx(
        hypertrophy_gain_pct(12) * training.proximity_factor(2))


GRID = dict(s=[0, 1, 10, 20, 40], load=[20, 40, 75, 100], weeks=[0, 1, 12, 52], rir=[0, 2.5, 5])


def test_groei_plausibel_op_elk_punt_van_het_bereik():
    """Bounds over the whole valid range: 0 without training; at 12 weeks at most Lasevicius 2018's largest
    group mean (20.5%); growth does not speed up with time (52 weeks at most 52/12 times 12 weeks); a year's
    average stays below 40%, about the 16-week fibre growth of only the strongest responders (Thalacker-Mercer
    2013: +2,475 µm² on ~6,000 µm²)."""
    s, load, weeks, rir = np.meshgrid(*GRID.values(), indexing="ij")
    g = hypertrophy_gain_pct(s, load_pct_1rm=load, weeks=weeks, reps_in_reserve=rir)
    assert np.all(g >= 0) and np.all(g[GRID["s"].index(0)] == 0) and np.all(g < 40)
    at_12 = g[:, :, GRID["weeks"].index(12)]
    assert np.all(at_12 <= 20.5)
    assert np.all(g[:, :, GRID["weeks"].index(52)] <= 52 / 12 * at_12 + 1e-12)


@settings(max_examples=200, deadline=None)
@given(s=st.floats(0, 40), load=st.floats(20, 100), weeks=st.floats(0, 52), rir=st.floats(0, 5),
       ds=st.floats(0, 5))
def test_groei_is_begrensd_en_stijgt_met_volume_duur_belasting_en_nabijheid_van_falen(s, load, weeks, rir, ds):
    kwargs = dict(load_pct_1rm=load, weeks=weeks, reps_in_reserve=rir)
    g = hypertrophy_gain_pct(s, **kwargs)
    assert 0 <= g < 40
    floor = g - 1e-12  # rounding
    assert hypertrophy_gain_pct(min(s + ds, 40), **kwargs) >= floor
    assert hypertrophy_gain_pct(s, **kwargs | {"load_pct_1rm": min(load + 5, 100)}) >= floor
    assert hypertrophy_gain_pct(s, **kwargs | {"weeks": min(weeks + 1, 52)}) >= floor
    assert hypertrophy_gain_pct(s, **kwargs | {"reps_in_reserve": max(rir - 1, 0)}) >= floor


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(weekly_sets=-1), r"sets per spiergroep per week \(weekly_sets\): −1\. Kies een waarde tussen 0 en 40"),
    (dict(weekly_sets=10, load_pct_1rm=10),
     r"belasting \(load_pct_1rm\): 10 % 1RM\. Kies een waarde tussen 20 en 100 % 1RM"),
    (dict(weekly_sets=10, weeks=60), r"duur van het programma \(weeks\): 60 weken"),
    (dict(weekly_sets=10, reps_in_reserve=8),
     r"herhalingen in reserve \(reps_in_reserve\): 8\. Kies een waarde tussen 0 en 5"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(kwargs, fragment):
    with pytest.raises(InputError, match=fragment):
        hypertrophy_gain_pct(**kwargs)


# -- the guideline ------------------------------------------------------------------------------
def test_richtlijn_beoordeelt_elk_programmaonderdeel():
    checks = training.guideline_check(load_pct_1rm=50, reps=10, reps_in_reserve=4, weekly_sets=24, rest_s=60,
                                      sessions_per_week=1)
    assert {k: c.status for k, c in checks.items()} == dict(
        load_pct_1rm="low", reps="ok", reps_in_reserve="high", weekly_sets="high", rest_s="ok",
        sessions_per_week="low")


@pytest.mark.parametrize("rest_s, status", [(30, "low"), (60, "ok"), (120, "ok"), (180, "ok"), (240, "high")])
def test_rust_van_een_tot_drie_minuten_past_in_de_richtlijn(rest_s, status):
    """Schoenfeld 2016: 3 min gave more growth than 1 min; Singer 2024: > 60 s favoured, little gain beyond ~90 s."""
    assert training.guideline_check(rest_s=rest_s)["rest_s"].status == status


def test_richtlijn_kent_alleen_eigen_variabelen():
    with pytest.raises(InputError, match="Onbekende programmavariabele 'tempo'"):
        training.guideline_check(tempo=3)


def test_richtlijn_toetst_een_getal_per_variabele_met_de_declaratie():
    with pytest.raises(InputError, match=r"rust tussen sets \(rest_s\): 700 s\. Kies een waarde tussen 0 en 600 s"):
        training.guideline_check(rest_s=700)
    with pytest.raises(InputError, match=r"sets per spiergroep per week \(weekly_sets\): een rij van 2 getallen"):
        training.guideline_check(weekly_sets=[10, 12])

