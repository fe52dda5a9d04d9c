"""The hormoonverkenner, headless: controls move the figure and the readout."""

import numpy as np
import pytest

from edu import InputError, hormones
from edu.validation import fmt
from explorers.hormones import hormoonverkenner
from explorers.hormones import PRESETS, T_AFTER_MIN


@pytest.fixture(scope="module")
def ex():
    return hormoonverkenner()


def gh_line(ex):
    return ex.artists["growth_hormone"]["now"].get_ydata().copy()


@pytest.mark.parametrize("key, value", [
    ("sets", 6), ("reps", 15), ("rest_s", 180), ("sex", "female"),
    ("muscle_mass", "small"), ("exercises", 3), ("forced_reps", True), ("intra_set_rest_s", 30),
])
def test_elke_knop_verandert_figuur_en_uitlezing(ex, key, value):
    ex.apply("man")
    before = (gh_line(ex), [i.value for i in ex.images], ex.readout.value)
    ex.controls[key].value = value
    after = (gh_line(ex), [i.value for i in ex.images], ex.readout.value)
    assert not np.array_equal(before[0], after[0])
    assert before[1] != after[1]
    assert before[2] != after[2]


def test_de_figuur_toont_het_model(ex):
    ex.apply("man")
    line = ex.artists["growth_hormone"]["now"]
    t, y = line.get_data()
    np.testing.assert_allclose(y, hormones.acute_response(t, **PRESETS["man"]).growth_hormone)


def test_de_figuur_wordt_bijgewerkt_niet_opnieuw_gemaakt(ex):
    figure, line = ex.figure, ex.artists["cortisol"]["now"]
    ex.controls["rest_s"].value = 240
    assert ex.figure is figure and ex.artists["cortisol"]["now"] is line


def test_uitlezing_noemt_de_piekwaarden_in_het_nederlands(ex):
    ex.apply("man")
    p = hormones.peaks(**PRESETS["man"])
    text = ex.readout.value
    assert "Groeihormoon" in text and "µg/L" in text
    assert fmt(p['growth_hormone'].peak, 1) in text
    assert "weer bijna in rust" in text
    hours = fmt(round(p["cortisol"].recovery_t_min / 60, 1))
    assert "<strong>Cortisol</strong>" in text and f"na {hours} uur weer bijna in rust" in text


def test_uitlezing_noemt_de_belasting_die_bij_de_herhalingen_hoort(ex):
    ex.apply("man")
    ex.controls["reps"].value = 5
    load = hormones.acute_response(0.0, **ex.values).load_pct_1rm
    text = f"5 herhalingen met het zwaarste gewicht waarmee dat lukt, {fmt(load, 0)}% van de 1RM"
    assert text in ex.readout.value


def test_de_figuur_toont_de_terugkeer_van_cortisol(ex):
    """Cortisol is back within a few hours (half-life 66 min): the figure runs to its return."""
    ex.apply("man")
    assert ex.figure.axes[2].get_xlim()[1] == T_AFTER_MIN
    assert hormones.peaks(**PRESETS["man"])["cortisol"].recovery_t_min <= T_AFTER_MIN


def test_vrouw_uitlezing_testosteron_stijgt_niet(ex):
    ex.apply("vrouw")
    assert "<strong>Testosteron</strong>: in rust 0,7 nmol/L; stijgt niet duidelijk" in ex.readout.value


def test_opnieuw_zet_alles_terug():
    ex = hormoonverkenner(start="5RM, 3 min rust")
    ex.controls["sets"].value = 9
    assert ex.preset.value is None  # the dropdown no longer claims a preset
    ex.apply(ex.start)
    assert ex.values == PRESETS["5RM, 3 min rust"]


def test_vergelijking_wordt_gestreept_getekend():
    ex = hormoonverkenner(start="vrouw", vergelijk="man")
    ref = ex.artists["testosterone"]["ref"].get_ydata()
    now = ex.artists["testosterone"]["now"].get_ydata()
    assert ex.artists["testosterone"]["ref"].get_linestyle() == "--"
    assert np.max(ref) > 15 * np.max(now)
    assert any("vergelijking: man" in t.get_text() for t in ex.figure.subfigs[-1].legends[0].get_texts())


def test_zonder_vergelijking_verschijnt_het_startpunt_zodra_je_schuift():
    ex = hormoonverkenner()
    assert len(ex.artists["cortisol"]["ref"].get_ydata()) == 0
    ex.controls["rest_s"].value = 120
    assert len(ex.artists["cortisol"]["ref"].get_ydata()) > 0


def test_gemeten_punten_van_hakkinen_staan_in_de_figuur(ex):
    ex.apply("Häkkinen 1995")
    _, y = ex.artists["growth_hormone"]["mean"].get_data()
    assert list(y) == [0.1, 21.2]
    ex.controls["sex"].value = "female"
    _, y = ex.artists["growth_hormone"]["mean"].get_data()
    assert list(y) == [3.6, 11.7]


def test_onbekende_voorinstelling_geeft_nederlandse_melding():
    with pytest.raises(ValueError, match='Onbekende voorinstelling "x". Kies uit "man"'):
        hormoonverkenner(start="x")


def test_elke_schuif_leest_het_bereik_dat_het_model_declareert(ex):
    sliders = {key: c for key, c in ex.controls.items() if hasattr(c, "min")}
    assert set(sliders) <= set(hormones.INPUTS)
    for key, control in sliders.items():
        declared = hormones.INPUTS[key]
        assert (control.min, control.max, control.step) == (declared.lo, declared.hi, declared.step)


def test_geen_schuif_bereikt_een_onmogelijke_set(ex):
    """No load control: the load follows the repetitions, so 30 reps at 100% 1RM cannot be set."""
    assert "load_pct_1rm" not in ex.controls
    ex.apply("man")
    for reps in range(ex.controls["reps"].min, ex.controls["reps"].max + 1):
        ex.controls["reps"].value = reps
        load = hormones.acute_response(0.0, **ex.values).load_pct_1rm
        with pytest.raises(InputError):
            hormones.acute_response(0.0, **ex.values | {"load_pct_1rm": load + 0.5})
