"""1RM-rekenaar: the one-repetition maximum from a set to failure, and the load for a repetition target."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, training
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer

MOST_REPS = max(training.MAX_REPS.values())
"""The most repetitions any 1RM formula accepts."""

CONTROLS = {
    # a set's weight in steps of 2.5 kg plates, 5-300 kg (the model accepts 1-500 kg)
    "weight_kg": replace(training.INPUTS["weight_kg"], lo=5, hi=300, default=80),
    "reps": replace(training.INPUTS["reps"], label="herhalingen tot falen", hi=MOST_REPS, default=8),
    "target_reps": replace(training.INPUTS["reps"], name="target_reps", label="doel: herhalingen per set",
                           hi=MOST_REPS, default=10),
}
"""The set taken to failure and the repetition target, from the model's declarations; the
repetitions up to what the formulas accept (:data:`edu.training.MAX_REPS`)."""

START = dict(weight_kg=80.0, reps=8, target_reps=10)

PRESETS = {
    "80 kg, 8 herhalingen": START,
    "100 kg, 3 herhalingen": START | {"weight_kg": 100.0, "reps": 3, "target_reps": 5},
    "60 kg, 12 herhalingen": START | {"weight_kg": 60.0, "reps": 12, "target_reps": 8},
    "30 kg, 15 herhalingen": START | {"weight_kg": 30.0, "reps": 15, "target_reps": 12},
    "45 kg, 8 herhalingen; doel 5": START | {"weight_kg": 45.0, "reps": 8, "target_reps": 5},
}

LEGEND = {
    "Epley (1985)": Line2D([], [], color=style.COLORS["epley"]),
    "Brzycki (1993)": Line2D([], [], color=style.COLORS["brzycki"]),
    "jouw set": Line2D([], [], color="0.2", marker="D", ls=""),
    "doel": Patch(color=style.COLORS["session"], alpha=0.5),
    "tabel: Baechle & Earle, 2008 (NSCA)": Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

NAMES = {"epley": "Epley", "brzycki": "Brzycki"}


def model_inputs(values: dict) -> dict:
    """The scenario: ``"set"``, the keywords of :func:`edu.training.one_rm` (without the formula), and
    ``"target"``, the repetitions of :func:`edu.training.load_for_reps` for the target."""
    return {"set": {"weight_kg": values["weight_kg"], "reps": values["reps"]},
            "target": {"reps": values["target_reps"]}}


@dataclass(frozen=True)
class Result:
    """The set's 1RM and the loads that follow from it, per formula that accepts the repetitions."""

    one_rm_kg: dict
    """Estimated 1RM (kg) per formula that accepts the set's repetitions."""
    loads_kg: dict
    """Load (kg) for 1 up to the formula's most repetitions, per formula in ``one_rm_kg``."""
    target_kg: dict
    """Load (kg) for the target repetitions, per formula that also accepts the target."""
    set_pct_1rm: float
    """The set's weight in % of its 1RM (Epley)."""
    difference_pct: float | None
    """How much the higher estimate exceeds the lower, in %; ``None`` when one formula gives none."""


def run(inputs: dict) -> Result:
    """1RM per formula, the loads for every repetition count and for the target."""
    lifted, target = inputs["set"], inputs["target"]["reps"]
    one_rm = {f: training.one_rm(**lifted, formula=f) for f in training.FORMULAS
              if lifted["reps"] <= training.MAX_REPS[f]}
    return Result(one_rm_kg=one_rm,
                  loads_kg={f: training.load_for_reps(m, np.arange(1, training.MAX_REPS[f] + 1), f)
                            for f, m in one_rm.items()},
                  target_kg={f: training.load_for_reps(m, target, f) for f, m in one_rm.items()
                             if target <= training.MAX_REPS[f]},
                  set_pct_1rm=training.load_for_reps(100.0, lifted["reps"]),
                  difference_pct=100 * (max(one_rm.values()) / min(one_rm.values()) - 1) if len(one_rm) == 2 else None)


class OneRMExplorer(Explorer):
    """The explorer behind :func:`rekenaar_1rm`."""

    title = "1RM-rekenaar"
    compares = False
    presets = PRESETS
    inputs = CONTROLS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def make_figure(self):
        fig = style.figure(2)
        pct, kg = fig.axes
        pct.set_title("Belasting bij een aantal herhalingen (% 1RM)")
        kg.set_title("Gewicht voor je doel (kg)")
        for ax in fig.axes:
            ax.set_xlabel("herhalingen tot falen")
            ax.set_xlim(0.5, MOST_REPS + 0.5)
            ax.set_xticks(range(1, MOST_REPS + 1, 2))
        for formula in training.FORMULAS:
            r = np.arange(1, training.MAX_REPS[formula] + 1)
            pct.plot(r, training.load_for_reps(100, r, formula), color=style.COLORS[formula])
        nsca = datasets.load("nsca_pct_1rm")
        pct.plot([n["reps"] for n in nsca], [n["pct_1rm"] for n in nsca], "o",
                 color=style.COLORS["measured"], ms=6)
        pct.set_ylim(50, 105)
        a = {"you": pct.plot([], [], "D", color="0.2", ms=11)[0],
             "target": kg.axvline(1, color=style.COLORS["session"], lw=6, alpha=0.5)}
        for formula in training.FORMULAS:
            a[formula] = kg.plot([], [], color=style.COLORS[formula], marker="o", ms=5)[0]
            a[f"{formula}_target"] = kg.plot([], [], "D", color=style.COLORS[formula], ms=11, mec="0.2")[0]
        self.artists = a
        return fig

    def update(self, values, now, ref):
        a = self.artists
        _, kg = self.figure.axes
        a["you"].set_data([values["reps"]], [now.set_pct_1rm])
        a["target"].set_xdata([values["target_reps"]] * 2)
        for formula in training.FORMULAS:
            loads = now.loads_kg.get(formula)
            a[formula].set_data((np.arange(1, len(loads) + 1), loads) if loads is not None else ([], []))
            target = now.target_kg.get(formula)
            a[f"{formula}_target"].set_data(([values["target_reps"]], [target]) if target is not None else ([], []))
        kg.set_ylim(0, self.fit_y("kg", *now.loads_kg.values()))
        self.legend(LEGEND)
        return self._readout(values, now)

    @staticmethod
    def _readout(values, now):
        estimates = now.one_rm_kg
        text = f"<p>Geschatte 1RM: {', '.join(f'{NAMES[f]} {fmt(v, 1)} kg' for f, v in estimates.items())}."
        if now.difference_pct is not None:
            text += f" De formules verschillen {fmt(now.difference_pct, 1)}%."
        text += "</p>"
        for f in training.FORMULAS:
            if f not in estimates:
                text += f"<p>{NAMES[f]} is alleen bedoeld voor sets tot en met {training.MAX_REPS[f]} herhalingen.</p>"
        targets = [f"{fmt(v, 1)} kg ({NAMES[f]})" for f, v in now.target_kg.items()]
        if targets:
            text += (f"<p>Voor sets van {values['target_reps']} herhalingen tot falen: "
                     f"{' of '.join(targets)}.</p>")
        return text + ("<p>Hoe meer herhalingen in de set, hoe onzekerder de schatting: "
                       "gebruik bij voorkeur een zware set met weinig herhalingen.</p>")


def rekenaar_1rm(start: str = "80 kg, 8 herhalingen") -> OneRMExplorer:
    """Explorer estimating 1RM and loads for a repetition target (chapter "Spiergroei"); a calculator, so it draws
    no comparison."""
    return OneRMExplorer(start)


__all__ = ["rekenaar_1rm"]
