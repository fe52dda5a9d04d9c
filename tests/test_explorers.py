"""Every explorer, headless: presets and scenarios, controls from declarations, the whole range of every
control, one model run per scenario, colours per quantity, the static view."""

import importlib
import pkgutil

import matplotlib.colors as mcolors
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import explorers
from edu.validation import Choice, Flag, Number
from explorers import style
from explorers.explorer import NONE, Explorer

PNG = b"\x89PNG\r\n\x1a\n"
MODULES = [m.name for m in pkgutil.iter_modules(explorers.__path__) if m.name not in ("explorer", "style")]


def _make(module: str) -> Explorer:
    """The (first) explorer of ``explorers.<module>`` at its start."""
    mod = importlib.import_module(f"explorers.{module}")
    return getattr(mod, mod.__all__[0])()


@pytest.fixture(scope="module", params=MODULES)
def ex(request):
    return _make(request.param)


def control_values(control):
    """Strategy over every value a control can take."""
    if hasattr(control, "min"):
        steps = int(round((control.max - control.min) / control.step))
        return st.integers(0, steps).map(lambda i: min(control.min + i * control.step, control.max))
    if hasattr(control, "options"):
        return st.sampled_from([value for _, value in control.options])
    return st.booleans()


def test_elk_verkennermodule_noemt_zijn_verkenners_en_de_registry_vindt_ze_allemaal():
    registry = explorers.registry()
    assert {f.__module__.rsplit(".", 1)[1] for f in registry.values()} == set(MODULES)
    for name, function in registry.items():
        made = function()
        assert isinstance(made, Explorer) and made.title, name


def test_elke_voorinstelling_tekent_zonder_fouten(ex):
    for preset in ex.presets:
        ex.apply(preset)
        assert bytes(ex.image.value[:8]) == PNG
        assert ex.values == ex.presets[preset]
        assert ex.readout.value.startswith("<p>")


def test_elke_voorinstelling_zet_elke_knop_en_is_een_toegestane_combinatie(ex):
    for preset, values in ex.presets.items():
        assert set(values) == set(ex.controls), preset
        assert ex.constrain(values) == {}, preset


def test_het_scenario_van_een_voorinstelling_is_de_vertaling_van_haar_knoppen(ex):
    for preset, values in ex.presets.items():
        assert repr(type(ex).scenario(preset)) == repr(ex.model_inputs(values))
    key, control = next(iter(ex.controls.items()))
    changed = next(v for _, v in control.options) if hasattr(control, "options") else control.value
    assert repr(type(ex).scenario(ex.start, **{key: changed})) == repr(
        ex.model_inputs(ex.presets[ex.start] | {key: changed}))
    with pytest.raises(ValueError, match="Onbekende instelling"):
        type(ex).scenario(ex.start, geen_knop=1)


def test_elke_knop_komt_uit_een_declaratie_met_hetzelfde_bereik_en_label(ex):
    assert set(ex.controls) == set(ex.inputs)
    for key, control in ex.controls.items():
        declared = ex.inputs[key]
        label = declared.label[:1].upper() + declared.label[1:]
        if isinstance(declared, Number):
            assert (control.min, control.max, control.step) == (declared.lo, declared.hi, declared.step), key
            assert control.description == (f"{label} ({declared.unit})" if declared.unit else label), key
        elif isinstance(declared, Choice):
            values = [v for _, v in control.options]
            assert values == [NONE] * declared.optional + list(declared.options), key
            assert control.description == label, key
        else:
            assert isinstance(declared, Flag) and control.description == label, key


def test_het_model_draait_een_keer_per_scenario_per_stap(ex, monkeypatch):
    runs = []
    original = type(ex).run
    monkeypatch.setattr(ex, "run", lambda inputs: runs.append(repr(inputs)) or original(inputs))
    ex.apply(ex.start)
    for key, control in ex.controls.items():
        ex.apply(ex.start)
        runs.clear()
        options = [control.min, control.max] if hasattr(control, "min") else (
            [v for _, v in control.options] if hasattr(control, "options") else [True, False])
        control.value = next(v for v in options if v != control.value)
        assert len(runs) == len(set(runs)) <= 2, key  # the new scenario, and the comparison once at most


def test_elke_knop_verandert_figuur_of_uitlezing(ex):
    for key, control in ex.controls.items():
        ex.apply(ex.start)
        before = (ex.image.value, ex.readout.value)
        options = [control.min, control.max] if hasattr(control, "min") else (
            [v for _, v in control.options] if hasattr(control, "options") else [True, False])
        control.value = next(v for v in options if v != control.value)
        assert (ex.image.value, ex.readout.value) != before, key


class _Late(Explorer):
    """An explorer whose second line changes only when its switch is on: a rule the base must find itself."""

    title = "Proef"
    presets = {"uit": {"on": False}, "aan": {"on": True}}
    inputs = {"on": Flag("on", "tweede lijn")}

    @staticmethod
    def model_inputs(values):
        return dict(values)

    @staticmethod
    def run(inputs):
        return inputs["on"]

    def make_figure(self):
        fig = style.figure(1)
        ax = fig.axes[0]
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        self.first = ax.plot([0, 1], [0.2, 0.2], color=style.COLORS["measured"])[0]
        self.second = ax.plot([0, 1], [0.5, 0.5], color=style.COLORS["measured"])[0]
        return fig

    def update(self, values, now, ref):
        if now:
            self.second.set_ydata([0.9, 0.9])
        return "<p>proef</p>"


def test_wat_een_stap_verandert_komt_in_beeld_ook_als_het_eerst_stil_stond():
    ex = _Late("uit")
    still = ex.image.value
    assert not ex.second.get_animated()  # untouched so far: part of the static background
    ex.controls["on"].value = True
    assert ex.second.get_animated() and ex.image.value != still
    assert ex.image.value == _Late("aan").image.value  # the picture is what a fresh start at "aan" draws


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


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_geen_combinatie_van_knoppen_laat_een_verkenner_crashen(data):
    ex = _explorer(data.draw(st.sampled_from(MODULES)))
    for control in ex.controls.values():
        control.value = data.draw(control_values(control))
    assert ex.constrain(ex.values) == {}
    assert bytes(ex.image.value[:8]) == PNG
    for ax in ex.figure.axes:
        low, high = ax.get_ylim()
        assert np.isfinite([low, high]).all() and high > low


_CACHE = {}


def _explorer(module):
    if module not in _CACHE:
        _CACHE[module] = _make(module)
    return _CACHE[module]


NEUTRAL = {"0.2", "0.4", "0.5", "white", "black"}
"""Greys for axes furniture (zero lines, the comparison's legend entry): not a quantity."""


def test_elke_kleur_in_een_figuur_is_de_kleur_van_een_grootheid_uit_style(ex):
    allowed = {mcolors.to_hex(c) for c in [*style.COLORS.values(), *NEUTRAL]}
    for preset in ex.presets:
        ex.apply(preset)
        for ax in ex.figure.axes:
            for artist in [*ax.lines, *ax.patches, *ax.collections]:
                colors = ([artist.get_color()] if hasattr(artist, "get_color") and not hasattr(artist, "get_facecolor")
                          else [*np.atleast_2d(artist.get_facecolor()), *np.atleast_2d(artist.get_edgecolor())])
                for color in colors:
                    rgba = mcolors.to_rgba(color)
                    if rgba[3] > 0:
                        assert mcolors.to_hex(rgba, keep_alpha=False) in allowed, (preset, artist, color)


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
    with pytest.raises(ValueError, match='Onbekende voorinstelling "x". Kies uit'):
        type(ex).scenario("x")
