"""Every explorer, headless: presets, the whole range of every control, the static view."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import explorers

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module", params=explorers.__all__)
def ex(request):
    return getattr(explorers, request.param)()


def control_values(control):
    """Strategy over every value a control can take."""
    if hasattr(control, "min"):
        steps = int(round((control.max - control.min) / control.step))
        return st.integers(0, steps).map(lambda i: min(control.min + i * control.step, control.max))
    if hasattr(control, "options"):
        return st.sampled_from([value for _, value in control.options])
    return st.booleans()


def test_elke_voorinstelling_tekent_zonder_fouten(ex):
    for preset in ex.presets:
        ex.apply(preset)
        assert bytes(ex.image.value[:8]) == PNG
        assert ex.values == ex.presets[ex.start] | ex.presets[preset]
        assert ex.readout.value.startswith("<p>")


def test_elke_knop_verandert_figuur_of_uitlezing(ex):
    for key, control in ex.controls.items():
        ex.apply(ex.start)
        before = (ex.image.value, ex.readout.value)
        options = [control.min, control.max] if hasattr(control, "min") else (
            [v for _, v in control.options] if hasattr(control, "options") else [True, False])
        control.value = next(v for v in options if v != control.value)
        assert (ex.image.value, ex.readout.value) != before, key


def test_de_start_wordt_gestreept_getoond_zodra_je_schuift_en_opnieuw_zet_terug(ex):
    ex.apply(ex.start)
    assert ex.reference() is None
    key, control = next((k, c) for k, c in ex.controls.items() if hasattr(c, "min"))
    control.value = control.max if control.value != control.max else control.min
    assert ex.reference() == (ex.start, ex.presets[ex.start])
    assert ex.preset.value is None
    ex.apply(ex.start)
    assert ex.values == ex.presets[ex.start]


def test_terug_naar_de_start_houdt_de_vergelijking_en_de_legenda(ex):
    ex.apply(ex.start)
    key, control = next((k, c) for k, c in ex.controls.items() if hasattr(c, "min"))
    start = control.value
    control.value = start + control.step if start + control.step <= control.max else start - control.step
    shown = ex.reference(), ex._legend_labels
    control.value = start
    assert ex.values == ex.presets[ex.start]
    assert (ex.reference(), ex._legend_labels) == shown
    ex.apply(ex.start)
    assert ex.reference() == (None if ex.compare is None else (ex.compare, ex.presets[ex.compare]))


def test_schuiven_kunnen_het_geldige_bereik_niet_verlaten(ex):
    for key, control in ex.controls.items():
        if hasattr(control, "min"):
            ex.apply(ex.start)
            for far, edge in ((control.max + 10_000, control.max), (control.min - 10_000, control.min)):
                control.value = far
                # at the slider's end, unless another control rules that value out (Explorer.constrain)
                assert control.value == edge or key in ex.constrain(ex.values | {key: edge}), key
                assert control.min <= control.value <= control.max and ex.constrain(ex.values) == {}


def test_elke_voorinstelling_is_een_toegestane_combinatie(ex):
    for preset in ex.presets:
        assert ex.constrain(ex.presets[ex.start] | ex.presets[preset]) == {}, preset


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_geen_combinatie_van_knoppen_laat_een_verkenner_crashen(data):
    ex = _explorer(data.draw(st.sampled_from(explorers.__all__)))
    for control in ex.controls.values():
        control.value = data.draw(control_values(control))
    assert ex.constrain(ex.values) == {}
    assert bytes(ex.image.value[:8]) == PNG
    for ax in ex.figure.axes:
        low, high = ax.get_ylim()
        assert np.isfinite([low, high]).all() and high > low


_CACHE = {}


def _explorer(name):
    if name not in _CACHE:
        _CACHE[name] = getattr(explorers, name)()
    return _CACHE[name]


def test_statische_weergave_heeft_figuur_en_uitlezing_maar_geen_knoppen(ex):
    ex.apply(ex.start)
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert html.startswith('<figure class="verkenner-statisch" data-code="from explorers.')
    assert '<img src="data:image/png;base64,' in html
    assert "<input" not in html and "Statische figuur" in html
    assert html.count("<button") == 1 and '<button type="button" class="verkenner-start" hidden>' in html
    assert ex.title in bundle["text/plain"]


def test_de_code_van_de_browserversie_maakt_dezelfde_verkenner(ex):
    namespace = {}
    exec(ex.code.replace("\n", "\nresult = ", 1), namespace)
    again = namespace["result"]
    assert type(again) is type(ex) and (again.start, again.compare) == (ex.start, ex.compare)
    assert again.values == type(ex)(ex.start, ex.compare).values


def test_onbekende_voorinstelling_geeft_nederlandse_melding(ex):
    with pytest.raises(ValueError, match='Onbekende voorinstelling "x". Kies uit'):
        type(ex)("x")
