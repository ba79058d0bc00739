"""The calibration check in words: what each claim means for a workshop, whether it holds on
a trainer's scenario and, when it fails, the likely cause and the key to change. Shared by
``consortium calibrate`` and the window's "Check that it teaches…" dialog.

The causes are read from the figures by :mod:`consortium.engine.calibration_causes`; here
they become sentences in the pattern "what goes wrong: the figures — what to change".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Final

from consortium.engine.calibration_causes import Cause, Diagnosis, Key, Verdict
from consortium.present.i18n import N_, _, ngettext
from consortium.present.numbers import decimal, percent, plain
from consortium.present.what_if_words import policy_name

STATEMENTS: Final = {
    1: N_("Talking everything through costs: a plenary that holds every introduction it can "
          "spends the largest share of its time in meetings, and scores less than the mixed "
          "way."),
    2: N_("Like with like loses perspectives: people who pick teammates like themselves "
          "leave the most needed knowledge unused while someone in the room held it, and "
          "score less than the mixed way."),
    3: N_("The mixed way pays: it scores more than the heavy plenary, like-with-like and "
          "everyone-on-one-task, and reaches the target in about half the games, clearly "
          "more often than they do."),
    4: N_("Comings and goings feed meetings: with more turnover the plenary meets more and "
          "scores less, and picking tasks by fit gains on it."),
    5: N_("Similarity pays early, costs late: like-with-like teams work faster in rounds 1–2 "
          "but end lower, and the more people pick alike, the less the group achieves."),
    6: N_("Bigger groups talk longer: with the work scaled to the group, meetings per person "
          "grow with its size and picking by fit gains on the plenary."),
    7: N_("Interdependence favours talking: with one more hidden need on every task, picking "
          "by fit loses more than a light plenary does."),
    8: N_("No spotless shortcut: putting everyone on one task scores less than the mixed "
          "way, and the debrief says why."),
    9: N_("Meetings burn people out: the heavy plenary loses at least one participant in "
          "two games to burn-out."),
    10: N_("Not an artifact of tuning: claims 1–3 still hold when one rule is nudged a step "
           "(capacity, quality exponent, expertise, overhead, open tasks, introductions)."),
}

CHANGES: Final = {
    "raise": N_("raise {key}"),
    "lower": N_("lower {key}"),
    "check": N_("check {key}"),
}

HOLDS, FAILS = "✓", "✗"


def statement(number: int) -> str:
    return _(STATEMENTS[number])


def keys_text(keys: tuple[Key, ...]) -> str:
    """"raise `tasks[].effort` or lower `defaults.capacity`"."""
    changes = [_(CHANGES[k.change]).format(key=f"`{k.place}`") for k in keys]
    if len(changes) <= 1:
        return "".join(changes)
    return _("{some} or {last}").format(some=", ".join(changes[:-1]), last=changes[-1])


def _pct(value: float | str) -> str:
    return percent(float(value))


def _num(value: float | str) -> str:
    return plain(float(value))


def _cause_work(c: Cause) -> str:
    return _("the work does not outrun the partnership: the tasks' total effort {effort} is "
             "{load}× what six people can do in the rounds (the balance rule asks for 1.5×, "
             "{floor} here), so meetings and mismatches cost nothing that matters").format(
        effort=_num(c.figure("effort")), load=_num(c.figure("load")),
        floor=_num(c.figure("floor")))


def _cause_meetings_cheap(c: Cause) -> str:
    return _("meetings are cheap: the heavy plenary spends {heavy} of its hours in "
             "meetings, no more than {rival} ({rival_index})").format(
        heavy=_pct(c.figure("heavy")), rival=policy_name(str(c.figure("rival"))),
        rival_index=_pct(c.figure("rival_index")))


def _cause_meetings_no_work(c: Cause) -> str:
    return _("meetings do not cost enough work: the heavy plenary spends {share} of its hours "
             "in meetings and still scores {heavy} against the mixed way's {balanced}").format(
        share=_pct(c.figure("heavy_meeting_share")),
        heavy=_num(c.figure("heavy" if "heavy" in dict(c.figures) else "rival_impact")),
        balanced=_num(c.figure("balanced")))


def _cause_needs_not_missed(c: Cause) -> str:
    return _("like-with-like does not lose the most perspectives: {lost} a game against "
             "{rival_lost} for {rival} (hidden needs per task: {needs}, {foreign} of them from a "
             "family the task's visible requirements do not name)").format(
        lost=_num(c.figure("self_select")), rival_lost=_num(c.figure("rival_lost")),
        rival=policy_name(str(c.figure("rival"))), needs=_num(c.figure("needs_per_task")),
        foreign=_pct(c.figure("foreign_share")))


def _cause_closing(c: Cause) -> str:
    figures = dict(c.figures)
    if "rival" in figures:
        scores = _("{rival} scores {rival_impact} against the mixed way's {balanced}").format(
            rival=policy_name(str(figures["rival"])), rival_impact=_num(figures["rival_impact"]),
            balanced=_num(figures["balanced"]))
    else:
        scores = _("like-with-like scores {impact} against the mixed way's {balanced}").format(
            impact=_num(figures["self_select"]), balanced=_num(figures["balanced"]))
    return _("shutting out other perspectives costs little: {scores}; a missed hidden need "
             "must cost quality").format(scores=scores)


def _cause_crowding(c: Cause) -> str:
    return _("piling onto one task costs little: {rival} scores {rival_impact} against the "
             "mixed way's {balanced}").format(
        rival=policy_name(str(c.figure("rival"))), rival_impact=_num(c.figure("rival_impact")),
        balanced=_num(c.figure("balanced")))


def _cause_target(c: Cause) -> str:
    if c.code == "target-too-low":
        text = _("the target is too easy: the mixed way reaches {target} in {wins} of the "
                 "games (35–65 % wanted; it scores {impact} on average)")
    else:
        text = _("the target is out of reach: the mixed way reaches {target} in {wins} of the "
                 "games (35–65 % wanted; it scores {impact} on average)")
    return (text + " — " + _("a target of about {suggested} would do")).format(
        target=_num(c.figure("target")), wins=_pct(c.figure("wins")),
        impact=_num(c.figure("balanced_impact")), suggested=_num(c.figure("suggested")))


def _cause_no_target(c: Cause) -> str:
    return _("no target works: at any target the mixed way reaches in 35–65 % of the games, "
             "another way reaches it almost as often (the mixed way wins {wins} at {target}, "
             "the best other way {rival_wins}); the ways of organizing score too alike").format(
        wins=_pct(c.figure("wins")), target=_num(c.figure("target")),
        rival_wins=_pct(c.figure("best_rival_wins")))


def _cause_turnover(c: Cause) -> str:
    return _("comings and goings cost too little: from turnover 0 to 0.3 the plenary that "
             "keeps introducing goes from {keep_0} to {keep_3}, the heavy plenary from "
             "{heavy_0} to {heavy_3} (onboarding factor {onboarding}, handover loss "
             "{handover})").format(
        keep_0=_num(c.figure("keep_0")), keep_3=_num(c.figure("keep_3")),
        heavy_0=_num(c.figure("heavy_0")), heavy_3=_num(c.figure("heavy_3")),
        onboarding=_num(c.figure("onboarding_factor")),
        handover=_num(c.figure("handover_loss")))


def _cause_newcomers(c: Cause) -> str:
    return _("newcomers bring too few introductions: at turnover 0.3 the plenary meets "
             "{ratio}× as long as at 0 ({meeting_3} against {meeting_0} hours; 1.2× "
             "wanted)").format(ratio=_num(c.figure("ratio")), meeting_3=_num(c.figure("meeting_3")),
                               meeting_0=_num(c.figure("meeting_0")))


def _cause_similarity_speed(c: Cause) -> str:
    return _("similarity does not speed work: in rounds 1–2 like-with-like makes {self_select} "
             "progress an hour, picking by fit {fit}").format(
        self_select=_num(c.figure("self_select")), fit=_num(c.figure("fit")))


def _cause_similarity_cost(c: Cause) -> str:
    return _("similarity costs too little late: picking alike scores {h0}, {h05} and {h1} "
             "as likeness goes 0, 0.5, 1 (hidden needs per task: {needs}, {foreign} from a family "
             "the task does not name)").format(
        h0=_num(c.figure("h0")), h05=_num(c.figure("h05")), h1=_num(c.figure("h1")),
        needs=_num(c.figure("needs_per_task")), foreign=_pct(c.figure("foreign_share")))


def _cause_big_plenary(c: Cause) -> str:
    return _("a bigger plenary does not talk enough longer: a deliberation takes {deliberation} "
             "minutes per member and an introduction {intro} minutes per speaker").format(
        deliberation=_num(c.figure("deliberation")), intro=_num(c.figure("intro")))


def _cause_fixed_intro(c: Cause) -> str:
    return _("introductions cost a fixed {hours} hours whatever the group's size (the old key "
             "`rules.intro_cost`), so a bigger plenary does not talk longer").format(
        hours=_num(c.figure("intro_cost")))


def _cause_needs_found(c: Cause) -> str:
    return _("one more hidden need hurts picking by fit too little (hidden needs per task: "
             "{needs}, {foreign} from a family the task does not name; quality counts to the "
             "power {exponent})").format(
        needs=_num(c.figure("needs_per_task")), foreign=_pct(c.figure("foreign_share")),
        exponent=_num(c.figure("quality_exponent")))


def _cause_flag(c: Cause) -> str:
    return _("the debrief flags everyone-on-one-task's meetings in only {share} of the games: "
             "its meeting share is {index} and the flag needs {flag}").format(
        share=_pct(c.figure("share")), index=_num(c.figure("index")),
        flag=_num(c.figure("flag")))


def _cause_open_tasks(c: Cause) -> str:
    return _("the debrief names the concentration in only {herd} (everyone on one task) and "
             "{ssh} (everyone joins the largest team) of the games: with {open} tasks open, "
             "one team seldom holds most of the work").format(
        herd=_pct(c.figure("herd")), ssh=_pct(c.figure("self_select_herd")),
        open=_num(c.figure("open_tasks")))


def _cause_burn_out(c: Cause) -> str:
    return _("meetings rarely burn people out: the heavy plenary loses {burned} participants "
             "a game (0.5 wanted) while meetings take {share} of its hours").format(
        burned=_num(c.figure("burned_out")), share=_pct(c.figure("meeting_share")))


def _cause_fragile(c: Cause) -> str:
    rivals = ", ".join(policy_name(p) for p in str(c.figure("rivals")).split(", "))
    return _("the scenario sits near an edge: with {key} changed by {step}, the mixed way no "
             "longer clearly beats {rivals}").format(
        key=f"`{c.figure('key')}`", step=c.figure("step"), rivals=rivals)


def _cause_thin(c: Cause) -> str:
    return _("a comparison points the right way but by only {margin} standard errors (more "
             "than 2 are needed): the effect is weak in this scenario, or there were too few "
             "games to see it").format(margin=decimal(float(c.figure("margin"))))


CAUSES: Final[dict[str, Callable[[Cause], str]]] = {
    "work-does-not-outrun": _cause_work,
    "meetings-cheap": _cause_meetings_cheap,
    "meetings-cost-no-work": _cause_meetings_no_work,
    "needs-not-missed": _cause_needs_not_missed,
    "closing-costs-little": _cause_closing,
    "crowding-cheap": _cause_crowding,
    "target-too-low": _cause_target,
    "target-too-high": _cause_target,
    "no-target-works": _cause_no_target,
    "turnover-cheap": _cause_turnover,
    "newcomers-meet-little": _cause_newcomers,
    "similarity-no-faster": _cause_similarity_speed,
    "similarity-costs-little": _cause_similarity_cost,
    "big-plenary-no-longer": _cause_big_plenary,
    "fixed-intro-cost": _cause_fixed_intro,
    "needs-found-anyway": _cause_needs_found,
    "flag-too-high": _cause_flag,
    "too-few-tasks-open": _cause_open_tasks,
    "no-burn-out": _cause_burn_out,
    "fragile": _cause_fragile,
    "thin": _cause_thin,
}


def cause_text(cause: Cause) -> str:
    """The cause as one sentence, with what to change after a dash."""
    text = CAUSES[cause.code](cause)
    if cause.keys:
        text += " — " + keys_text(cause.keys)
    return text[:1].upper() + text[1:] + "."


def condition_name(name: str) -> str:
    """A condition of the engine's (``4 seats``, ``seeds 200–399``…) in the reader's words."""
    if m := re.fullmatch(r"base \(6 seats, 4 rounds, seeds (\d+)–(\d+)\)", name):
        return _("6 seats, 4 rounds, seeds {first}–{last}").format(first=m[1], last=m[2])
    if m := re.fullmatch(r"seeds (\d+)–(\d+)", name):
        return _("seeds {first}–{last}").format(first=m[1], last=m[2])
    if m := re.fullmatch(r"(\d+) seats", name):
        n = int(m[1])
        return ngettext("{n} seat", "{n} seats", n).format(n=n)
    if m := re.fullmatch(r"(\d+) rounds", name):
        n = int(m[1])
        return ngettext("{n} round", "{n} rounds", n).format(n=n)
    if name == "base, one-step grid":
        return _("one rule nudged at a time")
    return name


def margin_text(margin: float) -> str:
    if math.isinf(margin):
        return _("no noise at all") if margin > 0 else _("reversed")
    return _("margin {margin} SE").format(margin=decimal(margin))


def verdict_lines(verdict: Verdict) -> list[str]:
    """``✓ 1. statement`` for a claim that holds; for one that fails, ``✗ …`` and then its
    causes, each on a line of its own."""
    mark = HOLDS if verdict.holds else FAILS
    lines = [f"{mark} {verdict.number}. {statement(verdict.number)}"]
    if verdict.holds:
        return lines
    where = list(dict.fromkeys(p.condition for p in verdict.failing))
    if len(verdict.conditions) > 1:
        lines.append("    " + _("Fails in: {conditions}").format(
            conditions="; ".join(condition_name(w) for w in where)))
    causes = verdict.causes or ()
    if not causes:
        lines.append("    " + _("No likely cause found; the figures are in --json."))
    lines += ["    " + _("Likely cause: {cause}").format(cause=cause_text(c)) for c in causes[:1]]
    lines += ["    " + _("Also: {cause}").format(cause=cause_text(c)) for c in causes[1:]]
    return lines


def title(diagnosis: Diagnosis) -> str:
    return _("Does “{title}” teach what the game is for?").format(title=diagnosis.title)


def summary(diagnosis: Diagnosis) -> str:
    held = sum(v.holds for v in diagnosis.verdicts)
    total = len(diagnosis.verdicts)
    if diagnosis.holds:
        return ngettext("The claim holds: this scenario teaches what the game is for.",
                        "All {total} claims hold: this scenario teaches what the game is for.",
                        total).format(total=total)
    numbers = ", ".join(str(v.number) for v in diagnosis.failing)
    fails = ngettext("claim {numbers} fails", "claims {numbers} fail",
                     len(diagnosis.failing)).format(numbers=numbers)
    return _("{held} of {total} claims hold; {fails}: this scenario does not yet teach all "
             "of what the game is for.").format(held=held, total=total, fails=fails)


def scope(diagnosis: Diagnosis, seconds: float | None = None) -> str:
    """Which check ran: the quick one (every claim once) or every variation, on how many
    bot games."""
    kind = (_("Every variation and every one-step rule change") if diagnosis.full
            else _("The quick check: 6 bot seats, 4 rounds, every claim once"))
    text = ngettext("{kind}; {games} bot game ({seeds} seeds a comparison)",
                    "{kind}; {games} bot games ({seeds} seeds a comparison)",
                    diagnosis.games).format(kind=kind, games=str(diagnosis.games),
                                            seeds=diagnosis.seeds)
    if seconds is not None:
        took = _("in {seconds} s").format(seconds=decimal(seconds, 0))
        text += " " + took.replace(" s", "\u00a0s")
    return text


def report_lines(diagnosis: Diagnosis, seconds: float | None = None) -> list[str]:
    """The whole report for a terminal or the dialog: title, scope, summary, every claim."""
    lines = [title(diagnosis), scope(diagnosis, seconds), "", summary(diagnosis), ""]
    for verdict in diagnosis.verdicts:
        lines += verdict_lines(verdict)
    return lines
