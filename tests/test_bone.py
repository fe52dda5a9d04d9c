"""edu.bone against Frost's set points, SWAN, Melton, MrOS and LIFTMOR; invariants; Dutch errors."""

from dataclasses import fields

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError, datasets
from edu.bone import PARAMS, THRESHOLD_NAMES, Thresholds, bmd_trajectory, remodeling_rate, zone

AGES = np.linspace(20, 90, 701)


def test_de_mechanostat_breekt_af_behoudt_en_bouwt_op_volgens_frost():
    th = PARAMS.thresholds
    assert remodeling_rate(0) == -PARAMS.max_loss_pct_per_year
    assert remodeling_rate(th.disuse / 2) < 0
    assert remodeling_rate([th.disuse, 800, th.modelling]) == pytest.approx([0, 0, 0])
    assert remodeling_rate(th.microdamage) == PARAMS.max_gain_pct_per_year
    assert [zone(s) for s in (50, 1000, 2000, 5000, 26_000)] == [
        "disuse", "adapted", "overload", "microdamage", "fracture"]


def test_ruimteaarde_onbelast_verlies_van_ongeveer_een_procent_per_maand():
    """Spaceflight: 0.9%/month at the spine, 1.5%/month at the femoral neck (Lang et al. 2004, as quoted)."""
    assert 0.9 * 12 <= -remodeling_rate(0) <= 1.5 * 12


def test_elke_drempel_heeft_een_nederlandse_naam():
    assert list(THRESHOLD_NAMES) == [f.name for f in fields(Thresholds)]


def test_eigen_drempels_verschuiven_het_venster():
    assert remodeling_rate(400) == 0
    assert remodeling_rate(400, thresholds={"disuse": 600}) < 0
    assert remodeling_rate(1200, thresholds={"modelling": 1000}) > 0


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 30_000), st.floats(0, 30_000))
def test_meer_vervorming_nooit_minder_opbouw(a, b):
    low, high = sorted((a, b))
    assert remodeling_rate(high) >= remodeling_rate(low)


@pytest.mark.parametrize("row", datasets.load("greendale2012"), ids=lambda r: r["site"])
def test_botverlies_rond_de_menopauze_zoals_swan(row):
    """Greendale 2012: loss from 1 y before to 2 y after the last period, and over 5 y before to 5 y after."""
    bmd = lambda age: bmd_trajectory(age, site=row["site"], menopause_age=51)
    assert bmd(50) - bmd(53) == pytest.approx(row["transmenopause_loss_pct"], abs=0.05)
    assert bmd(46) - bmd(56) == pytest.approx(row["ten_year_loss_pct"], abs=0.1)
    assert bmd(49) == 100


def test_na_de_menopauze_ongeveer_een_procent_per_jaar_zoals_melton():
    """Melton 2000: femoral neck −1.0%/year in women (within 0.2)."""
    yearly = bmd_trajectory(70, site="femoral_neck") - bmd_trajectory(71, site="femoral_neck")
    assert yearly == pytest.approx(1.0, abs=0.2)


def test_mannen_verliezen_trager_en_sneller_op_hoge_leeftijd_zoals_mros():
    """Cawthon 2009: −1.72% in 4.6 years from 65 on average; 2.5× faster at 85 than at 65."""
    bmd = lambda age: bmd_trajectory(age, sex="male", site="femoral_neck")
    loss = lambda age: bmd(age) - bmd(age + 1)
    assert bmd(71) - bmd(75.6) == pytest.approx(1.72, abs=0.3)
    assert loss(84.5) / loss(64.5) == pytest.approx(2.5, abs=0.3)
    assert bmd(80) > bmd_trajectory(80, site="femoral_neck")


@pytest.mark.parametrize("site, hirit, control", [("spine", 2.9, -1.2), ("femoral_neck", 0.3, -1.9)])
def test_liftmor_acht_maanden_zwaar_trainen(site, hirit, control):
    """Watson 2018: the 8-month difference between HiRIT and the low-intensity group."""
    age = 65 + 8 / 12
    trained = bmd_trajectory(age, site=site, training="hirit", training_start_age=65)
    assert trained - bmd_trajectory(age, site=site) == pytest.approx(hirit - control, abs=0.05)


def test_matige_krachttraining_doet_minder_dan_liftmor():
    kw = dict(training_start_age=60)
    assert (bmd_trajectory(70, training="resistance", **kw) - bmd_trajectory(70)
            < bmd_trajectory(70, training="hirit", **kw) - bmd_trajectory(70))


@settings(max_examples=60, deadline=None)
@given(sex=st.sampled_from(["female", "male"]), site=st.sampled_from(["spine", "femoral_neck"]),
       menopause=st.floats(40, 60), training=st.sampled_from([None, "resistance", "hirit"]),
       start=st.floats(20, 90))
def test_botdichtheid_blijft_positief_begrensd_en_daalt_zonder_training(sex, site, menopause, training, start):
    bmd = bmd_trajectory(AGES, sex=sex, site=site, menopause_age=menopause, training=training,
                         training_start_age=start)
    assert np.all(bmd > 0) and np.all(bmd <= 105)
    untrained = bmd_trajectory(AGES, sex=sex, site=site, menopause_age=menopause)
    assert np.all(np.diff(untrained) <= 1e-12) and np.all(bmd >= untrained - 1e-12)


@pytest.mark.parametrize("call, match", [
    (lambda: remodeling_rate(-5), r"piekvervorming \(peak_strain_microstrain\): -5 µε\. Kies een waarde tussen 0 en 30\.000 µε"),
    (lambda: remodeling_rate(100, thresholds={"disuse": 2000}), "Elke drempel moet hoger liggen"),
    (lambda: remodeling_rate(100, thresholds={"knee": 1}), r"drempels \(thresholds\)"),
    (lambda: remodeling_rate(100, thresholds={"disuse": -1}), r"drempel afbraak \(thresholds\['disuse'\]\): -1 µε"),
    (lambda: bmd_trajectory(15), r"leeftijd \(age_years\): 15 jaar"),
    (lambda: bmd_trajectory(50, sex="x"), r'geslacht \(sex\): \'x\'\. Kies uit "female" \(vrouw\)'),
    (lambda: bmd_trajectory(50, training="yoga"), r"training \(training\)"),
    (lambda: bmd_trajectory(50, menopause_age=70), r"menopauze \(menopause_age\): 70 jaar"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(call, match):
    with pytest.raises(InputError, match=match):
        call()
