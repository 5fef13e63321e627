"""The ledger under uncertainty about the model's constants (`partnersim validate
--uncertainty N -o validate.h5`): per claim x base the share of sampled models in which the
claim holds, with its Wilson interval, and, where it holds in fewer than 80%, which drawn
constants go with its failing: the constants whose drawn value is most strongly rank-correlated
(Spearman) with the claim's effect across the sampled models. Used by claims_ledger.py; the
table and column names are those of sim/io/claims_layout.hpp.

The association is a lead, not a proof: with N models and about a hundred constants, the
largest of a hundred chance correlations is about 2.6/sqrt(N) (0.58 at N = 20), so a constant
is named only when |rho| exceeds 3/sqrt(N), and the page says "no single constant" otherwise.
"""

import math
import tomllib

ROBUST_SHARE = 0.8  # the share of sampled models a claim should hold in (issue 11)
COLUMNS = ["claim", "base", "sets", "holding", "share", "share_low", "share_high",
           "predicted_side", "replicates", "breaks_when"]
UNCERTAINTY_TABLE = "claims_uncertainty"
SAMPLED_TABLE = "claims_sampled"
MODELS_TABLE = "sampled_models"
NAMED_CONSTANTS = 2  # how many constants a reason names at most


def ranks(values):
    """Average ranks (ties share their mean rank), 0-based."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2
        i = j + 1
    return out


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def flattened_keys(table, prefix=""):
    keys = set()
    for k, v in table.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict):
            keys |= flattened_keys(v, name + ".")
        else:
            keys.add(name)
    return keys


def held_constants(claim, base_file):
    """What a cell holds: the constants its claim's overrides or its base file set."""
    held = set()
    for key in ("baseline", "variant", "condition"):
        held |= {o.split("=", 1)[0].strip() for o in claim.get(key, [])}
    if base_file is not None and base_file.exists():
        held |= flattened_keys(tomllib.loads(base_file.read_text()))
    return held


def breaks_when(claim, effects, models, constants, held):
    """The constants whose drawn value goes with a smaller effect on the predicted side, as
    text ("`c` high (rho -0.71)": the claim holds less when c is high); empty if none clears
    the chance bound."""
    sign = 1.0 if claim["direction"] == "increase" else -1.0
    signed = [sign * e for e in effects]
    bound = 3.0 / math.sqrt(len(signed))
    found = []
    for name in constants:
        if name in held:
            continue
        values = [m[name] for m in models]
        if len(set(values)) < 2:
            continue
        rho = spearman(values, signed)
        if abs(rho) > bound:
            found.append((abs(rho), name, rho))
    found.sort(reverse=True)
    words = [f"`{name}` {'high' if rho < 0 else 'low'} (ρ {rho:+.2f})"
             for _, name, rho in found[:NAMED_CONSTANTS]]
    return "; ".join(words)


def read_h5(path, ledger, ledger_dir):
    """The robustness rows of a validate file, or None if it was run without --uncertainty."""
    import h5py
    with h5py.File(path, "r") as f:
        if UNCERTAINTY_TABLE not in f:
            return None
        t = f[UNCERTAINTY_TABLE]
        rows = []
        for i in range(len(t["claim"])):
            row = {c: t[c].asstr()[i] for c in ("claim", "base")}
            for c in COLUMNS[2:-1]:
                row[c] = float(t[c][i])
            rows.append(row)
        m = f[MODELS_TABLE]
        constants = [c for c in m.keys() if c not in ("model", "seed")]
        models = [{c: float(m[c][k]) for c in constants} for k in range(len(m["model"]))]
        s = f[SAMPLED_TABLE]
        effects = {}
        claim_col, base_col = s["claim"].asstr()[:], s["base"].asstr()[:]
        difference, model = s["difference"][:], s["model"][:]
        for c, b, d, k in zip(claim_col, base_col, difference, model):
            effects.setdefault((c, b), [0.0] * len(models))[int(k)] = float(d)
    claims = {c["id"]: c for c in ledger["claim"]}
    bases = {name: ledger_dir / file for name, file in ledger["bases"].items()}
    for row in rows:
        row["breaks_when"] = ""
        if row["share"] >= ROBUST_SHARE or row["holding"] == row["sets"]:
            continue
        claim = claims[row["claim"]]
        held = held_constants(claim, bases.get(row["base"]))
        row["breaks_when"] = breaks_when(claim, effects[(row["claim"], row["base"])], models,
                                         constants, held)
    return rows


def read_csv(path):
    import csv
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for c in COLUMNS[2:-1]:
            row[c] = float(row[c])
        row.setdefault("breaks_when", "")
    return rows


def write_csv(rows, path):
    import csv
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            out = {c: row[c] for c in ("claim", "base", "breaks_when")}
            out.update({c: str(int(row[c]))
                        for c in ("sets", "holding", "predicted_side", "replicates")})
            out.update({c: f"{row[c]:.6g}" for c in ("share", "share_low", "share_high")})
            writer.writerow(out)


def share_text(row):
    return f"{row['share']:.2f} [{row['share_low']:.2f}, {row['share_high']:.2f}]"


def interval_label(sets):
    """What the share's interval is (as analysis::robustness_interval_kind says it)."""
    return (f"95% Wilson interval of the share over {sets} sampled models: how precisely that "
            "many draws pin down the share of plausible models in which the claim holds (each "
            "model's own verdict rests on its Monte Carlo interval over paired runs)")


def summary(claim_id, robust_cells):
    """The ledger's per-claim column: the share at the default (or its first base), how many
    bases reach 80%, and what goes with failing where one does not."""
    cells = [r for r in robust_cells if r["claim"] == claim_id]
    if not cells:
        return "—"
    first = next((r for r in cells if r["base"] == "default"), cells[0])
    reached = sum(1 for r in cells if r["share"] >= ROBUST_SHARE)
    text = f"{share_text(first)} at `{first['base']}`; ≥80% at {reached} of {len(cells)} bases"
    below = [r for r in cells if r["share"] < ROBUST_SHARE]
    for r in below:
        why = r["breaks_when"] or "no single constant"
        text += f"; **below at `{r['base']}`** ({r['share']:.2f}): fails when {why}"
    return text
