"""edu.cognition against Raz 2004, Du 2006, Fraser 2015, Erickson 2011; invariants; Dutch errors."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError
from edu.cognition import atrophy_pct_per_year, hippocampal_volume

AGES = np.linspace(20, 90, 701)


def test_volume_is_honderd_procent_op_vijftig_en_krimpt_daarna():
    v = hippocampal_volume(AGES)
    assert hippocampal_volume(50) == pytest.approx(100)
    assert np.all(np.diff(v) < 0)


def test_krimp_per_jaar_zoals_raz_du_en_fraser():
    """Raz 2004: 1.18%/y at >= 50 (ages to 82); Du 2006: +0.05%/y per year of age; Fraser 2015: 0.85%/y pooled."""
    assert atrophy_pct_per_year(np.linspace(50, 82, 33)).mean() == pytest.approx(1.18, abs=0.15)
    assert atrophy_pct_per_year(80) - atrophy_pct_per_year(70) == pytest.approx(0.5)
    assert atrophy_pct_per_year(45) < 0.5
    yearly = 100 * (1 - hippocampal_volume(59) / hippocampal_volume(58))
    assert yearly == pytest.approx(0.85, abs=0.1)


def test_een_jaar_wandelen_zoals_erickson_2011():
    """+2.12/+1.97% with walking vs −1.40/−1.43% with stretching, one year, mid-sixties."""
    start, end = 66, 67
    control = 100 * (hippocampal_volume(end) / hippocampal_volume(start) - 1)
    walking = 100 * (hippocampal_volume(end, training="aerobic", training_start_age=start)
                     / hippocampal_volume(start) - 1)
    assert control == pytest.approx(-1.415, abs=0.25)
    assert walking == pytest.approx(2.045, abs=0.25)


def test_krachttraining_remt_de_krimp_maar_laat_niet_groeien():
    """SMART (Broadhouse 2020): atrophy slowed or stopped, no growth."""
    v = hippocampal_volume(AGES, training="resistance", training_start_age=60)
    assert np.all(np.diff(v) < 0)
    assert hippocampal_volume(80, training="resistance", training_start_age=60) > hippocampal_volume(80)


@settings(max_examples=60, deadline=None)
@given(training=st.sampled_from([None, "aerobic", "resistance"]), start=st.floats(20, 90))
def test_volume_blijft_positief_begrensd_en_training_schaadt_nooit(training, start):
    v = hippocampal_volume(AGES, training=training, training_start_age=start)
    assert np.all(v > 0) and np.all(v < 115)
    assert np.all(v >= hippocampal_volume(AGES) - 1e-9)
    before = AGES[AGES < start]
    if before.size:
        assert np.allclose(v[AGES < start], hippocampal_volume(before))


@pytest.mark.parametrize("call, match", [
    (lambda: hippocampal_volume(10), r"leeftijd \(age_years\): 10 jaar\. Kies een waarde tussen 20 en 90 jaar"),
    (lambda: hippocampal_volume(60, training="yoga"), r'training \(training\): \'yoga\'\. Kies uit "aerobic"'),
    (lambda: hippocampal_volume(60, training="aerobic", training_start_age=95), r"startleeftijd training"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(call, match):
    with pytest.raises(InputError, match=match):
        call()
