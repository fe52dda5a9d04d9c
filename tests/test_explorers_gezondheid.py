"""The explorers of "Kracht voor je gezondheid" draw the models, show the measurements and test a claim."""

import numpy as np
import pytest

from edu import bone, cognition, datasets, glucose, metabolism
from edu.validation import fmt
from explorers import bone as bone_view
from explorers import cognition as cognition_view
from explorers import glucose as glucose_view
from explorers import metabolism as metabolism_view
from explorers.bone import BoneExplorer, botten
from explorers.cognition import CognitionExplorer, hersenen
from explorers.glucose import GlucoseExplorer, bloedsuiker
from explorers.metabolism import MetabolismExplorer, ruststofwisseling

EXPLORERS = [botten, bloedsuiker, ruststofwisseling, hersenen]


@pytest.mark.parametrize("make", EXPLORERS)
def test_het_scenario_van_elke_voorinstelling_is_de_vertaling_van_haar_knoppen(make):
    cls = type(make())
    for preset, values in cls.presets.items():
        assert repr(cls.scenario(preset)) == repr(cls.model_inputs(values))
        assert repr(cls.result(preset)) == repr(cls.run(cls.model_inputs(values)))


@pytest.mark.parametrize("make", EXPLORERS)
def test_een_stap_draait_het_model_een_keer_en_alleen_voor_het_nieuwe_scenario(make, monkeypatch):
    ex = make()
    runs = []
    monkeypatch.setattr(ex, "run", lambda inputs: runs.append(repr(inputs)) or type(ex).run(inputs))
    key, control = next((k, c) for k, c in ex.controls.items() if hasattr(c, "min"))
    start = control.value
    control.value = control.max if start != control.max else control.min
    assert runs == [repr(ex.model_inputs(ex.values))]  # the dashed start was computed when the explorer opened
    control.value = start
    assert len(runs) == 1                               # both scenarios are remembered


def test_botten_tekent_mechanostat_en_levensloop_van_het_model():
    ex = botten()
    inputs = BoneExplorer.scenario(ex.start)
    np.testing.assert_allclose(ex.strain["now"].get_ydata(),
                               bone.remodeling_rate(ex.strain["now"].get_xdata(), **inputs["set_points"]))
    np.testing.assert_allclose(ex.bmd["now"].get_ydata(), bone.bmd_trajectory(bone_view.AGES, **inputs["lifespan"]))
    assert "aangepast venster" in ex.readout.value and "Mythe" in ex.readout.value


def test_botten_liftmor_en_nhanes_punten_liggen_op_de_metingen():
    ex = botten()
    x, y = ex.measured[0].get_data()
    start = bone_view.PRESETS[ex.start]["training_start_age"]
    at_start = bone.bmd_trajectory(start)
    changes = [r["change_pct"] for r in datasets.load("liftmor") if r["study"] == "watson2018" and r["site"] == "spine"]
    liftmor = (np.asarray(x) > start) & (np.asarray(x) < start + 1)
    assert sorted(np.round(np.asarray(y)[liftmor] - at_start, 6)) == sorted(changes)
    spine = [r["bmd_g_cm2"] for r in datasets.load("nhanes_bmd") if (r["sex"], r["site"]) == ("female", "spine")]
    np.testing.assert_allclose(np.asarray(y)[-len(spine):], 100 * np.asarray(spine) / spine[0])
    ex.controls["training"].value = "none"
    assert len(ex.measured[0].get_xdata()) == 1 + len(spine)  # SWAN's 10-year point and NHANES remain


def test_botten_weinig_belasting_geeft_afbraak_in_de_uitlezing():
    ex = botten(start="bedrust of ruimtevaart: bijna geen belasting")
    assert "onderbelasting" in ex.readout.value and "afgebroken" in ex.readout.value
    ex.controls["peak_strain_microstrain"].value = 2500
    assert "opgebouwd" in ex.readout.value


def test_botten_boven_de_schadedrempel_stopt_de_lijn_en_zegt_de_uitlezing_waarom():
    ex = botten()
    assert ex.strain["now"].get_xdata()[-1] == bone.PARAMS.thresholds.microdamage
    ex.controls["peak_strain_microstrain"].value = ex.controls["peak_strain_microstrain"].max
    assert bone.zone(ex.controls["peak_strain_microstrain"].max) == "microdamage"
    assert "microschade" in ex.readout.value and "stopt de lijn" in ex.readout.value
    assert "opgebouwd" not in ex.readout.value and len(ex.strain["point"].get_xdata()) == 0


def test_botten_zones_volgen_de_drempels_van_het_model():
    ex = botten()
    ex.controls["disuse_microstrain"].value = 300
    spans = [(span.get_x(), span.get_x() + span.get_width()) for span in ex.zones.values()]
    th = BoneExplorer.result(ex.start, disuse_microstrain=300).set_points
    assert [hi for _, hi in spans[:4]] == [th.disuse, th.modelling, th.microdamage, th.fracture]


def test_botten_uitlezing_noemt_de_winst_op_tachtig_van_het_model():
    ex = botten()
    gain = bone.bmd_training_gain(bone_view.REPORT_AGE, **BoneExplorer.scenario(ex.start)["lifespan"])
    assert f"(+{fmt(gain, 1)} procentpunt)" in ex.readout.value


def test_bloedsuiker_curve_is_het_model_en_de_who_categorie_staat_erbij():
    ex = bloedsuiker(start="diabetes type 2")
    expected = glucose.postprandial(glucose_view.T, **GlucoseExplorer.scenario(ex.start)["meal"])
    np.testing.assert_allclose(ex.meal["now"].get_ydata(), expected)
    assert "(WHO: <em>diabetes</em>)" in ex.readout.value


def test_bloedsuiker_training_verlaagt_de_piek_en_het_hba1c():
    ex = bloedsuiker(start="verminderd gevoelig, direct na de training")
    effect = glucose.training_effect(**GlucoseExplorer.scenario(ex.start)["meal"])
    assert f"verlaagt de piek met {fmt(effect.peak_drop_mmol_l, 2)} mmol/L" in ex.readout.value
    assert ex.bar.get_width() == glucose.hba1c_change(**ex.model_inputs(ex.values)["programme"])
    before = ex.bar.get_width()
    ex.controls["sessions_per_week"].value = 5
    assert ex.bar.get_width() < before


def test_bloedsuiker_elk_moment_na_de_training_is_een_aantal_uren():
    hours = [GlucoseExplorer.scenario("gezond, zonder recente training", timing=key)["meal"]["hours_since_training"]
             for key in glucose_view.TIMING.options]
    assert hours == [None, 0, 2, 24, 48, 72]


def test_ruststofwisseling_staven_zijn_model_bewering_en_metingen():
    ex = ruststofwisseling()
    values = metabolism_view.PRESETS[ex.start]
    model = metabolism.extra_muscle(values["extra_muscle_kg"]).kcal
    assert model == pytest.approx(metabolism.resting_energy_kcal(muscle_kg=29 + 1.4, fat_kg=18)
                                  - metabolism.resting_energy_kcal(muscle_kg=29, fat_kg=18))
    kcal = [bar.get_width() for bar in ex.bars]
    assert kcal[0] == model and kcal[1] == metabolism.CLAIM_KCAL_PER_KG * values["extra_muscle_kg"]
    assert kcal[3] == next(r["rmr_kcal"] for r in datasets.load("rmr_training") if r["study"] == "aristizabal2015")
    assert kcal[0] < kcal[1] / 3
    assert f"levert dus {fmt(model, 0)} kcal per dag op" in ex.readout.value


def test_ruststofwisseling_tekent_de_vergelijking_gestreept_waar_die_eindigt():
    ex = ruststofwisseling(vergelijk="bodybuilder: 45 kg spier")
    other = metabolism_view.MetabolismExplorer.result("bodybuilder: 45 kg spier")
    assert [line.get_xdata()[0] for line in ex.ref_muscle] == [other.mass_pct["muscle"], other.kcal_pct["muscle"]]
    assert [line.get_xdata()[0] for line in ex.ref_bars] == [other.extra.kcal, other.extra.claim_kcal,
                                                               other.westcott_kcal]
    assert all(line.get_linestyle() == "--" for line in [*ex.ref_muscle, *ex.ref_bars])
    assert max(other.extra.claim_kcal, other.westcott_kcal) <= ex.axes["extra"].get_xlim()[1]  # in view
    legend = [" ".join(t.get_text().split()) for t in ex.figure.subfigs[-1].legends[0].texts]  # broken to fit
    assert "vergelijking: bodybuilder: 45 kg spier" in legend
    alone = ruststofwisseling()
    assert all(len(line.get_xdata()) == 0 for line in [*alone.ref_muscle, *alone.ref_bars])
    alone.controls["muscle_kg"].value = 40  # moved away: the start appears dashed
    assert alone.ref_muscle[0].get_xdata()[0] == pytest.approx(metabolism_view.MetabolismExplorer.result(
        alone.start).mass_pct["muscle"])


def test_ruststofwisseling_aandelen_tellen_op_tot_honderd():
    ex = ruststofwisseling(start="bodybuilder: 45 kg spier")
    for row in (0, 1):
        assert abs(sum(container[row].get_width() for container in ex.blocks.values()) - 100) < 1e-9


def test_ruststofwisseling_leeftijdsgroep_kiest_de_getallen_van_wang():
    """Wang 2010: muscle 13 kcal/kg/day up to 50, 12.6 over 50."""
    preset = "man, 10 weken krachttraining (+1,4 kg spier)"
    rates = [MetabolismExplorer.result(preset, age_group=group).muscle_kcal_per_kg
             for group in metabolism_view.AGE_GROUPS]
    assert rates == [13, 12.6]


def test_hersenen_tekent_het_model_met_ericksons_metingen():
    ex = hersenen()
    inputs = CognitionExplorer.scenario(ex.start)
    training = {k: inputs[k] for k in ("training", "training_start_age")}
    np.testing.assert_allclose(ex.lines["volume"]["now"].get_ydata(),
                               cognition.hippocampal_volume(cognition_view.AGES, **training))
    np.testing.assert_allclose(ex.lines["rate"]["now"].get_ydata(),
                               cognition.yearly_change_pct(cognition_view.AGES, **training))
    _, y = ex.lines["rate"]["measured"].get_data()
    assert sorted(np.round(y, 3)) == [-1.415, 2.045]
    assert f"({fmt(75 - cognition.equivalent_age(**inputs), 1)} jaar winst)" in ex.readout.value
    ex.controls["training"].value = "none"
    assert len(ex.lines["volume"]["measured"].get_xdata()) == 0 and "jaar winst" not in ex.readout.value


def test_bloedsuiker_hba1c_staaf_blijft_binnen_de_meta_analyses_bij_de_uiterste_knoppen():
    """Umpierre 2011: the largest pooled effect is −0.89 points; the bar stays within −1.0 and in view."""
    ex = bloedsuiker(start="diabetes type 2")
    for name, value in {"weeks": 52, "sessions_per_week": 7, "minutes_per_session": 120,
                        "baseline_hba1c_pct": 12.0}.items():
        ex.controls[name].value = value
    assert -1.0 <= ex.bar.get_width() < -0.9
    assert ex.axes["hba1c"].get_xlim()[0] < ex.bar.get_width()


def test_ruststofwisseling_noemt_de_gemeten_stijging_uit_gecontroleerde_studies():
    ex = ruststofwisseling()
    pct = [r["rmr_pct"] for r in datasets.load("rmr_training")]
    assert f"met {fmt(min(pct))} tot {fmt(max(pct))}%" in ex.readout.value and "Kirk" in ex.readout.value


def test_hersenen_toont_de_bevolkingsstudie_en_noemt_groei_onzeker():
    ex = hersenen(start="geen training")
    fraser = datasets.load("fraser2021")
    points = [line for line in ex.axes["rate"].lines if list(line.get_xdata()) == [r["mean_age"] for r in fraser]]
    assert len(points) == 1 and list(points[0].get_ydata()) == [-r["loss_pct_per_year"] for r in fraser]
    assert "Onzeker" in ex.readout.value
