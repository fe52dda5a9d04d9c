"""The explorers of "Spiergroei" and "Satellietcellen" draw the models and say what they show."""

import numpy as np
import pytest

from edu import protein, satellite_cells, training
from edu.validation import fmt
from explorers import eiwitbalans, rekenaar_1rm, satellietcellen, trainingsvariabelen
from explorers.protein import PRESETS as PROTEIN_PRESETS
from explorers.protein import meal_times, model_inputs
from explorers.satellite_cells import WEEKS
from explorers.satellite_cells import model_inputs as satellite_inputs


def test_eiwitbalans_tekent_het_model():
    ex = eiwitbalans()
    t, y = ex.artists["synthesis"].get_data()
    expected = protein.synthesis_response(t, **model_inputs(PROTEIN_PRESETS[ex.start]))
    np.testing.assert_allclose(y, expected.synthesis)
    np.testing.assert_allclose(ex.artists["net"].get_ydata(), expected.net)


def test_eiwitbalans_maaltijden_over_de_dag_verdeeld():
    assert meal_times(3) == [8.0, 14.0, 20.0, 32.0, 38.0, 44.0]
    assert meal_times(0) == []


def test_eiwitbalans_nuchter_nooit_positief_en_zegt_dat():
    ex = eiwitbalans(start="training, nuchter")
    assert np.all(ex.artists["net"].get_ydata() < 0)
    assert "De netto balans is 0 van de 48 uur positief" in ex.readout.value
    assert "negatief" in ex.readout.value


def test_eiwitbalans_100_g_per_maaltijd_werkt_langer_en_de_uitlezing_zegt_hoe_lang():
    ex = eiwitbalans(start="training om 13 uur, 1 × 100 g")
    assert ex.controls["protein_g"].max == 100
    hours = protein.meal_effect_h(100, body_mass_kg=80, age_years=25)
    assert hours > 12
    assert f"de opbouw blijft daarna ongeveer {fmt(round(hours))} uur verhoogd" in ex.readout.value


def test_eiwitbalans_oudere_hogere_verzadigende_dosis_in_de_uitlezing():
    ex = eiwitbalans(start="70 jaar, 3 × 20 g")
    dose = protein.saturating_dose_g(body_mass_kg=80, age_years=70)
    assert f"ongeveer {fmt(round(dose))} g eiwit per maaltijd" in ex.readout.value
    assert ex.artists["saturating"].get_xdata()[0] == pytest.approx(dose)


def test_trainingsvariabelen_curve_is_het_model_en_punt_ligt_erop():
    ex = trainingsvariabelen()
    sets, gain = ex.artists["curve"].get_data()
    np.testing.assert_allclose(gain, training.hypertrophy_gain_pct(sets, load_pct_1rm=75, weeks=12))
    x, y = ex.artists["now"].get_data()
    assert y[0] == pytest.approx(training.hypertrophy_gain_pct(x[0], load_pct_1rm=75, weeks=12))
    assert ex.readout.value.count("✔") == len(training.GUIDELINE)


def test_trainingsvariabelen_herhalingen_in_reserve_verlagen_de_curve_en_de_uitlezing_zegt_hoeveel():
    ex = trainingsvariabelen(start="ver van falen: 5 in reserve", vergelijk="volgens de richtlijn")
    sets, gain = ex.artists["curve"].get_data()
    np.testing.assert_allclose(gain, training.hypertrophy_gain_pct(sets, load_pct_1rm=75, weeks=12, reps_in_reserve=5))
    assert np.all(gain[1:] < ex.artists["ref"].get_ydata()[1:])
    share = round(100 * training.proximity_factor(5))
    assert f"Met 5 herhalingen in reserve is dat {share}% van de groei bij sets tot falen" in ex.readout.value
    assert "✘ <strong>Herhalingen in reserve</strong>: 5, hoger dan de richtlijn (0–3)" in ex.readout.value
    assert ex.controls["reps_in_reserve"].max == training.MAX_RIR


def test_trainingsvariabelen_rust_van_drie_minuten_valt_binnen_de_richtlijn():
    ex = trainingsvariabelen(start="zwaar en kort: 90% 1RM, 3 herhalingen")
    assert "✔ <strong>Rust tussen sets</strong>: 180 s, binnen de richtlijn (60–180 s)" in ex.readout.value


def test_trainingsvariabelen_licht_tot_falen_legt_uit_waarom_het_toch_werkt():
    ex = trainingsvariabelen(start="licht tot falen: 30% 1RM")
    assert "✘ <strong>Belasting</strong>: 30 % 1RM, lager dan de richtlijn" in ex.readout.value
    assert "van de groei bij zware belasting" in ex.readout.value


def test_rekenaar_noemt_beide_formules_en_het_doelgewicht():
    ex = rekenaar_1rm()
    text = ex.readout.value
    assert f"Epley {fmt(round(training.one_rm(80, 8), 1))} kg" in text
    assert f"Brzycki {fmt(round(training.one_rm(80, 8, 'brzycki'), 1))} kg" in text
    target = training.load_for_reps(training.one_rm(80, 8), 10)
    assert f"{fmt(round(target, 1))} kg (Epley)" in text


def test_rekenaar_brzycki_valt_af_boven_zijn_bereik():
    ex = rekenaar_1rm(start="30 kg, 15 herhalingen")
    assert "Brzycki is alleen bedoeld voor sets tot en met 12 herhalingen" in ex.readout.value
    assert len(ex.artists["brzycki"].get_xdata()) == 0


def test_satellietcellen_tekent_het_model_en_plafond_alleen_als_het_aan_staat():
    ex = satellietcellen()
    course = satellite_cells.training_course(WEEKS, **satellite_inputs(ex.presets[ex.start]))
    np.testing.assert_allclose(ex.artists["domain"]["now"].get_ydata(), course.domain_um2)
    assert not ex.artists["domain"]["ceiling"].get_visible()
    ex.apply("met plafond van het kerndomein")
    assert ex.artists["domain"]["ceiling"].get_visible()


def test_satellietcellen_oudere_minder_satellietcellen_en_minder_groei_in_de_figuur():
    young, old = satellietcellen(), satellietcellen(start="75 jaar, 16 weken training")
    assert old.artists["satellite"]["now"].get_ydata()[0] < 0.6 * young.artists["satellite"]["now"].get_ydata()[0]
    at_16 = int(np.searchsorted(WEEKS, 16))
    growth = [ex.artists["fibre"]["now"].get_ydata()[at_16] / ex.artists["fibre"]["now"].get_ydata()[0]
              for ex in (young, old)]
    assert growth[1] < growth[0]
    # the 75-year-old is compared with the measured men of 72 (Verdijk 2009), not the responder classes
    assert list(old.artists["fibre"]["measured"].get_xdata()) == [0.0, 12.0]
