"""Eiwitbalans: muscle protein synthesis, breakdown and net balance over two days."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, protein
from edu import validation as check
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more

CONTROLS = {
    "session_h": check.Number("session_h", "training om", 6, 22, 1, default=17, unit="uur, dag 1"),
    "protein_g": protein.INPUTS["protein_g"],
    "age_years": protein.INPUTS["age_years"],
    "meals_per_day": check.Number("meals_per_day", "maaltijden per dag", 0, 6, 1, default=3, integer=True),
    "body_mass_kg": protein.INPUTS["body_mass_kg"],
    "training": check.Flag("training", "met krachttraining", default=True),
}
"""The controls: the person and the dose are the model's inputs; the day (when the session is,
how many meals) is the explorer's, turned into the model's clock by :func:`model_inputs`."""

START = dict(session_h=17, protein_g=20, age_years=25, meals_per_day=3, body_mass_kg=80,
             training=True)

PRESETS = {
    "training, 3 maaltijden van 20 g": START,
    "training, nuchter": START | {"meals_per_day": 0},
    "geen training, 3 maaltijden": START | {"training": False},
    "training, 4 × 20 g": START | {"meals_per_day": 4},
    "training, 2 × 40 g": START | {"meals_per_day": 2, "protein_g": 40},
    "training om 13 uur, 1 × 100 g": START | {"session_h": 13, "meals_per_day": 1, "protein_g": 100},
    "training om 13 uur, 4 × 25 g": START | {"session_h": 13, "meals_per_day": 4, "protein_g": 25},
    "70 jaar, 3 × 20 g": START | {"age_years": 70},
    "70 jaar, 3 × 30 g": START | {"age_years": 70, "protein_g": 30},
    "68 jaar, 62 kg, 3 × 15 g": START | {"age_years": 68, "body_mass_kg": 62, "protein_g": 15},
    "68 jaar, 62 kg, 3 × 25 g": START | {"age_years": 68, "body_mass_kg": 62, "protein_g": 25},
}

LEGEND = {
    "opbouw (synthese)": Line2D([], [], color=style.COLORS["synthesis"]),
    "afbraak": Line2D([], [], color=style.COLORS["breakdown"]),
    "netto balans": Line2D([], [], color=style.COLORS["net"]),
    "training": Patch(color=style.COLORS["session"], alpha=0.5),
    "maaltijd": Line2D([], [], color="0.2", marker="|", ls="", ms=12, mew=2),
    "verzadigende dosis (model)": Line2D([], [], color="0.4", ls=":", lw=2),
    "gemeten: Phillips e.a., 1997 (nuchter); Moore e.a., 2009 (jonge mannen)":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

HOURS = 48.0
FIRST_MEAL_H, LAST_MEAL_H = 8.0, 20.0  # meals spread over the waking day
T = np.linspace(0.0, HOURS, round(HOURS / protein.STEP_H) + 1)
"""The two days shown, on the grid on which :func:`edu.protein.net_balance` sums the balance."""
DOSES = np.linspace(0.0, 100.0, 201)


def model_inputs(values: dict) -> dict:
    """The scenario: the day as the model's clock (hours from midnight of day 1), and the person.

    ``"day"``: keywords of :func:`edu.protein.synthesis_response` and :func:`~edu.protein.net_balance`,
    with the meals spread evenly from breakfast to dinner on both days (one meal: at midday);
    ``"meal"``: of :func:`~edu.protein.dose_response`, :func:`~edu.protein.dose_share_pct` and
    :func:`~edu.protein.meal_effect_h`; ``"person"``: of :func:`~edu.protein.saturating_dose_g`.
    """
    n = values["meals_per_day"]
    times = np.linspace(FIRST_MEAL_H, LAST_MEAL_H, n) if n != 1 else [(FIRST_MEAL_H + LAST_MEAL_H) / 2]
    person = dict(body_mass_kg=values["body_mass_kg"], age_years=values["age_years"])
    return {"day": dict(session_at_h=values["session_h"] if values["training"] else None,
                        meals=[(float(t) + 24 * day, values["protein_g"]) for day in (0, 1) for t in times],
                        **person),
            "meal": dict(protein_g=values["protein_g"], **person),
            "person": person}


@dataclass(frozen=True)
class Result:
    """Two days of protein turnover and what one meal does, as the explorer shows them."""

    turnover: protein.Turnover
    """Synthesis, breakdown and net balance over :data:`T`."""
    balance: protein.Balance
    dose_curve_pct: np.ndarray
    """Extra synthesis (%) over :data:`DOSES`."""
    dose_pct: float
    """Extra synthesis (%) at the chosen dose."""
    share_pct: float
    effect_h: float
    saturating_g: float


def run(inputs: dict) -> Result:
    """The turnover over two days, its balance, and the dose response of this person."""
    day, meal, person = inputs["day"], inputs["meal"], inputs["person"]
    return Result(turnover=protein.synthesis_response(T, **day), balance=protein.net_balance(HOURS, **day),
                  dose_curve_pct=100 * protein.dose_response(DOSES, **person),
                  dose_pct=100 * protein.dose_response(**meal), share_pct=protein.dose_share_pct(**meal),
                  effect_h=protein.meal_effect_h(**meal), saturating_g=protein.saturating_dose_g(**person))


class ProteinExplorer(Explorer):
    """The explorer behind :func:`eiwitbalans`."""

    title = "Eiwitbalans"
    presets = PRESETS
    inputs = CONTROLS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def layout(self):
        c = self.controls
        return ipw.VBox([c["session_h"], c["protein_g"], c["age_years"],
                         more(c["meals_per_day"], c["body_mass_kg"], c["training"])])

    def make_figure(self):
        fig = style.figure(3)
        turnover, net, dose = fig.axes
        self.phillips = [r for r in datasets.load("phillips1997_mps") if r["hours_after"] > 0]
        moore = datasets.load("moore2009_dose")
        self.moore_pct = [r["rise_pct"] for r in moore]
        for ax in (turnover, net):
            ax.set_xlim(0, HOURS)
            ax.set_xticks(np.arange(0, HOURS + 1, 6))
            ax.set_xlabel("tijd (uur vanaf middernacht dag 1)")
        turnover.set_title("Opbouw en afbraak (× rust, nuchter)")
        net.set_title("Netto eiwitbalans")
        net.axhline(0, color="0.4", lw=1)
        dose.set_title("Extra opbouw per maaltijd (%)")
        dose.set_xlabel("eiwit per maaltijd (g)")
        dose.set_xlim(0, DOSES[-1])
        dose.plot([r["protein_g"] for r in moore], self.moore_pct, "o", color=style.COLORS["measured"], ms=7)
        self.artists = {
            "session": turnover.axvline(0, color=style.COLORS["session"], lw=4, alpha=0.5),
            "synthesis_ref": turnover.plot([], [], color=style.COLORS["synthesis"], **style.COMPARED)[0],
            "synthesis": turnover.plot([], [], color=style.COLORS["synthesis"])[0],
            "breakdown": turnover.plot([], [], color=style.COLORS["breakdown"])[0],
            "measured": turnover.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0],
            "meals": turnover.plot([], [], "|", color="0.2", ms=18, mew=2)[0],
            "net_ref": net.plot([], [], color=style.COLORS["net"], **style.COMPARED)[0],
            "net": net.plot([], [], color=style.COLORS["net"])[0],
            "dose_curve": dose.plot([], [], color=style.COLORS["synthesis"])[0],
            "dose_now": dose.plot([], [], "D", color=style.COLORS["synthesis"], ms=10, mec="0.2")[0],
            "saturating": dose.axvline(0, color="0.4", ls=":", lw=2),
        }
        self.fills = []
        return fig

    def update(self, values, now, ref):
        a = self.artists
        turnover, net, dose = self.figure.axes
        day = self.model_inputs(values)["day"]
        old = ref[1].turnover if ref else None

        a["synthesis"].set_data(T, now.turnover.synthesis)
        a["breakdown"].set_data(T, now.turnover.breakdown)
        a["synthesis_ref"].set_data((T, old.synthesis) if ref else ([], []))
        session = day["session_at_h"]
        a["session"].set_visible(session is not None)
        if session is not None:
            a["session"].set_xdata([session, session])
            a["measured"].set_data([session + r["hours_after"] for r in self.phillips],
                                   [1 + r["rise_pct"] / 100 for r in self.phillips])
        else:
            a["measured"].set_data([], [])
        top = self.fit_y("turnover", now.turnover.synthesis, now.turnover.breakdown, old.synthesis if ref else [])
        turnover.set_ylim(0, top)
        times = [m for m, _ in day["meals"]]
        a["meals"].set_data(times, [0.04 * top] * len(times))

        a["net"].set_data(T, now.turnover.net)
        a["net_ref"].set_data((T, old.net) if ref else ([], []))
        for fill in self.fills:
            fill.remove()
        y = now.turnover.net
        self.fills = [
            net.fill_between(T, y, 0, where=y > 0, color=style.COLORS["synthesis"], alpha=0.35, lw=0),
            net.fill_between(T, y, 0, where=y < 0, color=style.COLORS["breakdown"], alpha=0.35, lw=0),
        ]
        high = self.fit_y("net_high", y, old.net if ref else [])
        low = self.fit_y("net_low", -y, -old.net if ref else [])
        net.set_ylim(-low, high)

        a["dose_curve"].set_data(DOSES, now.dose_curve_pct)
        a["dose_now"].set_data([values["protein_g"]], [now.dose_pct])
        a["saturating"].set_xdata([now.saturating_g, now.saturating_g])
        dose.set_ylim(0, self.fit_y("dose", now.dose_curve_pct, self.moore_pct))

        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    @staticmethod
    def _readout(values, now):
        b = now.balance
        duration = f", en de opbouw blijft daarna ongeveer {fmt(now.effect_h, 0)} uur verhoogd" if now.effect_h else ""
        verdict = ("positief: de spier bouwt over twee dagen meer op dan hij afbreekt"
                   if b.net > 0 else "negatief: de spier breekt over twee dagen meer af dan hij opbouwt")
        return (f"<p>De opbouw komt maximaal op {fmt(b.peak_synthesis, 1)} keer de nuchtere rustwaarde. "
                f"De netto balans is {fmt(b.positive_h, 0)} van de {fmt(HOURS)} uur positief; "
                f"opgeteld is hij {verdict}.</p>"
                f"<p>Verzadigende dosis voor deze persoon: ongeveer {fmt(now.saturating_g, 0)} g eiwit per "
                f"maaltijd. {fmt(values['protein_g'])} g geeft {fmt(now.share_pct, 0)}% van het maximale "
                f"extra effect{duration}. Boven de verzadigende dosis wordt het effect niet groter, maar "
                f"het duurt langer.</p>")


def eiwitbalans(start: str = "training, 3 maaltijden van 20 g", vergelijk: str | None = None) -> ProteinExplorer:
    """Explorer of muscle protein balance over 48 h (chapter "Spiergroei").

    Parameters
    ----------
    start : str
        Preset to open with, one of :data:`PRESETS`.
    vergelijk : str, optional
        Preset drawn dashed for comparison.
    """
    return ProteinExplorer(start, vergelijk)


__all__ = ["eiwitbalans"]
