"""Signaalroutes: mTORC1, AMPK and PGC-1α over a day with a strength and/or an endurance session."""

from __future__ import annotations

import math
from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, signaling
from edu import validation as check
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more

DAYS = {"strength": "alleen kracht", "endurance": "alleen duur", "both": "kracht én duur"}

INPUTS = {
    "day": check.Choice("day", "vandaag", DAYS, default="both"),
    **{key: signaling.INPUTS[key] for key in (
        "strength_h", "endurance_h", "training_status", "strength_pct_1rm", "endurance_pct_vo2max",
        "endurance_min", "ampk_inhibition")},
}
"""The controls: which sessions the day holds (the explorer's own choice), the rest inputs of
:func:`edu.signaling.day`. The strength session lasts the model's default, 45 minutes."""

START = dict(day="both", strength_h=9.0, endurance_h=17.0, training_status="untrained",
             strength_pct_1rm=80, endurance_pct_vo2max=75, endurance_min=60, ampk_inhibition=0.1)

PRESETS = {
    "kracht en duur op aparte momenten": START,
    "alleen krachttraining": START | {"day": "strength"},
    "alleen duurtraining": START | {"day": "endurance"},
    "duur direct na kracht": START | {"endurance_h": 10.0},
    "getraind: meer specifiek": START | {"training_status": "trained"},
    "getraind, duur direct na kracht": START | {"training_status": "trained", "endurance_h": 10.0},
    "sterke rem zoals bij ratten": START | {"endurance_h": 10.0, "ampk_inhibition": 1.0},
}

T_H = signaling.DAY_H
"""The day shown: 6:00 until 12:00 the next day, hours after midnight."""

LEGEND = {
    "krachttraining": Patch(color=style.COLORS["session"], alpha=0.3),
    "duurtraining": Patch(color=style.COLORS["endurance"], alpha=0.3),
    "beide routes aan": Patch(color=style.COLORS["range"], alpha=0.5),
    "gemeten: Egan e.a., 2010; Wojtaszewski e.a., 2000":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

PANELS = {
    # key: (title, [(signal of edu.signaling.SIGNALS, also its colour; Dutch name)])
    "strength": ("Krachtroute", [("mtorc1", "mTORC1")]),
    "endurance": ("Duurroute", [("ampk", "AMPK"), ("pgc1a", "PGC-1α (mRNA)")]),
}


def model_inputs(values: dict) -> dict:
    """The scenario: the control values as keywords of :func:`edu.signaling.day` (on its default day, :data:`T_H`)."""
    return dict(strength_h=values["strength_h"] if values["day"] in ("strength", "both") else None,
                endurance_h=values["endurance_h"] if values["day"] in ("endurance", "both") else None,
                **{key: values[key] for key in ("strength_pct_1rm", "endurance_pct_vo2max", "endurance_min",
                                                "training_status", "ampk_inhibition")})


@dataclass(frozen=True)
class Result:
    """One day as the explorer shows it."""

    signals: signaling.Signals
    brake_pct: float
    """Share of the mTORC1 peak the AMPK brake removes (:func:`edu.signaling.mtorc1_brake_pct`)."""
    longest_min: float
    """Longest endurance session at this intensity (:func:`edu.signaling.max_endurance_min`)."""


def run(inputs: dict) -> Result:
    """The day's signals, what the brake takes away, and how long the endurance session can last."""
    return Result(signals=signaling.day(**inputs), brake_pct=signaling.mtorc1_brake_pct(**inputs),
                  longest_min=signaling.max_endurance_min(inputs["endurance_pct_vo2max"] / 100))


def bands(x: np.ndarray, on: np.ndarray) -> list:
    """Full-height rectangles (in axis coordinates for y) over each run of ``x`` where ``on`` holds."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(int), [0]))))
    return [[(x[a], 0), (x[b - 1], 0), (x[b - 1], 1), (x[a], 1)] for a, b in zip(edges[::2], edges[1::2])]


def clock(hour: float) -> str:
    """Hours after midnight as a Dutch clock time, "9.45" (the next day after 24:00)."""
    minutes = int(round(hour * 60)) % (24 * 60)
    return f"{minutes // 60}.{minutes % 60:02d}"


class SignalingExplorer(Explorer):
    """The explorer behind :func:`signaalroutes`."""

    title = "Signaalroutes"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def constrain(self, values):
        """An endurance session no longer than its intensity allows, and never during the strength session."""
        fixes = {}
        minutes = self.controls["endurance_min"]
        longest = signaling.max_endurance_min(values["endurance_pct_vo2max"] / 100)
        if values["endurance_min"] > longest:
            fixes["endurance_min"] = minutes.step * math.floor(longest / minutes.step)
        if values["day"] == "both":
            start = values["strength_h"]
            end = start + signaling.INPUTS["strength_min"].default / 60
            length = fixes.get("endurance_min", values["endurance_min"]) / 60
            e = values["endurance_h"]
            if e < end and start < e + length:
                slot = self.controls["endurance_h"]
                before = slot.step * math.floor((start - length) / slot.step)
                after = slot.step * math.ceil(end / slot.step)
                allowed = [t for t in (before, after) if slot.min <= t <= slot.max]
                fixes["endurance_h"] = min(allowed, key=lambda t: abs(t - e))
        return fixes

    def layout(self):
        c = self.controls
        return ipw.VBox([c["day"], c["strength_h"], c["endurance_h"], c["training_status"],
                         more(c["strength_pct_1rm"], c["endurance_pct_vo2max"], c["endurance_min"],
                              c["ampk_inhibition"])])

    def make_figure(self):
        fig = style.figure(2)
        self.axes = dict(zip(PANELS, fig.axes))
        self.artists = {}
        ticks = np.arange(6, 37, 6)
        for key, ax in self.axes.items():
            title, signals = PANELS[key]
            ax.set_title(title)
            ax.set_xlim(T_H[0], T_H[-1])
            ax.set_xticks(ticks, [f"{t % 24:.0f}" for t in ticks])
            ax.set_xlabel("tijd (uur; rechts de volgende ochtend)")
            ax.set_ylabel("× rust")
            ax.axhline(1.0, color="0.5", lw=1)
            a = {kind: style.vspan(ax, 0, 1, color=style.COLORS[color], alpha=0.3, lw=0)
                 for kind, color in (("strength", "session"), ("endurance", "endurance"))}
            a["overlap"] = ax.add_collection(PolyCollection([], transform=ax.get_xaxis_transform(),
                                                            color=style.COLORS["range"], alpha=0.5, lw=0),
                                             autolim=False)
            a["measured"] = ax.plot([], [], "o", color=style.COLORS["measured"], ms=8)[0]
            for signal, name in signals:
                a[f"ref {signal}"] = ax.plot([], [], color=style.COLORS[signal], **style.COMPARED)[0]
                a[signal] = ax.plot([], [], color=style.COLORS[signal], label=name)[0]
            ax.legend(loc="upper right")
            self.artists[key] = a
        self.egan = datasets.load("egan2010")
        return fig

    def update(self, values, now, ref):
        day = now.signals
        sessions = {s.kind: s for s in day.sessions}
        for key, (_, signals) in PANELS.items():
            a = self.artists[key]
            for signal, _ in signals:
                a[signal].set_data(T_H, getattr(day, signal))
                a[f"ref {signal}"].set_data((T_H, getattr(ref[1].signals, signal)) if ref else ([], []))
            for kind in signaling.KINDS:
                band = a[kind]
                band.set_visible(kind in sessions)
                if kind in sessions:
                    band.set_x(sessions[kind].start_h)
                    band.set_width(sessions[kind].duration_min / 60)
            a["overlap"].set_verts(bands(T_H, day.on("mtorc1", "pgc1a")))
        self._measured(sessions.get("endurance"))
        for key, ax in self.axes.items():
            lines = [a.get_ydata() for a in self.artists[key].values() if isinstance(a, Line2D)]
            ax.set_ylim(0, self.fit_y(key, *lines, at_least=2.0))
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    def _measured(self, endurance):
        """Egan 2010: PGC-1α 3 h after, AMPK right after cycling at 40% and 80% VO2peak,
        drawn at the end of the current endurance session."""
        a = self.artists["endurance"]["measured"]
        if endurance is None:
            a.set_data([], [])
            return
        end = endurance.end_h
        a.set_data([end + 3 for _ in self.egan] + [end for _ in self.egan],
                   [r["pgc1a_fold"] for r in self.egan] + [r["ampk_fold"] for r in self.egan])

    @staticmethod
    def _readout(values, now):
        day = now.signals

        def peak(signal):
            p = day.peak(signal)
            return f"{fmt(round(p.value, 1))}× rust om {clock(p.t_h)} uur"

        text = (f"<p><strong>mTORC1</strong> (krachtroute): piek {peak('mtorc1')}. "
                f"<strong>AMPK</strong>: piek {peak('ampk')}. "
                f"<strong>PGC-1α</strong>: piek {peak('pgc1a')}.</p>")
        text += (f"<p>Beide routes tegelijk aan (minstens {fmt(signaling.THRESHOLD)}× rust): "
                 f"<strong>{fmt(round(day.overlap_h(), 1))} uur</strong>.")
        if values["day"] != "strength" and now.longest_min < signaling.INPUTS["endurance_min"].hi:
            text += (f" Op {fmt(values['endurance_pct_vo2max'])}% van de VO2max houd je een duurtraining ongeveer "
                     f"{fmt(now.longest_min, 0)} minuten vol: langer laat de verkenner niet toe.")
        if values["day"] == "both" and values["ampk_inhibition"] > 0:
            text += f" De rem van AMPK haalt {fmt(now.brake_pct, 0)}% van de mTORC1-piek weg."
        return text + "</p>"


def signaalroutes(start: str = "kracht en duur op aparte momenten",
                  vergelijk: str | None = None) -> SignalingExplorer:
    """Explorer of the mTORC1 and AMPK/PGC-1α routes over one day (chapter "Twee signaalroutes").

    Parameters
    ----------
    start : str
        Preset to open with, one of :data:`PRESETS`.
    vergelijk : str, optional
        Preset drawn dashed for comparison.
    """
    return SignalingExplorer(start, vergelijk)


__all__ = ["signaalroutes"]
