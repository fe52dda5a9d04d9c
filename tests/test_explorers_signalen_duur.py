"""The explorers of "Twee signaalroutes" and "Kracht én duur" draw the models and say what they show."""

import numpy as np
import pytest

from edu import concurrent, fitness_fatigue, signaling
from edu.validation import fmt
from explorers import fitheid_vermoeidheid, signaalroutes, weekplanner
from explorers.concurrent import PRESETS as WEEK_PRESETS
from explorers.concurrent import measured_ratios
from explorers.concurrent import model_inputs as week_model_inputs
from explorers.fitness_fatigue import PRESETS as FF_PRESETS
from explorers.fitness_fatigue import simulate
from explorers.signaling import PRESETS as SIGNAL_PRESETS
from explorers.signaling import T_H
from explorers.signaling import model_inputs as signal_inputs


def test_signaalroutes_tekent_het_model():
    ex = signaalroutes()
    expected = signaling.day(T_H, **signal_inputs(SIGNAL_PRESETS[ex.start]))
    for panel, attribute in (("strength", "mtorc1"), ("endurance", "ampk"), ("endurance", "pgc1a")):
        np.testing.assert_allclose(ex.artists[panel][attribute].get_ydata(), getattr(expected, attribute))
    assert f"<strong>{fmt(round(expected.overlap_h(), 1))} uur</strong>" in ex.readout.value


def test_signaalroutes_getraind_minder_overlap_dan_ongetraind():
    def overlap(preset):
        return signaling.day(T_H, **signal_inputs(SIGNAL_PRESETS[preset])).overlap_h()

    assert overlap("getraind: meer specifiek") < overlap("kracht en duur op aparte momenten")
    ex = signaalroutes(start="getraind: meer specifiek")
    assert "<strong>0 uur</strong>" in ex.readout.value


def test_signaalroutes_sterke_rem_in_de_uitlezing_en_lager_mtorc1():
    weak = signaalroutes(start="duur direct na kracht")
    strong = signaalroutes(start="sterke rem zoals bij ratten", vergelijk="duur direct na kracht")
    assert strong.artists["strength"]["mtorc1"].get_ydata().max() < weak.artists["strength"]["mtorc1"].get_ydata().max()
    assert "De rem van AMPK haalt" in strong.readout.value
    assert len(strong.artists["strength"]["ref mtorc1"].get_xdata()) == len(T_H)


def test_signaalroutes_metingen_alleen_bij_duurtraining():
    ex = signaalroutes(start="alleen krachttraining")
    assert len(ex.artists["endurance"]["measured"].get_xdata()) == 0
    ex.controls["day"].value = "endurance"
    x, y = ex.artists["endurance"]["measured"].get_data()
    assert sorted(y) == [1.0, 2.8, 3.8, 10.2]


def test_signaalroutes_duurtraining_niet_langer_dan_vol_te_houden_en_niet_tijdens_de_krachttraining():
    ex = signaalroutes()
    c = ex.controls
    c["endurance_pct"].value = 100   # about 6 minutes at VO2max (Billat e.a. 2000)
    assert c["endurance_min"].value <= signaling.max_endurance_min(1.0)
    assert "ongeveer 6 minuten vol" in ex.readout.value
    c["endurance_pct"].value, c["endurance_min"].value = 60, 120
    for hour in np.arange(6, 22.5, 0.5):  # dragged across the strength session, it jumps over it
        c["endurance_h"].value = hour
        start, end = c["strength_h"].value, c["strength_h"].value + 45 / 60
        assert c["endurance_h"].value >= end or c["endurance_h"].value + 2 <= start
    signaling.day(T_H, **signal_inputs(ex.values))  # the model accepts what the explorer shows


def test_weekplanner_balken_zijn_het_model():
    ex = weekplanner(start="kracht en duur in één sessie")
    expected = concurrent.relative_adaptation(**week_model_inputs(WEEK_PRESETS[ex.start]))
    widths = [bar.get_width() for bar in ex.bars]
    np.testing.assert_allclose(widths, [100 * getattr(expected, q) for q in concurrent.QUALITIES])


def test_weekplanner_sprinter_legt_uit_waarom_explosieve_kracht_lijdt():
    ex = weekplanner(start="sprinter in één sessie")
    assert "Explosieve kracht lijdt hier omdat kracht en duur in dezelfde sessie vallen" in ex.readout.value
    apart = weekplanner(start="sprinter, 6 uur ertussen")
    assert apart.bars[2].get_width() > ex.bars[2].get_width() + 30


def test_weekplanner_veel_hardlopen_kost_weinig_spiermassa_anders_dan_bij_wilson():
    ex = weekplanner(start="veel hardlopen, zoals in Wilson 2012")
    assert "Hier stoort de combinatie nauwelijks." in ex.readout.value
    assert ex.bars[0].get_width() > 100 * measured_ratios()["wilson2012"]["hypertrophy"] + 20
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
    ratios = measured_ratios()
    assert ratios["wilson2012"]["hypertrophy"] == pytest.approx(0.85 / 1.23)
    assert ratios["schumann2022"]["explosive_strength"] == pytest.approx(1 - 0.28 / 0.91)


def test_fitheid_vermoeidheid_tekent_het_model():
    ex = fitheid_vermoeidheid()
    load, expected = simulate(FF_PRESETS[ex.start])
    np.testing.assert_allclose(ex.artists["load"]["fitness"].get_ydata(), expected.fitness)
    np.testing.assert_allclose(ex.artists["form"]["form"].get_ydata(), expected.form)
    assert ex.artists["form"]["form"].get_xdata()[-1] == 0  # the competition day
    assert f"vorm <strong>{fmt(round(float(expected.form[-1])))}</strong>" in ex.readout.value


def test_fitheid_vermoeidheid_taper_maakt_de_vorm_positief():
    without = fitheid_vermoeidheid()
    taper = fitheid_vermoeidheid(start="taper van 2 weken (50% minder)")
    assert "negatief" in without.readout.value and "positief" in taper.readout.value
    assert taper.artists["form"]["form"].get_ydata()[-1] > without.artists["form"]["form"].get_ydata()[-1]


def test_fitheid_vermoeidheid_trage_hersteller_minder_fris():
    fast = simulate(FF_PRESETS["snelle hersteller (vermoeidheid 4 dagen)"])[1]
    slow = simulate(FF_PRESETS["trage hersteller (vermoeidheid 12 dagen)"])[1]
    assert slow.form[-1] < fast.form[-1]


def test_fitheid_vermoeidheid_langere_aanloop_verbreedt_de_as():
    ex = fitheid_vermoeidheid()
    ex.controls["weeks"].value = 20
    assert ex.axes["load"].get_xlim()[0] == -(7 * 20 - 1) - 1
    assert fitness_fatigue.training_plan(weeks=20).size == 140
