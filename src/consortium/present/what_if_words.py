"""The what-if in words: policies as a room would name them, the band lines, and where the
group falls. Shared by the band widget, the report page and ``consortium simulate --from``.

Always "bots, not people": the bands are bots replaying the same deal, not a verdict on the
group.
"""

from __future__ import annotations

from typing import Final

from consortium.engine.what_if_bands import Band, Outcome, PolicyBand, WhatIfResult
from consortium.present.i18n import N_, _
from consortium.present.numbers import decimal

POLICY_WORDS: Final = {
    "democratic-heavy": N_("Democratic, many introductions"),
    "democratic-light": N_("Democratic, few introductions"),
    "democratic-keep": N_("Democratic, enough introductions"),
    "self-select": N_("Self-selection, like with like"),
    "self-select-fit": N_("Self-selection by fit"),
    "balanced": N_("Balanced hybrid"),
    "herd": N_("Everyone on one task"),
    "self-select-herd": N_("Everyone joins the largest team"),
}

MEASURES: Final = ("impact", "jointholism", "lost", "excluded")

MEASURE_WORDS: Final = {
    "impact": N_("Final impact"),
    "jointholism": N_("Jointholism index"),
    "lost": N_("Lost perspectives"),
    "excluded": N_("Excluded perspectives"),
}


def policy_name(policy: str) -> str:
    """'Balanced hybrid' for ``balanced``; an unknown name as it is."""
    words = POLICY_WORDS.get(policy)
    return _(words) if words is not None else policy


def measure_name(measure: str) -> str:
    return _(MEASURE_WORDS[measure])


def figure(measure: str, value: float) -> str:
    """A figure as the room reads it: the jointholism index with two decimals, impact with
    one, counts whole when they are whole."""
    if measure == "jointholism":
        return decimal(value, 2)
    if measure in ("lost", "excluded") and abs(value - round(value)) < 1e-9:
        return f"{round(value):d}"
    return decimal(value, 1)


def band_of(band: PolicyBand, measure: str) -> Band:
    found: Band = getattr(band, measure)
    return found


def group_value(group: Outcome, measure: str) -> float:
    value: float = getattr(group, measure)
    return value


def band_text(band: Band, measure: str = "impact") -> str:
    """'median 34.6, 10th–90th percentile 19.0–42.7'."""
    return _("median {median}, 10th–90th percentile {low}–{high}").format(
        median=figure(measure, band.median), low=figure(measure, band.p10),
        high=figure(measure, band.p90),
    )


def band_short(band: Band, measure: str = "impact") -> str:
    """'34.6 (19.0–42.7)': the median, then the 10th–90th percentile (a column's figures)."""
    return _("{median} ({low}–{high})").format(
        median=figure(measure, band.median), low=figure(measure, band.p10),
        high=figure(measure, band.p90),
    )


def band_line(band: Band, measure: str = "impact") -> str:
    """'Bots, not people: median 34.6, 10th–90th percentile 19.0–42.7'."""
    return _("Bots, not people: {band}").format(band=band_text(band, measure))


def policy_line(band: PolicyBand, measure: str = "impact") -> str:
    """'Balanced hybrid: median 34.6, 10th–90th percentile 19.0–42.7'."""
    return _("{policy}: {band}").format(
        policy=policy_name(band.policy), band=band_text(band_of(band, measure), measure))


def group_line(group: Outcome, band: PolicyBand, measure: str = "impact") -> str:
    """'Your group: 31.2 — below the median of bots playing balanced hybrid'."""
    value = group_value(group, measure)
    b = band_of(band, measure)
    shown, median = figure(measure, value), figure(measure, b.median)
    if shown == median:
        where = _("Your group: {value} — the median of bots playing {policy}")
    elif value < b.median:
        where = _("Your group: {value} — below the median of bots playing {policy}")
    else:
        where = _("Your group: {value} — above the median of bots playing {policy}")
    text = where.format(value=shown, policy=policy_name(band.policy).lower())
    if not group.finished:
        text = _("{line} (not finished: the figures so far)").format(line=text)
    return text


def group_short(group: Outcome, measure: str = "impact") -> str:
    """'Your group: 31.2' ('… so far, not finished' for a game not over)."""
    value = figure(measure, group_value(group, measure))
    if group.finished:
        return _("Your group: {value}").format(value=value)
    return _("Your group: {value} (so far, not finished)").format(value=value)


def title(result: WhatIfResult, measure: str = "impact") -> str:
    """'Final impact if the same deal were played the other way — bots, not people'."""
    if result.from_round == 1:
        text = _("{measure} with the same deal, played the other way — bots, not people")
    else:
        text = _("{measure} from round {round}, played the other way — bots, not people")
    return text.format(measure=measure_name(measure), round=result.from_round)


def runs_line(result: WhatIfResult) -> str:
    return _("{seeds} replays per way of playing, the same comings and goings for each").format(
        seeds=result.seeds)


def description(result: WhatIfResult, measure: str = "impact") -> str:
    """The whole figure in words (the widget's accessible description, a report's alt text)."""
    lines = [title(result, measure), runs_line(result)]
    lines += [policy_line(b, measure) for b in result.bands]
    if result.group is not None:
        closest = compared_band(result)
        lines.append(group_line(result.group, closest, measure) if closest is not None
                     else group_short(result.group, measure))
    return "\n".join(lines)


def compared_band(result: WhatIfResult, policy: str = "balanced") -> PolicyBand | None:
    """The band the group's line compares with: ``policy`` (by default ``balanced``, the
    hybrid the rules suggest) when it is there, else the first."""
    for b in result.bands:
        if b.policy == policy:
            return b
    return result.bands[0] if result.bands else None


def glance(result: WhatIfResult, round_no: int) -> str | None:
    """The pit stop's what-if glance after round ``round_no``: the way the bots did best with
    by then on this deal, its band, and the group's impact so far (``None`` when the what-if
    has no figure for that round)."""
    index = round_no - 1
    best: tuple[float, PolicyBand] | None = None
    for band in result.bands:
        if 0 <= index < len(band.impact_by_round):
            median = band.impact_by_round[index].median
            if best is None or median > best[0]:
                best = (median, band)
    if best is None:
        return None
    by_then = best[1].impact_by_round[index]
    line = _("What if, bots not people, same deal after round {number}: best was {policy}, "
             "impact {band}.").format(number=round_no, policy=policy_name(best[1].policy),
                                      band=band_short(by_then))
    group = result.group
    if group is not None and 0 <= index < len(group.impact_by_round):
        line += " " + _("Your group: {impact}.").format(
            impact=figure("impact", group.impact_by_round[index]))
    return line
