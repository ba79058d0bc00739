"""The end-of-game debrief as a plain record, built once at the Reveal.

This is the one place that reads the hidden ledger for display: after the facilitator's
Reveal everything is public (GAME.md, "Hidden information"). The debrief widgets receive this
record, never the game state, so they can also be painted onto a report page later.

Rules v3's figures are put in plain words here too (the sentences are data, so a report page
says what the screen says): crowding hours apart from meetings, talk that paid off, "teams
were N× as alike as random teams" with a team × family grid for one round, concentration,
and the perspectives with the excluded ones first, the lost ones per finished task and the
ones at risk.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from consortium.engine.events import FacilitatorActed
from consortium.engine.metrics import CONCENTRATION_SHARE, GameMetrics, game_metrics
from consortium.engine.state import Card, Catalog, GameState, PublicState, RoundRecord
from consortium.present import scenario_words as words
from consortium.present.i18n import N_, _, ngettext
from consortium.present.labels import (
    TIME_LABELS,
    card_short,
    hours,
    mode_label,
    reason_label,
    time_label,
)
from consortium.present.numbers import decimal
from consortium.present.predictions import HolderQuestion, holder_question
from consortium.present.predictions import holders as holders_of
from consortium.present.prompts import choose_prompts
from consortium.present.story import Story, build_story

CROWDING_PROMPT_SHARE = 0.05
"""The crowding prompt is offered when at least one hour in twenty went to people a task could
not use (rules v3's crowding hours); below that, crowding is a detail, not a story."""


@attrs.frozen
class HandLine:
    """One participant's hand, revealed."""

    name: str
    sector: str
    rounds: str
    cards: str


@attrs.frozen
class PerspectiveLine:
    """A lost or excluded perspective and who held it."""

    round: int
    task: str
    requirement: str
    kind: str  # in words: "lost, someone in the room held it" / "lost, nobody held it" / …
    holders: str


@attrs.frozen
class MotivationLine:
    name: str
    start: int
    end: int
    note: str


def jointholism_verdict(metrics: GameMetrics, threshold: float) -> str:
    """The engine's flag in words: at or above the threshold, or any empty talk hours."""
    if not metrics.jointholism_flag:
        return _("not flagged")
    if metrics.jointholism_index >= threshold:
        return _("FLAGGED")
    return _("FLAGGED: empty talk hours")


def alignophilia_verdict(metrics: GameMetrics, threshold: float) -> str:
    """The engine's flag in words. The game-level index can sit above the threshold without
    the flag, which also asks for two rounds in a row above it with a perspective left out."""
    if metrics.alignophilia_flag:
        return _("FLAGGED")
    index = metrics.alignophilia_index
    if index is not None and index >= threshold:
        return _("not flagged: never two rounds in a row at or above the threshold with a "
                 "perspective left out")
    return _("not flagged")


@attrs.frozen
class GaugePart:
    """One part of an index, drawn apart on its gauge: ``part`` is its label in the time chart
    (so it has the chart's colour and hatching; English, translated in :attr:`text`),
    ``share`` its share of everyone's hours."""

    part: str
    hours: float
    share: float

    @property
    def text(self) -> str:
        return _("{part} {hours} ({share})").format(
            part=time_label(self.part), hours=hours(self.hours), share=decimal(self.share, 2))


@attrs.frozen
class Gauge:
    """One index as a gauge shows it, on the screen or a page."""

    name: str
    value: float | None
    threshold: float
    verdict: str
    flagged: bool
    parts: tuple[GaugePart, ...] = ()


@attrs.frozen
class TeamRow:
    """One team in the team × family grid: the task it worked on, its members, and how many
    cards of each family their hands held."""

    team: str
    members: str
    counts: tuple[int, ...]


@attrs.frozen
class TeamGrid:
    """Who held which families, team by team, in one round (the hidden hands, so only after
    the Reveal). ``caption`` says which round and why that one."""

    round: int
    caption: str
    families: tuple[str, ...]
    rows: tuple[TeamRow, ...]


NO_TASK = N_("(on no task)")
"""The grid's last row: present participants who were on no team that round (translated
where the row is made)."""


@attrs.frozen
class RevealedDebrief:
    metrics: GameMetrics
    jointholism_threshold: float
    alignophilia_threshold: float
    rounds_played: int
    rounds_planned: int
    ended_early: bool
    impact_by_round: tuple[float, ...]
    modes: tuple[str, ...]
    hands: tuple[HandLine, ...]
    perspectives: tuple[PerspectiveLine, ...]
    motivation: tuple[MotivationLine, ...]
    departures: tuple[str, ...]
    prompts: tuple[str, ...]
    hours: float = 0.0  # everyone's hours over the game
    talk_paid: int = 0  # needs found in meetings + shown cards that covered a requirement
    team_grid: TeamGrid | None = None
    fast_forward_from: int | None = None  # bots played from this round on (fast-forward)
    story: Story | None = None  # the lanes across rounds (present/story.py)
    question: HolderQuestion | None = None  # the second prediction's task (predictions.py)
    question_holders: tuple[str, ...] = ()  # who held what it missed (names)


def _cards(catalog: Catalog, hand: tuple[Card, ...]) -> str:
    return "; ".join(card_short(catalog, c) for c in hand)


def fast_forward_round(public: PublicState) -> int | None:
    """The round in which the facilitator had the bots play the rest, from the public log
    (an engine ``FacilitatorActed``), or ``None``."""
    for entry in public.log:
        event = entry.event
        if isinstance(event, FacilitatorActed) and event.what == "fast-forward":
            return entry.round
    return None


def round_mode_label(number: int, mode: str, fast_forward: int | None) -> str:
    """A round's mode in the debrief, marked when bots played it by fast-forward: the round
    it began in (people played its start) and every round after."""
    if fast_forward is None or number < fast_forward:
        return mode
    if number == fast_forward:
        return _("{mode} · bots from here (fast-forward)").format(mode=mode)
    return _("{mode} · bots (fast-forward)").format(mode=mode)


def build_debrief(state: GameState, *, ended_early: bool = False) -> RevealedDebrief:
    public = state.public
    fast_forward = fast_forward_round(public)
    catalog = public.catalog
    metrics = game_metrics(state)
    ledger = state.hidden.ledger
    question = holder_question(state)

    hands: dict[tuple[int, str], tuple[str, list[int], tuple[Card, ...]]] = {}
    motivation: dict[tuple[int, str], list[int]] = {}
    for record in ledger:
        for seat_round in record.seats:
            key = (seat_round.seat, seat_round.name)
            sector = words.sector_name(catalog, seat_round.sector)
            entry = hands.setdefault(key, (sector, [], record.hands[seat_round.seat]))
            entry[1].append(record.round)
            mot = motivation.setdefault(key, [seat_round.motivation_before, 0])
            mot[1] = seat_round.motivation_after
    hand_lines = tuple(
        HandLine(
            name,
            sector,
            ", ".join(str(r) for r in rounds),
            _cards(catalog, hand),
        )
        for (_seat, name), (sector, rounds, hand) in sorted(hands.items(), key=lambda kv: kv[0])
    )

    def title(task_id: str) -> str:
        return words.task_title(public.catalog, task_id, public.task(task_id).title)

    # excluded first (someone present and available held it: GAME.md leads with them), then
    # lost; each by round
    lines: list[PerspectiveLine] = []
    for record in ledger:
        for ex in record.excluded:
            holders = ", ".join(
                _("{name} ({why})").format(name=name, why=reason_label(why))
                for _seat, name, why in ex.holders
            )
            lines.append(
                PerspectiveLine(record.round, title(ex.task),
                                words.domain_name(catalog, ex.requirement), _("excluded"),
                                holders)
            )
    for record in ledger:
        for lost in record.lost:
            kind = (_("lost, someone in the room held it") if lost.present
                    else _("lost, nobody held it"))
            holders = ", ".join(name for _seat, name in lost.holders) or "—"
            lines.append(
                PerspectiveLine(record.round, title(lost.task),
                                words.domain_name(catalog, lost.requirement), kind, holders)
            )

    departed = [d for record in ledger for d in record.departures]
    departures = tuple(
        _("Round {number}: {name} ({reason})").format(
            number=d.round, name=d.name, reason=reason_label(d.reason))
        for d in departed
    )
    left = {(d.seat, d.name): reason_label(d.reason) for d in departed}
    mot_lines = tuple(
        MotivationLine(name, start, end, left.get((seat, name), ""))
        for (seat, name), (start, end) in sorted(motivation.items())
    )
    rules = state.ctx.rules
    return RevealedDebrief(
        metrics=metrics,
        jointholism_threshold=rules.jointholism_flag,
        alignophilia_threshold=rules.alignophilia_flag,
        rounds_played=len(ledger),
        rounds_planned=public.rounds,
        ended_early=ended_early,
        impact_by_round=tuple(p.impact_this_round for p in public.pit_stops),
        modes=tuple(round_mode_label(p.round, mode_label(p.mode), fast_forward)
                    for p in public.pit_stops),
        hands=hand_lines,
        fast_forward_from=fast_forward,
        perspectives=tuple(lines),
        motivation=mot_lines,
        departures=departures,
        prompts=chosen_prompts(metrics),
        hours=sum(r.hours for r in metrics.rounds),
        talk_paid=sum(r.talk_paid for r in metrics.rounds),
        team_grid=team_grid(state),
        story=build_story(state),
        question=question,
        question_holders=holders_of(state, question) if question else (),
    )


def crowding_prompted(m: GameMetrics) -> bool:
    """At least :data:`CROWDING_PROMPT_SHARE` of everyone's hours went to crowding."""
    total = sum(r.hours for r in m.rounds)
    return total > 0 and m.crowding_hours >= CROWDING_PROMPT_SHARE * total


def chosen_prompts(m: GameMetrics) -> tuple[str, ...]:
    """The prompts for the engine's flags (jointholism, alignophilia, concentration) and two
    read off the figures: crowding (:func:`crowding_prompted`) and turnover (anyone left or
    arrived during the game)."""
    return choose_prompts(
        m.jointholism_flag,
        m.alignophilia_flag,
        concentration=m.concentration_flag,
        crowding=crowding_prompted(m),
        turnover=any(r.departures or r.arrivals for r in m.rounds),
    )


def grid_round(ledger: Sequence[RoundRecord]) -> tuple[RoundRecord, str] | None:
    """The round the team × family grid shows, and why: the round teams were most alike by
    the ratio (the later one on a tie), or, when every round with a team of two compares
    alike (one team, say) or none has a ratio, the last round with a team of two or more.
    ``None`` when no round had a team of two."""
    paired = [r for r in ledger if r.alignophilia is not None]
    if not paired:
        return None
    ratios = [r.team_likeness for r in paired if r.team_likeness is not None]
    if len(set(ratios)) > 1:
        best = max(ratios)
        record = [r for r in paired if r.team_likeness == best][-1]
        return record, _(
            "Round {number}, the round teams were most alike ({ratio}× as alike as teams "
            "drawn at random)"
        ).format(number=record.round, ratio=decimal(best, 1))
    record = paired[-1]
    return record, _("Round {number}, the last round with a team of two or more").format(
        number=record.round)


def team_grid(state: GameState) -> TeamGrid | None:
    """Rows: the teams of :func:`grid_round`'s round (task titles, in board order), then the
    present participants on no task; columns: the scenario's families; a cell: how many cards
    of that family the row's members held that round (from the hidden ledger)."""
    chosen = grid_round(state.hidden.ledger)
    if chosen is None:
        return None
    record, caption = chosen
    catalog = state.public.catalog
    families = catalog.families
    column = {f.id: i for i, f in enumerate(families)}
    order = {t.id: i for i, t in enumerate(state.public.tasks)}
    teams: dict[str | None, list[int]] = {}
    for i, seat in enumerate(record.seats):
        teams.setdefault(seat.task, []).append(i)
    rows: list[TeamRow] = []
    for task in sorted(teams, key=lambda t: (t is None, order.get(t or "", 0))):
        members = [record.seats[i] for i in teams[task]]
        counts = [0] * len(families)
        for seat in members:
            for card in record.hands[seat.seat]:
                counts[column[catalog.family_of[card.domain]]] += 1
        rows.append(TeamRow(
            _(NO_TASK) if task is None
            else words.task_title(catalog, task, state.public.task(task).title),
            ", ".join(seat.name for seat in members),
            tuple(counts),
        ))
    names = tuple(words.family_name(catalog, f.id) for f in families)
    return TeamGrid(record.round, caption, names, tuple(rows))


# --- the figures in plain words (the screen and a report page say the same) ---------------


def _per_finished(count: int, finished: int) -> str:
    if not finished:
        return _("no task finished")
    return _("{rate} per finished task").format(rate=decimal(count / finished, 1))


def talk_yield_line(d: RevealedDebrief) -> str:
    """Talk yield beside the jointholism gauge: talk that paid off, against empty talk."""
    m = d.metrics
    if m.talk_yield is None:
        return _("Talk that paid off: no meetings were held, so there was no talk to weigh.")
    return _(
        "Talk that paid off: {rate} per meeting hour ({paid} needs found or cards shown that "
        "the work then used, in {hours} of meetings)."
    ).format(rate=decimal(m.talk_yield, 2), paid=d.talk_paid, hours=hours(m.meeting_hours))


def alike_line(m: GameMetrics) -> str:
    """The alignophilia comparison as a ratio, for people."""
    ratio = m.alignophilia_ratio
    if ratio is None:
        if m.alignophilia_index is None:
            return _("No round had a team of two or more, so teams cannot be compared with "
                     "teams drawn at random.")
        return _("Teams drawn at random would have shared no family at all, so there is no "
                 "ratio; the index above is the difference.")
    text = (
        _("Teams were {ratio}× as alike as teams drawn at random: more alike than chance.")
        if ratio >= 1.05
        else _("Teams were {ratio}× as alike as teams drawn at random: less alike than "
               "chance.") if ratio <= 0.95
        else _("Teams were {ratio}× as alike as teams drawn at random: about as alike as "
               "chance.")
    )
    return text.format(ratio=decimal(ratio, 1))


def _percent(share: float) -> str:
    """A whole percentage in its own message ("60 %"): unlike :func:`numbers.percent`, the
    English here has always had a space, and a translator sets the sign (Swedish: a no-break
    space)."""
    # Translators: a whole percentage; Swedish puts a no-break space (U+00A0) before the sign.
    return _("{percent} %").format(percent=decimal(share * 100, 0))


def concentration_line(m: GameMetrics) -> str:
    """How often one team held most of the working hours while other tasks stood open."""
    worked = sum(1 for r in m.rounds if r.largest_team_share is not None)
    limit = _percent(CONCENTRATION_SHARE)
    if not worked:
        return _("Concentration: nobody worked on a task, so there is nothing to compare.")
    of = ngettext("{n} round", "{n} rounds", worked) if worked == len(m.rounds) else (
        ngettext("the {n} round with work on a task", "the {n} rounds with work on a task",
                 worked)
    )
    of = of.format(n=worked)
    if not m.concentrated_rounds:
        if m.concentration is not None:
            return _("Concentration: in none of {rounds} did one team hold at least {limit} of "
                     "the working hours while other tasks stood open (the largest team held "
                     "{mean} on average).").format(
                rounds=of, limit=limit, mean=_percent(m.concentration))
        return _("Concentration: in none of {rounds} did one team hold at least {limit} of the "
                 "working hours while other tasks stood open.").format(rounds=of, limit=limit)
    line = _("Concentration: in {count} of {rounds} one team held at least {limit} of the "
             "working hours while other tasks stood open.").format(
        count=m.concentrated_rounds, rounds=of, limit=limit)
    if m.concentration_flag:
        line += " " + _("With most hours on one team, the alignophilia index has few teams to "
                        "compare: read the grid of teams below as well.")
    return line


def perspectives_lines(m: GameMetrics) -> tuple[str, str, str]:
    """Excluded first (someone present and available held it), then lost per finished task,
    then at risk, so a group that finished little does not look as if it lost little."""
    lost = m.lost_perspectives_present + m.lost_perspectives_absent
    finished = m.finished_tasks
    tasks = ngettext("{n} finished task", "{n} finished tasks", finished).format(n=finished)
    return (
        _("Excluded perspectives: {count} (someone present and free to help held the needed "
          "knowledge, but it never reached the task).").format(count=m.excluded_perspectives),
        _("Lost perspectives: {count} on {tasks} ({rate}): {present} someone in the room "
          "held, {absent} nobody held.").format(
            count=lost, tasks=tasks, rate=_per_finished(lost, finished),
            present=m.lost_perspectives_present, absent=m.lost_perspectives_absent),
        _("At risk: {count} needs still uncovered on tasks worked on but not finished "
          "({rate}).").format(count=m.at_risk, rate=_per_finished(m.at_risk, finished)),
    )


def gauges(d: RevealedDebrief) -> tuple[Gauge, Gauge]:
    """The jointholism and alignophilia gauges, each with the engine's verdict; jointholism
    with its meeting and crowding hours apart."""
    m = d.metrics
    total = d.hours or 1.0
    parts = (
        GaugePart(TIME_LABELS[0], m.meeting_hours, m.meeting_hours / total),
        GaugePart(TIME_LABELS[2], m.crowding_hours, m.crowding_hours / total),
    )
    return (
        Gauge(_("Jointholism index"), m.jointholism_index, d.jointholism_threshold,
              jointholism_verdict(m, d.jointholism_threshold), m.jointholism_flag, parts),
        Gauge(_("Alignophilia index"), m.alignophilia_index, d.alignophilia_threshold,
              alignophilia_verdict(m, d.alignophilia_threshold), m.alignophilia_flag),
    )
