"""Weekplanner: strength and endurance sessions in a week, and how much of each gain survives."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from edu import concurrent
from edu import validation as check
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, control, more

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_KEYS = tuple(f"day{i}" for i in range(7))

SEPARATE = ("strength", "endurance", "strength", "rest", "strength", "endurance", "rest")
SAME = ("strength+endurance", "rest", "strength+endurance", "rest", "strength+endurance", "rest", "rest")


def week(days) -> dict:
    """Control values for the seven days of a week plan."""
    return dict(zip(DAY_KEYS, days))


START = week(SEPARATE) | dict(training_status="untrained", goal="max_strength",
                              endurance_modality="cycling", endurance_minutes=30, sex="male")

PRESETS = {
    "3× kracht, 2× duur op aparte dagen": START,
    "kracht en duur in één sessie": START | week(SAME),
    "duur vóór kracht in één sessie": START | week(
        ("endurance+strength", "rest", "endurance+strength", "rest", "endurance+strength", "rest", "rest")),
    "sprinter in één sessie": START | week(SAME) | {"training_status": "athlete",
                                                    "goal": "explosive_strength"},
    "sprinter, 6 uur ertussen": START | week(
        ("strength/endurance", "rest", "strength/endurance", "rest", "strength/endurance", "rest",
         "rest")) | {"training_status": "athlete", "goal": "explosive_strength"},
    "veel hardlopen, zoals in Wilson 2012": START | week(
        ("strength+endurance", "endurance", "strength+endurance", "endurance", "strength+endurance",
         "rest", "rest")) | {"endurance_modality": "running", "endurance_minutes": 45,
                             "goal": "hypertrophy"},
    "wielrenner die ook krachttraint": START | {"training_status": "trained", "goal": "vo2max"},
    "hardloopster: kracht en lopen op aparte dagen": START | week(
        ("strength", "endurance", "rest", "strength", "endurance", "rest", "endurance")) | {
        "training_status": "trained", "endurance_modality": "running", "endurance_minutes": 45,
        "sex": "female"},
    "hardloopster: kracht direct na het lopen": START | week(
        ("endurance+strength", "rest", "rest", "endurance+strength", "rest", "rest", "endurance")) | {
        "training_status": "trained", "endurance_modality": "running", "endurance_minutes": 45,
        "sex": "female"},
}
NAOMI = START | {"training_status": "athlete", "goal": "explosive_strength", "sex": "female"}
PRESETS |= {
    "sprintster in één sessie": NAOMI | week(
        ("strength+endurance", "rest", "strength+endurance", "rest", "rest", "rest", "rest")),
    "sprintster, 6 uur ertussen": NAOMI | week(
        ("strength/endurance", "rest", "strength/endurance", "rest", "rest", "rest", "rest")),
}
"""Naomi's week in the chapter "Praktijk: casussen": two gym visits (Monday and Wednesday), each strength
training and 30 minutes of cycling, in one session or 6 hours apart; her race is on Saturday."""

GOALS = concurrent.INPUTS["quality"].options
"""The four qualities of :data:`edu.concurrent.QUALITIES`, with their Dutch names: the client's goal."""

INPUTS = {
    **{key: check.Choice(key, weekday, concurrent.DAYS, default="rest") for key, weekday in zip(DAY_KEYS, WEEKDAYS)},
    "training_status": concurrent.INPUTS["training_status"],
    "goal": check.Choice("goal", "doel", GOALS, default="max_strength"),
    **{key: concurrent.INPUTS[key] for key in ("endurance_modality", "endurance_minutes", "sex")},
}
"""The controls: what each day of the week holds and the client's goal (the explorer's own choices),
and the inputs of :func:`edu.concurrent.relative_adaptation` the week plan does not set."""

DROPDOWNS = {**dict.fromkeys(DAY_KEYS, "15em"), "goal": None}
"""Choices shown as a drop-down list (key: width), too many or too long for buttons."""

BASELINE = {"hypertrophy": "alleen krachttraining", "max_strength": "alleen krachttraining",
            "explosive_strength": "alleen krachttraining", "vo2max": "alleen duurtraining"}

MEASURED = {"wilson2012": ("o", "Wilson e.a., 2012 (veel hardlopen)"),
            "schumann2022": ("s", "Schumann e.a., 2022 (explosief: zelfde sessie)")}

LEGEND = {
    "model: jouw weekplan": Patch(color="0.55"),
    "jouw doel": Patch(facecolor="white", edgecolor="0.2", lw=2.5),
    **{f"gemeten: {name}": Line2D([], [], color=style.COLORS["measured"], marker=marker, ls="")
       for marker, name in MEASURED.values()},
    "krachttraining": Patch(color=style.COLORS["session"]),
    "duurtraining": Patch(color=style.COLORS["endurance"]),
}


BLOCKS = {
    # day of the plan: (hour the block starts, hours drawn, colour) per session
    "rest": (),
    "strength": ((6, 3, "session"),),
    "endurance": ((6, 3, "endurance"),),
    "strength+endurance": ((6, 1.5, "session"), (7.5, 1.5, "endurance")),
    "endurance+strength": ((6, 1.5, "endurance"), (7.5, 1.5, "session")),
    "strength/endurance": ((6, 3, "session"), (12, 3, "endurance")),
}
"""How the week strip draws each day of :data:`edu.concurrent.DAYS`."""

SHORT = {"close": "sessies te dicht op elkaar", "apart": "een klein deel blijft, ook met tijd ertussen"}


def model_inputs(values: dict) -> dict:
    """The scenario: the week plan's timing (:func:`edu.concurrent.week_inputs`) and the client, as
    keywords of :func:`edu.concurrent.relative_adaptation`."""
    return concurrent.week_inputs([values[k] for k in DAY_KEYS]) | {
        key: values[key] for key in ("training_status", "endurance_modality", "endurance_minutes", "sex")}


@dataclass(frozen=True)
class Result:
    """One week as the explorer shows it."""

    inputs: dict
    """The scenario: how many endurance sessions, the shortest time between, the order, the client."""
    adaptation: concurrent.Adaptation
    untrained: concurrent.Adaptation
    """The same week for an untrained client, to say whether the training status costs more."""


def run(inputs: dict) -> Result:
    """What survives of each gain in this week, and in the same week for a beginner."""
    return Result(inputs=inputs, adaptation=concurrent.relative_adaptation(**inputs),
                  untrained=concurrent.relative_adaptation(**inputs | {"training_status": "untrained"}))


def dropdown(declared: check.Choice, width: str | None) -> ipw.Dropdown:
    """A drop-down list for a declared choice (where :func:`~explorers.explorer.control` gives buttons)."""
    return ipw.Dropdown(options=[(name, key) for key, name in declared.options.items()],
                        value=declared.default, description=declared.label[:1].upper() + declared.label[1:],
                        layout=ipw.Layout(width=width) if width else ipw.Layout(),
                        style={"description_width": "2em" if width else "initial"})


class WeekPlannerExplorer(Explorer):
    """The explorer behind :func:`weekplanner`."""

    title = "Weekplanner"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def make_controls(self):
        return {key: dropdown(declared, DROPDOWNS[key]) if key in DROPDOWNS else control(declared)
                for key, declared in self.inputs.items()}

    def layout(self):
        c = self.controls
        days = [c[k] for k in DAY_KEYS]
        return ipw.VBox([ipw.HBox(days[:4]), ipw.HBox(days[4:]), c["training_status"], c["goal"],
                         more(c["endurance_modality"], c["endurance_minutes"], c["sex"])])

    def make_figure(self):
        fig = style.figure(2)
        self.week_ax, self.ax = fig.axes
        ax = self.week_ax
        ax.set_title("Jouw week")
        ax.set_xlim(-0.5, 6.5)
        ax.set_ylim(0, 24)  # hours of the day counted down from the top: morning above
        ax.set_xticks(range(7), WEEKDAYS)
        ax.set_yticks([0, 6, 12, 18, 24], ["", "avond", "middag", "ochtend", ""])
        ax.grid(False)
        self.blocks = []
        for day in range(7):
            for slot in range(2):
                block = Rectangle((day - 0.4, 0), 0.8, 0, lw=0, color=style.COLORS["session"])
                ax.add_patch(block)
                self.blocks.append(block)

        ax = self.ax
        ax.set_title("Winst vergeleken met één soort training alleen")
        y = style.rows(ax, [GOALS[q].split(" (")[0] for q in GOALS])
        self.y = dict(zip(GOALS, y))
        ax.set_xlim(0, 116)
        ax.set_xlabel("% van de winst bij alleen die training")
        ax.axvline(100, color="0.4", lw=1.5)
        self.bars = ax.barh(y, [0] * 4, height=0.5, color=[style.COLORS[q] for q in GOALS])
        self.ref_bars = [ax.plot([], [], color="0.2", **style.COMPARED)[0] for _ in GOALS]
        self.labels = [ax.text(102, yi, "", va="center", ha="left", fontsize=12) for yi in y]
        measured = concurrent.measured_ratios()
        for study, (marker, _) in MEASURED.items():
            ratios = measured[study]
            ax.plot([100 * ratios[q] for q in ratios], [self.y[q] + 0.33 for q in ratios], marker,
                    color=style.COLORS["measured"], ms=8, ls="")
        return fig

    def update(self, values, now, ref):
        self._week([values[k] for k in DAY_KEYS])
        for bar, line, label, q in zip(self.bars, self.ref_bars, self.labels, GOALS):
            pct = 100 * getattr(now.adaptation, q)
            bar.set_width(pct)
            goal = q == values["goal"]
            bar.set_edgecolor("0.2" if goal else "none")
            bar.set_linewidth(2.5 if goal else 0)
            label.set_text(f"{fmt(pct, 0)}%")
            y = self.y[q]
            line.set_data(([100 * getattr(ref[1].adaptation, q)] * 2, [y - 0.3, y + 0.3]) if ref else ([], []))
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    def _week(self, days):
        """Draw each day's sessions: strength orange, endurance sky blue, in the order done."""
        for block in self.blocks:
            block.set_visible(False)
        for day, kind in enumerate(days):
            for (top, height, color), block in zip(BLOCKS[kind], self.blocks[2 * day:2 * day + 2]):
                block.set_y(24 - top - height)
                block.set_height(height)
                block.set_color(style.COLORS[color])
                block.set_visible(True)

    def _readout(self, values, now):
        timing, adaptation = now.inputs, now.adaptation
        n_strength = sum("strength" in values[k] for k in DAY_KEYS)
        n_endurance = timing["endurance_sessions_per_week"]
        modality = concurrent.MODALITIES[values["endurance_modality"]]
        text = (f"<p><strong>Week</strong>: {n_strength}× kracht, {n_endurance}× {modality} van "
                f"{fmt(values['endurance_minutes'])} min")
        if n_strength and n_endurance:
            gap = timing["hours_between"]
            text += ("; kortste tijd ertussen: " + ("zelfde sessie" if gap == 0 else f"{fmt(gap)} uur")
                     + ("" if timing["strength_first"] else ", duur eerst"))
        text += (f". Cliënt: {concurrent.STATUSES[values['training_status']]}, "
                 f"{concurrent.SEXES[values['sex']]}.</p>")
        goal = values["goal"]
        text += (f"<p><strong>Doel: {GOALS[goal]}</strong>. Je houdt {fmt(100 * getattr(adaptation, goal), 0)}% "
                 f"over van de winst bij {BASELINE[goal]}. {self._reason(values, now, goal)}</p>")
        others = [q for q in GOALS if q != goal and adaptation.cause(q) != "none"]
        if others:
            text += "<p>Ook: " + "; ".join(
                f"{GOALS[q]} {fmt(100 * getattr(adaptation, q), 0)}% ({SHORT[adaptation.cause(q)]})"
                for q in others) + ".</p>"
        return text

    @staticmethod
    def _reason(values, now, quality) -> str:
        """Why ``quality`` loses what it loses (:meth:`edu.concurrent.Adaptation.cause`), in Dutch."""
        timing, cause = now.inputs, now.adaptation.cause(quality)
        if cause == "none":
            return "Hier stoort de combinatie nauwelijks."
        name = GOALS[quality].split(" (")[0].capitalize()
        if cause == "close":
            gap = timing["hours_between"]
            when = "in dezelfde sessie" if gap == 0 else f"maar {fmt(gap)} uur na elkaar"
            text = (f"{name} lijdt hier omdat kracht en duur {when} vallen: de vermoeidheid van de "
                    "ene training drukt de kwaliteit van de andere.")
            if not timing["strength_first"] and quality in concurrent.PARAMS.order_sensitive:
                text += " De duurtraining komt eerst; kracht eerst scheelt."
        else:
            text = (f"{name} verliest hier een klein deel, ook met {fmt(timing['hours_between'])} uur "
                    "tussen kracht en duur.")
            if values["endurance_modality"] == "running":
                text += (" Hardlopen telt in het model iets zwaarder, omdat de landingen de beenspieren "
                         "extra belasten.")
        if getattr(now.adaptation, quality) < getattr(now.untrained, quality):
            text += (f" Als {concurrent.STATUSES[values['training_status']]} verlies je hier meer "
                     "dan een beginner.")
        return text


def weekplanner(start: str = "3× kracht, 2× duur op aparte dagen",
                vergelijk: str | None = None) -> WeekPlannerExplorer:
    """Explorer of concurrent training in a week plan (chapter "Kracht én duur").

    Parameters
    ----------
    start : str
        Preset to open with, one of :data:`PRESETS`.
    vergelijk : str, optional
        Preset drawn dashed for comparison.
    """
    return WeekPlannerExplorer(start, vergelijk)


__all__ = ["weekplanner"]
