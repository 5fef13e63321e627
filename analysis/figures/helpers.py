"""What partnersim's figure and report scripts share: the one Python copy of the results
file's layout (names checked against sim/io/results_layout.hpp by the C++ test
ResultsLayout.PythonNamesMatch), reading results and analysis files, naming measures in words,
formatting numbers, one figure style, and the Picture record every drawing function returns.
Every other module of this folder imports from here and from no entry script.

An analysis file ("X.analysis.h5" beside results "X.h5", or a compare output file) holds one
group per table, with one 1-D dataset per column (UTF-8 strings for text, float64 for
numbers) and the attributes `description`, `key` and `columns` (comma-separated column
order). `read_tables` turns each into a `Table`.

Uses Debian's python3-h5py, python3-numpy and python3-matplotlib.
"""
import collections
import math
import os
import re
import sys
import textwrap

import h5py
import matplotlib

matplotlib.use("Agg")  # files, not windows
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.text  # noqa: E402
import matplotlib.ticker  # noqa: E402
import matplotlib.transforms  # noqa: E402
import numpy as np  # noqa: E402

# --- The results file's layout (sim/io/results_layout.hpp) ---------------------------------
RUNS = "runs"
TIMESERIES = "timeseries"
FINAL = "final"
MONTHS = "months"
DESIGN = "design"
RUN_INDEX = "run_index"
REPLICATE = "replicate"
SEED = "seed"
MODEL_CONSTANTS = "model_constants"
DESIGN_POINT = "design_point"
DESIGN_POINTS = "design_points"
RUNS_ATTRIBUTE = "runs"
MONTHS_ATTRIBUTE = "months"
COMMAND_LINE = "command_line"
SCENARIO = "scenario"
CREATED_UTC = "created_utc"
PARTNERSIM_VERSION = "partnersim_version"
SWEEP = "sweep"
REPLICATES_PER_POINT = "replicates_per_point"
IDENTITY = "identity"
GRID_FACTORS = "grid_factors"
RANGE_FACTORS = "range_factors"
RANGE_INDEX = "range_index"
DESCRIPTION = "description"
UNITS = "units"
DIRECTION = "direction"
DESIGN_STRUCTURE = ("grid_cell", "sample_index", "saltelli_role", "morris_factor")
# Root texts too long for an attribute are a root dataset of the same name (the attribute then
# says so): sim/io/results_layout.hpp.
ROOT_TEXTS = ("scenario", "command_line", "sweep")
ANALYSIS_SUFFIX = ".analysis.h5"
ANALYSIS_KEY = "key"
ANALYSIS_COLUMNS = "columns"

# The measures drawn when none are chosen, in this order, if the table has them.
KEY_MEASURES = [
    "trust_partner_facilitator",
    "candour",
    "capacity",
    "portfolio_impact",
    "participation",
    "belief_error",
]

# Large, plain fonts: the pictures are shown on a projector in workshops.
STYLE = {
    "font.size": 13,
    "axes.titlesize": 14,
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "legend.title_fontsize": 12,
    "figure.titlesize": 16,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Okabe and Ito's colour-blind safe palette, in the order lines take it (yellow, hard to see on
# white, and black, kept for reference lines, last): every picture's colour cycle.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000"]
STYLE["axes.prop_cycle"] = matplotlib.cycler(color=OKABE_ITO)
# The report's figures are shown at most this wide (the page's column at 1280 px): a figure's
# smallest text, shrunk to this width, must stay at least MIN_TEXT_PX high.
SHOWN_WIDTH_PX = 1040
MIN_TEXT_PX = 10
SMALLEST_TEXT_KEY = "Smallest text (pt)"
DPI = 150

# Colour-blind safe (Okabe-Ito) colours for the few roles every picture uses.
CLEAR = "#0072B2"   # an effect whose interval excludes zero; a total index; a box
UNCLEAR = "#999999"  # an effect whose interval includes zero; the full range
ACCENT = "#D55E00"  # a success; the chosen box
LIGHT = "#56B4E9"   # a first-order index; runs that are not successes

# A picture written to disk, with a title and a one-sentence "how to read it" caption.
Picture = collections.namedtuple("Picture", "kind path title caption")


class Table:
    """One analysis table: named columns of equal length (numpy arrays: str for text,
    float for numbers), its `description` and `key`."""

    def __init__(self, name, columns, description="", key=""):
        self.name = name
        self.columns = columns  # dict: column name -> array, in the stored order
        self.description = description
        self.key = key

    def __len__(self):
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def __contains__(self, column):
        return column in self.columns

    def __getitem__(self, column):
        return self.columns[column]

    def where(self, mask=None, **equal):
        """The rows where `mask` holds and each named column equals the given value."""
        keep = np.ones(len(self), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        for column, value in equal.items():
            keep &= self.columns[column] == value
        return Table(self.name, {c: v[keep] for c, v in self.columns.items()},
                     self.description, self.key)

    def unique(self, column):
        """The distinct values of a column in order of first appearance."""
        return list(dict.fromkeys(self.columns[column].tolist()))

    def rows(self):
        """The rows as dicts (column -> Python value)."""
        names = list(self.columns)
        return [dict(zip(names, values))
                for values in zip(*(self.columns[n].tolist() for n in names))]


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def results_identity(results_path):
    """The identity partnersim keys an analysis with: the results file's `identity` attribute
    (written by partnersim when it finishes the file). None for a file without one (written
    before the attribute existed, or unfinished): the identity is not derived here, so there is
    no second copy of it to keep byte-identical with the C++."""
    with h5py.File(results_path, "r") as results:
        identity = results.attrs.get(IDENTITY)
    return None if identity is None else _text(identity)


def interval_kind(results):
    """Which interval the numbers of a results file carry (sim/io/results_layout.hpp,
    analysis/outcome_risk.hpp): a Monte Carlo interval when the model's constants were fixed,
    an interval over plausible models when every replicate drew its own (`--uncertainty`)."""
    if MODEL_CONSTANTS not in results.get(RUNS, {}):
        return ("Monte Carlo interval: the precision of the estimate with the model's constants "
                "fixed at their defaults; it is not what is known")
    runs = results[RUNS]
    models = (len(set(runs[REPLICATE][:].tolist())) if REPLICATE in runs
              else len(runs[MODEL_CONSTANTS]))
    return f"interval over {models} plausible models and runs"


def short_interval_kind(kind):
    """'Monte Carlo interval' or 'interval over N plausible models and runs'."""
    return kind.split(":")[0]


def attribute(results, name, default=""):
    """A root attribute as str or number, `default` if absent; a root text (ROOT_TEXTS) from its
    dataset when it was too long to be an attribute."""
    if name in ROOT_TEXTS and isinstance(results.get(name), h5py.Dataset):
        return _text(results[name][()])
    value = results.attrs.get(name, default)
    return value.decode() if isinstance(value, bytes) else value


def _names(value):
    if value is None or isinstance(value, h5py.Empty):
        return []
    return [_text(v) for v in np.atleast_1d(value)]


def design_parameters(results):
    """(grid factors, range factors): the sweep's varied parameters, grid factors in sweep
    order, ranges in range_index order. From the grid_factors and range_factors attributes;
    files written before them say the same through /design (ranges carry range_index)."""
    if GRID_FACTORS in results.attrs:
        return (_names(results.attrs[GRID_FACTORS]),
                _names(results.attrs.get(RANGE_FACTORS)))
    design = results.get(DESIGN)
    if design is None:
        return [], []
    grid, ranges = [], []
    for name in design:
        if name in DESIGN_STRUCTURE:
            continue
        index = design[name].attrs.get(RANGE_INDEX)
        (grid if index is None else ranges).append((0 if index is None else int(index), name))
    return [n for _, n in grid], [n for _, n in sorted(ranges)]


def run_count(results):
    """Rows of /runs: the runs a results file holds."""
    runs = results.get(f"{RUNS}/{RUN_INDEX}")
    return 0 if runs is None else runs.shape[0]


def run_design_points(results):
    """The design point of every run."""
    return results[f"{RUNS}/{DESIGN_POINT}"][:].astype(np.int64)


def measure_names(results):
    """The measures a results file holds, in the order it lists them."""
    return list(results[TIMESERIES]) if TIMESERIES in results else []


def timeseries(results, measure):
    """/timeseries/<measure> (runs x months), or None if the file has no such measure."""
    return results.get(f"{TIMESERIES}/{measure}")


def months_axis(results, series):
    """The month of each column of a time series."""
    if MONTHS in results:
        return results[MONTHS][:]
    return np.arange(1, series.shape[1] + 1)


def words_of(dataset, default=""):
    """A dataset's (description, units)."""
    return (_text(dataset.attrs.get(DESCRIPTION, default)), _text(dataset.attrs.get(UNITS, "")))


# Which way a measure is good, as the measures table declares it (sim/model/measures.hpp) and
# the files carry it: each measure's `direction` attribute, a compare file's `direction` column.
HIGHER_IS_BETTER = "higher is better"
LOWER_IS_BETTER = "lower is better"


def goodness(direction):
    """+1 where higher is better, -1 where lower is, 0 for neither (or a file that does not
    say): the sign that turns a change into better (+) or worse (-)."""
    return {HIGHER_IS_BETTER: 1, LOWER_IS_BETTER: -1}.get(direction, 0)


def has_design_column(results, name):
    return results is not None and f"{DESIGN}/{name}" in results


def read_tables(path, identity=None):
    """Every table in an analysis (or compare output) file, by name; {} if there is none.
    With `identity` (results_identity of the results file), tables computed from other results
    are left out, with a note on stderr."""
    if not path or not os.path.exists(path):
        return {}
    tables = {}
    with h5py.File(path, "r") as handle:
        for name, group in handle.items():
            if not isinstance(group, h5py.Group):
                continue
            if identity is not None and not _text(group.attrs.get(ANALYSIS_KEY, "")).startswith(
                    identity):
                print(f"note: {path}: table {name} was computed from other results; "
                      "left out (run `partnersim analyze` again)", file=sys.stderr)
                continue
            order = _text(group.attrs.get(ANALYSIS_COLUMNS, ""))
            names = [c for c in order.split(",") if c in group] if order else []
            names += [c for c in group if c not in names and isinstance(group[c], h5py.Dataset)]
            columns = {}
            for column in names:
                dataset = group[column]
                if dataset.dtype.kind in "OSU":
                    columns[column] = np.array(dataset.asstr()[:], dtype=object).astype(str)
                else:
                    columns[column] = dataset[:].astype(float)
            tables[name] = Table(name, columns, _text(group.attrs.get(DESCRIPTION, "")),
                                 _text(group.attrs.get(ANALYSIS_KEY, "")))
    return tables


def analysis_path_for(results_path):
    """The analysis file beside a results file: "X.h5" -> "X.analysis.h5"."""
    root, _ = os.path.splitext(results_path)
    return root + ANALYSIS_SUFFIX


class Measures:
    """Words, units and which way is good for each measure, from the results file's dataset
    attributes."""

    def __init__(self, results=None):
        self.info = {}
        self.directions = {}
        if results is None:
            return
        for group in (FINAL, TIMESERIES):
            if group not in results:
                continue
            for name, dataset in results[group].items():
                if name not in self.info:
                    self.info[name] = words_of(dataset, name)
                    self.directions[name] = _text(dataset.attrs.get(DIRECTION, ""))

    @classmethod
    def of_comparison(cls, table):
        """Words, units and directions from a compare file's `comparison` table (its
        description, units and direction columns, from the measures table); none for files
        written before them."""
        words = cls()
        if table is not None and "description" in table and "units" in table:
            for row in table.rows():
                words.info[row["measure"]] = (row["description"], row["units"])
                words.directions[row["measure"]] = row.get("direction", "")
        return words

    def direction(self, measure):
        """'higher is better', 'lower is better', or '' when neither or not said."""
        found = self.directions.get(measure, "")
        return found if goodness(found) else ""

    def goodness(self, measure):
        """+1 higher is better, -1 lower is better, 0 neither (see `goodness`)."""
        return goodness(self.directions.get(measure, ""))

    def description(self, measure):
        """The measure's description, e.g. 'Mean MEL capacity of partners'."""
        return self.info.get(measure, (measure.replace("_", " "), ""))[0]

    def units(self, measure):
        return self.info.get(measure, ("", ""))[1]

    def axis(self, measure, prefix=""):
        """An axis label: '<prefix><measure> (<units>)'."""
        units = self.units(measure)
        label = f"{prefix}{measure}"
        return f"{label} ({units})" if units else label

    def in_words(self, measure):
        """The description as a sentence part: 'the ' and a lower-cased first letter (unless
        an acronym), without a short technical note in brackets at the end ('(beta
        reputation)'): 'the mean trust of partners in the facilitator'."""
        text = self.description(measure)
        text = re.sub(r"\s*\([^()]{1,20}\)$", "", text)
        if len(text) > 1 and text[0].isupper() and not text[1].isupper():
            text = text[0].lower() + text[1:]
        if not re.match(r"(the|a|an|how|what|whether|which)\b", text, flags=re.IGNORECASE):
            text = "the " + text
        return text


def choose_measures(available, chosen=None, limit=len(KEY_MEASURES)):
    """The measures to draw: the chosen ones that exist, else the key measures that exist,
    else the first `limit` available ones."""
    available = list(dict.fromkeys(available))
    if chosen:
        return [m for m in chosen if m in available]
    key = [m for m in KEY_MEASURES if m in available]
    return key if key else available[:limit]


def clear_of_zero(low, high):
    """True where an interval [low, high] excludes zero."""
    low, high = np.asarray(low, dtype=float), np.asarray(high, dtype=float)
    return (low > 0) | (high < 0)


def size_in_words(standardised):
    """Cohen's rough labels for an effect in standard deviations."""
    size = abs(standardised)
    if size < 0.2:
        return "very small"
    if size < 0.5:
        return "small"
    if size < 0.8:
        return "moderate"
    return "large"


def decimals_for(value):
    """Decimals that show a number to about two significant digits (at least two decimals
    below 10, one below 100, none above)."""
    size = abs(value)
    if not math.isfinite(size) or size == 0:
        return 2
    if size >= 100:
        return 0
    if size >= 10:
        return 1
    return min(6, max(2, 1 - math.floor(math.log10(size))))


def number(value, decimals=None):
    """A number for people: '0.10', '-3.9', '1,234'; 'n/a' if not finite."""
    if value is None or not math.isfinite(value):
        return "n/a"
    decimals = decimals_for(value) if decimals is None else decimals
    text = f"{value:,.{decimals}f}"
    if re.fullmatch(r"-0(\.0*)?", text):  # a tiny negative number rounded to zero
        text = text[1:]
    return text.replace("-", "\u2212")


def percent(share):
    return "n/a" if not math.isfinite(share) else f"{100 * share:.0f}%"


def wrap(text, width=48):
    """Text broken into lines of at most `width` characters, keeping its own line breaks."""
    return "\n".join(textwrap.fill(line, width, break_on_hyphens=False) or line
                     for line in str(text).split("\n"))


def slug(text):
    """A file-name-safe version of a label."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", str(text)).strip("_") or "x"


def level_order(values, levels_table=None, parameter=None):
    """Levels of a parameter in their natural order: as main_effect_levels numbers them, else
    numerically if they are numbers, else in order of appearance."""
    values = list(dict.fromkeys(values))
    if levels_table is not None and parameter is not None and "level_index" in levels_table:
        rows = levels_table.where(parameter=parameter)
        index = {lv: i for lv, i in zip(rows["level"].tolist(), rows["level_index"].tolist())}
        if all(v in index for v in values):
            return sorted(values, key=lambda v: index[v])
    try:
        return sorted(values, key=float)
    except ValueError:
        return values


def key_value(key, name):
    """The value after `name` in a table's key ('...; month 36; ...' -> '36'), or None."""
    found = re.search(rf"(?:^|;\s*){re.escape(name)}[:\s]\s*([^;]+)", key or "")
    return found.group(1).strip() if found else None


def thousands(ax):
    """Write large numbers on the y axis with thousands separators (400,000, not 400000)."""
    if max(abs(v) for v in ax.get_ylim()) >= 10000:
        ax.yaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:,.0f}"))


def smallest_text_points(fig):
    """The size in points of the smallest visible text of a figure (titles, labels, ticks,
    legends, notes), for the legibility check."""
    fig.canvas.draw()
    sizes = [text.get_fontsize() for text in fig.findobj(matplotlib.text.Text)
             if text.get_visible() and text.get_text().strip()]
    return min(sizes) if sizes else float("inf")


def save(fig, path, dpi=DPI):
    """Write a figure as PNG at `dpi`, trimmed to its contents, and close it. The PNG records
    the size of its smallest text (SMALLEST_TEXT_KEY), so a test can check what a reader sees."""
    smallest = smallest_text_points(fig)
    fig.savefig(path, dpi=dpi, bbox_inches="tight", pad_inches=0.15,
                metadata={SMALLEST_TEXT_KEY: f"{smallest:g}"})
    plt.close(fig)
    return path


def shown_text_px(path, dpi=DPI):
    """The height in screen pixels of a saved figure's smallest text when the report shows it
    (at most SHOWN_WIDTH_PX wide), from the PNG's record and width."""
    from PIL import Image  # matplotlib's own dependency
    with Image.open(path) as image:
        points = float(image.text.get(SMALLEST_TEXT_KEY, "inf"))
        width = image.width
    return points * dpi / 72 * min(1.0, SHOWN_WIDTH_PX / width)


def panel_grid(count, columns=2, width=7.5, height=4.5):
    """A figure with `count` panels in up to `columns` columns; unused panels hidden."""
    columns = max(1, min(columns, count))
    rows = math.ceil(count / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows),
                             squeeze=False)
    for ax in axes.flat[count:]:
        ax.set_visible(False)
    return fig, list(axes.flat[:count])


def place_labels(ax, xs, ys, labels, fontsize=11, priority=None, reserved=()):
    """Label points without labels overlapping each other, any point, the `reserved` boxes
    (display coordinates) or the axes' edge: each label tries positions around its point,
    nearest first, and takes the first free one (a thin grey line joins a label placed
    further out). Labels go in order of `priority`, highest first; a label of None is not
    drawn, and a label with no free place is left out. Returns the labels left out."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    points = [ax.transData.transform((x, y)) for x, y in zip(xs, ys)]
    taken = [matplotlib.transforms.Bbox.from_bounds(px - 5, py - 5, 10, 10) for px, py in points]
    taken += list(reserved)
    order = np.argsort(-np.asarray(priority), kind="stable") if priority is not None else range(
        len(labels))
    order = [i for i in order if labels[i] is not None]
    angles = np.deg2rad([45, -45, 135, -135, 0, 180, 90, -90, 22, -22, 158, -158, 68, -68,
                         112, -112])
    scale = fig.dpi / 72.0
    left_out = []
    for index in order:
        text = ax.text(0, 0, labels[index], fontsize=fontsize)
        size = text.get_window_extent(renderer)
        text.remove()
        width, height = size.width * 1.04, size.height * 1.1
        chosen = None
        for distance in (6, 14, 24, 36, 50, 66, 84, 105, 130):
            for angle in angles:
                dx, dy = np.cos(angle), np.sin(angle)
                cx = points[index][0] + dx * distance * scale
                cy = points[index][1] + dy * distance * scale
                # anchor the label's near side at (cx, cy)
                x0 = cx if dx > 0.3 else cx - width if dx < -0.3 else cx - width / 2
                y0 = cy if dy > 0.3 else cy - height if dy < -0.3 else cy - height / 2
                box = matplotlib.transforms.Bbox.from_bounds(x0, y0, width, height)
                inside = (box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0
                          and box.y1 <= frame.y1)
                if inside and not any(box.overlaps(other) for other in taken):
                    chosen = (box, distance)
                    break
            if chosen:
                break
        if chosen is None:
            left_out.append(labels[index])
            continue
        box, distance = chosen
        position = ax.transData.inverted().transform((box.x0, box.y0))
        arrow = (dict(arrowstyle="-", color="grey", lw=0.8, shrinkA=2, shrinkB=5)
                 if distance > 14 else None)
        ax.annotate(labels[index], (xs[index], ys[index]), xytext=position,
                    textcoords="data", ha="left", va="bottom", fontsize=fontsize,
                    arrowprops=arrow)
        taken.append(box)
    return left_out


def corner_note(ax, text, xs, ys, fontsize=9):
    """Write a small grey note in the first corner of the axes (upper left, upper right,
    lower right, lower left) that covers no point; return its box in display coordinates
    (for place_labels' `reserved`), or None if every corner is occupied (then no note)."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    points = [ax.transData.transform((x, y)) for x, y in zip(xs, ys)]
    for x, y, ha, va in ((0.02, 0.98, "left", "top"), (0.98, 0.98, "right", "top"),
                         (0.98, 0.02, "right", "bottom"), (0.02, 0.02, "left", "bottom")):
        note = ax.text(x, y, text, transform=ax.transAxes, ha=ha, va=va, fontsize=fontsize,
                       color="dimgrey", bbox=dict(facecolor="white", edgecolor="none",
                                                  alpha=0.85))
        box = note.get_window_extent(renderer).expanded(1.05, 1.15)
        if not any(box.contains(px, py) for px, py in points):
            return box
        note.remove()
    return None


def finish(fig, title=None, note=None, legend=None, legend_columns=4, legend_title=None):
    """Lay a figure out: panels fill the space left by a title at the top (left-aligned)
    and, at the bottom, a legend (handles, labels) and a grey note, all sized in inches so
    that tall and short figures look the same. Text is wrapped to the figure's width."""
    width, height = fig.get_size_inches()
    characters = max(40, int(width * 72 / 16 * 1.7))  # about 16-pt characters per line
    top = bottom = 0.0
    if title:
        title = wrap(title, characters)
        top = (0.25 + 0.32 * (title.count("\n") + 1)) / height
    if note:
        note = wrap(note, int(characters * 1.4))
        bottom += (0.12 + 0.22 * (note.count("\n") + 1)) / height
    note_top = bottom
    if legend:
        handles, labels = legend
        rows = -(-len(labels) // legend_columns) + (1 if legend_title else 0)
        bottom += (0.15 + 0.32 * rows) / height
    fig.tight_layout(rect=(0, bottom, 1, 1 - top))
    if title:
        fig.suptitle(title, x=0.01, y=1 - 0.12 / height, ha="left", va="top")
    if legend:
        fig.legend(handles, labels, loc="lower center", ncol=min(legend_columns, len(labels)),
                   frameon=False, bbox_to_anchor=(0.5, note_top), title=legend_title)
    if note:
        fig.text(0.01, 0.06 / height, note, ha="left", va="bottom", fontsize=11,
                 color="dimgrey")


# --- Reading design columns and analysis tables -------------------------------------------

def limit_value(value):
    """A box limit as text: whole numbers without decimals, others to four digits."""
    if not math.isfinite(value):
        return "n/a"
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"


def allowed_categories(limit):
    return [c.strip() for c in limit["categories"].split(",") if c.strip()]


def limit_in_words(limit):
    """One restriction in words: 'budget hours is between 81 and 240' or 'duration is
    open-ended (or ...)'; numbers to two significant digits (a box's edge is not known to
    more)."""
    name = setting_name_in_words(limit["parameter"])
    categories = allowed_categories(limit)
    if categories:
        return f"{name} is " + " or ".join(value_in_words(c) for c in categories)

    def edge(value):
        return "n/a" if not math.isfinite(value) else f"{float(f'{value:.2g}'):,.10g}"
    if edge(limit["low"]) == edge(limit["high"]):
        return f"{name} is {edge(limit['low'])}"
    return f"{name} is between {edge(limit['low'])} and {edge(limit['high'])}"


def box_limits(tables, box):
    """The limits of box number `box`, as row dicts."""
    limits = tables.get("prim_limits")
    return [] if limits is None else limits.where(limits["box"] == box).rows()


def boxes(tables):
    table = tables.get("prim_boxes")
    return [] if table is None else table.rows()


def _short(command):
    """A scenario reference with its folders dropped: '/a/b/default.toml --set x=1' ->
    'default.toml --set x=1'."""
    return " ".join(os.path.basename(t) if t.endswith(".toml") else t for t in command.split())


def design_in_words(reference):
    """A design as `compare` names it, in the study's words: 'default.toml --set
    setup.duration=open_ended --set setup.review=true' -> 'default.toml with duration:
    open-ended and review: yes' (and so for --set-baseline)."""
    words = _short(reference).split()
    base = [w for w in words if not w.startswith("--") and "=" not in w]
    changes = [setting_in_words(*w.split("=", 1)) for w in words if "=" in w]
    text = " ".join(base)
    return f"{text} with {' and '.join(changes)}" if changes else text


def compared(table):
    """(baseline, variant) as the table's key names them (file names without folders, set-up
    changes in words), or None if the key does not say."""
    found = re.search(r"baseline:\s*([^;]+);\s*variant:\s*([^;]+)", table.key or "")
    return ((design_in_words(found.group(1).strip()), design_in_words(found.group(2).strip()))
            if found else None)


def design_column(results, name):
    """The values of design parameter `name` at each design point (strings for choices)."""
    path = f"{DESIGN}/{name}"
    if path not in results:
        known = [k for k in results.get(DESIGN, {}).keys()]
        sys.exit(f"error: {name} is not a design parameter of this file; it has: {known}")
    column = results[path][:]
    if column.dtype.kind in "OSU":
        column = np.array([v.decode() if isinstance(v, bytes) else str(v) for v in column])
    return column


def design_labels(results, by):
    """One label per run: the value of design parameter `by`, or 'all runs'."""
    if by is None:
        return np.array(["all runs"] * run_count(results))
    column = design_column(results, by)
    points = run_design_points(results)
    return np.array([f"{by.split('.')[-1]} = {column[p]}" for p in points])


def show(value):
    """A design value as a short string."""
    if isinstance(value, (np.floating, float)):
        return f"{value:g}"
    if isinstance(value, (np.bool_, bool)):
        return str(bool(value)).lower()
    return str(value)


# --- Set-up choices in the study's words ------------------------------------------------------

def setting_name_in_words(name):
    """A scenario key as a reader says it: 'setup.end_month' -> 'end month' (the key after its
    section, as the parameter registry names it, with spaces for underscores)."""
    return str(name).split(".")[-1].replace("_", " ")


def value_in_words(value):
    """A setting's value as a reader says it: 'time_bound' -> 'time-bound', 36.0 -> '36',
    true -> 'yes'."""
    if isinstance(value, (bool, np.bool_)) or str(value).lower() in ("true", "false"):
        return "yes" if str(value).lower() == "true" or value is True else "no"
    if isinstance(value, (float, np.floating, int, np.integer)):
        return f"{float(value):,.6g}"
    try:
        return f"{float(value):,.6g}"
    except ValueError:
        return str(value).replace("_", "-")


def setting_in_words(name, value):
    """One set-up choice: 'end month 12', 'duration: time-bound', 'review: yes'."""
    words = value_in_words(value)
    if words[:1].isdigit() or words[:1] == "-":
        return f"{setting_name_in_words(name)} {words}"
    return f"{setting_name_in_words(name)}: {words}"


def cell_in_words(cell):
    """A grid cell ('setup.duration=open_ended') in words ('duration: open-ended')."""
    parts = []
    for part in str(cell).split(","):
        name, _, value = part.partition("=")
        parts.append(f"{setting_name_in_words(name.strip())} is {value_in_words(value.strip())}"
                     if value else part.strip())
    return " and ".join(parts)
