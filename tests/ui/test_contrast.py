"""Every text on its background reads: 4.5:1 in the standard look, 7:1 in high contrast
(WCAG 2 AA and AAA), for each pair the style sheet puts together."""

from __future__ import annotations

import pytest

from consortium.ui.kit.contrast import AA, AAA, contrast_ratio, relative_luminance
from consortium.ui.kit.theme import HIGH_CONTRAST, STANDARD, Theme


def test_the_wcag_formula_at_its_known_points() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#595959", "#ffffff") == pytest.approx(7.0, abs=0.01)
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)
    with pytest.raises(ValueError, match="colour"):
        relative_luminance("red")


@pytest.mark.parametrize(("what", "ink", "paper"), STANDARD.text_pairs())
def test_the_standard_look_reads_at_aa(what: str, ink: str, paper: str) -> None:
    assert contrast_ratio(ink, paper) >= AA, what


@pytest.mark.parametrize(("what", "ink", "paper"), HIGH_CONTRAST.text_pairs())
def test_high_contrast_reads_at_aaa(what: str, ink: str, paper: str) -> None:
    assert contrast_ratio(ink, paper) >= AAA, what


def test_high_contrast_is_black_on_white_and_the_style_sheet_uses_it() -> None:
    assert (HIGH_CONTRAST.ink, HIGH_CONTRAST.paper) == ("#000000", "#ffffff")
    sheet = Theme(high_contrast=True).style_sheet()
    assert HIGH_CONTRAST.accent in sheet and STANDARD.accent not in sheet
    assert STANDARD.accent in Theme().style_sheet()


def test_a_theme_keeps_high_contrast_through_zoom_and_presenter_mode() -> None:
    theme = Theme(high_contrast=True).zoomed(0.1)._replace(presenter=True)
    assert theme.high_contrast and theme.zoom == 1.1
