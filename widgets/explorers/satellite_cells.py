"""Satellietcellen: fibre size, myonuclei, domain and satellite cells over training and detraining."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, satellite_cells
from edu.validation import Choice, fmt
from explorers import style
from explorers.explorer import Explorer, more

START = dict(training_weeks=16, age_years=25, responder="typical", ceiling=False, nuclei="stay")

PRESETS = {
    "25 jaar, 16 weken training": START,
    "75 jaar, 16 weken training": START | {"age_years": 75},
    "sterke reageerder": START | {"responder": "high"},
    "niet-reageerder": START | {"responder": "low"},
    "met plafond van het kerndomein": START | {"ceiling": True, "responder": "high"},
    "kernen verdwijnen na het stoppen": START | {"responder": "high", "nuclei": "lost"},
    "een jaar doortrainen": START | {"training_weeks": 52},
}

WEEKS = np.linspace(0.0, 78.0, 313)
LOSS_WEEKS = 26.0  # "lost" nuclei: time constant of the slow loss shown in the explorer
OLDER_FROM_YEARS = 60  # from this age the fibre panel shows the men of 72 (Verdijk 2009), not the classes

NUCLEI = Choice("nuclei", "kernen na stoppen", {"stay": "blijven", "lost": "verdwijnen langzaam"},
                default="stay")
"""What the added nuclei do after training stops (an explorer control): they stay, or they are lost
slowly, with time constant :data:`LOSS_WEEKS` (the model's ``myonuclear_loss_weeks``)."""

CONTROLS = ("training_weeks", "age_years", "responder", "ceiling")
"""The inputs of :func:`edu.satellite_cells.training_course` the learner sets directly."""

LEGEND = {
    "model: huidige instellingen": Line2D([], [], color="0.2"),
    "trainingsperiode": Patch(color=style.COLORS["session"], alpha=0.3),
    "plafond van het kerndomein": Line2D([], [], color="0.2", ls=":", lw=2),
    "gemeten: Thalacker-Mercer e.a., 2013; Kadi e.a., 2004; Verdijk e.a., 2007 en 2009":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

PANELS = {
    # key: (title, attribute of edu.satellite_cells.Course, scale, colour)
    "fibre": ("Vezeloppervlak (µm²)", "fibre_csa_um2", 1, "fibre"),
    "myonuclei": ("Kernen per vezel", "myonuclei_per_fibre", 1, "myonuclei"),
    "domain": ("Kerndomein (µm² per kern)", "domain_um2", 1, "domain"),
    "satellite": ("Satellietcellen per 100 vezels", "satellite_cells_per_fibre", 100, "satellite"),
}


def model_inputs(values: dict) -> dict:
    """The scenario: the control values as keywords of :func:`edu.satellite_cells.training_course`
    (all but ``weeks``)."""
    return {key: values[key] for key in CONTROLS} | {
        "myonuclear_loss_weeks": LOSS_WEEKS if values["nuclei"] == "lost" else None}


@dataclass(frozen=True)
class Result:
    """One scenario as the explorer shows it: the course over the figure's weeks and the three
    moments the readout names (each a :class:`edu.satellite_cells.Course` of one week)."""

    course: satellite_cells.Course
    """Over :data:`WEEKS`: the figure."""
    start: satellite_cells.Course
    """At the first session (week 0)."""
    stop: satellite_cells.Course
    """In the week training stops."""
    end: satellite_cells.Course
    """At the end of the figure (the last of :data:`WEEKS`)."""


def run(inputs: dict) -> Result:
    """The course of one scenario over the figure's weeks and at its three moments."""
    def at(weeks):
        return satellite_cells.training_course(weeks, **inputs)

    return Result(course=at(WEEKS), start=at(0.0), stop=at(inputs["training_weeks"]), end=at(WEEKS[-1]))


class SatelliteCellExplorer(Explorer):
    """The explorer behind :func:`satellietcellen`."""

    title = "Satellietcellen"
    presets = PRESETS
    inputs = {key: satellite_cells.INPUTS[key] for key in CONTROLS} | {"nuclei": NUCLEI}
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def layout(self):
        c = self.controls
        return ipw.VBox([c["training_weeks"], c["age_years"], c["responder"],
                         more(c["ceiling"], c["nuclei"])])

    def make_figure(self):
        fig = style.figure(4)
        self.axes = dict(zip(PANELS, fig.axes))
        self.artists = {}
        for key, ax in self.axes.items():
            title, _, _, color = PANELS[key]
            ax.set_title(title)
            ax.set_xlim(WEEKS[0], WEEKS[-1])
            ax.set_xlabel("weken")
            self.artists[key] = {
                "training": style.vspan(ax, 0, 1, color=style.COLORS["session"], alpha=0.15, lw=0),
                "ref": ax.plot([], [], color=style.COLORS[color], **style.COMPARED)[0],
                "now": ax.plot([], [], color=style.COLORS[color])[0],
                "measured": ax.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0],
            }
        self.artists["domain"]["ceiling"] = self.axes["domain"].axhline(0, color="0.2", ls=":", lw=2)
        self.growth = datasets.load("thalackermercer2013")
        self.older_men = datasets.load("verdijk2009")
        self.kadi = datasets.load("kadi2004")
        self.verdijk = datasets.load("verdijk2007")
        return fig

    def update(self, values, now, ref):
        for key, (_, attribute, scale, _) in PANELS.items():
            a = self.artists[key]
            a["now"].set_data(WEEKS, scale * getattr(now.course, attribute))
            a["ref"].set_data((WEEKS, scale * getattr(ref[1].course, attribute)) if ref else ([], []))
            a["training"].set_x(0)
            a["training"].set_width(values["training_weeks"])
        ceiling = self.artists["domain"]["ceiling"]
        ceiling.set_visible(values["ceiling"])
        ceiling.set_ydata([now.course.domain_ceiling_um2 if values["ceiling"] else np.nan] * 2)
        self._measured(values, now)
        for key, ax in self.axes.items():
            lines = [a.get_ydata() for a in self.artists[key].values() if isinstance(a, Line2D)]
            ax.set_ylim(0, self.fit_y(key, *lines))
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    def _measured(self, values, now):
        """Fibre growth (responder classes after 16 weeks, or men of 72 after 12 weeks); satellite cells."""
        if values["age_years"] < OLDER_FROM_YEARS:
            weeks = satellite_cells.PARAMS.reference_weeks
            fibre = float(now.start.fibre_csa_um2)
            points = ([weeks] * len(self.growth), [fibre + max(r["growth_um2"], 0.0) for r in self.growth])
        else:
            points = ([r["weeks"] for r in self.older_men], [r["fibre_csa_um2"] for r in self.older_men])
        shown = values["training_weeks"] >= max(points[0])
        self.artists["fibre"]["measured"].set_data(points if shown else ([], []))
        satellite = 100 * float(now.start.satellite_cells_per_fibre)
        kadi = [r for r in self.kadi if r["weeks"] <= values["training_weeks"] or r["weeks"] == 0]
        x = [r["weeks"] for r in kadi] + [0.0] * len(self.verdijk)
        y = ([satellite * (1 + r["satellite_rise_pct"] / 100) for r in kadi]
             + [100 * r["satellite_per_fibre"] for r in self.verdijk])
        self.artists["satellite"]["measured"].set_data(x, y)

    def _readout(self, values, now):
        stop = values["training_weeks"]
        text = (f"<p><strong>Begin</strong>: {_state(now.start)}.</p>"
                f"<p><strong>Na {fmt(stop)} weken training</strong> ({fmt(round(now.stop.fibre_growth_pct))}% "
                f"groei): {_state(now.stop)}.</p>")
        if stop < WEEKS[-1]:
            text += f"<p><strong>{fmt(round(WEEKS[-1] - stop))} weken na het stoppen</strong>: {_state(now.end)}.</p>"
        return text


def _state(moment: satellite_cells.Course) -> str:
    """One week of a course in Dutch: fibre, nuclei, domain and satellite cells."""
    return (f"vezel {fmt(round(moment.fibre_csa_um2))} µm², "
            f"{fmt(round(moment.myonuclei_per_fibre, 2))} kernen per vezel, "
            f"kerndomein {fmt(round(moment.domain_um2))} µm², "
            f"{fmt(round(100 * moment.satellite_cells_per_fibre, 1))} satellietcellen per 100 vezels")


def satellietcellen(start: str = "25 jaar, 16 weken training", vergelijk: str | None = None) -> SatelliteCellExplorer:
    """Explorer of satellite cells and myonuclei over training and detraining (chapter "Satellietcellen").

    Parameters
    ----------
    start : str
        Preset to open with, one of :data:`PRESETS`.
    vergelijk : str, optional
        Preset drawn dashed for comparison.
    """
    return SatelliteCellExplorer(start, vergelijk)


__all__ = ["satellietcellen"]
