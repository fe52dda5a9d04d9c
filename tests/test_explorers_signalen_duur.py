"""The explorers of "Twee signaalroutes" and "Kracht én duur" draw the models and say what they show."""

import numpy as np
import pytest

from edu import concurrent, fitness_fatigue, signaling
from edu.validation import fmt
from explorers import concurrent as week_module
from explorers import fitness_fatigue as block_module
from explorers import signaling as day_module
from explorers.concurrent import WeekPlannerExplorer, weekplanner
from explorers.fitness_fatigue import FitnessFatigueExplorer, fitheid_vermoeidheid
from explorers.signaling import T_H, SignalingExplorer, signaalroutes

EXPLORERS = [(signaalroutes, day_module), (weekplanner, week_module), (fitheid_vermoeidheid, block_module)]


@pytest.mark.parametrize("make, module", EXPLORERS)
def test_het_scenario_van_elk_voorbeeld_is_de_vertaling_van_zijn_knoppen(make, module):
    cls = type(make())
    for preset, values in module.PRESETS.items():
        assert repr(cls.scenario(preset)) == repr(module.model_inputs(values)), preset


@pytest.mark.parametrize("make, module", EXPLORERS)
def test_een_stap_draait_het_model_een_keer_voor_het_nieuwe_scenario(make, module, monkeypatch):
    ex = make()
    runs = []
    monkeypatch.setattr(ex, "run", lambda inputs: runs.append(inputs) or module.run(inputs))
    key, control = next((k, c) for k, c in ex.controls.items() if hasattr(c, "min"))
    control.value = control.value + control.step if control.value + control.step <= control.max else control.min
    assert runs == [ex.model_inputs(ex.values)]  # the start, drawn dashed now, was run when the explorer opened
    runs.clear()
    ex.refresh()
    assert runs == []  # the same scenario again: no model call


def test_signaalroutes_tekent_het_model():
    ex = signaalroutes()
    expected = signaling.day(**SignalingExplorer.scenario(ex.start))
    for panel, attribute in (("strength", "mtorc1"), ("endurance", "ampk"), ("endurance", "pgc1a")):
        np.testing.assert_allclose(ex.artists[panel][attribute].get_ydata(), getattr(expected, attribute))
    assert f"<strong>{fmt(round(expected.overlap_h(), 1))} uur</strong>" in ex.readout.value


def test_signaalroutes_getraind_minder_overlap_dan_ongetraind():
    def overlap(preset):
        return SignalingExplorer.result(preset).signals.overlap_h()

    assert overlap("getraind: meer specifiek") < overlap("kracht en duur op aparte momenten")
    ex = signaalroutes(start="getraind: meer specifiek")
    assert "<strong>0 uur</strong>" in ex.readout.value


def test_signaalroutes_sterke_rem_in_de_uitlezing_en_lager_mtorc1():
    weak = signaalroutes(start="duur direct na kracht")
    strong = signaalroutes(start="sterke rem zoals bij ratten", vergelijk="duur direct na kracht")
    assert strong.artists["strength"]["mtorc1"].get_ydata().max() < weak.artists["strength"]["mtorc1"].get_ydata().max()
    lost = SignalingExplorer.result("sterke rem zoals bij ratten").brake_pct
    assert f"De rem van AMPK haalt {fmt(lost, 0)}% van de mTORC1-piek weg." in strong.readout.value
    assert len(strong.artists["strength"]["ref mtorc1"].get_xdata()) == len(T_H)


def test_signaalroutes_trainingen_en_metingen_op_hun_plaats():
    ex = signaalroutes(start="alleen krachttraining")
    assert len(ex.artists["endurance"]["measured"].get_xdata()) == 0
    assert not ex.artists["strength"]["endurance"].get_visible()
    assert ex.artists["strength"]["strength"].get_x() == 9.0 and ex.artists["strength"]["strength"].get_width() == 0.75
    ex.controls["day"].value = "endurance"
    x, y = ex.artists["endurance"]["measured"].get_data()
    assert sorted(y) == [1.0, 2.8, 3.8, 10.2]
    assert sorted(set(x)) == [18.0, 21.0]  # right after the ride (17.00-18.00) and 3 h later


def test_signaalroutes_duurtraining_niet_langer_dan_vol_te_houden_en_niet_tijdens_de_krachttraining():
    ex = signaalroutes()
    c = ex.controls
    c["endurance_pct_vo2max"].value = 100   # about 6 minutes at VO2max (Billat e.a. 2000)
    assert c["endurance_min"].value <= signaling.max_endurance_min(1.0)
    assert "ongeveer 6 minuten vol" in ex.readout.value
    c["endurance_pct_vo2max"].value, c["endurance_min"].value = 60, 120
    for hour in np.arange(6, 22.5, 0.5):  # dragged across the strength session, it jumps over it
        c["endurance_h"].value = hour
        start, end = c["strength_h"].value, c["strength_h"].value + 45 / 60
        assert c["endurance_h"].value >= end or c["endurance_h"].value + 2 <= start
    signaling.day(**ex.model_inputs(ex.values))  # the model accepts what the explorer shows


def test_weekplanner_balken_zijn_het_model():
    ex = weekplanner(start="kracht en duur in één sessie")
    expected = concurrent.relative_adaptation(**WeekPlannerExplorer.scenario(ex.start))
    widths = [bar.get_width() for bar in ex.bars]
    np.testing.assert_allclose(widths, [100 * getattr(expected, q) for q in concurrent.QUALITIES])


def test_weekplanner_scenario_is_de_weekplanning_van_het_model():
    plan = [week_module.PRESETS["sprinter, 6 uur ertussen"][k] for k in week_module.DAY_KEYS]
    inputs = WeekPlannerExplorer.scenario("sprinter, 6 uur ertussen")
    assert inputs == concurrent.week_inputs(plan) | dict(training_status="athlete", endurance_modality="cycling",
                                                         endurance_minutes=30, sex="male")
    assert inputs["hours_between"] == 6.0


def test_weekplanner_sprinter_legt_uit_waarom_explosieve_kracht_lijdt():
    ex = weekplanner(start="sprinter in één sessie")
    assert "Explosieve kracht lijdt hier omdat kracht en duur in dezelfde sessie vallen" in ex.readout.value
    assert "Als atleet verlies je hier meer dan een beginner." in ex.readout.value
    apart = weekplanner(start="sprinter, 6 uur ertussen")
    assert apart.bars[2].get_width() > ex.bars[2].get_width() + 30


def test_weekplanner_veel_hardlopen_kost_weinig_spiermassa_anders_dan_bij_wilson():
    ex = weekplanner(start="veel hardlopen, zoals in Wilson 2012")
    assert "Hier stoort de combinatie nauwelijks." in ex.readout.value
    assert ex.bars[0].get_width() > 100 * concurrent.measured_ratios()["wilson2012"]["hypertrophy"] + 20
    assert "Ook: explosieve kracht" in ex.readout.value


def test_weekplanner_hardlopen_op_aparte_dagen_noemt_de_landingen():
    ex = weekplanner(start="hardloopster: kracht en lopen op aparte dagen")
    ex.controls["goal"].value = "explosive_strength"
    assert "Explosieve kracht verliest hier een klein deel, ook met 24 uur tussen kracht en duur" in ex.readout.value
    assert "landingen" in ex.readout.value


def test_weekplanner_bij_een_vrouw_lijdt_alleen_de_maximale_kracht_minder():
    man = weekplanner(start="sprinter in één sessie")
    woman = weekplanner(start="sprinter in één sessie")
    woman.controls["sex"].value = "female"
    widths = [[bar.get_width() for bar in ex.bars] for ex in (man, woman)]
    assert widths[1][1] > widths[0][1] + 30  # maximale kracht
    assert [widths[1][i] for i in (0, 2, 3)] == [widths[0][i] for i in (0, 2, 3)]
    assert "Cliënt: atleet, vrouw." in woman.readout.value


def test_weekplanner_dag_verplaatsen_verandert_de_tijd_ertussen():
    ex = weekplanner()
    assert "kortste tijd ertussen: 24 uur" in ex.readout.value
    ex.controls["day1"].value = "rest"
    ex.controls["day0"].value = "strength/endurance"
    assert "kortste tijd ertussen: 6 uur" in ex.readout.value
    ex.controls["day0"].value = "endurance+strength"
    assert "zelfde sessie, duur eerst" in ex.readout.value


def test_weekplanner_metingen_zijn_de_gepubliceerde_verhoudingen():
    ex = weekplanner()
    measured = concurrent.measured_ratios()
    points = {tuple(np.round(line.get_xdata(), 6)) for line in ex.ax.lines if line.get_marker() in ("o", "s")}
    for study in ("wilson2012", "schumann2022"):
        assert tuple(np.round([100 * r for r in measured[study].values()], 6)) in points


def test_fitheid_vermoeidheid_tekent_het_model():
    ex = fitheid_vermoeidheid()
    inputs = FitnessFatigueExplorer.scenario(ex.start)
    load = fitness_fatigue.training_plan(**inputs["training_plan"])
    expected = fitness_fatigue.performance_manager(load, **inputs["performance_manager"])
    np.testing.assert_allclose(ex.artists["load"]["fitness"].get_ydata(), expected.fitness)
    np.testing.assert_allclose(ex.artists["form"]["form"].get_ydata(), expected.form)
    assert ex.artists["form"]["form"].get_xdata()[-1] == 0  # the competition day
    assert f"vorm <strong>{fmt(expected.form[-1], 0)}</strong>" in ex.readout.value


def test_fitheid_vermoeidheid_ruit_op_de_beste_vorm_van_de_laatste_vier_weken():
    ex = fitheid_vermoeidheid(start="te lange taper: 4 weken")
    race = FitnessFatigueExplorer.result("te lange taper: 4 weken").race
    assert ex.artists["form"]["best"].get_xdata()[0] == -race.best_form_days_before
    assert ex.artists["form"]["best"].get_ydata()[0] == race.best_form
    assert f"valt {race.best_form_days_before} dagen ervoor" in ex.readout.value


def test_fitheid_vermoeidheid_taper_maakt_de_vorm_positief():
    without = fitheid_vermoeidheid()
    taper = fitheid_vermoeidheid(start="taper van 2 weken (50% minder)")
    assert "negatief" in without.readout.value and "positief" in taper.readout.value
    assert taper.artists["form"]["form"].get_ydata()[-1] > without.artists["form"]["form"].get_ydata()[-1]


def test_fitheid_vermoeidheid_trage_hersteller_minder_fris():
    fast = FitnessFatigueExplorer.result("snelle hersteller (vermoeidheid 4 dagen)").race
    slow = FitnessFatigueExplorer.result("trage hersteller (vermoeidheid 12 dagen)").race
    assert slow.form < fast.form


def test_fitheid_vermoeidheid_herstelweek_geen_is_nul_in_het_model():
    assert FitnessFatigueExplorer.scenario("te veel, te snel")["training_plan"]["recovery_every"] == 0
    assert FitnessFatigueExplorer.scenario("12 weken opbouw, geen taper")["training_plan"]["recovery_every"] == 4


def test_fitheid_vermoeidheid_langere_aanloop_verbreedt_de_as_en_de_taper_past_in_het_blok():
    ex = fitheid_vermoeidheid()
    ex.controls["weeks"].value = 20
    assert ex.axes["load"].get_xlim()[0] == -(7 * 20 - 1) - 1
    ex.controls["taper_days"].value = 42
    ex.controls["weeks"].value = 2
    assert ex.controls["taper_days"].value == 14  # no longer than the block
