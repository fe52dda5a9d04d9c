"""Eiwitbalans: muscle protein synthesis, breakdown and net balance over two days."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, protein
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

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
N_POINTS = 481
DOSES = np.linspace(0.0, 100.0, 201)


def meal_times(per_day: int) -> list[float]:
    """Clock times (h) of ``per_day`` meals on both days, spread from breakfast to dinner."""
    if per_day == 0:
        return []
    day = [(FIRST_MEAL_H + LAST_MEAL_H) / 2] if per_day == 1 else list(
        np.linspace(FIRST_MEAL_H, LAST_MEAL_H, per_day))
    return day + [t + 24 for t in day]


def model_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.protein.synthesis_response`."""
    return dict(session_at_h=values["session_h"] if values["training"] else None,
                meals=[(t, values["protein_g"]) for t in meal_times(values["meals_per_day"])],
                body_mass_kg=values["body_mass_kg"], age_years=values["age_years"])


class ProteinExplorer(Explorer):
    """The explorer behind :func:`eiwitbalans`."""

    title = "Eiwitbalans"
    presets = PRESETS

    def make_controls(self):
        return {
            "session_h": slider("Training om (uur, dag 1)", 6, 22, 1),
            "protein_g": slider("Eiwit per maaltijd (g)", 0, 100, 5),
            "age_years": slider("Leeftijd (jaar)", 18, 90, 1),
            "meals_per_day": slider("Maaltijden per dag", 0, 6, 1),
            "body_mass_kg": slider("Lichaamsgewicht (kg)", 40, 150, 1),
            "training": ipw.Checkbox(description="Met krachttraining", indent=False),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["session_h"], c["protein_g"], c["age_years"],
                         more(c["meals_per_day"], c["body_mass_kg"], c["training"])])

    def make_figure(self):
        fig = style.figure(3, height_in=4.4)
        turnover, net, dose = fig.axes
        self.phillips = datasets.load("phillips1997_mps")
        self.moore = datasets.load("moore2009_dose")
        for ax in (turnover, net):
            ax.set_xlim(0, HOURS)
            ax.set_xticks(np.arange(0, HOURS + 1, 6))
            ax.set_xlabel("tijd (uur vanaf middernacht dag 1)")
        turnover.set_title("Opbouw en afbraak (× rust, nuchter)")
        net.set_title("Netto eiwitbalans")
        net.axhline(0, color="0.3", lw=1)
        dose.set_title("Extra opbouw per maaltijd (%)")
        dose.set_xlabel("eiwit per maaltijd (g)")
        dose.set_xlim(0, DOSES[-1])
        dose.plot([r["protein_g"] for r in self.moore], [r["rise_pct"] for r in self.moore], "o",
                  color=style.COLORS["measured"], ms=7)
        a = {
            "session": turnover.axvline(0, color=style.COLORS["session"], lw=4, alpha=0.5),
            "synthesis_ref": turnover.plot([], [], color=style.COLORS["synthesis"], ls="--", lw=1.8)[0],
            "synthesis": turnover.plot([], [], color=style.COLORS["synthesis"])[0],
            "breakdown": turnover.plot([], [], color=style.COLORS["breakdown"])[0],
            "measured": turnover.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0],
            "meals": turnover.plot([], [], "|", color="0.2", ms=18, mew=2)[0],
            "net_ref": net.plot([], [], color=style.COLORS["net"], ls="--", lw=1.8)[0],
            "net": net.plot([], [], color=style.COLORS["net"])[0],
            "dose_curve": dose.plot([], [], color=style.COLORS["synthesis"])[0],
            "dose_now": dose.plot([], [], "D", color=style.COLORS["synthesis"], ms=10, mec="0.2")[0],
            "saturating": dose.axvline(0, color="0.4", ls=":", lw=2),
        }
        for artist in a.values():
            artist.set_animated(True)
        self.artists = a
        self.fills = []
        return fig

    def update(self, values, reference):
        a = self.artists
        t = np.linspace(0.0, HOURS, N_POINTS)
        inputs = model_inputs(values)
        now = protein.synthesis_response(t, **inputs)
        ref = protein.synthesis_response(t, **model_inputs(reference[1])) if reference else None
        turnover, net, dose = self.figure.axes

        a["synthesis"].set_data(t, now.synthesis)
        a["breakdown"].set_data(t, now.breakdown)
        a["synthesis_ref"].set_data((t, ref.synthesis) if ref else ([], []))
        session = inputs["session_at_h"]
        a["session"].set_visible(session is not None)
        if session is not None:
            a["session"].set_xdata([session, session])
            hours = [r["hours_after"] for r in self.phillips if r["hours_after"] > 0]
            a["measured"].set_data([session + h for h in hours],
                                   [1 + r["rise_pct"] / 100 for r in self.phillips if r["hours_after"] > 0])
        else:
            a["measured"].set_data([], [])
        top = self.fit_y("turnover", now.synthesis, now.breakdown, ref.synthesis if ref else [])
        turnover.set_ylim(0, top)
        times = [m for m, _ in inputs["meals"]]
        a["meals"].set_data(times, [0.04 * top] * len(times))

        a["net"].set_data(t, now.net)
        a["net_ref"].set_data((t, ref.net) if ref else ([], []))
        for fill in self.fills:
            fill.remove()
        self.fills = [
            net.fill_between(t, now.net, 0, where=now.net > 0, color=style.COLORS["synthesis"], alpha=0.35, lw=0),
            net.fill_between(t, now.net, 0, where=now.net < 0, color=style.COLORS["breakdown"], alpha=0.35, lw=0),
        ]
        for fill in self.fills:
            fill.set_animated(True)
        high = self.fit_y("net_high", now.net, ref.net if ref else [])
        low = self.fit_y("net_low", -now.net, -ref.net if ref else [])
        net.set_ylim(-low, high)

        kwargs = dict(body_mass_kg=values["body_mass_kg"], age_years=values["age_years"])
        curve = 100 * protein.dose_response(DOSES, **kwargs)
        saturating = protein.saturating_dose_g(**kwargs)
        a["dose_curve"].set_data(DOSES, curve)
        a["dose_now"].set_data([values["protein_g"]], [100 * protein.dose_response(values["protein_g"], **kwargs)])
        a["saturating"].set_xdata([saturating, saturating])
        dose.set_ylim(0, self.fit_y("dose", curve, [r["rise_pct"] for r in self.moore]))

        self.legend(LEGEND, reference[0] if reference else None, ncols=4)
        return self._readout(values, now, t, saturating)

    def _readout(self, values, now, t, saturating):
        dt = t[1] - t[0]
        positive_h = float(np.sum(now.net > 0) * dt)
        balance = float(np.sum(now.net) * dt)
        peak = float(np.max(now.synthesis))
        person = dict(body_mass_kg=values["body_mass_kg"], age_years=values["age_years"])
        share = 100 * protein.dose_response(values["protein_g"], **person) / protein.PARAMS.max_dose_response
        lasting = protein.meal_effect_h(values["protein_g"], **person)
        duration = f", en de opbouw blijft daarna ongeveer {fmt(round(lasting))} uur verhoogd" if lasting else ""
        verdict = ("positief: de spier bouwt over twee dagen meer op dan hij afbreekt"
                   if balance > 0 else "negatief: de spier breekt over twee dagen meer af dan hij opbouwt")
        return (f"<p>De opbouw komt maximaal op {fmt(round(peak, 1))} keer de nuchtere rustwaarde. "
                f"De netto balans is {fmt(round(positive_h))} van de {fmt(HOURS)} uur positief; "
                f"opgeteld is hij {verdict}.</p>"
                f"<p>Verzadigende dosis voor deze persoon: ongeveer {fmt(round(saturating))} g eiwit per "
                f"maaltijd. {fmt(values['protein_g'])} g geeft {fmt(round(share))}% van het maximale "
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
