"""edu.hormones against the studies it is calibrated to, its invariants and its input checks."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from edu import InputError, datasets, hormones, training
from edu.hormones import INPUTS, PROTOCOLS, acute_response, peaks, session_duration_min

MALE, FEMALE = dict(sex="male"), dict(sex="female")
T = np.linspace(-300, 300, 601)


def ranges():
    return {(r["hormone"], r["sex"]): r for r in datasets.load("resting_ranges")}


def hakkinen(sex, moment):
    return next(r for r in datasets.load("hakkinen1995_gh") if r["sex"] == sex and r["moment"] == moment)


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
    for sex in ("male", "female"):
        rest = float(acute_response(-1440, sex=sex).growth_hormone)
        measured = hakkinen(sex, "before")
        assert abs(rest - measured["growth_hormone_ug_l"]) <= measured["sd_ug_l"]


# -- calibration to Häkkinen & Pakarinen 1995 -----------------------------------------------
@pytest.mark.parametrize("sex", ["male", "female"])
def test_groeihormoonpiek_ligt_binnen_een_sd_van_hakkinen_1995(sex):
    measured = hakkinen(sex, "after")
    model = peaks(**PROTOCOLS["hakkinen1995"], sex=sex)["growth_hormone"].peak
    assert abs(model - measured["growth_hormone_ug_l"]) <= measured["sd_ug_l"]


def test_groeihormoonpiek_is_bij_jonge_mannen_groter_dan_bij_vrouwen():
    """Häkkinen & Pakarinen 1995: peak 21,2 (men) vs 11,7 µg/L (women)."""
    m = peaks(**PROTOCOLS["hakkinen1995"], **MALE)["growth_hormone"]
    f = peaks(**PROTOCOLS["hakkinen1995"], **FEMALE)["growth_hormone"]
    assert m.peak - m.rest > f.peak - f.rest


# -- time course -------------------------------------------------------------------------------
def rise_at(hormone, t, **session):
    """Rise above rest at ``t`` min after the session."""
    r = acute_response(np.asarray(t, dtype=float), **session)
    return getattr(r, hormone) - getattr(acute_response(-1440, **session), hormone)


@pytest.mark.parametrize("hormone, half_life_min", [
    ("growth_hormone", 23.0),  # Holl e.a. 1993: endogenous GH in young men, morning, 23 ± 1,1 min
    ("cortisol", 66.0),  # Holland-Frei Cancer Medicine 2003: plasma half-life at normal levels
])
def test_na_de_piek_daalt_de_stijging_met_de_gemeten_halfwaardetijd(hormone, half_life_min):
    later = np.array([60.0, 120.0])
    ratio = rise_at(hormone, later + half_life_min) / rise_at(hormone, later)
    assert_allclose(ratio, 0.5, rtol=0.01)


@pytest.mark.parametrize("hormone", ["testosterone", "growth_hormone"])
def test_testosteron_en_groeihormoon_pieken_rond_het_einde_en_zijn_binnen_anderhalf_uur_terug(hormone):
    """Kraemer & Ratamess 2005: raised for 15-30 min after the session, then back."""
    p = peaks(**MALE)[hormone]
    assert 0 <= p.peak_t_min <= 15
    assert 30 <= p.recovery_t_min <= 90


@pytest.mark.parametrize("hormone", ["testosterone", "growth_hormone"])
def test_testosteron_en_groeihormoon_zijn_30_min_na_afloop_nog_verhoogd(hormone):
    """West e.a. 2010: both significantly raised immediately, 15 and 30 min after the session."""
    top = peaks(**MALE)[hormone]
    assert rise_at(hormone, 30.0, **MALE) > 0.2 * (top.peak - top.rest)


def test_cortisol_is_binnen_een_tot_enkele_uren_terug_niet_binnen_een_uur():
    """Holland-Frei 2003 (half-life 66 min); Szivak e.a. 2013: still raised 60 min after."""
    half = peaks(recovery_fraction=0.5, **MALE)["cortisol"]
    nearly = peaks(**MALE)["cortisol"]
    assert 60 <= half.recovery_t_min <= 120
    assert 120 <= nearly.recovery_t_min <= 300
    assert rise_at("cortisol", 60.0) > 0.25 * (nearly.peak - nearly.rest)


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


# -- repetitions and load ------------------------------------------------------------------------
def test_zonder_belasting_is_elke_set_het_herhalingsmaximum_van_epley():
    for reps in range(2, INPUTS["reps"].hi + 1):
        assert_allclose(acute_response(0.0, reps=reps).load_pct_1rm, training.load_for_reps(100.0, reps))
    assert acute_response(0.0, reps=1).load_pct_1rm == 100.0  # a 1RM is lifted once, by definition


@pytest.mark.parametrize("reps, table_pct", [(5, 87), (10, 75), (15, 65)])
def test_herhalingsmaximum_ligt_dicht_bij_de_nsca_tabel(reps, table_pct):
    """Baechle & Earle 2008 (nsca_pct_1rm.csv): 5RM 87%, 10RM 75%, 15RM 65%."""
    assert_allclose(acute_response(0.0, reps=reps).load_pct_1rm, table_pct, atol=2)


def test_dertig_herhalingen_op_de_1rm_kan_niet():
    with pytest.raises(InputError, match=r"herhalingen per set \(reps\): 30\. Kies een geheel getal tussen 1 en 15"):
        acute_response(0.0, reps=30, load_pct_1rm=100)
    with pytest.raises(InputError) as err:
        acute_response(0.0, reps=15, load_pct_1rm=100)
    assert ("belasting bij 15 herhalingen per set (load_pct_1rm): 100 % 1RM. "
            "Kies een waarde tussen 30 en 66,67 % 1RM.") in str(err.value)


def test_een_herhaling_op_de_1rm_kan_wel_twee_niet():
    assert acute_response(0.0, reps=1, load_pct_1rm=100).load_pct_1rm == 100
    with pytest.raises(InputError, match="belasting bij 2 herhalingen per set"):
        acute_response(0.0, reps=2, load_pct_1rm=100)


@settings(max_examples=100, deadline=None)
@given(reps=st.integers(1, 15), load=st.floats(30, 100))
def test_een_set_kan_alleen_als_de_belasting_het_aantal_herhalingen_toelaat(reps, load):
    top = 100.0 if reps == 1 else training.load_for_reps(100.0, reps)
    if load <= top:
        assert acute_response(0.0, reps=reps, load_pct_1rm=load).load_pct_1rm == load
    else:
        with pytest.raises(InputError, match=r"\(load_pct_1rm\)"):
            acute_response(0.0, reps=reps, load_pct_1rm=load)


def test_zware_sets_met_weinig_herhalingen_geven_minder_groeihormoon_dan_10rm():
    """Kraemer & Ratamess 2005: low-volume, high-intensity sets give smaller responses."""
    assert rise("growth_hormone", reps=3) < 0.8 * rise("growth_hormone", reps=10)


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


@given(rest=st.floats(0, 290), extra=st.floats(1, 10))
def test_langere_rust_nooit_meer_groeihormoon(rest, extra):
    assert rise("growth_hormone", rest_s=rest + extra) <= rise("growth_hormone", rest_s=rest) + 1e-9


# -- the whole valid range -------------------------------------------------------------------
@st.composite
def sessions(draw):
    """Any valid session: every input over its declared range, the load up to the repetition maximum."""
    session = {name: (draw(st.integers(int(d.lo), int(d.hi))) if d.integer else draw(st.floats(d.lo, d.hi)))
               for name, d in INPUTS.items() if name in ("exercises", "reps", "rest_s", "intra_set_rest_s")}
    session["sets"] = draw(st.integers(1, hormones.max_sets(**session)))
    top = acute_response(0.0, reps=session["reps"]).load_pct_1rm
    session["load_pct_1rm"] = draw(st.none() | st.floats(INPUTS["load_pct_1rm"].lo, top))
    return session | dict(sex=draw(st.sampled_from(["male", "female"])),
                          muscle_mass=draw(st.sampled_from(["small", "large"])), forced_reps=draw(st.booleans()))


GH_TOP = hakkinen("male", "after")["growth_hormone_ug_l"] + 2 * hakkinen("male", "after")["sd_ug_l"]

# Highest levels a session may reach, with their sources:
TOP = {
    # testosterone stays inside the resting range: the acute rise is a few tens of percent at most
    # (Kraemer & Ratamess 2005) and largely a plasma-volume effect (McCall e.a. 1999)
    ("testosterone", "male"): ranges()[("testosterone", "male")]["high"],  # Travison e.a. 2017, 97.5th pct
    ("testosterone", "female"): ranges()[("testosterone", "female")]["high"],  # Vesper e.a. 2015, 90th pct
    # GH: the mean + 2 SD of young men after 5 × 10RM (Häkkinen & Pakarinen 1995), both sexes
    ("growth_hormone", "male"): GH_TOP,
    ("growth_hormone", "female"): GH_TOP,
    # cortisol: 1,860 nmol/L, the highest mean of Szivak e.a. 2013 after an extreme short-rest session
    ("cortisol", "male"): 1860.0,
    ("cortisol", "female"): 1860.0,
}


def check_plausible(session):
    p = peaks(**session)
    for hormone in hormones.HORMONES:
        assert p[hormone].peak <= TOP[(hormone, session["sex"])], (hormone, session)
    # back near rest: testosterone within 1.5 h (raised 15-30 min: Kraemer & Ratamess 2005), GH within
    # 2 h (10% left after 3.3 half-lives of 23 min, Holl e.a. 1993, from a peak up to ~10 min after the
    # end), cortisol within one to a few hours (Holland-Frei 2003: half-life 66 min; Szivak e.a. 2013)
    assert p["testosterone"].recovery_t_min <= 90 and p["growth_hormone"].recovery_t_min <= 120
    assert 60 <= p["cortisol"].recovery_t_min <= 300
    assert 0 < acute_response(0.0, **session).session_min <= 180  # the model's longest session


EXTREMES = [dict(sex=sex, exercises=ex, reps=reps, rest_s=rest, intra_set_rest_s=intra, muscle_mass="large",
                 forced_reps=forced, load_pct_1rm=None,
                 sets=sets if sets == 1 else hormones.max_sets(exercises=ex, reps=reps, rest_s=rest,
                                                               intra_set_rest_s=intra))
            for sex in ("male", "female") for ex in (1, 12) for sets in (1, 10) for reps in (1, 15)
            for rest in (0, 300) for intra in (0, 60) for forced in (False, True)]


@given(exercises=st.integers(1, 12), reps=st.integers(1, 15), rest=st.floats(0, 300), intra=st.floats(0, 60))
def test_de_meeste_sets_passen_precies_in_drie_uur(exercises, reps, rest, intra):
    session = dict(exercises=exercises, reps=reps, rest_s=rest, intra_set_rest_s=intra)
    most = hormones.max_sets(**session)
    assert session_duration_min(sets=most, **session) <= hormones.PARAMS.max_session_min
    if most < INPUTS["sets"].hi:
        assert session_duration_min(sets=most + 1, **session) > hormones.PARAMS.max_session_min
        too_many = rf"sets per oefening \(sets\): {most + 1}\. .* Kies hoogstens {most} sets"
        with pytest.raises(InputError, match=too_many):
            acute_response(0.0, sets=most + 1, **session)


def test_de_gepubliceerde_protocollen_passen_ruim_binnen_drie_uur():
    for protocol in PROTOCOLS.values():
        assert session_duration_min(**protocol) <= 90


@pytest.mark.parametrize("session", EXTREMES)
def test_elke_hoek_van_het_bereik_blijft_binnen_de_literatuur(session):
    check_plausible(session)


@settings(max_examples=60, deadline=None)
@given(session=sessions())
def test_elke_geldige_training_blijft_binnen_de_literatuur(session):
    check_plausible(session)


@settings(max_examples=200, deadline=None)
@given(session=sessions(), t=st.lists(st.floats(-1440, 1440), min_size=1, max_size=20))
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
@given(session=sessions())
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
    assert_allclose(session_duration_min(exercises=8, sets=3, reps=10, rest_s=60), 35.0)


@pytest.mark.parametrize("name", ["exercises", "sets", "reps", "rest_s", "intra_set_rest_s"])
def test_sessieduur_controleert_dezelfde_bereiken_als_acute_response(name):
    session = dict(exercises=8, sets=3, reps=10, rest_s=60, intra_set_rest_s=0)
    too_high = INPUTS[name].hi + 1
    with pytest.raises(InputError) as by_duration:
        session_duration_min(**session | {name: too_high})
    with pytest.raises(InputError) as by_response:
        acute_response(0.0, **session | {name: too_high})
    assert str(by_duration.value) == str(by_response.value)
    assert f"({name})" in str(by_duration.value)


# -- bad input --------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, fragment", [
    (dict(load_pct_1rm=150), "belasting bij 10 herhalingen per set (load_pct_1rm): 150 % 1RM. "
                             "Kies een waarde tussen 30 en 75 % 1RM."),
    (dict(rest_s=-5), "rust tussen de sets (rest_s): −5 s. Kies een waarde tussen 0 en 300 s."),
    (dict(sex="x"), "geslacht (sex): 'x'. Kies uit"),
    (dict(sets=float("nan")), "sets per oefening (sets): geen getal (NaN)"),
    (dict(reps="tien"), "herhalingen per set (reps): 'tien' is geen getal"),
    (dict(reps=2.5), "Kies een geheel getal tussen 1 en 15"),
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
