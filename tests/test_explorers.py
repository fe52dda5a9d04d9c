"""Every explorer, headless: presets and scenarios, controls from declarations, the whole range of every
control, one model run per scenario, colours per quantity, the static view."""

import ast
import base64
import functools
import importlib
import io
import pkgutil
import re

import matplotlib.colors as mcolors
import matplotlib.image as mpimg
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import explorers
from book import chapters
from edu.validation import Choice, Flag, Number
from explorers import style
from explorers.explorer import NONE, Explorer
from matplotlib.lines import Line2D
from matplotlib.text import Text
from test_spelling import prose, texts

PNG = b"\x89PNG\r\n\x1a\n"
MODULES = [m.name for m in pkgutil.iter_modules(explorers.__path__) if m.name not in ("explorer", "style")]


def _make(module: str) -> Explorer:
    """The (first) explorer of ``explorers.<module>`` at its start."""
    mod = importlib.import_module(f"explorers.{module}")
    return getattr(mod, mod.__all__[0])()


@pytest.fixture(scope="module", params=MODULES)
def ex(request):
    return _make(request.param)


def _pictures(ex) -> list[bytes]:
    """What the explorer shows: the PNG of each panel and of the legend."""
    return [image.value for image in ex.images]


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
        assert all(bytes(image.value[:8]) == PNG for image in ex.images)
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
        before = (_pictures(ex), ex.readout.value)
        options = [control.min, control.max] if hasattr(control, "min") else (
            [v for _, v in control.options] if hasattr(control, "options") else [True, False])
        control.value = next(v for v in options if v != control.value)
        assert (_pictures(ex), ex.readout.value) != before, key


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
    still = _pictures(ex)
    assert not ex.second.get_animated()  # untouched so far: part of the static background
    ex.controls["on"].value = True
    assert ex.second.get_animated() and _pictures(ex) != still
    assert _pictures(ex) == _pictures(_Late("aan"))  # the picture is what a fresh start at "aan" draws


def test_de_start_wordt_gestreept_getoond_zodra_je_schuift_en_opnieuw_zet_terug(ex):
    ex.apply(ex.start)
    assert ex.reference() is None
    key, control = next((k, c) for k, c in ex.controls.items() if hasattr(c, "min"))
    control.value = control.max if control.value != control.max else control.min
    assert ex.reference() == ((ex.start, ex.presets[ex.start]) if ex.compares else None)  # a calculator: never
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
    assert all(bytes(image.value[:8]) == PNG for image in ex.images)
    for ax in ex.figure.axes:
        low, high = ax.get_ylim()
        assert np.isfinite([low, high]).all() and high > low


_CACHE = {}


def _explorer(module):
    if module not in _CACHE:
        _CACHE[module] = _make(module)
    return _CACHE[module]


def _artists(ex):
    """Everything the figure draws that the text can name: the artists in its panels and its legend's keys."""
    for ax in ex.figure.axes:
        yield from (*ax.lines, *ax.patches, *ax.collections)
    for legend in ex.figure.subfigs[-1].legends:
        yield from legend.legend_handles


def test_elke_kleur_in_een_figuur_is_de_kleur_van_een_grootheid_uit_style_of_een_grijs_met_een_naam(ex):
    allowed = {mcolors.to_hex(c) for c in [*style.COLORS.values(), *style.WORDS["colours"]]}
    for preset in ex.presets:
        ex.apply(preset)
        for artist in _artists(ex):
            colors = ([artist.get_color()] if hasattr(artist, "get_color") and not hasattr(artist, "get_facecolor")
                      else [*np.atleast_2d(artist.get_facecolor()), *np.atleast_2d(artist.get_edgecolor())])
            for color in colors:
                rgba = mcolors.to_rgba(color)
                if rgba[3] > 0:
                    assert mcolors.to_hex(rgba, keep_alpha=False) in allowed, (preset, artist, color)


def test_style_heeft_een_woord_voor_elke_kleur_lijnsoort_en_markering_die_getekend_wordt_en_niet_meer():
    colours, lines, markers = set(), set(), set()
    for module in MODULES:
        for artist in _artists(_explorer(module)):
            if isinstance(artist, Line2D):
                colours.add(mcolors.to_hex(artist.get_color()))
                lines.add(artist.get_linestyle())
                markers.add(artist.get_marker())
            elif len(faces := np.atleast_2d(artist.get_facecolor())) and faces[0][3] > 0:
                colours.add(mcolors.to_hex(faces[0], keep_alpha=False))
    named = {mcolors.to_hex(c) for c in style.WORDS["colours"]}
    assert named == {mcolors.to_hex(c) for c in style.COLORS.values()} | colours
    assert set(style.WORDS["lines"]) == lines - {"None"}
    assert set(style.WORDS["markers"]) == markers - {"None", ""}


ADJECTIVE = (r"(?:licht|donker)?(?:rood|rode|groen|groene|blauw|blauwe|geel|gele|oranje|paars|paarse|roze|grijs|grijze"
             r"|zwart|zwarte|wit|witte|bruin|bruine)|gestippelde?|gestreepte?|doorgetrokken|onderbroken|gekleurde?")
"""Every Dutch word a page could use for a colour or a line style (also those the figures never draw)."""
NOUNS = {  # a noun of the text: the nouns of style.words it can stand for
    **dict.fromkeys(("lijn", "lijnen", "stippellijn", "stippellijnen", "streeplijn", "streeplijnen"), {"lijn"}),
    **dict.fromkeys(("punt", "punten"), {plural for _, plural in style.WORDS["markers"].values()}),
    **{word: {plural} for singular, plural in style.WORDS["markers"].values() for word in (singular, plural)},
    **dict.fromkeys(("band", "banden", "vlak", "vlakken", "staaf", "staven", "balk", "balken", "blok", "blokken"),
                    {"vlak"}),
}
IMPLIED = {"stippellijn": "gestippelde", "stippellijnen": "gestippelde", "streeplijn": "gestreepte",
           "streeplijnen": "gestreepte"}
PHRASE = re.compile(rf"\b((?:(?:{ADJECTIVE})\s+)*)({'|'.join(sorted(NOUNS, key=len, reverse=True))})\b", re.I)
BARE = re.compile(rf"\(({ADJECTIVE})\)|\b({ADJECTIVE})\s+gekleurd\b", re.I)


def _inflected(word: str) -> str:
    """A word of style.WORDS in its inflected form ("blauw" -> "blauwe"); unknown words as they are."""
    for table in (style.WORDS["colours"], style.WORDS["lines"]):
        for plain, inflected in table.values():
            if word in (plain, inflected):
                return inflected
    return word


@functools.cache
def _drawn(call: str) -> frozenset:
    """What an explorer's figure draws, made by ``call`` as a page makes it (``botten(start="...")``), as
    (adjectives, inflected; noun) in the words of style.WORDS."""
    ex = eval(call, {**explorers.registry()})  # noqa: S307 (a page's own explorer cell)
    return frozenset((frozenset(map(_inflected, adjectives)), noun) for artist in _artists(ex)
                     if (named := style.words(artist)) for adjectives, noun in [named])


def _shown(source: str) -> frozenset:
    """The explorers whose figures a text is about, as its pages call them: a page's own; for an instructors' page
    or a question bank, those of every page of its chapter; else every explorer at its start."""
    name = source.rsplit(".", 1)[0]
    own = [] if name.startswith("docent-") or source.endswith(".yml") else [name]
    pages = own or chapters.pages(name.removeprefix("docent-"))
    calls = {"".join(cell["source"]).strip() for page in pages for cell in chapters.notebook(page)["cells"]
             if cell["cell_type"] == "code" and "remove-cell" not in cell["metadata"].get("tags", [])
             and chapters.explorer_calls("".join(cell["source"]))}
    return frozenset(calls or {f"{function}()" for function in explorers.registry()})


@pytest.mark.parametrize("source", list(texts()))
def test_de_paginas_noemen_lijnen_en_kleuren_alleen_met_woorden_uit_style_voor_wat_hun_figuren_tekenen(source):
    drawn = set().union(*(_drawn(function) for function in _shown(source)))
    words = {word for table in (style.WORDS["colours"], style.WORDS["lines"]) for pair in table.values()
             for word in pair}
    wrong = []
    for match in PHRASE.finditer(texts()[source]):
        named, noun = match.group(1).lower().split(), match.group(2).lower()
        wanted = {_inflected(word) for word in named} | ({IMPLIED[noun]} if noun in IMPLIED else set())
        if any(word not in words for word in named) or (wanted and not any(
                wanted <= adjectives and kind in NOUNS[noun] for adjectives, kind in drawn)):
            wrong.append(match.group(0))
    for match in BARE.finditer(texts()[source]):
        colour = (match.group(1) or match.group(2)).lower()
        if colour not in words or not any(_inflected(colour) in adjectives for adjectives, _ in drawn):
            wrong.append(match.group(0))
    assert wrong == []


def test_statische_weergave_heeft_figuur_en_uitlezing_maar_geen_knoppen(ex):
    ex.apply(ex.start)
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert html.startswith('<figure class="verkenner-statisch" data-code="from explorers.')
    assert '<div class="verkenner-panelen"><img src="data:image/png;base64,' in html
    assert "<input" not in html and "Statische figuur" in html
    assert html.count("<button") == 1 and '<button type="button" class="verkenner-start" hidden>' in html
    assert ex.title in bundle["text/plain"]


def _pixels(png: bytes) -> np.ndarray:
    return np.round(255 * mpimg.imread(io.BytesIO(png), format="png")[..., :3]).astype(int)


def test_elk_paneel_en_de_legenda_zijn_een_eigen_afbeelding_uit_dezelfde_tekening(ex):
    ex.apply(ex.start)
    assert len(ex.images) == len(ex.figure.axes) + 1
    drawn = np.asarray(ex.figure.canvas.buffer_rgba())[..., :3].astype(int)
    width, height = style.PANEL_PX
    for image, cell in zip(ex.images, ex._cells()):
        assert np.array_equal(_pixels(image.value), drawn[cell])
        assert image.layout.width == f"{width}px" and image.layout.max_width == "100%"
    panels = [_pixels(image.value).shape for image in ex.images[:-1]]
    assert len(set(panels)) == 1 and panels[0][1] == style.PIXEL_RATIO * width
    assert panels[0][0] >= style.PIXEL_RATIO * height
    key = _pixels(ex.images[-1].value).shape
    assert key[1] == panels[0][1] and key[0] <= panels[0][0]  # the legend, no higher than a panel


def test_de_pagina_toont_dezelfde_afbeeldingen_klein_verpakt_met_hun_maat_en_kleinste_letters(ex):
    ex.apply(ex.start)
    live = [_pixels(image.value) for image in ex.images]
    fast = [len(image.value) for image in ex.images]
    html = ex._repr_mimebundle_()["text/html"]
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)" width="([\d.]+)" height="([\d.]+)" '
                        r'alt="([^"]+)" data-min-text-px="([\d.]+)">', html)
    assert len(images) == len(ex.images)
    for (encoded, width, height, alt, smallest), drawn, size, image in zip(images, live, fast, ex.images):
        static = _pixels(base64.b64decode(encoded))
        assert static.shape == drawn.shape == (style.PIXEL_RATIO * float(height), style.PIXEL_RATIO * float(width), 3)
        off = np.abs(static - drawn)  # the 256 most frequent colours: antialiased edges shift a little
        assert off.mean() < 0.5 and np.mean(off.max(axis=2) > 32) < 0.005
        assert len(base64.b64decode(encoded)) < size / 2
        assert image.value == base64.b64decode(encoded)  # the widgets a notebook stores hold the small picture too
        assert float(smallest) >= style.PIXEL_RATIO * style.SMALL_PRINT_PX
        assert alt.startswith(f"{ex.title}, ")


def test_alle_tekst_past_in_zijn_paneel_en_is_niet_kleiner_dan_de_kleine_letters_van_de_pagina(ex):
    renderer = ex.figure.canvas.get_renderer()
    for preset in ex.presets:
        ex.apply(preset)
        ex.figure.canvas.draw()
        for ax in ex.figure.axes:
            cell, drawn = ax.figure.bbox, ax.get_tightbbox(renderer)
            assert cell.x0 - 1 <= drawn.x0 and drawn.x1 <= cell.x1 + 1, (preset, ax.get_title())
            assert cell.y0 - 1 <= drawn.y0 and drawn.y1 <= cell.y1 + 1, (preset, ax.get_title())
        key, legend = ex.figure.subfigs[-1], ex.figure.subfigs[-1].legends[0].get_window_extent(renderer)
        assert key.bbox.x0 <= legend.x0 and legend.x1 <= key.bbox.x1 and key.bbox.y0 <= legend.y0, preset
        sizes = [t.get_fontsize() for t in ex.figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert min(sizes) * 96 / 72 >= style.SMALL_PRINT_PX, preset  # a point is 4/3 CSS px at display size


def test_het_tekstalternatief_noemt_elk_paneel_zijn_assen_en_lijnen_en_de_legenda_in_de_woorden_van_style(ex):
    ex.apply(ex.start)
    described = ex.describe()
    assert len(described) == len(ex.images)
    for text, ax in zip(described, ex.figure.axes):
        assert " ".join(ax.get_title().split()) in text and "Getekend: " in text
        drawn = [style.phrase(a) for a in (*ax.lines, *ax.patches, *ax.collections) if style.phrase(a)]
        assert any(phrase in text for phrase in drawn)
    legend = ex.figure.subfigs[-1].legends[0]
    for handle, label in zip(legend.legend_handles, legend.texts):
        assert f"{style.phrase(handle)}: {' '.join(label.get_text().split())}" in described[-1]


def test_het_tekstalternatief_zegt_welke_lijn_de_vergelijking_is_en_waar_de_lijnen_lopen():
    from explorers.hormones import hormoonverkenner

    testosterone, *_, key = hormoonverkenner(start="vrouw", vergelijk="man").describe()
    assert testosterone.startswith("Hormoonverkenner, paneel 1 van 3: Testosteron (nmol/L). Horizontaal: minuten "
                                   "na het einde van de training, van ")
    assert "blauwe gestreepte lijn van 18,4 tot 22,4" in testosterone  # the man
    assert "blauwe doorgetrokken lijn op 0,7" in testosterone  # the woman: no rise
    assert "donkergrijze gestreepte lijn: vergelijking: man" in key and "lichtgrijs vlak: normaal bereik in rust" in key


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


def _calls(cell: dict) -> list[ast.Call]:
    """The explorer calls in a code cell."""
    if cell["cell_type"] != "code":
        return []
    return [node for node in ast.walk(ast.parse("".join(cell["source"])))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in explorers.registry()]


def _about_the_comparison(source: str) -> list[str]:
    """The parts of a text that speak of an explorer's comparison: every sentence naming it, and on a page the
    text just before an explorer shown with one (its prediction question: "De ... lijn is ...")."""
    text = texts()[source]
    parts = [sentence for sentence in re.split(r"(?<=[.!?])\s+", text) if "vergelijking" in sentence]
    cells = chapters.notebook(source.removesuffix(".ipynb"))["cells"] if source.endswith(".ipynb") else []
    for before, cell in zip(cells, cells[1:]):
        if before["cell_type"] == "markdown" and any(k.arg == "vergelijk" for c in _calls(cell) for k in c.keywords):
            parts.append(prose("".join(before["source"])))
    return parts


@pytest.mark.parametrize("source", list(texts()))
def test_de_tekst_noemt_de_vergelijking_en_de_huidige_instelling_met_de_lijnsoort_waarmee_ze_getekend_worden(source):
    ex = explorers.registry()["hormoonverkenner"](start="vrouw", vergelijk="man")
    legend = ex.figure.subfigs[-1].legends[0]
    compared = next(h for h, t in zip(legend.legend_handles, legend.texts) if t.get_text().startswith("vergelijking"))
    current = ex.artists["testosterone"]["now"]
    allowed = {style.WORDS["lines"][line.get_linestyle()][1] for line in (compared, current)}
    styles = {_inflected(word) for pair in style.WORDS["lines"].values() for word in pair}
    wrong = [match.group(0) for part in _about_the_comparison(source) for match in PHRASE.finditer(part)
             if NOUNS[match.group(2).lower()] == {"lijn"}
             and ({_inflected(word) for word in match.group(1).lower().split()} & styles) - allowed]
    assert wrong == []
