"""edu.cognition against Fraser 2021, Du 2006, Barnes 2009, Firth 2018; bounds over the whole range; Dutch errors."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError
from edu.cognition import PARAMS, atrophy_pct_per_year, equivalent_age, hippocampal_volume, yearly_change_pct

AGES = np.linspace(20, 90, 701)


def test_volume_is_honderd_procent_op_vijftig_en_krimpt_daarna():
    v = hippocampal_volume(AGES)
    assert hippocampal_volume(50) == pytest.approx(100)
    assert np.all(np.diff(v) < 0)


@pytest.mark.parametrize("age, measured", [(47.2, 0.18), (63.0, 0.30)])
def test_krimp_per_jaar_zoals_de_bevolkingsstudie_van_fraser(age, measured):
    """Fraser 2021 (PATH cohort): 0.18%/year at a mean age of 47.2, 0.3%/year at 63.0."""
    assert atrophy_pct_per_year(age) == pytest.approx(measured, abs=0.02)


def test_krimp_versnelt_later_zoals_du_2006():
    """Du 2006: the yearly loss grows by 0.05 ± 0.02%/year for every year of age (58–87 years)."""
    slope = (atrophy_pct_per_year(85) - atrophy_pct_per_year(65)) / 20
    assert slope == pytest.approx(0.05, abs=0.02)


def test_krimp_blijft_binnen_wat_cohorten_meten_op_elke_leeftijd():
    """Bounds with sources: at most 0.4%/year up to 63 (Fraser 2021: 0.18 and 0.30 in the
    community); from 75 on within the 95% interval 0.52–2.30%/year of older control groups
    (Barnes 2009); never negative and never slower with age."""
    rate = atrophy_pct_per_year(AGES)
    assert np.all(rate >= 0) and np.all(np.diff(rate) >= 0)
    assert np.all(rate[AGES <= 63] <= 0.4)
    assert np.all((0.52 <= rate[AGES >= 75]) & (rate[AGES >= 75] <= 2.30))


def test_een_jaar_training_laat_de_hippocampus_niet_groeien_zoals_firth_2018():
    """Firth 2018: no significant effect on total volume; the effect came from preventing the loss.
    Erickson 2011's +2% after a year is one trial, shown as a measurement, not modelled."""
    for training in ("aerobic", "resistance"):
        year = 100 * (hippocampal_volume(67, training=training, training_start_age=66) / hippocampal_volume(66) - 1)
        untrained = 100 * (hippocampal_volume(67) / hippocampal_volume(66) - 1)
        assert untrained < year < 0
        assert year == pytest.approx((1 - PARAMS.protection) * untrained, abs=0.02)


def test_krachttraining_remt_de_krimp_maar_laat_niet_groeien():
    """SMART (Broadhouse 2020): atrophy slowed or stopped, no growth."""
    v = hippocampal_volume(AGES, training="resistance", training_start_age=60)
    assert np.all(np.diff(v) < 0)
    assert hippocampal_volume(80, training="resistance", training_start_age=60) > hippocampal_volume(80)


@settings(max_examples=60, deadline=None)
@given(training=st.sampled_from([None, "aerobic", "resistance"]), start=st.floats(20, 90))
def test_volume_blijft_begrensd_training_schaadt_nooit_en_laat_niet_groeien(training, start):
    """Bounds: from 20 to 90 the volume loses at most what the fastest rate above allows
    (2.30%/year, Barnes 2009); training only slows the loss (Firth 2018; Broadhouse 2020), by
    at most the assumed share."""
    v = hippocampal_volume(AGES, training=training, training_start_age=start)
    untrained = hippocampal_volume(AGES)
    assert np.all(v >= v[0] * np.exp(-2.30 * (AGES - 20) / 100) - 1e-9)
    assert np.all(np.diff(v) < 0)                                  # no growth at any age
    assert np.all(v >= untrained - 1e-9)
    lost, lost_untrained = v[0] - v, untrained[0] - untrained
    assert np.all(lost >= (1 - PARAMS.protection) * lost_untrained - 1e-9)
    before = AGES[AGES < start]
    if before.size:
        assert np.allclose(v[AGES < start], hippocampal_volume(before))


@pytest.mark.parametrize("age, measured", [(47.2, -0.18), (63.0, -0.30)])
def test_verandering_per_jaar_zonder_training_is_de_krimp_van_fraser(age, measured):
    """Fraser 2021 (PATH cohort): −0.18%/year at 47.2, −0.30%/year at 63.0."""
    assert yearly_change_pct(age) == pytest.approx(measured, abs=0.02)
    assert yearly_change_pct(age) == -atrophy_pct_per_year(age)


@pytest.mark.parametrize("training", [None, "aerobic", "resistance"])
def test_verandering_per_jaar_is_de_helling_van_het_volume_en_training_remt_haar(training):
    """The yearly change is the slope of the volume curve, % of the volume; from the start of training on,
    the share 1 − protection of the untrained change (Firth 2018; Broadhouse 2020)."""
    kw = dict(training=training, training_start_age=60)
    ages = np.linspace(20.5, 89.5, 70)
    slope = 100 * (np.log(hippocampal_volume(ages + 0.05, **kw)) - np.log(hippocampal_volume(ages - 0.05, **kw))) / 0.1
    np.testing.assert_allclose(yearly_change_pct(ages, **kw), slope, atol=0.01)
    share = np.where((ages >= 60) & (training is not None), 1 - PARAMS.protection, 1.0)
    np.testing.assert_allclose(yearly_change_pct(ages, **kw), share * yearly_change_pct(ages))


@settings(max_examples=60, deadline=None)
@given(training=st.sampled_from([None, "aerobic", "resistance"]), start=st.floats(20, 90), age=st.floats(20, 90))
def test_de_gelijkwaardige_leeftijd_heeft_zonder_training_hetzelfde_volume(training, start, age):
    kw = dict(training=training, training_start_age=start)
    younger = equivalent_age(age, **kw)
    assert hippocampal_volume(younger) == pytest.approx(hippocampal_volume(age, **kw), abs=1e-9)
    assert younger <= age + 1e-9                                     # training never makes one older
    if training is None or age < start:
        assert younger == pytest.approx(age, abs=1e-9)


def test_een_jaar_training_wint_minder_jaren_dan_de_groei_van_erickson():
    """Erickson 2011: +2% in a year, "reversing age-related loss in volume by 1 to 2 years". The model only
    slows the loss (Firth 2018), so a year of training gains less: half a year of untrained ageing."""
    gained = 67 - equivalent_age(67, training="aerobic", training_start_age=66)
    assert gained == pytest.approx(PARAMS.protection, abs=0.02) and gained < 1


@pytest.mark.parametrize("call, match", [
    (lambda: hippocampal_volume(10), r"leeftijd \(age_years\): 10 jaar\. Kies een waarde tussen 20 en 90 jaar"),
    (lambda: hippocampal_volume(60, training="yoga"), r'training \(training\): \'yoga\'\. Kies uit "aerobic"'),
    (lambda: hippocampal_volume(60, training="aerobic", training_start_age=95), r"startleeftijd training"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(call, match):
    with pytest.raises(InputError, match=match):
        call()
