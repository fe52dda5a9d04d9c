"""edu.satellite_cells against Verdijk 2007, Kadi 2004 and Thalacker-Mercer 2013; both domain views."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError, datasets, satellite_cells
from edu.satellite_cells import training_course

WEEKS = np.linspace(0, 104, 417)


def test_satellietcellen_in_rust_jong_en_oud_zoals_verdijk_2007():
    for row in datasets.load("verdijk2007"):
        model = float(training_course(0.0, age_years=row["age_years"]).satellite_cells_per_fibre)
        assert model == pytest.approx(row["satellite_per_fibre"], abs=2 * row["sem"])


def test_satellietcellen_stijgen_met_training_zoals_kadi_2004():
    """+19% after 30 days, +31% after 90 days (within 4 percentage points)."""
    for row in datasets.load("kadi2004"):
        if 0 < row["weeks"] < 13:
            course = training_course(np.array([0.0, row["weeks"]]))
            rise = 100 * (course.satellite_cells_per_fibre[1] / course.satellite_cells_per_fibre[0] - 1)
            assert rise == pytest.approx(row["satellite_rise_pct"], abs=4)


def test_satellietcellen_na_90_dagen_stoppen_bijna_terug():
    """Kadi 2004: no longer raised after 90 days of detraining (here < 5% above the start)."""
    course = training_course(np.array([0.0, 12.9 + 12.9]), training_weeks=12.9)
    assert course.satellite_cells_per_fibre[1] / course.satellite_cells_per_fibre[0] < 1.05


def test_vezelgroei_per_type_zoals_thalacker_mercer_2013():
    for row in datasets.load("thalackermercer2013"):
        course = training_course(np.array([0.0, 16.0]), responder=row["responder"])
        growth = course.fibre_csa_um2[1] - course.fibre_csa_um2[0]
        assert growth == pytest.approx(max(row["growth_um2"], 0.0), abs=1.0)


def test_met_plafond_geen_nieuwe_kernen_bij_bescheiden_groei():
    """Kadi 2004: no new myonuclei while the domain grew; with a ceiling this follows."""
    course = training_course(WEEKS, training_weeks=16, responder="typical", ceiling=True)
    assert np.allclose(course.myonuclei_per_fibre, course.myonuclei_per_fibre[0])
    assert course.domain_um2.max() > course.domain_um2[0]


def test_met_plafond_blijft_het_domein_onder_het_plafond():
    course = training_course(WEEKS, training_weeks=52, responder="high", ceiling=True)
    limit = course.domain_um2[0] * (1 + satellite_cells.PARAMS.ceiling_growth)
    assert course.domain_um2.max() <= limit + 1e-9
    assert course.myonuclei_per_fibre.max() > course.myonuclei_per_fibre[0]


def test_zonder_plafond_kernen_al_bij_minder_dan_10_procent_groei():
    """Conceição 2018: myonuclei added even with <= 10% fibre growth."""
    course = training_course(WEEKS, responder="typical")
    growth = course.fibre_csa_um2 / course.fibre_csa_um2[0] - 1
    early = (growth > 0.02) & (growth <= 0.10)
    assert early.any() and np.all(course.myonuclei_per_fibre[early] > course.myonuclei_per_fibre[0])


def test_spiergeheugen_kernen_blijven_of_verdwijnen():
    kept = training_course(WEEKS, training_weeks=16, responder="high")
    lost = training_course(WEEKS, training_weeks=16, responder="high", myonuclear_loss_weeks=26)
    assert kept.myonuclei_per_fibre[-1] == pytest.approx(kept.myonuclei_per_fibre.max())
    assert lost.myonuclei_per_fibre[-1] < lost.myonuclei_per_fibre.max()
    assert kept.fibre_csa_um2[-1] == pytest.approx(kept.fibre_csa_um2[0], rel=0.01)


def test_niet_reageerder_groeit_niet():
    course = training_course(WEEKS, responder="low")
    assert np.allclose(course.fibre_csa_um2, course.fibre_csa_um2[0])


@settings(max_examples=150, deadline=None)
@given(w=st.floats(0, 104), age=st.floats(18, 90), stop=st.one_of(st.none(), st.floats(0, 104)),
       responder=st.sampled_from(list(satellite_cells.RESPONDERS)), ceiling=st.booleans(),
       loss=st.one_of(st.none(), st.floats(4, 104)))
def test_alles_positief_begrensd_en_consistent(w, age, stop, responder, ceiling, loss):
    c = training_course(w, age_years=age, training_weeks=stop, responder=responder, ceiling=ceiling,
                        myonuclear_loss_weeks=loss)
    start = training_course(0.0, age_years=age)
    assert 0 < float(c.satellite_cells_per_fibre) < 0.2
    assert float(c.myonuclei_per_fibre) >= float(start.myonuclei_per_fibre) - 1e-9
    assert float(start.fibre_csa_um2) - 1e-6 <= float(c.fibre_csa_um2) < 2 * float(start.fibre_csa_um2)
    assert float(c.domain_um2) == pytest.approx(float(c.fibre_csa_um2) / float(c.myonuclei_per_fibre))


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(weeks=-1), r"weken \(weeks\): -1\. Kies een waarde tussen 0 en 104"),
    (dict(weeks=1, responder="super"), r"type reageerder \(responder\): 'super'\. Kies uit \"high\""),
    (dict(weeks=1, ceiling="ja"), r"plafond van het kerndomein \(ceiling\): 'ja'\. Kies True"),
    (dict(weeks=1, training_weeks=200), r"trainingsweken \(training_weeks\): 200"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(kwargs, fragment):
    with pytest.raises(InputError, match=fragment):
        training_course(**kwargs)
