"""Hersenen: hippocampal volume with age, with and without aerobic or resistance training."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from matplotlib.lines import Line2D

from edu import cognition, datasets
from edu.validation import fmt
from explorers import style
from explorers.explorer import NONE, Explorer

INPUTS = {"training": cognition.INPUTS["training"], "training_start_age": cognition.INPUTS["training_start_age"],
          "age_years": replace(cognition.INPUTS["age_years"], label="kijk op leeftijd",
                               lo=cognition.PARAMS.reference_age)}
"""The controls, from the model's declarations (:data:`edu.cognition.INPUTS`); the age at which the readout
looks starts at 50, the age whose volume is 100%."""

START = {"training": "aerobic", "training_start_age": 66, "age_years": 75}

PRESETS = {
    "stevig wandelen vanaf 66 (Erickson)": START,
    "krachttraining vanaf 66": START | {"training": "resistance"},
    "geen training": START | {"training": NONE},
    "krachttraining vanaf 50": START | {"training": "resistance", "training_start_age": 50},
    "pas beginnen op 80": START | {"training_start_age": 80, "age_years": 85},
}

AGES = np.linspace(40.0, cognition.INPUTS["age_years"].hi, 201)
LEGEND = {
    "model": Line2D([], [], color=style.COLORS["hippocampus"]),
    "zonder training": Line2D([], [], color=style.COLORS["untrained"], lw=1.8),
    "gemeten: Erickson e.a., 2011 (één studie, na een jaar); Fraser e.a., 2021 (bevolkingsstudie)":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}
ERICKSON = {group: np.mean([r["change_pct"] for r in datasets.load("erickson2011") if r["group"] == group])
            for group in ("aerobic", "control")}
"""Erickson et al. (2011): mean change of hippocampal volume after a year of walking and in the control group, %."""
FRASER = datasets.load("fraser2021")


def model_inputs(values: dict) -> dict:
    """The scenario: the keywords of :func:`edu.cognition.hippocampal_volume` at the age looked at."""
    return {"age_years": values["age_years"], "training": None if values["training"] == NONE else values["training"],
            "training_start_age": values["training_start_age"]}


@dataclass(frozen=True)
class Result:
    """One scenario as the explorer shows it."""

    untrained: np.ndarray
    """Volume over :data:`AGES` without training, % of the volume at 50."""
    trained: np.ndarray
    """Volume over :data:`AGES` with the scenario's training."""
    untrained_rate: np.ndarray
    """Change per year over :data:`AGES` without training, % of the current volume."""
    trained_rate: np.ndarray
    untrained_volume: float
    """At the age looked at, without training."""
    volume: float
    """At the age looked at, with the scenario's training."""
    equivalent_age: float
    """The age at which someone without training has that volume."""
    years_gained: float
    """The age looked at minus :attr:`equivalent_age`."""
    measured: tuple
    """Erickson's groups after a year from the model's volume at the start of training: ages and volumes,
    ages and changes per year."""


def run(inputs: dict) -> Result:
    """The volume curves of one scenario and what they give at the age looked at."""
    age, start = inputs["age_years"], inputs["training_start_age"]
    training = {"training": inputs["training"], "training_start_age": start}
    equivalent = cognition.equivalent_age(**inputs)
    groups = ("aerobic", "control") if inputs["training"] == "aerobic" else ()
    at_start = cognition.hippocampal_volume(start)
    return Result(untrained=cognition.hippocampal_volume(AGES), trained=cognition.hippocampal_volume(AGES, **training),
                  untrained_rate=cognition.yearly_change_pct(AGES),
                  trained_rate=cognition.yearly_change_pct(AGES, **training),
                  untrained_volume=cognition.hippocampal_volume(age), volume=cognition.hippocampal_volume(**inputs),
                  equivalent_age=equivalent, years_gained=age - equivalent,
                  measured=([start + 1] * len(groups), [at_start * (1 + ERICKSON[g] / 100) for g in groups],
                            [start + 0.5] * len(groups), [ERICKSON[g] for g in groups]))


class CognitionExplorer(Explorer):
    """The explorer behind :func:`hersenen`."""

    title = "Hersenen"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def make_figure(self):
        fig = style.figure(2)
        self.axes = {"volume": fig.axes[0], "rate": fig.axes[1]}
        titles = {"volume": ("Hippocampus: volume", "% van het volume op 50 jaar"),
                  "rate": ("Verandering per jaar", "% per jaar (negatief: krimp)")}
        self.lines = {}
        for key, ax in self.axes.items():
            ax.set_title(titles[key][0])
            ax.set_ylabel(titles[key][1])
            ax.set_xlabel("leeftijd (jaar)")
            ax.set_xlim(AGES[0], AGES[-1])
            self.lines[key] = {
                "untrained": ax.plot([], [], color=style.COLORS["untrained"], lw=1.8)[0],
                "ref": ax.plot([], [], color=style.COLORS["hippocampus"], **style.COMPARED)[0],
                "now": ax.plot([], [], color=style.COLORS["hippocampus"])[0],
                "age": ax.axvline(0, color="0.4", ls=":", lw=1.5),
                "measured": ax.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0],
            }
        self.axes["rate"].axhline(0, color="0.4", lw=1)
        self.axes["rate"].set_ylim(-2.5, 2.5)
        self.axes["rate"].plot([r["mean_age"] for r in FRASER], [-r["loss_pct_per_year"] for r in FRASER], "o",
                               color=style.COLORS["measured"], ms=7)
        self.point = self.axes["volume"].plot([], [], "o", color=style.COLORS["hippocampus"], ms=10)[0]
        return fig

    def update(self, values, now, ref):
        curves = {"volume": (now.untrained, now.trained, ref[1].trained if ref else None),
                  "rate": (now.untrained_rate, now.trained_rate, ref[1].trained_rate if ref else None)}
        for key, (untrained, trained, compared) in curves.items():
            lines = self.lines[key]
            lines["untrained"].set_data(AGES, untrained)
            lines["now"].set_data(AGES, trained)
            lines["ref"].set_data((AGES, compared) if compared is not None else ([], []))
            lines["age"].set_xdata([values["age_years"]] * 2)
        self.point.set_data([values["age_years"]], [now.volume])
        volume_x, volume_y, rate_x, rate_y = now.measured
        self.lines["volume"]["measured"].set_data(volume_x, volume_y)
        self.lines["rate"]["measured"].set_data(rate_x, rate_y)
        self.axes["volume"].set_ylim(100 - self.fit("volume", 100 - float(now.untrained.min())), 110)
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    @staticmethod
    def _readout(values, now):
        age = values["age_years"]
        text = (f"<p><strong>Op {age} jaar</strong>: {fmt(now.untrained_volume, 1)}% van het volume op 50 zonder "
                "training")
        if values["training"] != NONE and age > values["training_start_age"]:
            text += (f", {fmt(now.volume, 1)}% met {cognition.TRAININGS[values['training']]}: "
                     f"het volume van iemand van {fmt(now.equivalent_age, 1)} jaar zonder training "
                     f"({fmt(now.years_gained, 1)} jaar winst)")
        text += ".</p>"
        return text + (
            "<p><strong>Mythe of feit?</strong> <em>‘Wandelen laat je hippocampus groeien.’</em> Onzeker. In één "
            "studie groeide hij na een jaar stevig wandelen 2% (Erickson). Over 14 studies samen had duurtraining "
            "geen aantoonbaar effect op de hele hippocampus; training remde vooral de krimp (Firth). Bij "
            "krachttraining kromp een deel van de hippocampus minder (SMART). Daarom remt training in het model de "
            "krimp, maar groeit er niets.</p>")


def hersenen(start: str = "stevig wandelen vanaf 66 (Erickson)", vergelijk: str | None = None) -> CognitionExplorer:
    """Explorer of hippocampal volume with age and training (chapter "Kracht voor je gezondheid")."""
    return CognitionExplorer(start, vergelijk)


__all__ = ["hersenen"]
