"""Bar charts as PNG with a font that has Chinese characters."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from ..errors import OutputError
from ..io import write_atomic
from .tables import display_width


#: Parts of font file names likely to cover Chinese, tried first when looking for a CJK font.
CJK_FONT_HINTS = ("cjk", "sourcehan", "wqy", "hei", "song", "ming", "kai", "droidsansfallback",
                  "uming", "ukai")


def find_cjk_font() -> str | None:
    """Path of an installed font that has Chinese characters, or ``None``.

    The system's fonts are listed afresh (a font installed after matplotlib built its cache
    counts too); files whose name suggests CJK coverage are tried first, bold faces last, and
    a font counts when its character map holds 中 and 国.
    """
    from matplotlib import font_manager, ft2font

    def hinted_first(path: str) -> tuple:
        name = Path(path).name.lower()
        return not any(hint in name for hint in CJK_FONT_HINTS), "bold" in name, path

    for path in sorted(font_manager.findSystemFonts(), key=hinted_first):
        try:
            charmap = ft2font.FT2Font(path).get_charmap()
        except (OSError, RuntimeError):
            continue
        if ord("中") in charmap and ord("国") in charmap:
            return path
    return None


def bar_chart(path: str | Path, title: str, categories: Sequence[str],
              series: dict[str, Sequence[float]], value_label: str,
              horizontal: bool = False) -> Path:
    """Write a (stacked) bar chart as PNG with a CJK font, atomically and reproducibly.

    Parameters
    ----------
    path : str or Path
        The PNG file to write.
    title, value_label : str
        Chart title and label of the value axis (Chinese allowed).
    categories : sequence of str
        The bars, left to right (top to bottom when ``horizontal``); repeats allowed.
    series : dict of str to sequence of float
        One stacked segment per entry, values aligned with ``categories``.
    horizontal : bool
        Horizontal bars, for long category names.

    Raises
    ------
    OutputError
        When matplotlib is not installed or no font with Chinese characters is found.
    """
    path = Path(path)
    try:
        import matplotlib
    except ImportError:
        raise OutputError(path, "plots need matplotlib: pip install 'kg[plot]'") from None
    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    font = find_cjk_font()
    if font is None:
        raise OutputError(path, "no font with Chinese characters is installed (Debian: apt-get "
                          "install fonts-noto-cjk); plot not written")
    font_manager.fontManager.addfont(font)
    family = font_manager.FontProperties(fname=font).get_name()
    size = ((8.0, 1.5 + 0.35 * len(categories)) if horizontal
            else (max(6.0, 0.6 * len(categories)), 4.5))
    with matplotlib.rc_context({"font.family": family}):
        figure = Figure(figsize=size)
        _draw_bars(figure.subplots(), title, categories, series, value_label, horizontal)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return write_atomic(path, buffer.getvalue())


def _draw_bars(axes, title: str, categories: Sequence[str],
               series: dict[str, Sequence[float]], value_label: str, horizontal: bool) -> None:
    """Draw the stacked bars, their axes, title and legend (see ``bar_chart``)."""
    from matplotlib.ticker import MaxNLocator

    positions = list(range(len(categories)))
    stacked = [0.0] * len(categories)
    for label, values in series.items():
        if horizontal:
            axes.barh(positions, values, left=stacked, label=label)
        else:
            axes.bar(positions, values, bottom=stacked, label=label)
        stacked = [b + v for b, v in zip(stacked, values)]
    value_axis, category_axis = ((axes.xaxis, axes.yaxis) if horizontal
                                 else (axes.yaxis, axes.xaxis))
    category_axis.set_ticks(positions, labels=list(categories))
    value_axis.set_label_text(value_label)
    if all(isinstance(v, int) for values in series.values() for v in values):
        value_axis.set_major_locator(MaxNLocator(integer=True))
    if horizontal:
        axes.invert_yaxis()
    elif len(categories) > 8 and max(map(display_width, categories)) > 4:
        axes.tick_params(axis="x", labelrotation=45)
    axes.set_title(title)
    if len(series) > 1:
        axes.legend()
