"""Signaalroutes: mTORC1, AMPK and PGC-1α over a day with a strength and/or an endurance session."""

from __future__ import annotations

import math

import ipywidgets as ipw
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, signaling
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

START = dict(day="both", strength_h=9.0, endurance_h=17.0, training_status="untrained",
             strength_pct=80, endurance_pct=75, endurance_min=60, ampk_inhibition=0.1)

PRESETS = {
    "kracht en duur op aparte momenten": START,
    "alleen krachttraining": START | {"day": "strength"},
    "alleen duurtraining": START | {"day": "endurance"},
    "duur direct na kracht": START | {"endurance_h": 10.0},
    "getraind: meer specifiek": START | {"training_status": "trained"},
    "getraind, duur direct na kracht": START | {"training_status": "trained", "endurance_h": 10.0},
    "sterke rem zoals bij ratten": START | {"endurance_h": 10.0, "ampk_inhibition": 1.0},
}

STRENGTH_MIN = 45
"""Length of the strength session drawn in the explorer, minutes."""

T_H = signaling.DAY_H
"""The day shown: 6:00 until 12:00 the next day, hours after midnight."""

THRESHOLD = 1.5
"""A route counts as "on" from this multiple of rest (the overlap window)."""

DAYS = {"strength": "alleen kracht", "endurance": "alleen duur", "both": "kracht én duur"}

LEGEND = {
    "krachttraining": Patch(color=style.COLORS["session"], alpha=0.3),
    "duurtraining": Patch(color=style.COLORS["endurance"], alpha=0.3),
    "beide routes aan": Patch(color=style.COLORS["range"], alpha=0.5),
    "gemeten: Egan e.a., 2010; Wojtaszewski e.a., 2000":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

PANELS = {
    # key: (title, [(attribute of edu.signaling.Signals, Dutch name, colour)])
    "strength": ("Krachtroute", [("mtorc1", "mTORC1", "mtorc1")]),
    "endurance": ("Duurroute", [("ampk", "AMPK", "ampk"), ("pgc1a", "PGC-1α (mRNA)", "pgc1a")]),
}


def model_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.signaling.day`."""
    strength, endurance = values["day"] in ("strength", "both"), values["day"] in ("endurance", "both")
    return dict(strength_h=values["strength_h"] if strength else None, strength_min=STRENGTH_MIN,
                strength_pct_1rm=values["strength_pct"],
                endurance_h=values["endurance_h"] if endurance else None, endurance_min=values["endurance_min"],
                endurance_pct_vo2max=values["endurance_pct"], training_status=values["training_status"],
                ampk_inhibition=values["ampk_inhibition"])


def bands(x: np.ndarray, on: np.ndarray) -> list:
    """Full-height rectangles (in axis coordinates for y) over each run of ``x`` where ``on`` holds."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(int), [0]))))
    return [[(x[a], 0), (x[b - 1], 0), (x[b - 1], 1), (x[a], 1)] for a, b in zip(edges[::2], edges[1::2])]


def clock(hour: float) -> str:
    """Hours after midnight as a Dutch clock time (next day after 24:00)."""
    minutes = int(round(hour * 60)) % (24 * 60)
    return f"{minutes // 60}.{minutes % 60:02d} uur"


class SignalingExplorer(Explorer):
    """The explorer behind :func:`signaalroutes`."""

    title = "Signaalroutes"
    presets = PRESETS

    def make_controls(self):
        return {
            "day": ipw.ToggleButtons(options=[(name, key) for key, name in DAYS.items()],
                                     description="Vandaag"),
            "strength_h": slider("Krachttraining om (uur)", 6, 22, 0.5),
            "endurance_h": slider("Duurtraining om (uur)", 6, 22, 0.5),
            "training_status": ipw.ToggleButtons(
                options=[(name, key) for key, name in signaling.STATUSES.items()],
                description="Spier"),
            "strength_pct": slider("Kracht: belasting (% 1RM)", 30, 100, 5),
            "endurance_pct": slider("Duur: intensiteit (% VO2max)", 30, 100, 5),
            "endurance_min": slider("Duur: minuten", signaling.MIN_SESSION_MIN, 180, 5),
            "ampk_inhibition": slider("Rem van AMPK op mTORC1", 0, 1, 0.05),
        }

    def constrain(self, values):
        """An endurance session no longer than its intensity allows, and never during the strength session."""
        fixes = {}
        minutes = self.controls["endurance_min"]
        longest = signaling.max_endurance_min(values["endurance_pct"] / 100)
        if values["endurance_min"] > longest:
            fixes["endurance_min"] = minutes.step * math.floor(longest / minutes.step)
        if values["day"] == "both":
            start, end = values["strength_h"], values["strength_h"] + STRENGTH_MIN / 60
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
                         more(c["strength_pct"], c["endurance_pct"], c["endurance_min"],
                              c["ampk_inhibition"])])

    def make_figure(self):
        fig = style.figure(2, height_in=4.4)
        self.axes = dict(zip(PANELS, fig.axes))
        self.artists = {}
        ticks = np.arange(6, 37, 6)
        for key, ax in self.axes.items():
            title, lines = PANELS[key]
            ax.set_title(title)
            ax.set_xlim(T_H[0], T_H[-1])
            ax.set_xticks(ticks, [f"{t % 24:.0f}" for t in ticks])
            ax.set_xlabel("tijd (uur; rechts de volgende ochtend)")
            ax.set_ylabel("× rust")
            ax.axhline(1.0, color="0.5", lw=1)
            a = {"strength": style.vspan(ax, 0, 1, color=style.COLORS["session"], alpha=0.3, lw=0),
                 "endurance": style.vspan(ax, 0, 1, color=style.COLORS["endurance"], alpha=0.3, lw=0),
                 "overlap": ax.add_collection(PolyCollection([], transform=ax.get_xaxis_transform(),
                                                             color=style.COLORS["range"], alpha=0.5, lw=0),
                                              autolim=False),
                 "measured": ax.plot([], [], "o", color=style.COLORS["measured"], ms=8)[0]}
            for attribute, name, color in lines:
                a[f"ref {attribute}"] = ax.plot([], [], color=style.COLORS[color], ls="--", lw=1.8)[0]
                a[attribute] = ax.plot([], [], color=style.COLORS[color], label=name)[0]
            ax.legend(loc="upper right")
            self.artists[key] = a
        for a in self.artists.values():
            for artist in a.values():
                artist.set_animated(True)
        self.egan = datasets.load("egan2010")
        return fig

    def update(self, values, reference):
        now = signaling.day(T_H, **model_inputs(values))
        ref = signaling.day(T_H, **model_inputs(reference[1])) if reference else None
        on = (now.mtorc1 >= THRESHOLD) & (now.pgc1a >= THRESHOLD)
        for key, (_, lines) in PANELS.items():
            a = self.artists[key]
            for attribute, _, _ in lines:
                a[attribute].set_data(T_H, getattr(now, attribute))
                a[f"ref {attribute}"].set_data((T_H, getattr(ref, attribute)) if ref else ([], []))
            self._band(a["strength"], values, "strength", values["strength_h"], STRENGTH_MIN)
            self._band(a["endurance"], values, "endurance", values["endurance_h"],
                       values["endurance_min"])
            a["overlap"].set_verts(bands(T_H, on))
        self._measured(values)
        for key, ax in self.axes.items():
            lines = [a.get_ydata() for a in self.artists[key].values() if isinstance(a, Line2D)]
            ax.set_ylim(0, self.fit_y(key, *lines, at_least=2.0))
        self.legend(LEGEND, reference[0] if reference else None, ncols=4)
        return self._readout(values, now)

    @staticmethod
    def _band(band, values, kind, start_h, minutes):
        shown = values["day"] in (kind, "both")
        band.set_visible(shown)
        band.set_x(start_h)
        band.set_width(minutes / 60)

    def _measured(self, values):
        """Egan 2010: PGC-1α 3 h after, AMPK right after cycling at 40% and 80% VO2peak,
        drawn at the end of the current endurance session."""
        a = self.artists["endurance"]["measured"]
        if values["day"] == "strength":
            a.set_data([], [])
            return
        end = values["endurance_h"] + values["endurance_min"] / 60
        x = [end + 3 for _ in self.egan] + [end for _ in self.egan]
        y = [r["pgc1a_fold"] for r in self.egan] + [r["ampk_fold"] for r in self.egan]
        a.set_data(x, y)

    def _readout(self, values, now):
        def peak(signal):
            i = int(np.argmax(signal))
            return f"{fmt(round(float(signal[i]), 1))}× rust om {clock(T_H[i])}"

        text = (f"<p><strong>mTORC1</strong> (krachtroute): piek {peak(now.mtorc1)}. "
                f"<strong>AMPK</strong>: piek {peak(now.ampk)}. "
                f"<strong>PGC-1α</strong>: piek {peak(now.pgc1a)}.</p>")
        overlap = now.overlap_h(THRESHOLD)
        text += (f"<p>Beide routes tegelijk aan (minstens {fmt(THRESHOLD)}× rust): "
                 f"<strong>{fmt(round(overlap, 1))} uur</strong>.")
        longest = signaling.max_endurance_min(values["endurance_pct"] / 100)
        if values["day"] != "strength" and longest < self.controls["endurance_min"].max:
            text += (f" Op {fmt(values['endurance_pct'])}% van de VO2max houd je een duurtraining ongeveer "
                     f"{fmt(round(longest))} minuten vol: langer laat de verkenner niet toe.")
        if values["day"] == "both" and values["ampk_inhibition"] > 0:
            alone = signaling.day(T_H, **model_inputs(values | {"ampk_inhibition": 0.0}))
            lost = 100 * (1 - (now.mtorc1.max() - 1) / (alone.mtorc1.max() - 1))
            text += f" De rem van AMPK haalt {fmt(round(lost))}% van de mTORC1-piek weg."
        return text + "</p>"


def signaalroutes(start: str = "kracht en duur op aparte momenten",
                  vergelijk: str | None = None) -> SignalingExplorer:
    """Explorer of the mTORC1 and AMPK/PGC-1α routes over one day (chapter "Twee signaalroutes")."""
    return SignalingExplorer(start, vergelijk)
