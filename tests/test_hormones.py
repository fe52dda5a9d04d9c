"""edu.hormones against the studies it is calibrated to, its invariants and its input checks."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from edu import InputError, datasets, hormones
from edu.hormones import PROTOCOLS, acute_response, peaks

MALE, FEMALE = dict(sex="male"), dict(sex="female")
T = np.linspace(-300, 300, 601)


def ranges():
    return {(r["hormone"], r["sex"]): r for r in datasets.load("resting_ranges")}


# -- resting values ------------------------------------------------------------------------
@pytest.mark.parametrize("sex", ["male", "female"])
def test_rustwaarden_liggen_in_het_gepubliceerde_bereik(sex):
    rest = acute_response(-1440, sex=sex)
    for hormone in ("testosterone", "cortisol"):
        r = ranges()[(hormone, sex)]
        assert r["low"] <= float(getattr(rest, hormone)) <= r["high"]


def test_testosteron_in_rust_is_bij_mannen_meer_dan_15_keer_hoger():
    """Handelsman e.a. 2018: circulating testosterone > 15-fold higher in men."""
    ratio = acute_response(-1440, **MALE).testosterone / acute_response(-1440, **FEMALE).testosterone
    assert ratio > 15


def test_groeihormoon_in_rust_is_bij_vrouwen_hoger():
    """Häkkinen & Pakarinen 1995: 3,6 (young women) vs 0,1 µg/L (young men)."""
    rows = {(r["sex"], r["moment"]): r for r in datasets.load("hakkinen1995_gh")}
    for sex in ("male", "female"):
        rest = float(acute_response(-1440, sex=sex).growth_hormone)
        measured = rows[(sex, "before")]
        assert abs(rest - measured["growth_hormone_ug_l"]) <= measured["sd_ug_l"]


# -- calibration to Häkkinen & Pakarinen 1995 -----------------------------------------------
@pytest.mark.parametrize("sex", ["male", "female"])
def test_groeihormoonpiek_ligt_binnen_een_sd_van_hakkinen_1995(sex):
    measured = next(r for r in datasets.load("hakkinen1995_gh")
                    if r["sex"] == sex and r["moment"] == "after")
    model = peaks(**PROTOCOLS["hakkinen1995"], sex=sex)["growth_hormone"].peak
    assert abs(model - measured["growth_hormone_ug_l"]) <= measured["sd_ug_l"]


def test_groeihormoonpiek_is_bij_jonge_mannen_groter_dan_bij_vrouwen():
    """Häkkinen & Pakarinen 1995: peak 21,2 (men) vs 11,7 µg/L (women)."""
    m = peaks(**PROTOCOLS["hakkinen1995"], **MALE)["growth_hormone"]
    f = peaks(**PROTOCOLS["hakkinen1995"], **FEMALE)["growth_hormone"]
    assert m.peak - m.rest > f.peak - f.rest


# -- time course (Kraemer & Ratamess 2005) ------------------------------------------------------
@pytest.mark.parametrize("hormone", hormones.HORMONES)
def test_piek_rond_het_einde_en_binnen_ongeveer_een_uur_terug(hormone):
    p = peaks(**MALE)[hormone]
    assert 0 <= p.peak_t_min <= 15
    assert 15 <= p.recovery_t_min <= 70


def test_groeihormoon_en_testosteron_blijven_15_min_na_afloop_verhoogd():
    r = acute_response(15.0, **MALE)
    rest = acute_response(-1440, **MALE)
    assert r.growth_hormone > rest.growth_hormone + 0.3 * (peaks()["growth_hormone"].peak - rest.growth_hormone)
    assert r.testosterone > rest.testosterone * 1.03


def test_stijging_tijdens_de_training():
    r = acute_response(np.array([-1440.0, -10.0, 0.0]), **MALE)
    for hormone in hormones.HORMONES:
        y = getattr(r, hormone)
        assert y[0] < y[1] < y[2] * 1.001


def test_lang_voor_en_lang_na_de_training_rustwaarde():
    r = acute_response(np.array([-1440.0, 1440.0]), **MALE)
    for hormone in hormones.HORMONES:
        y = getattr(r, hormone)
        assert_allclose(y[1], y[0], rtol=1e-6)


# -- effects of the session ------------------------------------------------------------------
def rise(hormone, **session):
    p = peaks(**session)[hormone]
    return p.peak - p.rest


@pytest.mark.parametrize("sex", ["male", "female"])
def test_kraemer_1991_10rm_korte_rust_geeft_meer_groeihormoon_dan_5rm_lange_rust(sex):
    p2 = rise("growth_hormone", **PROTOCOLS["kraemer1991_p2"], sex=sex)
    p1 = rise("growth_hormone", **PROTOCOLS["kraemer1991_p1"], sex=sex)
    assert p2 > 1.5 * p1


def test_testosteron_stijgt_bij_mannen_niet_duidelijk_bij_vrouwen():
    """Kraemer e.a. 1991; Häkkinen & Pakarinen 1995; Vingren e.a. 2010."""
    assert peaks(**MALE)["testosterone"].rise_pct > 10
    assert peaks(**FEMALE)["testosterone"].rise_pct < 5


@pytest.mark.parametrize("hormone", ["growth_hormone", "cortisol"])
def test_meer_sets_tot_op_zekere_hoogte(hormone):
    """Smilios e.a. 2003: 4 sets > 2 sets; 6 sets hardly more than 4 (10 reps, 75%, 2 min)."""
    base = dict(exercises=4, reps=10, load_pct_1rm=75, rest_s=120)
    two, four, six = (rise(hormone, sets=n, **base) for n in (2, 4, 6))
    assert four > 1.1 * two
    assert six - four < four - two


@pytest.mark.parametrize("hormone", ["growth_hormone", "cortisol"])
def test_geforceerde_herhalingen_vergroten_de_respons(hormone):
    """Ahtiainen e.a. 2003: larger GH (p < 0,01) and cortisol (p < 0,05) response."""
    assert rise(hormone, forced_reps=True) > 1.2 * rise(hormone)


def test_rust_midden_in_de_set_dempt_groeihormoon():
    """Goto e.a. 2005: 30 s rest at mid-set: no clear GH rise."""
    assert rise("growth_hormone", intra_set_rest_s=30) < 0.5 * rise("growth_hormone")


def test_alleen_armen_geeft_nauwelijks_een_stijging():
    """Hansen e.a. 2001; West e.a. 2010: no significant systemic rise after arm work alone."""
    for hormone in hormones.HORMONES:
        assert rise(hormone, muscle_mass="small") < 0.25 * rise(hormone)


@given(rest=st.floats(0, 590), extra=st.floats(1, 10))
def test_langere_rust_nooit_meer_groeihormoon(rest, extra):
    assert rise("growth_hormone", rest_s=rest + extra) <= rise("growth_hormone", rest_s=rest) + 1e-9


# -- the whole valid range -------------------------------------------------------------------
sessions = st.fixed_dictionaries(dict(
    sex=st.sampled_from(["male", "female"]),
    exercises=st.integers(1, 12), sets=st.integers(1, 10), reps=st.integers(1, 30),
    load_pct_1rm=st.floats(30, 100), rest_s=st.floats(0, 600),
    muscle_mass=st.sampled_from(["small", "large"]), forced_reps=st.booleans(),
    intra_set_rest_s=st.floats(0, 120)))


@settings(max_examples=200, deadline=None)
@given(session=sessions, t=st.lists(st.floats(-1440, 1440), min_size=1, max_size=20))
def test_overal_in_het_geldige_bereik_eindig_en_nooit_onder_rust(session, t):
    r = acute_response(np.array(t), **session)
    rest = acute_response(-1440, **session)
    assert r.session_min > 0
    for hormone in hormones.HORMONES:
        y = getattr(r, hormone)
        assert y.shape == (len(t),)
        assert np.all(np.isfinite(y))
        assert np.all(y >= getattr(rest, hormone) - 1e-9)


@settings(max_examples=50, deadline=None)
@given(session=sessions)
def test_piek_is_het_maximum_van_de_curve(session):
    p = peaks(**session)
    curve = acute_response(T, **session)
    for hormone in hormones.HORMONES:
        assert np.max(getattr(curve, hormone)) <= p[hormone].peak * (1 + 1e-9)


def test_scalar_in_scalar_uit_en_array_in_array_uit():
    assert acute_response(0.0).testosterone.shape == ()
    assert acute_response([0.0, 1.0]).cortisol.shape == (2,)


def test_sessieduur_van_kraemer_p2():
    """24 sets of 10 reps at 3 s per rep with 23 rests of 60 s: 35 minutes."""
    assert_allclose(acute_response(0, **PROTOCOLS["kraemer1991_p2"]).session_min, 35.0)


# -- bad input --------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, fragment", [
    (dict(load_pct_1rm=150), "belasting (load_pct_1rm): 150 % 1RM. Kies een waarde tussen 30 en 100 % 1RM."),
    (dict(rest_s=-5), "rustpauze (rest_s): -5 s. Kies een waarde tussen 0 en 600 s."),
    (dict(sex="x"), "geslacht (sex): 'x'. Kies uit"),
    (dict(sets=float("nan")), "sets per oefening (sets): geen getal (NaN)"),
    (dict(reps="tien"), "herhalingen per set (reps): 'tien' is geen getal"),
    (dict(reps=2.5), "Kies een geheel getal tussen 1 en 30"),
    (dict(muscle_mass="benen"), "spiermassa (muscle_mass): 'benen'"),
    (dict(forced_reps="ja"), "geforceerde herhalingen (forced_reps): 'ja'"),
    (dict(intra_set_rest_s=500), "rust midden in de set (intra_set_rest_s): 500 s"),
])
def test_ongeldige_invoer_geeft_een_nederlandse_melding(kwargs, fragment):
    with pytest.raises(InputError) as err:
        acute_response(0.0, **kwargs)
    assert fragment in str(err.value)


def test_ongeldige_tijd():
    with pytest.raises(InputError, match=r"tijd na de training \(t_min\): 2000 min"):
        acute_response([0, 2000])


def test_meetgegevens_noemen_hun_bron():
    for name in ("hakkinen1995_gh", "resting_ranges"):
        assert "source" in datasets.source(name)
        assert datasets.load(name)
