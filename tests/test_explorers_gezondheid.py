"""The explorers of "Kracht voor je gezondheid" draw the models, show the measurements and test a claim."""

import numpy as np

from edu import bone, cognition, datasets, glucose, metabolism
from edu.validation import fmt
from explorers import bloedsuiker, botten, hersenen, ruststofwisseling
from explorers import bone as bone_view
from explorers import cognition as cognition_view
from explorers import glucose as glucose_view
from explorers import metabolism as metabolism_view


def test_botten_tekent_mechanostat_en_levensloop_van_het_model():
    ex = botten()
    values = bone_view.PRESETS[ex.start]
    np.testing.assert_allclose(ex.strain["now"].get_ydata(),
                               bone.remodeling_rate(bone_view.CURVE, thresholds=bone_view.thresholds(values)))
    np.testing.assert_allclose(ex.bmd["now"].get_ydata(),
                               bone.bmd_trajectory(bone_view.AGES, **bone_view.model_inputs(values)))
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
    ex.controls["peak_strain"].value = 2500
    assert "opgebouwd" in ex.readout.value


def test_botten_boven_de_schadedrempel_stopt_de_lijn_en_zegt_de_uitlezing_waarom():
    ex = botten()
    assert ex.strain["now"].get_xdata()[-1] == bone.PARAMS.thresholds.microdamage
    ex.controls["peak_strain"].value = ex.controls["peak_strain"].max
    assert bone.zone(ex.controls["peak_strain"].max) == "microdamage"
    assert "microschade" in ex.readout.value and "stopt de lijn" in ex.readout.value
    assert "opgebouwd" not in ex.readout.value and len(ex.strain["point"].get_xdata()) == 0


def test_bloedsuiker_curve_is_het_model_en_de_who_categorie_staat_erbij():
    ex = bloedsuiker(start="diabetes type 2")
    expected = glucose.postprandial(glucose_view.T, **glucose_view.meal_inputs(glucose_view.PRESETS[ex.start]))
    np.testing.assert_allclose(ex.meal["now"].get_ydata(), expected)
    assert "(WHO: <em>diabetes</em>)" in ex.readout.value


def test_bloedsuiker_training_verlaagt_de_piek_en_het_hba1c():
    ex = bloedsuiker(start="verminderd gevoelig, direct na de training")
    assert "verlaagt de piek met" in ex.readout.value
    assert ex.bar.get_width() == glucose.hba1c_change(**glucose_view.programme_inputs(ex.values))
    before = ex.bar.get_width()
    ex.controls["sessions_per_week"].value = 5
    assert ex.bar.get_width() < before


def test_ruststofwisseling_staven_zijn_model_bewering_en_metingen():
    ex = ruststofwisseling()
    values = metabolism_view.PRESETS[ex.start]
    model = (metabolism.resting_energy_kcal(**metabolism_view.model_inputs(values, values["extra_muscle_kg"]))
             - metabolism.resting_energy_kcal(**metabolism_view.model_inputs(values)))
    heights = [bar.get_height() for bar in ex.bars]
    assert heights[0] == model and heights[1] == metabolism_view.CLAIM_KCAL_PER_KG * values["extra_muscle_kg"]
    assert heights[3] == next(r["rmr_kcal"] for r in datasets.load("rmr_training") if r["study"] == "aristizabal2015")
    assert heights[0] < heights[1] / 3
    assert f"levert dus {fmt(round(model))} kcal per dag op" in ex.readout.value


def test_ruststofwisseling_aandelen_tellen_op_tot_honderd():
    ex = ruststofwisseling(start="bodybuilder: 45 kg spier")
    for row in (0, 1):
        assert abs(sum(container[row].get_width() for container in ex.blocks.values()) - 100) < 1e-9


def test_hersenen_tekent_het_model_met_ericksons_metingen():
    ex = hersenen()
    values = cognition_view.PRESETS[ex.start]
    np.testing.assert_allclose(ex.lines["volume"]["now"].get_ydata(),
                               cognition.hippocampal_volume(cognition_view.AGES, **cognition_view.model_inputs(values)))
    _, y = ex.lines["rate"]["measured"].get_data()
    assert sorted(np.round(y, 3)) == [-1.415, 2.045]
    assert "jaar winst" in ex.readout.value
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
