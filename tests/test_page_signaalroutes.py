"""What the three pages of the chapter "Twee signaalroutes" (signaalroutes, signaalroutes-samen, signaalroutes-rem)
say about the explorer's examples and the studies holds for the model."""

import numpy as np
import pytest

from edu import signaling
from edu.signaling import NEAR_REST, PARAMS, THRESHOLD
from explorers.signaling import SignalingExplorer as S


@pytest.fixture(scope="module")
def kracht():
    return S.result("alleen krachttraining").signals


@pytest.fixture(scope="module")
def duur():
    return S.result("alleen duurtraining").signals


def test_mtorc1_piekt_een_uur_na_de_krachttraining_en_staat_daarvoor_in_rust(kracht):
    end = kracht.sessions[0].end_h
    assert kracht.peak("mtorc1").t_h - end == pytest.approx(PARAMS.mtorc1_lag_h, abs=0.1)
    assert kracht.window("mtorc1", threshold=1.01)[0] > kracht.sessions[0].start_h


def test_mtorc1_staat_drie_tot_vijf_uur_aan_en_is_na_vijf_tot_zeven_uur_bijna_in_rust(kracht):
    assert kracht.peak("mtorc1").value >= THRESHOLD
    assert 3 <= np.ptp(kracht.window("mtorc1")) <= 5
    assert 5 <= kracht.window("mtorc1", threshold=NEAR_REST)[1] - kracht.sessions[0].end_h <= 7


def test_een_ongetrainde_spier_zet_na_krachttraining_ook_de_duurroute_aan_een_getrainde_niet(kracht):
    trained = S.result("alleen krachttraining", training_status="trained").signals
    assert kracht.peak("pgc1a").value >= THRESHOLD > trained.peak("pgc1a").value
    assert kracht.peak("ampk").value > 1.2


def test_ampk_is_het_hoogst_aan_het_eind_van_de_rit_en_binnen_twee_uur_weer_bijna_in_rust(duur):
    end = duur.sessions[0].end_h
    assert duur.peak("ampk").t_h == pytest.approx(end, abs=0.1)
    assert duur.window("ampk", threshold=NEAR_REST)[1] - end < 2


def test_pgc1a_piekt_twee_uur_na_de_rit_ruim_tien_keer_de_rust_en_mtorc1_nauwelijks(duur):
    assert duur.peak("pgc1a").t_h - duur.sessions[0].end_h == pytest.approx(PARAMS.pgc1a_lag_h, abs=0.1)
    assert duur.peak("pgc1a").value > 10 and duur.peak("mtorc1").value < THRESHOLD


def test_het_model_naast_egan_2010_en_wojtaszewski_2000():
    rides = {name: dict(endurance_h=8, endurance_min=minutes, endurance_pct_vo2max=pct)
             for name, minutes, pct in (("egan40", 69.9, 40), ("egan80", 36, 80), ("woj50", 90, 50), ("woj75", 60, 75))}
    # Egan: PGC-1α mRNA 3.8-fold after 40% and 10.2-fold after 80% VO2peak, 3 h after the ride
    assert float(signaling.day(8 + 69.9 / 60 + 3, **rides["egan40"]).pgc1a) == pytest.approx(3.8, abs=0.5)
    assert float(signaling.day(8 + 36 / 60 + 3, **rides["egan80"]).pgc1a) == pytest.approx(10.2, abs=0.5)
    ampk = {name: signaling.day(**ride).peak("ampk").value for name, ride in rides.items()}
    # AMPK: no rise at 40% (Egan) and 50% (Wojtaszewski); 2.8-fold at 80% (Egan); 3-4-fold at 75% (Wojtaszewski)
    assert ampk["egan40"] == pytest.approx(1, abs=1e-9) and ampk["egan80"] > 2.8
    assert ampk["woj50"] == pytest.approx(1, abs=1e-9) and 3 <= ampk["woj75"] + 1e-3 <= 4


def test_de_overlap_op_een_dag_met_beide_komt_van_de_krachttraining():
    apart = S.result("kracht en duur op aparte momenten").signals
    ride = apart.sessions[1]
    assert ride.kind == "endurance"
    assert apart.overlap_h() > 0 and apart.window("mtorc1", "pgc1a")[1] < ride.start_h
    assert apart.window("mtorc1")[1] < ride.start_h  # after the ride mTORC1 stays below the threshold


def test_getraind_geen_overlap_mtorc1_gelijk_en_de_duurroute_na_de_rit_gelijk(duur):
    untrained = S.result("kracht en duur op aparte momenten").signals
    trained = S.result("getraind: meer specifiek").signals
    assert trained.overlap_h() == 0
    assert trained.peak("mtorc1").value == pytest.approx(untrained.peak("mtorc1").value, abs=0.05)
    assert trained.peak("pgc1a").t_h > trained.sessions[1].start_h
    assert trained.peak("pgc1a").value == pytest.approx(duur.peak("pgc1a").value, abs=0.2)


def test_getraind_met_duur_direct_na_kracht_staan_beide_routes_wel_even_aan():
    assert S.result("getraind, duur direct na kracht").signals.overlap_h() > 0


def test_de_sterke_rem_haalt_meer_weg_dan_de_zwakke_maar_lang_niet_de_hele_piek():
    strong, weak = S.result("sterke rem zoals bij ratten"), S.result("duur direct na kracht")
    assert strong.brake_pct > weak.brake_pct > 0
    assert 10 < strong.brake_pct < 50


def test_met_de_sterke_rem_piekt_mtorc1_lager_en_pas_na_de_rit_en_zakt_het_in_tijdens_de_rit():
    strong, weak = S.result("sterke rem zoals bij ratten").signals, S.result("duur direct na kracht").signals
    ride = strong.sessions[1]
    assert strong.peak("mtorc1").value < weak.peak("mtorc1").value
    assert strong.peak("mtorc1").t_h > ride.end_h > weak.peak("mtorc1").t_h
    assert strong.lowest("mtorc1", ride) < weak.lowest("mtorc1", ride)
    assert strong.peak("mtorc1").value > THRESHOLD
