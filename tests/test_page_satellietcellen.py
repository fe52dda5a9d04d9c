"""What the three pages of the chapter "Satellietcellen" (satellietcellen, satellietcellen-kerndomein,
satellietcellen-leeftijd-en-pauze) say about the explorer's examples holds for the model."""

import numpy as np
import pytest

from edu.satellite_cells import PARAMS, training_course
from explorers.satellite_cells import SatelliteCellExplorer as S

CEILING_PCT = 100 * PARAMS.ceiling_growth


@pytest.fixture(scope="module")
def jong():
    return S.result("25 jaar, 16 weken training")


@pytest.fixture(scope="module")
def sterk():
    return S.result("sterke reageerder")


def test_kadi_90_dagen_training_plus_19_en_31_procent_en_90_dagen_later_bijna_terug():
    kadi = S.scenario("25 jaar, 16 weken training", training_weeks=90 / 7)
    rise = training_course(np.array([30, 90, 180]) / 7, **kadi).satellite_rise_pct
    assert rise[0] == pytest.approx(19, abs=3) and rise[1] == pytest.approx(31, abs=3) and abs(rise[2]) < 5


def test_satellietcellen_en_vezel_stijgen_met_training_en_zijn_aan_het_eind_terug(jong):
    assert jong.stop.satellite_cells_per_fibre > jong.start.satellite_cells_per_fibre
    assert jong.end.satellite_cells_per_fibre == pytest.approx(jong.start.satellite_cells_per_fibre, rel=0.01)
    assert jong.stop.fibre_csa_um2 > jong.start.fibre_csa_um2
    assert jong.end.fibre_csa_um2 == pytest.approx(jong.start.fibre_csa_um2, rel=0.01)


def test_90_dagen_na_het_stoppen_zijn_de_satellietcellen_bijna_terug_terwijl_de_vezel_nog_groter_is():
    # the prediction's answer: they fall back within a few months, while the fibre is still larger than at the start
    course = training_course(np.array([0, 16, 16 + 90 / 7]), **S.scenario("25 jaar, 16 weken training"))
    assert abs(course.satellite_rise_pct[2]) < 5 < course.satellite_rise_pct[1]
    assert course.fibre_csa_um2[2] > course.fibre_csa_um2[0]


def test_kernen_groeien_mee_en_blijven_na_het_stoppen(jong):
    assert jong.stop.myonuclei_per_fibre > jong.start.myonuclei_per_fibre
    assert jong.end.myonuclei_per_fibre == pytest.approx(jong.stop.myonuclei_per_fibre, abs=1e-9)


def test_kerndomein_groeit_met_training_en_is_na_het_stoppen_kleiner_dan_aan_het_begin(jong):
    assert jong.stop.domain_um2 > jong.start.domain_um2 > jong.end.domain_um2


def test_gemiddelde_reageerder_blijft_onder_het_plafond_en_krijgt_met_plafond_geen_kern(jong):
    assert jong.stop.fibre_growth_pct < CEILING_PCT
    capped = S.result("25 jaar, 16 weken training", ceiling=True)
    assert capped.stop.myonuclei_per_fibre == pytest.approx(jong.start.myonuclei_per_fibre, abs=1e-9)


def test_sterke_reageerder_haalt_het_plafond_halverwege_en_krijgt_er_dan_minder_kernen_bij(jong, sterk):
    plafond = S.result("met plafond van het kerndomein")
    ceiling = jong.start.domain_um2 * (1 + PARAMS.ceiling_growth)
    assert plafond.course.domain_ceiling_um2 == pytest.approx(ceiling)
    assert sterk.stop.fibre_growth_pct > CEILING_PCT
    assert 4 < plafond.course.ceiling_week < 16
    assert plafond.stop.myonuclei_per_fibre < sterk.stop.myonuclei_per_fibre
    assert np.all(plafond.course.domain_um2 <= ceiling + 1e-6)
    assert plafond.stop.domain_um2 == pytest.approx(ceiling, abs=1)


def test_het_plafond_verandert_de_groei_van_de_vezel_niet(sterk):
    np.testing.assert_allclose(S.result("met plafond van het kerndomein").course.fibre_csa_um2,
                               sterk.course.fibre_csa_um2)


def test_sterke_reageerder_meer_satellietcellen_niet_reageerder_groeit_niet_en_houdt_zijn_kernen(jong, sterk):
    niet = S.result("niet-reageerder")
    sc = [r.satellite_cells_per_fibre for r in (sterk.stop, jong.stop, niet.stop, jong.start)]
    assert sc[0] > sc[1] > sc[2] > sc[3]
    assert abs(niet.stop.fibre_growth_pct) < 0.5
    assert niet.stop.myonuclei_per_fibre == pytest.approx(jong.start.myonuclei_per_fibre, abs=1e-9)


def test_oudere_man_minder_satellietcellen_kleinere_vezel_en_minder_groei_ook_in_um2(jong):
    oud = S.result("75 jaar, 16 weken training")
    young_sc = jong.start.satellite_cells_per_fibre
    assert oud.start.satellite_cells_per_fibre < oud.stop.satellite_cells_per_fibre < young_sc
    assert oud.start.fibre_csa_um2 < jong.start.fibre_csa_um2
    assert oud.stop.fibre_growth_pct < jong.stop.fibre_growth_pct
    assert oud.stop.fibre_growth_um2 < jong.stop.fibre_growth_um2


def test_verdijk_2009_mannen_van_72_tussen_gemiddelde_en_sterke_reageerder():
    # the page: men of 72 grew from 5,438 to 6,982 µm² in 12 weeks (Verdijk et al. 2009)
    man72 = dict(age_years=72, training_weeks=12)
    typical = S.result("75 jaar, 16 weken training", **man72).stop.fibre_growth_um2
    high = S.result("75 jaar, 16 weken training", responder="high", **man72).stop.fibre_growth_um2
    assert typical < 6982 - 5438 < 1.2 * high


def test_spiergeheugen_vezel_krimpt_even_snel_kernen_blijven_of_verdwijnen_grotendeels(jong, sterk):
    verlies = S.result("kernen verdwijnen na het stoppen")
    assert sterk.end.fibre_csa_um2 == pytest.approx(verlies.end.fibre_csa_um2, abs=1)
    assert sterk.end.myonuclei_per_fibre == pytest.approx(sterk.stop.myonuclei_per_fibre, abs=1e-9)
    start, kept, lost = jong.start.myonuclei_per_fibre, sterk.stop.myonuclei_per_fibre, verlies.end.myonuclei_per_fibre
    assert start < lost < kept and lost - start < 0.5 * (kept - start)
    assert sterk.end.domain_um2 < verlies.end.domain_um2 <= jong.start.domain_um2


def test_een_jaar_doortrainen_groeit_verder_maar_de_groei_vlakt_af(jong):
    first_16 = jong.stop.fibre_growth_pct
    year = S.result("een jaar doortrainen").stop.fibre_growth_pct
    assert first_16 < year and year - first_16 < first_16
