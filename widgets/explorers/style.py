"""One look for every figure in the book: colours, type sizes, units.

Colours come from the Okabe–Ito palette (colour-blind safe) and belong to a quantity,
not to a figure: testosterone is blue in every chapter. The palette has eight colours, so
a colour can stand for different quantities in different chapters, never in one figure. Sizes are chosen to stay
readable on a projector at the back of a room.
"""

from __future__ import annotations

import io
import os

import matplotlib
import matplotlib.image
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

COLORS = {
    "testosterone": "#0072B2",    # blue
    "growth_hormone": "#009E73",  # bluish green
    "cortisol": "#D55E00",        # vermillion
    "measured": "#000000",        # published measurements: always black markers
    "range": "#BBBBBB",           # reference ranges: light grey band
    "session": "#E69F00",         # the training session itself: orange band
    "synthesis": "#56B4E9",       # muscle protein synthesis: sky blue
    "breakdown": "#CC79A7",       # muscle protein breakdown: reddish purple
    "net": "#0072B2",             # net protein balance: blue
    "growth": "#009E73",          # muscle growth: bluish green
    "epley": "#0072B2",           # 1RM formula of Epley: blue
    "brzycki": "#D55E00",         # 1RM formula of Brzycki: vermillion
    "fibre": "#0072B2",           # fibre cross-section: blue
    "myonuclei": "#D55E00",       # myonuclei: vermillion
    "domain": "#CC79A7",          # myonuclear domain: reddish purple
    "satellite": "#009E73",       # satellite cells: bluish green
    "endurance": "#56B4E9",       # an endurance session: sky blue band
    "mtorc1": "#0072B2",          # mTORC1, the strength route: blue
    "ampk": "#CC79A7",            # AMPK: reddish purple
    "pgc1a": "#009E73",           # PGC-1α, the endurance route: bluish green
    "hypertrophy": "#009E73",     # muscle growth with concurrent training: bluish green (as growth)
    "max_strength": "#0072B2",    # maximal strength: blue
    "explosive_strength": "#D55E00",  # explosive strength: vermillion
    "vo2max": "#56B4E9",          # VO2max: sky blue (as endurance)
    "load": "#BBBBBB",            # daily training load: light grey bars
    "fitness": "#009E73",         # fitness (CTL): bluish green
    "fatigue": "#D55E00",         # fatigue (ATL): vermillion
    "form": "#0072B2",            # form (TSB): blue
    "bone": "#0072B2",            # bone density and remodelling: blue
    "untrained": "#777777",       # the same person without training: grey
    "glucose": "#D55E00",         # blood glucose: vermillion
    "hba1c": "#CC79A7",           # HbA1c: reddish purple
    "muscle": "#D55E00",          # skeletal muscle: vermillion
    "adipose": "#F0E442",         # adipose tissue: yellow
    "liver": "#CC79A7",           # liver: reddish purple
    "brain": "#0072B2",           # brain: blue
    "heart": "#009E73",           # heart: bluish green
    "kidneys": "#56B4E9",         # kidneys: sky blue
    "residual": "#BBBBBB",        # the rest of the body: light grey
    "claim": "#E69F00",           # a popular claim, tested against the model: orange
    "hippocampus": "#009E73",     # hippocampal volume: bluish green
}

QUANTITIES = {
    # quantity: (Dutch name, unit)
    "testosterone": ("Testosteron", "nmol/L"),
    "growth_hormone": ("Groeihormoon", "µg/L"),
    "cortisol": ("Cortisol", "nmol/L"),
}

RC = {
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.labelsize": 12,
    "legend.fontsize": 10,
    "lines.linewidth": 2.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
}
"""Matplotlib settings applied to every figure of the book."""

PROJECTOR_RC = RC | {"font.size": 15, "axes.titlesize": 17, "axes.labelsize": 14, "legend.fontsize": 13,
                     "xtick.labelsize": 13, "ytick.labelsize": 13}
"""While presenting: larger type, readable from the back of a room (lines: :func:`thicken`)."""

PROJECTOR_LINE_SCALE = 1.5
"""While presenting every line of a figure is this much thicker."""

DPI = 80
"""Resolution of the rendered figures in the book: sharp on screen, fast to redraw."""

PROJECTOR_DPI = 120
"""Resolution while presenting: the figure fills a projector screen."""

PROJECTOR_CSS = """<style>
.jp-Notebook, .jupyter-widgets, .widget-label, .widget-readout, .widget-html-content,
.widget-toggle-button, .widget-dropdown select, .widget-button, .lm-AccordionPanel-title
  { font-size: 22px !important; }
.widget-label { min-width: 14em; }
.widget-slider .noUi-handle { transform: scale(1.4); }
.jp-OutputArea-output, .jp-RenderedHTMLCommon { font-size: 22px; max-width: none; }
body, .jp-Cell { padding: 0 0.5em !important; }
.widget-image { max-height: 74vh; object-fit: contain; object-position: left top; }
</style>"""
"""Large type for `make present`: readable from the back of a room."""


def presenting() -> bool:
    """True when running inside Voilà (`make present`), which sets these variables in the kernel."""
    return "VOILA_KERNEL_ID" in os.environ or "VOILA_BASE_URL" in os.environ


def context():
    """Context in which a figure and its artists are made, so they take the book's style."""
    return matplotlib.rc_context(PROJECTOR_RC if presenting() else RC)


def thicken(fig: Figure, scale: float = PROJECTOR_LINE_SCALE) -> None:
    """Make every line of ``fig`` ``scale`` times thicker (for the projector)."""
    for line in fig.findobj(Line2D):
        line.set_linewidth(line.get_linewidth() * scale)


def figure(ncols: int, *, nrows: int = 1, width_in: float = 12.0, height_in: float = 4.0,
           width_ratios=None) -> Figure:
    """A new figure with ``nrows`` × ``ncols`` axes (``fig.axes`` row by row); call inside :func:`context`."""
    dpi = PROJECTOR_DPI if presenting() else DPI
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    fig.subplots(nrows, ncols, width_ratios=width_ratios)
    return fig


def vspan(ax, x0: float, x1: float, **kwargs) -> Rectangle:
    """A band from ``x0`` to ``x1`` over the axes' full height, movable with ``set_x``/``set_width``.

    ``ax.axvspan`` returns a Polygon before matplotlib 3.9, the version Pyodide 0.27 ships
    for the in-browser explorers; this Rectangle behaves the same on every version.
    """
    patch = Rectangle((x0, 0), x1 - x0, 1, transform=ax.get_xaxis_transform(), **kwargs)
    ax.add_patch(patch)
    return patch


def hspan(ax, y0: float, y1: float, **kwargs) -> Rectangle:
    """A band from ``y0`` to ``y1`` over the axes' full width (see :func:`vspan`)."""
    patch = Rectangle((0, y0), 1, y1 - y0, transform=ax.get_yaxis_transform(), **kwargs)
    ax.add_patch(patch)
    return patch


def png(rgba) -> bytes:
    """Encode an RGBA pixel buffer as PNG, favouring speed over file size."""
    buf = io.BytesIO()
    matplotlib.image.imsave(buf, np.asarray(rgba), format="png",
                            pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def nice_limit(current: float, needed: float) -> float:
    """An axis limit that holds ``needed``: keep ``current`` while it fits well, else a round number.

    ``current`` is kept while ``needed`` lies between half of it and all of it, so the axes
    stay put while a learner moves a control and comparisons stay visible.
    """
    if 0.5 * current <= needed <= current and current > 0:
        return current
    if needed <= 0:
        return 1.0
    magnitude = 10 ** np.floor(np.log10(needed))
    return float(min(m * magnitude for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * magnitude >= needed))
