"""What every explorer shares: presets, scenarios, reset, a figure kept up to date, a readout.

An explorer is a set of controls built from the models' declared inputs, a scenario (one pure
function from control values to model inputs), a figure drawn once and then updated in place,
and a Dutch text readout. It shows itself as live widgets where Python runs (Jupyter, the page's own runtime)
and as a static figure with its readout everywhere else (the book's HTML and PDF), so no
control ever looks live on a page where it is not.

The figure's panels and its legend are drawn in one pass and shown as one image each, at the
size they were drawn for (:data:`explorers.style.PANEL_PX`): the page or the live view puts them
side by side where they fit and stacks them on a phone, and their text is never shown smaller.
"""

from __future__ import annotations

import base64
import html
import json
import re

import ipywidgets as ipw
import numpy as np
import traitlets
from matplotlib.collections import Collection
from matplotlib.lines import Line2D
from matplotlib.text import Text

from edu.validation import Choice, Flag, Number, fmt
from explorers import style

STATIC_NOTE = "Statische figuur bij de beginwaarden."
START = "Start de interactieve versie"
"""The start button under a static figure; the page script (chapters/assets/live.js) shows it
only where the in-browser version exists, so no control looks live while it is not."""


class Explorer:
    """Base class of every explorer.

    A subclass names its ``title`` and ``presets`` (each a full set of control values) and
    provides:

    * ``inputs``: the declarations (:mod:`edu.validation`) its controls are made from, by control
      key; a control is built from its declaration, so its range and label are the model's;
    * ``model_inputs(values)``: the **scenario**, one pure function from control values to the
      model's inputs (a static method); ``scenario(preset, **changes)`` gives them for a preset;
    * ``run(inputs)``: every model call of one scenario (a static method), made once per update
      for the current scenario and once for the dashed comparison;
    * ``make_figure()``: the figure (:func:`explorers.style.figure`), drawn once; an artist that an
      update changes is redrawn at each update from then on (by construction: matplotlib marks what
      changed), the rest of the figure only when the axes' limits, ticks or labels change; titles and
      axis labels are broken into lines that fit their panel;
    * ``update(values, now, ref)``: the artists set from the results of ``run`` (``ref``: the
      comparison's name and results, or ``None``); returns the readout HTML;
    * optionally ``layout()`` and ``constrain(values)``, and ``compares = False`` for an explorer that draws
      no comparison (a calculator).

    Parameters
    ----------
    start : str
        Name of the preset the explorer opens with (and returns to on reset).
    compare : str or None
        Name of a preset drawn dashed for comparison; ``None``: the start preset is
        drawn dashed as soon as a control moves away from it.
    """

    title: str = ""
    presets: dict[str, dict] = {}
    inputs: dict = {}
    compares: bool = True
    """Whether the explorer draws the dashed comparison (:meth:`reference`)."""

    def __init__(self, start: str, compare: str | None = None):
        for name in (start, compare):
            if name is not None and name not in self.presets:
                options = ", ".join(f'"{p}"' for p in self.presets)
                raise ValueError(f'Onbekende voorinstelling "{name}". Kies uit {options}.')
        if compare is not None and not self.compares:
            raise ValueError(f'De {self.title} tekent geen vergelijking: laat vergelijk="{compare}" weg.')
        self.start, self.compare = start, compare
        self._busy = False
        self._background = None
        self._axes_state = None
        self._static = set()
        self._limits = {}
        self._results = {}
        self._start_left = False
        self._legend_labels = None
        self._boxes = []
        self.controls: dict[str, ipw.ValueWidget] = self.make_controls()
        presenting = style.presenting()
        with style.context():
            self.figure = self.make_figure()
        self._fit_texts()
        self._encoded = [(None, b"")] * len(self.figure.subfigs)  # per cell: the pixels last encoded, their PNG
        for artist in self.figure.findobj():  # what the updates change from here on is what gets redrawn
            artist.stale = False
        if presenting:
            style.thicken(self.figure)
        width = None if presenting else "1000px"  # full screen on a projector
        self.images = [Panel(format="png", layout=ipw.Layout(width=f"{cell.bbox.width / style.PIXEL_RATIO:g}px",
                                                                max_width="100%"))
                       for cell in self.figure.subfigs]
        """One image per panel, the legend last, each shown at the size it was drawn for."""
        shown = ipw.Box(self.images, layout=ipw.Layout(flex_flow="row wrap", align_items="flex-start", grid_gap="8px",
                                                     max_width=width))
        self.readout = ipw.HTML(layout=ipw.Layout(max_width=width))
        if presenting:  # every example one click away
            self.preset = ipw.ToggleButtons(options=list(self.presets), value=start, description="Voorbeeld:",
                                            style={"description_width": "initial", "button_width": "auto"})
        else:
            self.preset = ipw.Dropdown(options=list(self.presets), value=start, description="Voorbeeld:",
                                       layout=ipw.Layout(width="24em"), style={"description_width": "initial"})
        reset = ipw.Button(description="Opnieuw", icon="undo", tooltip="Terug naar de beginwaarden")
        reset.on_click(lambda _: self.apply(self.start))
        self.preset.observe(lambda change: change["new"] and self.apply(change["new"]),
                            names="value")
        for control in self.controls.values():
            control.observe(lambda _: self.refresh(), names="value")
        examples = ipw.HBox([self.preset, reset], layout=ipw.Layout(flex_flow="row wrap"))
        if presenting:  # a projector is wide and low: the controls and the readout beside the examples and the figure
            side = ipw.VBox([self.layout().add_class("verkenner-knoppen"),
                             self.readout.add_class("verkenner-uitlezing")])
            main = ipw.VBox([examples.add_class("verkenner-voorbeelden"), shown.add_class("verkenner-figuur")])
            self.ui = ipw.HBox([side.add_class("verkenner-zijkant"), main.add_class("verkenner-hoofd")],
                               layout=ipw.Layout(flex_flow="row wrap", align_items="flex-start"))
            # the classes name the parts for a page that presents (chapters/assets/presenteer.css)
        else:
            self.ui = ipw.VBox([examples, self.layout(), shown, self.readout])
        self.apply(start)

    # -- hooks for subclasses ---------------------------------------------------------
    @staticmethod
    def model_inputs(values: dict) -> dict:
        """The scenario: the model's inputs for these control values (pure)."""
        raise NotImplementedError

    @staticmethod
    def run(inputs: dict):
        """Every model call of one scenario, made once (pure)."""
        raise NotImplementedError

    def make_controls(self) -> dict[str, ipw.ValueWidget]:
        """Controls keyed like the control values, each built from its declaration in ``inputs``."""
        return {key: control(declared) for key, declared in self.inputs.items()}

    def layout(self) -> ipw.Widget:
        """The controls arranged for display."""
        return ipw.VBox(list(self.controls.values()))

    def make_figure(self):
        """Create the figure and its artists once."""
        raise NotImplementedError

    def constrain(self, values: dict) -> dict:
        """Controls whose value the other controls rule out, moved back into range (key: value).

        Where the valid range of one control depends on another (an endurance session can be no
        longer than its intensity allows; two sessions cannot overlap), the explorer moves the
        control to the nearest allowed value before the model runs, so no combination of controls
        reaches an impossible state. Presets are already allowed.
        """
        return {}

    def update(self, values: dict, now, ref: tuple[str, object] | None) -> str:
        """Set the artists from ``now`` (and the dashed ``ref``), the results of :meth:`run`; return the readout."""
        raise NotImplementedError

    # -- scenarios ----------------------------------------------------------------------
    @classmethod
    def scenario(cls, preset: str, **changes) -> dict:
        """The model inputs of ``preset``, with ``changes`` to its control values.

        The one translation from controls to model inputs, shared by the explorer, the pages'
        numbers, the question bank and the tests.
        """
        if preset not in cls.presets:
            options = ", ".join(f'"{p}"' for p in cls.presets)
            raise ValueError(f'Onbekende voorinstelling "{preset}". Kies uit {options}.')
        unknown = set(changes) - set(cls.presets[preset])
        if unknown:
            raise ValueError(f"Onbekende instelling {', '.join(sorted(unknown))}. Kies uit "
                             f"{', '.join(cls.presets[preset])}.")
        return cls.model_inputs(cls.presets[preset] | changes)

    @classmethod
    def result(cls, preset: str, **changes):
        """What the explorer shows for ``preset`` with ``changes``: :meth:`run` of its scenario."""
        return cls.run(cls.scenario(preset, **changes))

    # -- shared behaviour --------------------------------------------------------------
    @property
    def values(self) -> dict:
        """Current control values."""
        return {key: control.value for key, control in self.controls.items()}

    def apply(self, preset: str) -> None:
        """Set every control to ``preset`` and redraw once."""
        self._busy = True
        self._limits = {}
        self._start_left = False
        try:
            for key, value in self.presets[preset].items():
                self.controls[key].value = value
            self.preset.value = preset
        finally:
            self._busy = False
        self.refresh()

    def reference(self) -> tuple[str, dict] | None:
        """The dashed comparison: the compare preset, or the start preset once left.

        Once shown, the start stays until a preset is chosen, also when the controls come back
        to it: the legend then keeps its entries, so a step needs no full redraw (in the browser,
        ~0.5 s instead of ~0.1 s). Always ``None`` where the explorer draws no comparison (:attr:`compares`)."""
        if not self.compares:
            return None
        name = self.compare or self.start
        state = self.presets[name]
        if self.compare is None and state == self.values and not self._start_left:
            return None
        return name, state

    def fit(self, key, needed: float) -> float:
        """A stable axis limit for ``key`` that holds ``needed`` (see :func:`style.nice_limit`)."""
        old = self._limits.get(key)
        new = style.nice_limit(old if old is not None else 0.0, needed)
        self._limits[key] = new
        return new

    def fit_y(self, key, *arrays, at_least: float = 0.0) -> float:
        """A stable upper y-limit for ``key`` holding every finite value in ``arrays``, plus 5%."""
        values = np.concatenate([np.ravel(np.asarray(a, dtype=float)) for a in arrays] or [[]])
        top = max(np.max(values[np.isfinite(values)], initial=0.0), at_least)
        return self.fit(key, 1.05 * top)

    def legend(self, handles: dict, reference: str | None = None) -> None:
        """One legend for all panels (label: handle), in the figure's last cell, with the dashed comparison
        ``reference`` as second entry; rebuilt only when its labels change."""
        if reference is not None:
            items = list(handles.items())
            items.insert(1, (f"vergelijking: {reference}", Line2D([], [], color="0.2", **style.COMPARED)))
            handles = dict(items)
        labels = tuple(handles)
        if labels == self._legend_labels:
            return
        self._legend_labels = labels
        cell = self.figure.subfigs[-1]
        for old in cell.legends:
            old.remove()
        with style.context():
            legend = cell.legend(handles.values(), labels, loc="upper left", frameon=False)
        renderer = self.figure.canvas.get_renderer()
        extent = legend.get_window_extent(renderer)
        margin = extent.x0 - cell.bbox.x0  # as much room to the right as to the left
        widest = max(text.get_window_extent(renderer).width for text in legend.texts)
        room = cell.bbox.width - 2 * margin - (extent.width - widest)
        for text in legend.texts:
            style.fit(text, room, renderer)
        self._background = None

    def render(self) -> list[bytes]:
        """PNG of each cell of the figure (:attr:`images`): the static part (axes, ticks, labels, legend) is
        drawn again only when it changed, the artists every time; a cell is encoded again only when it changed."""
        canvas = self.figure.canvas
        state = self._state()
        # An artist an update has changed (matplotlib marks it stale) is redrawn at every update from
        # then on; one no update has touched stays in the static background. By construction: no
        # artist that changes can be left out of the picture.
        layers = [sorted([*ax.lines, *ax.patches, *ax.collections, *ax.texts, *ax.images, *ax.artists],
                         key=lambda a: a.get_zorder()) for ax in self.figure.axes]
        changed = [artist for layer in layers for artist in layer if artist.stale and not artist.get_animated()]
        for artist in changed:
            artist.set_animated(True)
        if self._background is None or state != self._axes_state or any(a in self._static for a in changed):
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            self._axes_state = state
            self._static = {artist for layer in layers for artist in layer if not artist.get_animated()}
            self._boxes = self._cells()
        canvas.restore_region(self._background)
        for layer in layers:
            for artist in layer:
                if artist.get_animated():
                    self.figure.draw_artist(artist)
        pixels = np.asarray(canvas.buffer_rgba())
        self._encoded = [(old, png) if old is not None and np.array_equal(old, crop) else (crop.copy(), style.png(crop))
                         for crop, (old, png) in zip((pixels[box] for box in self._boxes), self._encoded)]
        return [png for _, png in self._encoded]

    def _cells(self) -> list[tuple[slice, slice]]:
        """Where each cell lies in the rendered pixels (rows from the top); the legend's cell down to the
        legend's lower edge."""
        renderer = self.figure.canvas.get_renderer()
        top = self.figure.bbox.height

        def box(x0, y0, x1, y1):
            return np.s_[round(top - y1):round(top - y0), round(x0):round(x1)]

        *panels, key = self.figure.subfigs
        boxes = [box(*cell.bbox.extents) for cell in panels]
        x0, y0, x1, y1 = key.bbox.extents
        if key.legends:
            y0 = max(y0, key.legends[0].get_window_extent(renderer).y0 - 4 * style.PIXEL_RATIO)
        return [*boxes, box(x0, y0, x1, y1)]

    def _fit_texts(self) -> None:
        """Break each panel's title and axis labels into lines that fit the panel: a y label within the
        panel's height, then (once laid out) a title and x label centred on the axes within the panel."""
        renderer = self.figure.canvas.get_renderer()
        for ax in self.figure.axes:
            style.fit(ax.yaxis.label, 0.7 * ax.figure.bbox.height, renderer)
        self.figure.get_layout_engine().execute(self.figure)
        margin = 2 * style.rc()["font.size"] * style.DPI / 72  # room for tick labels that grow with the data
        for ax in self.figure.axes:
            cell, centre = ax.figure.bbox, (ax.bbox.x0 + ax.bbox.x1) / 2
            room = 2 * min(centre - cell.x0, cell.x1 - centre) - margin
            style.fit(ax.title, room, renderer)
            style.fit(ax.xaxis.label, room, renderer)

    def _state(self) -> tuple:
        """What the static background shows of each axes: limits, scales, texts and the tick rules."""
        def ticks(axis):
            locator, formatter = axis.get_major_locator(), axis.get_major_formatter()
            return (id(locator), tuple(getattr(locator, "locs", ())),
                    id(formatter), tuple(getattr(formatter, "seq", ())))

        return tuple((ax.get_xlim(), ax.get_ylim(), ax.get_xscale(), ax.get_yscale(), ax.get_title(),
                      ax.get_xlabel(), ax.get_ylabel(), ticks(ax.xaxis), ticks(ax.yaxis))
                     for ax in self.figure.axes)

    def _run(self, values: dict):
        """:meth:`run` of the scenario of ``values``, remembered for the few scenarios last shown."""
        inputs = self.model_inputs(values)
        key = repr(sorted(inputs.items()))
        if key not in self._results:
            if len(self._results) >= 4:
                self._results.pop(next(iter(self._results)))
            self._results[key] = self.run(inputs)
        return self._results[key]

    def refresh(self) -> None:
        """Recompute the model for the current values and redraw the existing figure."""
        if self._busy:
            return
        fixes = self.constrain(self.values)
        if fixes:
            self._busy = True
            try:
                for key, value in fixes.items():
                    self.controls[key].value = value
            finally:
                self._busy = False
        values = self.values
        reference = self.reference()
        self._start_left = reference is not None
        ref = (reference[0], self._run(reference[1])) if reference else None
        self.readout.value = self.update(values, self._run(values), ref)
        for image, png, alt in zip(self.images, self.render(), self.describe()):
            with image.hold_sync():  # the picture and its text alternative (a tooltip in the live view) in one message
                image.value, image.tooltip = png, alt
        if self.preset.value is not None and self.presets[self.preset.value] != values:
            self.preset.value = None

    @property
    def code(self) -> str:
        """Python that makes this explorer again, as the in-browser version runs it."""
        cls = type(self)
        return f"from {cls.__module__} import {cls.__name__}\n{cls.__name__}({self.start!r}, {self.compare!r})"

    def describe(self) -> list[str]:
        """A Dutch text alternative for each image of :meth:`render`: a panel's title, its axes, what it draws (in
        the words of :data:`explorers.style.WORDS`, with the range of each line) and its text; the legend's entries."""
        panels = self.figure.axes
        texts = [f"{self.title}, paneel {number} van {len(panels)}: {_described(ax)}"
                 for number, ax in enumerate(panels, start=1)]
        entries = [f"{style.phrase(handle)}: {_plain(text.get_text())}" for legend in self.figure.subfigs[-1].legends
                   for handle, text in zip(legend.legend_handles, legend.texts)]
        return [*texts, f"{self.title}, legenda: {'; '.join(entries)}."]

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.ui._repr_mimebundle_(**kwargs)
        text = html.unescape(_strip_tags(self.readout.value))
        pixels = np.asarray(self.figure.canvas.buffer_rgba())
        images = []
        for image, box, cell, alt in zip(self.images, self._boxes, self.figure.subfigs, self.describe()):
            image.value = style.png(pixels[box], small=True)  # what a notebook stores of the widgets: small too
            height, width = pixels[box].shape[:2]
            smallest = min(t.get_fontsize() for t in cell.findobj(Text) if t.get_visible() and t.get_text().strip())
            images.append(f'<img src="data:image/png;base64,{base64.b64encode(image.value).decode("ascii")}" '
                          f'width="{width / style.PIXEL_RATIO:g}" height="{height / style.PIXEL_RATIO:g}" '
                          f'alt="{html.escape(alt)}" data-min-text-px="{smallest * style.DPI / 72:.1f}">')
        bundle["text/html"] = (
            f'<figure class="verkenner-statisch" data-code="{html.escape(self.code)}" '
            f'data-voorbeelden="{html.escape(json.dumps(list(self.presets), ensure_ascii=False))}">'
            f'<div class="verkenner-panelen">{"".join(images)}</div>'
            f"<figcaption><strong>{html.escape(self.title)}</strong> {self.readout.value}"
            f"<br><em>{STATIC_NOTE}</em></figcaption>"
            f'<button type="button" class="verkenner-start" hidden>{START}</button></figure>')
        bundle["text/plain"] = f"{self.title}\n{text}"
        return bundle


NONE = "none"
"""The control value of an optional choice set to none (e.g. no training); the scenario makes it ``None``."""


class Panel(ipw.Image):
    """One panel of the figure as an image whose text alternative is its tooltip (the live view's ``title``).

    ipywidgets' front end (8.1) sets a widget's ``title`` only when the widget has an empty description, and an
    image has none: it stops drawing the image instead. So a panel carries an empty one."""

    description = traitlets.Unicode("").tag(sync=True)


def control(declared) -> ipw.ValueWidget:
    """The control for a declared input (:mod:`edu.validation`): a keyboard-operable slider over
    its range, buttons for its options (with "geen" first when it is optional), or a checkbox.
    Its description is the declaration's Dutch label, with the unit in brackets."""
    label = declared.label[:1].upper() + declared.label[1:]
    if isinstance(declared, Number):
        whole = declared.integer or all(float(x).is_integer() for x in (declared.lo, declared.hi, declared.step))
        kind = ipw.IntSlider if whole else ipw.FloatSlider
        return kind(min=declared.lo, max=declared.hi, step=declared.step,
                    value=declared.lo if declared.default is None else declared.default,
                    description=f"{label} ({declared.unit})" if declared.unit else label, readout=True,
                    continuous_update=False, style={"description_width": "12em"},
                    layout=ipw.Layout(width="32em"))
    if isinstance(declared, Choice):
        options = [(name, key) for key, name in declared.options.items()]
        return ipw.ToggleButtons(options=[("geen", NONE)] * declared.optional + options, description=label,
                                 style={"description_width": "initial"})
    if isinstance(declared, Flag):
        return ipw.Checkbox(value=declared.default, description=label, indent=False)
    raise TypeError(f"Geen knop voor {declared!r}.")


def more(*controls: ipw.Widget) -> ipw.Accordion:
    """Controls beyond the first few, folded away under "Meer instellingen"."""
    return ipw.Accordion(children=[ipw.VBox(list(controls))], titles=("Meer instellingen",))


def _described(ax) -> str:
    """A panel in words: its title, its axes, what it draws and the text in it."""
    title = _plain(ax.get_title())
    parts = [title + ("" if title.endswith(("?", "!", ".")) else ".")]
    parts += [f"{side}: {words}." for side, words in (("Horizontaal", _axis(ax.xaxis)), ("Verticaal", _axis(ax.yaxis)))
              if words]
    artists = sorted([*ax.patches, *ax.collections, *ax.lines], key=lambda artist: artist.get_zorder())
    drawn = list(dict.fromkeys(filter(None, map(_named, artists))))
    parts.append(f"Getekend: {'; '.join(drawn) or 'niets'}.")
    written = [_plain(text.get_text()) for text in ax.texts if text.get_visible() and text.get_text().strip()]
    return " ".join(parts + ([f"Tekst: {'; '.join(written)}."] if written else []))


def _named(artist) -> str | None:
    """What ``artist`` draws now in words (:func:`explorers.style.phrase`), a line with the range of its values."""
    if not artist.get_visible() or not _drawn(artist):
        return None
    named = style.phrase(artist)
    if named and isinstance(artist, Line2D) and artist.get_linestyle() in style.WORDS["lines"]:
        y = np.asarray(artist.get_ydata(), dtype=float)
        y = y[np.isfinite(y)]
        if len(y) > 2:
            low, high = _rounded(y.min()), _rounded(y.max())
            named += f" van {low} tot {high}" if low != high else f" op {low}"
    return named


def _drawn(artist) -> bool:
    """Whether ``artist`` draws something now (a line with data, a band or bar of some size, a filled area)."""
    if isinstance(artist, Line2D):
        return bool(np.isfinite(np.asarray(artist.get_xydata(), dtype=float)).all(axis=1).any())
    if isinstance(artist, Collection):
        return len(artist.get_paths()) > 0
    extent = artist.get_window_extent()
    return extent.width > 0 and extent.height > 0


def _rounded(x: float) -> str:
    """``x`` to three significant digits, the Dutch way."""
    return fmt(float(f"{x:.3g}"))


def _plain(text: str) -> str:
    return " ".join(text.split())


def _axis(axis) -> str:
    """An axis in words: its label and its range, or its categories (tick labels in words); empty without ticks."""
    label = _plain(axis.label.get_text())
    names = [_plain(tick.get_text()) for tick in axis.get_ticklabels() if tick.get_text().strip()]
    if not names:
        return label
    if any(character.isalpha() for name in names for character in name):
        return f"{label}: {', '.join(names)}" if label else ", ".join(names)
    low, high = sorted(axis.get_view_interval())
    return f"{label + ', ' if label else ''}van {_rounded(low)} tot {_rounded(high)}"


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", " ", markup).replace("  ", " ").strip()
