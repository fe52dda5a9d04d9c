"""What the pages of the chapter "Kracht én duur" say about the meta-analyses (kracht-en-duur), the weekplanner's
examples (kracht-en-duur-weekplanning) and the fitness–fatigue explorer's examples (kracht-en-duur-herstel) holds for
the models."""

import numpy as np
import pytest

from edu import concurrent, fitness_fatigue
from explorers.concurrent import WeekPlannerExplorer as W
from explorers.fitness_fatigue import FitnessFatigueExplorer as F

WILSON, SPRINT, APART = "veel hardlopen, zoals in Wilson 2012", "sprinter in één sessie", {"hours_between": 24}
FAST, SLOW = "snelle hersteller (vermoeidheid 4 dagen)", "trage hersteller (vermoeidheid 12 dagen)"
MEASURED = concurrent.measured_ratios()


def week(preset, **changes):
    return W.result(preset, **changes).adaptation


def apart(preset, **changes):
    """The week of ``preset`` with a day between strength and endurance, as the page describes it."""
    return concurrent.relative_adaptation(**W.scenario(preset, **changes) | APART)


@pytest.fixture(scope="module")
def samen():
    return week("kracht en duur in één sessie")


def test_op_aparte_dagen_houdt_een_beginner_vrijwel_alles_alleen_explosief_een_paar_procent_minder():
    a = week("3× kracht, 2× duur op aparte dagen")
    assert a.hypertrophy > 0.99 and a.max_strength > 0.99 and a.vo2max > 0.99
    assert 0.95 <= a.explosive_strength < 0.99


def test_in_een_sessie_lijdt_explosieve_kracht_het_meest_door_de_sessie_zelf(samen):
    assert samen.explosive_strength < min(samen.hypertrophy, samen.max_strength, samen.vo2max)
    assert samen.explosive_strength < 0.85 and samen.hypertrophy > 0.95 and samen.max_strength > 0.95
    assert samen.same_session["explosive_strength"] > samen.separate_sessions["explosive_strength"]


def test_duur_voor_kracht_kost_kracht_en_explosiviteit_niet_spiermassa_of_vo2max(samen):
    first = week("duur vóór kracht in één sessie")
    assert first.max_strength < samen.max_strength and first.explosive_strength < samen.explosive_strength
    assert first.hypertrophy == pytest.approx(samen.hypertrophy, abs=1e-9)
    assert first.vo2max == pytest.approx(samen.vo2max, abs=1e-9)


def test_veel_hardlopen_kost_in_het_model_veel_minder_dan_bij_wilson_behalve_explosieve_kracht():
    running, wilson = week(WILSON), MEASURED["wilson2012"]
    assert all(getattr(running, q) > wilson[q] + 0.15 for q in ("hypertrophy", "max_strength"))
    assert running.explosive_strength == pytest.approx(wilson["explosive_strength"], abs=0.1)
    assert running.explosive_strength < running.hypertrophy and running.hypertrophy > 0.95
    assert running.max_strength > 0.95 and running.vo2max > 0.9
    assert wilson["explosive_strength"] < wilson["hypertrophy"] < wilson["max_strength"]


def test_in_dezelfde_sessie_maakt_de_soort_duurtraining_niets_uit_op_aparte_dagen_hardlopen_iets():
    assert week(WILSON, endurance_modality="cycling") == week(WILSON)
    running, cycling = apart(WILSON), apart(WILSON, endurance_modality="cycling")
    assert running.explosive_strength < cycling.explosive_strength
    assert running.hypertrophy > 0.98
    assert running.separate_sessions["explosive_strength"] > running.same_session["explosive_strength"]


def test_de_sprinter_verliest_in_een_sessie_veel_explosieve_kracht_met_6_uur_ertussen_weinig(samen):
    same, six, day = week(SPRINT), week("sprinter, 6 uur ertussen"), apart("sprinter, 6 uur ertussen")
    assert same.explosive_strength < samen.explosive_strength and same.explosive_strength < 0.65
    assert six.explosive_strength > 0.9
    assert same.max_strength < six.max_strength <= day.max_strength
    assert same.vo2max < six.vo2max < day.vo2max
    assert same.same_session["vo2max"] > same.separate_sessions["vo2max"]  # fatigue right after strength


def test_de_sprinter_volgt_petre_2021_in_een_sessie_en_op_aparte_dagen():
    assert week(SPRINT).max_strength == pytest.approx(MEASURED["petre2021"]["athlete", "same_session"], abs=0.03)
    assert apart("sprinter, 6 uur ertussen").max_strength == pytest.approx(
        MEASURED["petre2021"]["athlete", "different_sessions"], abs=0.03)


def test_een_sprintster_verliest_geen_maximale_kracht_wel_evenveel_explosieve_kracht():
    woman = week(SPRINT, sex="female")
    assert woman.max_strength == 1.0 and woman.explosive_strength == week(SPRINT).explosive_strength


def test_na_een_training_ben_je_eerst_slechter_na_ongeveer_zes_dagen_terug_en_op_je_best_na_drie_weken():
    back, best = fitness_fatigue.break_even_day(), fitness_fatigue.peak_day()
    assert 5 < back < 7 < 14 < best < 28
    one = fitness_fatigue.impulse_response([100.0] + [0.0] * 60)
    assert one[1] < 0 and one[int(back)] < 0 < one[int(back) + 1]
    assert int(np.argmax(one)) == round(best)


@pytest.fixture(scope="module")
def blocks():
    return {preset: F.result(preset) for preset in F.presets}


def test_zonder_taper_vrijwel_het_hele_blok_negatief_met_een_herstelweek_die_de_vorm_optilt(blocks):
    block = blocks["12 weken opbouw, geen taper"]
    form = block.manager.form
    assert block.race.form < 0 and block.race.top_fitness_days_before <= 2
    assert np.all(form[7:-1] < 1)
    assert form[21:28].max() > form[14:21].max() + 5


def test_een_taper_van_twee_weken_maakt_de_vorm_positief_de_vermoeidheid_zakt_veel_sneller_dan_de_fitheid(blocks):
    none, taper = blocks["12 weken opbouw, geen taper"].race, blocks["taper van 2 weken (50% minder)"].race
    assert taper.form > 0 > none.form and taper.fitness < none.fitness
    assert 1 - taper.fatigue / none.fatigue > 2 * (1 - taper.fitness / none.fitness)


def test_een_taper_van_vier_weken_kost_fitheid_en_de_beste_vorm_komt_te_vroeg(blocks):
    taper, long = blocks["taper van 2 weken (50% minder)"].race, blocks["te lange taper: 4 weken"].race
    assert 0 < long.form < taper.form and long.fitness < taper.fitness
    assert long.best_form_days_before > taper.best_form_days_before and long.best_form_days_before >= 4


def test_helemaal_stoppen_geeft_in_het_model_de_beste_vorm_en_de_laagste_fitheid_van_alle_voorbeelden(blocks):
    stop = blocks["taper door helemaal te stoppen"].race
    assert all(stop.form >= b.race.form for b in blocks.values())
    assert all(stop.fitness <= b.race.fitness for b in blocks.values())
    others = [blocks[p].race for p in ("taper van 2 weken (50% minder)", "te lange taper: 4 weken",
                                       FAST)]
    assert stop.form > max(r.form for r in others) and stop.fitness < others[1].fitness


def test_een_snelle_hersteller_is_frisser_met_dezelfde_fitheid_een_trage_heeft_een_langere_taper_nodig(blocks):
    fast, slow = blocks[FAST].race, blocks[SLOW].race
    assert fast.form > blocks["taper van 2 weken (50% minder)"].race.form > slow.form > 0
    assert fast.fitness == pytest.approx(slow.fitness, abs=1e-9)
    assert F.result(SLOW, taper_days=7).race.form < 0 < F.result(FAST, taper_days=7).race.form
    assert F.result(SLOW, taper_days=21).race.form > slow.form


def test_te_veel_te_snel_hoge_fitheid_nog_hogere_vermoeidheid_vorm_het_hele_blok_negatief(blocks):
    much, normal = blocks["te veel, te snel"], blocks["12 weken opbouw, geen taper"].race
    assert much.race.fatigue > much.race.fitness > normal.fitness and much.race.form < 0
    assert np.all(much.manager.form[7:] < 0)


def test_de_voorspelling_over_veel_hardlopen_bij_wilson_bleef_ongeveer_twee_derde_van_de_spiergroei_over():
    # the prediction's wrong option "Ongeveer twee derde, zoals in de studies van Wilson"
    assert MEASURED["wilson2012"]["hypertrophy"] == pytest.approx(2 / 3, abs=0.05)


def test_daan_houdt_met_lopen_op_andere_dagen_vrijwel_al_zijn_spiergroei():
    # the quick check on kracht-en-duur-weekplanning, with Daan's week from the question bank
    daan = week("3× kracht, 2× duur op aparte dagen", day3="endurance", day6="endurance", training_status="trained",
                goal="hypertrophy", endurance_modality="running", endurance_minutes=50)
    assert daan.hypertrophy > 0.98
