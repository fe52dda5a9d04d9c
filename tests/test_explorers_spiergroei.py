"""The explorers of "Spiergroei" and "Satellietcellen" draw the models and say what they show."""

import numpy as np
import pytest

from edu import protein, satellite_cells, training
from edu.validation import fmt
from explorers.one_rm import OneRMExplorer, rekenaar_1rm
from explorers.protein import ProteinExplorer, eiwitbalans
from explorers.training import TrainingVariablesExplorer, trainingsvariabelen
from explorers.satellite_cells import LOSS_WEEKS, PRESETS, WEEKS, SatelliteCellExplorer, satellietcellen
from explorers.satellite_cells import model_inputs as satellite_inputs


def test_eiwitbalans_tekent_het_model():
    ex = eiwitbalans()
    t, y = ex.artists["synthesis"].get_data()
    expected = protein.synthesis_response(t, **ProteinExplorer.scenario(ex.start)["day"])
    np.testing.assert_allclose(y, expected.synthesis)
    np.testing.assert_allclose(ex.artists["net"].get_ydata(), expected.net)


def test_eiwitbalans_maaltijden_over_de_dag_verdeeld_op_beide_dagen():
    def times(n):
        scenario = ProteinExplorer.scenario("training, 3 maaltijden van 20 g", meals_per_day=n)
        return [t for t, _ in scenario["day"]["meals"]]

    assert times(3) == [8.0, 14.0, 20.0, 32.0, 38.0, 44.0]
    assert times(1) == [14.0, 38.0]  # one meal a day: at midday, not none
    assert times(0) == []


def test_eiwitbalans_scenario_zonder_training_en_met_de_dosis_van_het_voorbeeld():
    inputs = ProteinExplorer.scenario("geen training, 3 maaltijden")
    assert inputs["day"]["session_at_h"] is None
    big = ProteinExplorer.scenario("training om 13 uur, 1 × 100 g")
    assert big["day"] == dict(session_at_h=13, meals=[(14.0, 100), (38.0, 100)], body_mass_kg=80, age_years=25)
    assert big["meal"] == dict(protein_g=100, body_mass_kg=80, age_years=25)
    assert ProteinExplorer.scenario("68 jaar, 62 kg, 3 × 15 g")["person"] == dict(body_mass_kg=62, age_years=68)


def test_eiwitbalans_nuchter_nooit_positief_en_zegt_dat():
    ex = eiwitbalans(start="training, nuchter")
    assert np.all(ex.artists["net"].get_ydata() < 0)
    assert "De netto balans is 0 van de 48 uur positief" in ex.readout.value
    assert "negatief" in ex.readout.value


def test_eiwitbalans_uitlezing_noemt_de_uren_en_de_som_van_de_netto_balans():
    ex = eiwitbalans()
    balance = protein.net_balance(48, **ProteinExplorer.scenario(ex.start)["day"])
    assert f"De netto balans is {fmt(balance.positive_h, 0)} van de 48 uur positief" in ex.readout.value
    assert balance.net > 0 and "opgeteld is hij positief" in ex.readout.value
    assert f"maximaal op {fmt(balance.peak_synthesis, 1)} keer de nuchtere rustwaarde" in ex.readout.value


def test_eiwitbalans_100_g_per_maaltijd_werkt_langer_en_de_uitlezing_zegt_hoe_lang():
    ex = eiwitbalans(start="training om 13 uur, 1 × 100 g")
    assert ex.controls["protein_g"].max == 100
    hours = protein.meal_effect_h(100, body_mass_kg=80, age_years=25)
    assert hours > 12
    assert f"de opbouw blijft daarna ongeveer {fmt(hours, 0)} uur verhoogd" in ex.readout.value


def test_eiwitbalans_oudere_hogere_verzadigende_dosis_in_de_uitlezing():
    ex = eiwitbalans(start="70 jaar, 3 × 20 g")
    dose = protein.saturating_dose_g(body_mass_kg=80, age_years=70)
    assert f"ongeveer {fmt(dose, 0)} g eiwit per maaltijd" in ex.readout.value
    assert f"20 g geeft {fmt(protein.dose_share_pct(20, age_years=70), 0)}% van het maximale" in ex.readout.value
    assert ex.artists["saturating"].get_xdata()[0] == pytest.approx(dose)


def test_trainingsvariabelen_curve_is_het_model_en_punt_ligt_erop():
    ex = trainingsvariabelen()
    sets, gain = ex.artists["curve"].get_data()
    np.testing.assert_allclose(gain, training.hypertrophy_gain_pct(sets, load_pct_1rm=75, weeks=12))
    x, y = ex.artists["now"].get_data()
    assert y[0] == pytest.approx(training.hypertrophy_gain_pct(x[0], load_pct_1rm=75, weeks=12))
    assert ex.readout.value.count("✔") == len(training.GUIDELINE)


def test_trainingsvariabelen_scenario_is_het_groeimodel_en_het_programma():
    inputs = TrainingVariablesExplorer.scenario("licht tot falen: 30% 1RM", weekly_sets=14)
    assert inputs["growth"] == dict(weekly_sets=14, load_pct_1rm=30, weeks=12, reps_in_reserve=0)
    assert inputs["programme"] == dict(load_pct_1rm=30, reps=30, reps_in_reserve=0, weekly_sets=14, rest_s=90,
                                       sessions_per_week=2)
    result = TrainingVariablesExplorer.result("licht tot falen: 30% 1RM", weekly_sets=14)
    assert result.gain_pct == training.hypertrophy_gain_pct(**inputs["growth"])
    assert result.relative_pct == training.growth_relative_to_heavy_pct(30)


def test_trainingsvariabelen_belastingspunt_ligt_op_de_curve_ten_opzichte_van_zwaar():
    ex = trainingsvariabelen(start="zeer licht: 20% 1RM")
    x, y = ex.artists["load_now"].get_data()
    assert (x[0], y[0]) == (20, pytest.approx(training.growth_relative_to_heavy_pct(20)))
    measured = training.measured_relative_to_heavy_pct()
    assert any(list(line.get_ydata()) == list(measured.values()) for line in ex.figure.axes[1].lines)


def test_trainingsvariabelen_herhalingen_in_reserve_verlagen_de_curve_en_de_uitlezing_zegt_hoeveel():
    ex = trainingsvariabelen(start="ver van falen: 5 in reserve", vergelijk="volgens de richtlijn")
    sets, gain = ex.artists["curve"].get_data()
    np.testing.assert_allclose(gain, training.hypertrophy_gain_pct(sets, load_pct_1rm=75, weeks=12, reps_in_reserve=5))
    assert np.all(gain[1:] < ex.artists["ref"].get_ydata()[1:])
    share = round(100 * training.proximity_factor(5))
    assert f"Met 5 herhalingen in reserve is dat {share}% van de groei bij sets tot falen" in ex.readout.value
    assert "✘ <strong>Herhalingen in reserve</strong>: 5, hoger dan de richtlijn (0–3)" in ex.readout.value
    assert ex.controls["reps_in_reserve"].max == training.INPUTS["reps_in_reserve"].hi


def test_trainingsvariabelen_veel_sets_de_uitlezing_noemt_wat_de_sets_boven_de_richtlijn_opleveren():
    ex = trainingsvariabelen(start="veel volume: 24 sets per week")
    extra = training.hypertrophy_gain_pct(24) - training.hypertrophy_gain_pct(20)
    assert f"De sets boven 20 leveren volgens het model samen nog {fmt(extra, 1)}% extra op" in ex.readout.value
    ex.apply("weinig volume: 4 sets per week")
    assert f"Met 10 sets voorspelt het model {fmt(training.hypertrophy_gain_pct(10), 1)}%" in ex.readout.value


def test_trainingsvariabelen_rust_van_drie_minuten_valt_binnen_de_richtlijn():
    ex = trainingsvariabelen(start="zwaar en kort: 90% 1RM, 3 herhalingen")
    assert "✔ <strong>Rust tussen sets</strong>: 180 s, binnen de richtlijn (60–180 s)" in ex.readout.value


def test_trainingsvariabelen_licht_tot_falen_legt_uit_waarom_het_toch_werkt():
    ex = trainingsvariabelen(start="licht tot falen: 30% 1RM")
    assert "✘ <strong>Belasting</strong>: 30 % 1RM, lager dan de richtlijn" in ex.readout.value
    relative = fmt(training.growth_relative_to_heavy_pct(30), 0)
    assert f"geeft deze belasting volgens het model {relative}% van de groei bij zware belasting" in ex.readout.value


def test_rekenaar_noemt_beide_formules_en_het_doelgewicht():
    ex = rekenaar_1rm()
    text = ex.readout.value
    assert f"Epley {fmt(training.one_rm(80, 8), 1)} kg" in text
    assert f"Brzycki {fmt(training.one_rm(80, 8, 'brzycki'), 1)} kg" in text
    target = training.load_for_reps(training.one_rm(80, 8), 10)
    assert f"{fmt(target, 1)} kg (Epley)" in text


def test_rekenaar_tekent_geen_vergelijking_en_zegt_dat_als_je_erom_vraagt():
    ex = rekenaar_1rm()
    ex.controls["weight_kg"].value = 100
    assert ex.reference() is None and not any("vergelijking" in t.get_text()
                                              for t in ex.figure.subfigs[-1].legends[0].texts)
    with pytest.raises(ValueError, match='De 1RM-rekenaar tekent geen vergelijking: laat vergelijk="30 kg'):
        OneRMExplorer("80 kg, 8 herhalingen", "30 kg, 15 herhalingen")


def test_rekenaar_scenario_is_de_set_tot_falen_en_het_doel():
    inputs = OneRMExplorer.scenario("45 kg, 8 herhalingen; doel 5")
    assert inputs == {"set": dict(weight_kg=45.0, reps=8), "target": dict(reps=5)}
    result = OneRMExplorer.result("45 kg, 8 herhalingen; doel 5")
    assert result.one_rm_kg == {f: training.one_rm(45.0, 8, f) for f in training.FORMULAS}
    assert result.target_kg["brzycki"] == pytest.approx(training.load_for_reps(training.one_rm(45, 8, "brzycki"), 5,
                                                                               "brzycki"))


def test_rekenaar_brzycki_valt_af_boven_zijn_bereik():
    ex = rekenaar_1rm(start="30 kg, 15 herhalingen")
    assert "Brzycki is alleen bedoeld voor sets tot en met 12 herhalingen" in ex.readout.value
    assert len(ex.artists["brzycki"].get_xdata()) == 0
    assert ex.controls["reps"].max == max(training.MAX_REPS.values())


@pytest.mark.parametrize("make, key, value", [(eiwitbalans, "protein_g", 35), (trainingsvariabelen, "weekly_sets", 18),
                                              (rekenaar_1rm, "target_reps", 6)])
def test_elke_stap_draait_het_model_een_keer_en_de_weergave_rekent_niet_zelf(monkeypatch, make, key, value):
    ex = make()
    runs = []
    cls = type(ex)
    monkeypatch.setattr(ex, "run", lambda inputs: runs.append(repr(inputs)) or cls.run(inputs))
    start = ex.controls[key].value
    ex.controls[key].value = value
    assert runs == [repr(cls.scenario(ex.start, **{key: value}))]  # the dashed start is kept from before

    def forbidden(*args, **kwargs):
        raise AssertionError("een modelaanroep buiten run")

    for module in (protein, training):
        for name in module.__all__:
            if callable(getattr(module, name)) and not isinstance(getattr(module, name), type):
                monkeypatch.setattr(module, name, forbidden)
    ex.controls[key].value = start  # both scenarios shown are remembered: update only sets the artists
    assert ex.values == ex.presets[ex.start]


def test_satellietcellen_tekent_het_model_en_plafond_alleen_als_het_aan_staat():
    ex = satellietcellen()
    course = satellite_cells.training_course(WEEKS, **SatelliteCellExplorer.scenario(ex.start))
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


def test_satellietcellen_scenario_van_een_voorbeeld_is_de_vertaling_van_zijn_knoppen():
    for preset, values in PRESETS.items():
        inputs = SatelliteCellExplorer.scenario(preset)
        assert inputs == satellite_inputs(values)
        assert inputs["myonuclear_loss_weeks"] == (LOSS_WEEKS if values["nuclei"] == "lost" else None)
    assert SatelliteCellExplorer.scenario("niet-reageerder", age_years=70) == dict(
        training_weeks=16, age_years=70, responder="low", ceiling=False, myonuclear_loss_weeks=None)


def test_satellietcellen_draait_het_model_een_keer_per_scenario_per_stap(monkeypatch):
    ex = satellietcellen()
    runs = []
    monkeypatch.setattr(ex, "run", lambda inputs: runs.append(repr(inputs)) or SatelliteCellExplorer.run(inputs))
    for age in (40, 41):
        runs.clear()
        ex.controls["age_years"].value = age
        assert runs == [repr(SatelliteCellExplorer.scenario(ex.start, age_years=age))]  # the dashed start is kept


def test_satellietcellen_uitlezing_noemt_wat_het_model_geeft_op_drie_momenten():
    ex = satellietcellen(start="sterke reageerder")
    result = SatelliteCellExplorer.result("sterke reageerder")
    text = ex.readout.value
    assert f"Na 16 weken training</strong> ({fmt(round(result.stop.fibre_growth_pct))}% groei)" in text
    assert f"vezel {fmt(round(result.stop.fibre_csa_um2))} µm²" in text
    assert f"{fmt(round(result.end.myonuclei_per_fibre, 2))} kernen per vezel" in text
    assert "62 weken na het stoppen" in text
    ex.controls["training_weeks"].value = ex.controls["training_weeks"].max  # trains past the figure's end
    assert "Na 104 weken training" in ex.readout.value and "na het stoppen" not in ex.readout.value
