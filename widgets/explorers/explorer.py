"""What every explorer shares: presets, reset, a figure kept up to date, a readout.

An explorer is a set of named controls whose values are the keyword arguments of a
model, a figure drawn once and then updated in place, and a Dutch text readout. It
shows itself as live widgets where a kernel runs (Jupyter, Voilà) and as a static
figure with its readout everywhere else (the book's HTML and PDF), so no control ever
looks live on a page where it is not.
"""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D

from explorers import style

STATIC_NOTE = "Statische figuur bij de beginwaarden."
START = "Start de interactieve versie"
"""The start button under a static figure; the page script (chapters/assets/live.js) shows it
only where the in-browser version exists, so no control looks live while it is not."""


class Explorer:
    """Base class: subclasses set ``presets`` and implement the four hooks below.

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

    def __init__(self, start: str, compare: str | None = None):
        for name in (start, compare):
            if name is not None and name not in self.presets:
                options = ", ".join(f'"{p}"' for p in self.presets)
                raise ValueError(f'Onbekende voorinstelling "{name}". Kies uit {options}.')
        self.start, self.compare = start, compare
        self._busy = False
        self._background = None
        self._limits = {}
        self._start_left = False
        self._legend_labels = None
        self.controls: dict[str, ipw.ValueWidget] = self.make_controls()
        presenting = style.presenting()
        with style.context():
            self.figure = self.make_figure()
        if presenting:
            style.thicken(self.figure)
        width = None if presenting else "1000px"  # full screen on a projector
        self.image = ipw.Image(format="png", layout=ipw.Layout(width="100%", max_width=width))
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
        if presenting:  # the figure right under the examples, filling the screen; controls below it
            self.ui = ipw.VBox([ipw.HTML(style.PROJECTOR_CSS), examples, self.image, self.layout(), self.readout])
        else:
            self.ui = ipw.VBox([examples, self.layout(), self.image, self.readout])
        self.apply(start)

    # -- hooks for subclasses ---------------------------------------------------------
    def make_controls(self) -> dict[str, ipw.ValueWidget]:
        """Controls keyed by the model keyword they set."""
        raise NotImplementedError

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

    def update(self, values: dict, reference: tuple[str, dict] | None) -> str:
        """Update the artists for ``values`` (and the dashed ``reference``); return the readout HTML.

        Artists that change must be animated (``set_animated(True)``); when the axes
        themselves change (limits, labels), call :meth:`invalidate`.
        """
        raise NotImplementedError

    # -- shared behaviour --------------------------------------------------------------
    @property
    def values(self) -> dict:
        """Current control values, as model keywords."""
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
        ~0.5 s instead of ~0.1 s)."""
        name = self.compare or self.start
        state = self.presets[name]
        if self.compare is None and state == self.values and not self._start_left:
            return None
        return name, state

    def fit(self, key, needed: float) -> float:
        """A stable axis limit for ``key`` that holds ``needed`` (see :func:`style.nice_limit`)."""
        old = self._limits.get(key)
        new = style.nice_limit(old if old is not None else 0.0, needed)
        if new != old:
            self._limits[key] = new
            self.invalidate()
        return new

    def fit_y(self, key, *arrays, at_least: float = 0.0) -> float:
        """A stable upper y-limit for ``key`` holding every finite value in ``arrays``, plus 5%."""
        values = np.concatenate([np.ravel(np.asarray(a, dtype=float)) for a in arrays] or [[]])
        top = max(np.max(values[np.isfinite(values)], initial=0.0), at_least)
        return self.fit(key, 1.05 * top)

    def legend(self, handles: dict, reference: str | None = None, ncols: int = 3) -> None:
        """One legend below the panels (label: handle), with the dashed comparison ``reference``
        as second entry; rebuilt only when its labels change."""
        if reference is not None:
            items = list(handles.items())
            items.insert(1, (f"vergelijking: {reference}", Line2D([], [], color="0.2", ls="--", lw=1.8)))
            handles = dict(items)
        labels = tuple(handles)
        if labels == self._legend_labels:
            return
        self._legend_labels = labels
        for old in self.figure.legends:
            old.remove()
        self.figure.legend(handles.values(), labels, loc="outside lower center", ncols=ncols,
                           frameon=False)
        self.invalidate()

    def invalidate(self) -> None:
        """Mark the static part of the figure (axes, ticks, labels) for a full redraw."""
        self._background = None

    def render(self) -> bytes:
        """PNG of the figure: the static part is drawn once, the animated artists every time."""
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        canvas.restore_region(self._background)
        for ax in self.figure.axes:
            for artist in sorted(ax.findobj(lambda a: a.get_animated()), key=lambda a: a.get_zorder()):
                self.figure.draw_artist(artist)
        return style.png(canvas.buffer_rgba())

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
        self.readout.value = self.update(values, reference)
        self.image.value = self.render()
        if self.preset.value is not None and self.presets[self.preset.value] != values:
            self.preset.value = None

    @property
    def code(self) -> str:
        """Python that makes this explorer again, as the in-browser version runs it."""
        cls = type(self)
        return f"from {cls.__module__} import {cls.__name__}\n{cls.__name__}({self.start!r}, {self.compare!r})"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.ui._repr_mimebundle_(**kwargs)
        png = self.image.value
        text = html.unescape(_strip_tags(self.readout.value))
        encoded = base64.b64encode(png).decode("ascii")
        bundle["image/png"] = encoded
        bundle["text/html"] = (
            f'<figure class="verkenner-statisch" data-code="{html.escape(self.code)}">'
            f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(self.title)}: {html.escape(text)}">'
            f"<figcaption><strong>{html.escape(self.title)}</strong> {self.readout.value}"
            f"<br><em>{STATIC_NOTE}</em></figcaption>"
            f'<button type="button" class="verkenner-start" hidden>{START}</button></figure>')
        bundle["text/plain"] = f"{self.title}\n{text}"
        return bundle


def slider(description: str, lo: float, hi: float, step: float) -> ipw.ValueWidget:
    """A keyboard-operable slider limited to the model's valid range; integer when all bounds are."""
    whole = all(float(x).is_integer() for x in (lo, hi, step))
    kind = ipw.IntSlider if whole else ipw.FloatSlider
    return kind(min=lo, max=hi, step=step, description=description, readout=True,
                continuous_update=False, style={"description_width": "12em"},
                layout=ipw.Layout(width="32em"))


def more(*controls: ipw.Widget) -> ipw.Accordion:
    """Controls beyond the first few, folded away under "Meer instellingen"."""
    return ipw.Accordion(children=[ipw.VBox(list(controls))], titles=("Meer instellingen",))


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", " ", markup).replace("  ", " ").strip()
