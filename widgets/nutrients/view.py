"""The nutrient checklist: ``widgets.NutrientChecklist``.

The learner gives an age and sex (and pregnancy or breastfeeding where the tables have values),
ticks what they ate today with how many servings, and sees four bars: potassium, calcium, magnesium
and vitamin D against their own targets, then the foods that would help most. Every number comes
from :mod:`widgets.nutrients.model`; this module only displays. The foods live in these widgets
while the page is open; the age and sex (not pregnancy or breastfeeding) are remembered in the
learner's own browser (:class:`~widgets.progress.memory.BrowserMemory`). Nothing is sent anywhere.

Ticking a food or changing its servings updates only the four bars and the suggestions; the food
rows are built once.
"""

from __future__ import annotations

import html

import ipywidgets as w

from widgets.nutrients.model import (
    CHECKLIST_TEXT,
    FOODS,
    INFO,
    MAX_PREGNANCY_AGE,
    NUTRIENTS,
    UNITS,
    Food,
    daily_targets,
    exceeds_upper_limit,
    foods_by_group,
    format_amount,
    format_iu,
    intake,
    largest_gap,
    not_reported,
    parse_age,
    parse_servings,
    percent,
    progress_text,
    search_foods,
    suggest_foods,
    upper_limits,
)
from widgets.progress.memory import BrowserMemory
from widgets.ui import PALETTE, disclaimer, message, show_message, stylesheet

STATUS_OPTIONS = [
    ("Neither", "none"),
    ("Pregnant", "pregnant"),
    ("Breastfeeding", "lactating"),
]


def _amount_with_unit(nutrient: str, amount: float) -> str:
    text = f"{format_amount(nutrient, amount)} {UNITS[nutrient]}"
    if nutrient == "vitamin_d":
        text += f" ({format_iu(amount)} IU)"
    return text


def _in_sentence(nutrient: str) -> str:
    """The nutrient's name inside a sentence: "potassium", "vitamin D"."""
    name = INFO[nutrient].name
    return name[0].lower() + name[1:]


def food_details(food: Food) -> str:
    """One serving in words: "1 medium, 118 g: potassium 422 mg · calcium 6 mg · ..."."""
    parts = []
    for nutrient in NUTRIENTS:
        amount = food.nutrients[nutrient]
        name = _in_sentence(nutrient)
        value = "not reported" if amount is None else _amount_with_unit(nutrient, amount)
        parts.append(f"{name} {value}")
    grams = f"{food.grams:g} g"
    return f"{food.serving}, {grams}: " + " · ".join(parts)


def bar_html(
    nutrient: str,
    amount: float,
    target: float,
    *,
    over_limit: float | None = None,
    missing: tuple[str, ...] = (),
) -> str:
    """The bar of one nutrient: its name, the amount against the target in words, a coloured bar.

    The words carry everything the colour does ("target met", "below target", "above the upper
    limit"), so the bar never relies on colour alone. ``over_limit`` is the upper limit food alone
    went over, if it did; ``missing`` names the chosen foods with no reported value.
    """
    share = percent(amount, target)
    met = share >= 100
    tone = PALETTE["self-care"] if met else PALETTE["info"]
    state = "target met" if met else "below target"
    words = [
        f'<span class="bsc-bar-value">{html.escape(progress_text(nutrient, amount, target))}'
        f"</span>",
        f'<span class="{tone}">— {state}</span>',
    ]
    if over_limit is not None:
        tone = PALETTE["emergency"]
        words.append(
            f'<span class="{tone}">⚠ above the upper limit of '
            f"{html.escape(_amount_with_unit(nutrient, over_limit))} a day</span>"
        )
    note = ""
    if missing:
        names = "; ".join(FOODS[fid].name for fid in missing)
        note = (
            '<div class="bsc-note">Not reported by USDA for: '
            f"{html.escape(names)} (unknown, so not counted in this total).</div>"
        )
    width = min(share, 100)
    return (
        f'<div class="bsc-bar"><strong>{html.escape(INFO[nutrient].name)}</strong> '
        f"{' '.join(words)}"
        '<div aria-hidden="true" class="bsc-bar-track">'
        f'<div class="bsc-bar-fill {tone}" style="width:{width}%"></div></div>{note}</div>'
    )


def suggestions_html(targets: dict, totals: dict, chosen: tuple[str, ...]) -> str:
    """The "foods that would help most" panel for these targets and totals."""
    head = "<h4 class='bsc-subheading'>Foods that would help most</h4>"
    nutrient = largest_gap(targets, totals)
    if nutrient is None:
        return head + "<p>You have reached all four targets with the foods you ticked.</p>"
    picks = suggest_foods(targets, totals, n=3, exclude=chosen)
    name = INFO[nutrient].name
    so_far = percent(totals[nutrient], targets[nutrient])
    intro = (
        f"<p><strong>{html.escape(name)}</strong> is furthest from your target ({so_far}% so far)."
    )
    if not picks:
        return head + intro + " Every food in the list that has it is ticked already.</p>"
    items = "".join(
        f"<li>{html.escape(s.food.name)} ({html.escape(s.food.serving)}): "
        f"{html.escape(_amount_with_unit(nutrient, s.amount))} of "
        f"{html.escape(_in_sentence(nutrient))}"
        f"{' — enough to close the gap' if s.share_of_gap >= 1 else ''}</li>"
        for s in picks
    )
    return head + intro + f" One serving of each of these would add the most:</p><ul>{items}</ul>"


def limits_html(age: int) -> str:
    """The upper limits and the safety messages (health-facts §3.6) for a learner of ``age``."""
    items = []
    for nutrient, limit in upper_limits(age).items():
        text = limit.message
        if nutrient == "calcium":
            text += (
                f" At your age it is {_amount_with_unit(nutrient, limit.amount)} a day, "
                f"{limit.applies_to}."
            )
        items.append(
            f"<li><strong>{html.escape(INFO[nutrient].name)}:</strong> {html.escape(text)}</li>"
        )
    return "".join(items)


# The health claims and their sources are data (nutrients.toml), each with its source.
_EVIDENCE = "".join(
    f"<li><strong>{html.escape(n.title)}</strong> {html.escape(n.text)}</li>"
    if n.title
    else f"<li>{html.escape(n.text)}</li>"
    for n in CHECKLIST_TEXT.notes
)
_SOURCES = CHECKLIST_TEXT.sources_line


class NutrientChecklist(w.VBox):
    """Tick a day's food and see potassium, calcium, magnesium and vitamin D against your targets.

    Parameters
    ----------
    age : int
        The age shown at first (the learner changes it).
    sex : {"female", "male"}
        The sex shown at first.

    Examples
    --------
    >>> from widgets import NutrientChecklist
    >>> NutrientChecklist()  # doctest: +SKIP
    """

    def __init__(self, age: int = 35, sex: str = "female", **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("bsc-tool")
        self.add_class("bsc-nutrients")
        targets = daily_targets(age, sex)  # a bad starting profile is a programming error
        #: The targets the bars are measured against (the last valid profile).
        self.targets: dict[str, float] = targets
        #: The totals of the ticked foods.
        self.totals: dict[str, float] = intake({})
        self._age_value = int(age)
        self._servings_value = dict.fromkeys(FOODS, 1.0)
        self._row_messages: dict[str, w.HTML] = {}

        self._header = w.HTML(
            '<h3 class="bsc-heading">Your nutrient checklist</h3>'
            "<p>Tick what you ate and drank today, and set how many servings. The bars compare "
            "the total with the targets for your age and sex. The foods you tick stay on this "
            "page while it is open; only your age and sex are remembered, in this browser, so "
            "the targets are ready next time. Nothing is sent anywhere.</p>"
        )
        style = {"description_width": "initial"}
        self._age = w.Text(
            value=str(age),
            description="Age (years)",
            continuous_update=False,
            tooltip="Your age in whole years, 14 or over",
            layout=w.Layout(width="11em"),
            style=style,
        )
        self._age_message = message()
        self._age_message.add_class("bsc-age-message")
        self._sex = w.Dropdown(
            options=[("Female", "female"), ("Male", "male")],
            value=sex,
            description="Sex",
            layout=w.Layout(width="11em", margin="2px 1.5em"),
            style=style,
        )
        self._status = w.Dropdown(
            options=STATUS_OPTIONS,
            value="none",
            description="Pregnant or breastfeeding?",
            layout=w.Layout(width="22em"),
            style=style,
        )
        self._profile_note = w.HTML()
        profile = w.VBox(
            [
                w.HBox(
                    [self._age, self._sex, self._status],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self._age_message,
                self._profile_note,
            ]
        )
        profile.add_class("bsc-nutrients-profile")

        self._bars = {nutrient: w.HTML() for nutrient in NUTRIENTS}
        for bar in self._bars.values():
            bar.add_class("bsc-nutrient-bar")
        bars = w.VBox(list(self._bars.values()))
        bars.add_class("bsc-nutrient-bars")

        self._search = w.Text(
            value="",
            description="Find a food",
            placeholder="for example yogurt",
            tooltip="Show only the foods whose name contains these words",
            layout=w.Layout(width="24em"),
            style=style,
        )
        self._search_message = message()
        self._ticks: dict[str, w.Checkbox] = {}
        self._servings: dict[str, w.Text] = {}
        self._rows: dict[str, w.HBox] = {}
        self._groups: dict[str, w.VBox] = {}
        for group, foods in foods_by_group().items():
            heading = w.HTML(f"<h4>{html.escape(group.capitalize())}</h4>")
            # flex "none": inside the scrolling list, rows keep their height instead of shrinking
            section = w.VBox(
                [heading, *(self._build_row(fid, food) for fid, food in foods)],
                layout=w.Layout(flex="none"),
            )
            section.add_class("bsc-food-group")
            self._groups[group] = section
        self._food_list = w.VBox(
            list(self._groups.values()),
            layout=w.Layout(
                max_height="26em",
                overflow="auto",
                padding="0 0.5em",
            ),
        )
        self._food_list.add_class("bsc-food-list")

        self._suggestions = w.HTML()
        self._suggestions.add_class("bsc-suggestions")
        self._limits = w.HTML()
        self._note = w.VBox(
            [
                w.HTML(f"<h4 class='bsc-subheading'>Good to know</h4><ul>{_EVIDENCE}</ul>"),
                self._limits,
                w.HTML(f'<p class="bsc-note">{html.escape(_SOURCES)}</p>'),
            ]
        )
        self._note.add_class("bsc-nutrients-note")

        self._age.observe(self._on_profile, names="value")
        self._sex.observe(self._on_profile, names="value")
        self._status.observe(self._on_profile, names="value")
        self._search.observe(self._on_search, names="value")

        self.memory = BrowserMemory("settings", "profile", self._restore)
        self.children = [
            stylesheet(),
            self._header,
            profile,
            bars,
            w.VBox([self._search, self._search_message]),
            self._food_list,
            self._suggestions,
            self._note,
            disclaimer(),
            self.memory,
        ]
        self._apply_profile(int(age), sex, "none")

    # --- building ------------------------------------------------------------------------------

    def _build_row(self, fid: str, food: Food) -> w.HBox:
        tick = w.Checkbox(
            value=False, description=food.name, indent=False, layout=w.Layout(width="20em")
        )
        servings = w.Text(
            value="1",
            description="Servings",
            continuous_update=False,
            tooltip=f"Servings of {food.name} (0 to 20, in quarter steps)",
            layout=w.Layout(width="9em"),
            style={"description_width": "initial"},
        )
        details = w.HTML(
            f'<span class="bsc-note">{html.escape(food_details(food))}</span>',
            layout=w.Layout(flex="1 1 16em"),
        )
        tick.observe(lambda change: self._refresh(), names="value")
        servings.observe(lambda change, fid=fid: self._on_servings(fid), names="value")
        row = w.HBox(
            [tick, servings, details],
            layout=w.Layout(flex_flow="row wrap", align_items="center", flex="none"),
        )
        row.add_class("bsc-food-row")
        row.add_class(f"bsc-food-{fid}")
        self._ticks[fid], self._servings[fid], self._rows[fid] = tick, servings, row
        return row

    # --- what the learner chose ----------------------------------------------------------------

    @property
    def selection(self) -> dict[str, float]:
        """Ticked food id -> servings (the last valid value typed for it)."""
        return {fid: self._servings_value[fid] for fid, tick in self._ticks.items() if tick.value}

    def _row_message(self, fid: str) -> w.HTML:
        # Created on first use: 50 empty message widgets would only slow the page down.
        if fid not in self._row_messages:
            self._row_messages[fid] = message()
            self._row_messages[fid].add_class("bsc-food-message")
            row = self._rows[fid]
            row.children = [*row.children, self._row_messages[fid]]
        return self._row_messages[fid]

    def _on_servings(self, fid: str) -> None:
        try:
            value = parse_servings(self._servings[fid].value)
        except ValueError as exc:
            kept = f"{self._servings_value[fid]:g}"
            show_message(self._row_message(fid), f"{exc} Still counting {kept}.", "error")
            return
        if fid in self._row_messages:
            show_message(self._row_messages[fid], "")
        self._servings_value[fid] = value
        if value > 0 and not self._ticks[fid].value:
            self._ticks[fid].value = True  # typing an amount means "I ate this"; refreshes
        else:
            self._refresh()

    def _on_profile(self, change=None) -> None:
        try:
            age = parse_age(self._age.value)
        except ValueError as exc:
            show_message(
                self._age_message,
                f"{exc} The bars still show the targets for age {self._age_value}.",
                "error",
            )
            return
        show_message(self._age_message, "")
        self._apply_profile(age, self._sex.value, self._status.value)
        # Age and sex only: whether someone is pregnant or breastfeeding is not kept.
        self.memory.remember({"age": age, "sex": self._sex.value})

    def _restore(self, stored: dict) -> None:
        """Put back the age and sex kept in the browser, if they pass the same checks as typing."""
        sex, age = stored.get("sex"), stored.get("age")
        try:
            if isinstance(age, bool) or not isinstance(age, int):
                raise ValueError(age)
            age = parse_age(str(age))
            if not isinstance(sex, str) or sex not in [value for _, value in self._sex.options]:
                raise ValueError(sex)
        except ValueError:
            if stored:
                self.memory.remember({})  # a record edited by hand: forget it
            return
        self._sex.value = sex
        self._age.value = str(age)

    def _apply_profile(self, age: int, sex: str, status: str) -> None:
        applies = sex == "female" and age <= MAX_PREGNANCY_AGE
        # Hidden, not reset: the choice comes back if the learner changes age or sex back.
        self._status.layout.display = None if applies else "none"
        status = status if applies else "none"
        self.targets = daily_targets(
            age, sex, pregnant=status == "pregnant", lactating=status == "lactating"
        )
        self._age_value = age
        who = {
            "none": f"{sex}, {age} years",
            "pregnant": f"pregnant, {age} years",
            "lactating": f"breastfeeding, {age} years",
        }[status]
        self._profile_note.value = (
            f'<p class="bsc-p {PALETTE["muted"]}">Targets for: {html.escape(who)} '
            "(US/Canada Dietary Reference Intakes).</p>"
        )
        self._limits.value = (
            "<p class='bsc-p'><strong>Upper limits</strong> (Tolerable Upper Intake "
            f"Levels):</p><ul class='bsc-list'>{limits_html(age)}</ul>"
        )
        self._refresh()

    def _on_search(self, change=None) -> None:
        query = self._search.value
        shown = search_foods(query)
        for fid, row in self._rows.items():
            display = None if fid in shown else "none"
            if row.layout.display != display:
                row.layout.display = display
        for group, section in self._groups.items():
            has_rows = any(fid in shown for fid, food in FOODS.items() if food.group == group)
            section.layout.display = None if has_rows else "none"
        if shown:
            show_message(self._search_message, "")
        else:
            show_message(
                self._search_message,
                f"No food in the list matches '{query.strip()}'. Try one word, such as "
                "'beans' or 'milk'.",
                "info",
            )

    # --- what it shows -------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Update the bars and the suggestions (and nothing else) from the current choices."""
        choice = self.selection
        self.totals = intake(choice)
        limits = upper_limits(self._age_value)
        missing = not_reported(choice)
        for nutrient, bar in self._bars.items():
            limit = limits[nutrient]
            over = limit.amount if exceeds_upper_limit(limit, self.totals[nutrient]) else None
            bar.value = bar_html(
                nutrient,
                self.totals[nutrient],
                self.targets[nutrient],
                over_limit=over,
                missing=missing[nutrient],
            )
        self._suggestions.value = suggestions_html(self.targets, self.totals, tuple(choice))
