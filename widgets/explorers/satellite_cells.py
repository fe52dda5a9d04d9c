"""Satellietcellen: fibre size, myonuclei, domain and satellite cells over training and detraining."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, satellite_cells
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

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
LEGEND = {
    "model: huidige instellingen": Line2D([], [], color="0.2"),
    "trainingsperiode": Patch(color=style.COLORS["session"], alpha=0.3),
    "plafond van het kerndomein": Line2D([], [], color="0.3", ls=":", lw=2),
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
    """The control values as keywords of :func:`edu.satellite_cells.training_course`."""
    return dict(training_weeks=values["training_weeks"], age_years=values["age_years"],
                responder=values["responder"], ceiling=values["ceiling"],
                myonuclear_loss_weeks=LOSS_WEEKS if values["nuclei"] == "lost" else None)


class SatelliteCellExplorer(Explorer):
    """The explorer behind :func:`satellietcellen`."""

    title = "Satellietcellen"
    presets = PRESETS

    def make_controls(self):
        return {
            "training_weeks": slider("Weken training, daarna stoppen", 0, 52, 1),
            "age_years": slider("Leeftijd (jaar)", 18, 90, 1),
            "responder": ipw.ToggleButtons(
                options=[(name, key) for key, name in satellite_cells.RESPONDERS.items()],
                description="Type"),
            "ceiling": ipw.ToggleButtons(options=[("geen plafond", False), ("met plafond", True)],
                                         description="Kerndomein"),
            "nuclei": ipw.ToggleButtons(options=[("blijven", "stay"), ("verdwijnen langzaam", "lost")],
                                        description="Kernen na stoppen"),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["training_weeks"], c["age_years"], c["responder"],
                         more(c["ceiling"], c["nuclei"])])

    def make_figure(self):
        fig = style.figure(2, nrows=2, height_in=6.6)
        self.axes = dict(zip(PANELS, fig.axes))
        self.artists = {}
        for key, ax in self.axes.items():
            title, _, _, color = PANELS[key]
            ax.set_title(title)
            ax.set_xlim(WEEKS[0], WEEKS[-1])
            ax.set_xlabel("weken")
            a = {
                "training": style.vspan(ax, 0, 1, color=style.COLORS["session"], alpha=0.15, lw=0),
                "ref": ax.plot([], [], color=style.COLORS[color], ls="--", lw=1.8)[0],
                "now": ax.plot([], [], color=style.COLORS[color])[0],
                "measured": ax.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0],
            }
            self.artists[key] = a
        self.artists["domain"]["ceiling"] = self.axes["domain"].axhline(0, color="0.3", ls=":", lw=2)
        for a in self.artists.values():
            for artist in a.values():
                artist.set_animated(True)
        self.growth = datasets.load("thalackermercer2013")
        self.older_men = datasets.load("verdijk2009")
        self.kadi = datasets.load("kadi2004")
        self.verdijk = datasets.load("verdijk2007")
        return fig

    def update(self, values, reference):
        now = satellite_cells.training_course(WEEKS, **model_inputs(values))
        ref = (satellite_cells.training_course(WEEKS, **model_inputs(reference[1]))
               if reference else None)
        for key, (_, attribute, scale, _) in PANELS.items():
            a = self.artists[key]
            a["now"].set_data(WEEKS, scale * getattr(now, attribute))
            a["ref"].set_data((WEEKS, scale * getattr(ref, attribute)) if ref else ([], []))
            a["training"].set_x(0)
            a["training"].set_width(values["training_weeks"])
        ceiling = self.artists["domain"]["ceiling"]
        ceiling.set_visible(values["ceiling"])
        ceiling.set_ydata([now.domain_ceiling_um2 if values["ceiling"] else np.nan] * 2)
        self._measured(values, now)
        for key, ax in self.axes.items():
            lines = [a.get_ydata() for a in self.artists[key].values() if isinstance(a, Line2D)]
            ax.set_ylim(0, self.fit_y(key, *lines))
        self.legend(LEGEND, reference[0] if reference else None, ncols=2)
        return self._readout(values, now)

    def _measured(self, values, now):
        """Fibre growth (responder classes after 16 weeks, or men of 72 after 12 weeks); satellite cells."""
        if values["age_years"] < OLDER_FROM_YEARS:
            weeks = satellite_cells.PARAMS.reference_weeks
            fibre = float(now.fibre_csa_um2[0])
            points = ([weeks] * len(self.growth), [fibre + max(r["growth_um2"], 0.0) for r in self.growth])
        else:
            points = ([r["weeks"] for r in self.older_men], [r["fibre_csa_um2"] for r in self.older_men])
        shown = values["training_weeks"] >= max(points[0])
        self.artists["fibre"]["measured"].set_data(points if shown else ([], []))
        satellite = 100 * float(now.satellite_cells_per_fibre[0])
        kadi = [r for r in self.kadi if r["weeks"] <= values["training_weeks"] or r["weeks"] == 0]
        x = [r["weeks"] for r in kadi] + [0.0] * len(self.verdijk)
        y = ([satellite * (1 + r["satellite_rise_pct"] / 100) for r in kadi]
             + [100 * r["satellite_per_fibre"] for r in self.verdijk])
        self.artists["satellite"]["measured"].set_data(x, y)

    def _readout(self, values, now):
        stop = values["training_weeks"]
        at = int(np.searchsorted(WEEKS, stop))
        end = len(WEEKS) - 1

        def state(i):
            return (f"vezel {fmt(round(now.fibre_csa_um2[i]))} µm², "
                    f"{fmt(round(now.myonuclei_per_fibre[i], 2))} kernen per vezel, "
                    f"kerndomein {fmt(round(now.domain_um2[i]))} µm², "
                    f"{fmt(round(100 * now.satellite_cells_per_fibre[i], 1))} satellietcellen per 100 vezels")

        growth = 100 * (now.fibre_csa_um2[at] / now.fibre_csa_um2[0] - 1)
        text = (f"<p><strong>Begin</strong>: {state(0)}.</p>"
                f"<p><strong>Na {fmt(stop)} weken training</strong> ({fmt(round(growth))}% groei): "
                f"{state(at)}.</p>")
        if stop < WEEKS[-1]:
            text += (f"<p><strong>{fmt(round(WEEKS[-1] - stop))} weken na het stoppen</strong>: "
                     f"{state(end)}.</p>")
        return text


def satellietcellen(start: str = "25 jaar, 16 weken training", vergelijk: str | None = None) -> SatelliteCellExplorer:
    """Explorer of satellite cells and myonuclei over training and detraining (chapter "Satellietcellen")."""
    return SatelliteCellExplorer(start, vergelijk)
