"""The document's own place-and-agency stamp: `جنيف- سانا`, `GENEVA (Reuters) -`.

Looked for in the first and the last paragraph only. The stamp belongs to the
document, so it is reported as a Dateline and never as the ``via`` of a claim.
"""

from __future__ import annotations

import re

from verify.models import Dateline

from .lexicon_ar import DATELINE_AGENCIES
from .lexicon_en import AGENCIES as EN_AGENCIES

__all__ = ["find_dateline"]

_DASH = r"[-–—−ـ]"
_PLACE = r"[^\W\d_][^\n()\[\]:؛\-–—−,،.]{0,28}?"
_AGENCY_WORDS = sorted({*DATELINE_AGENCIES, *EN_AGENCIES}, key=len, reverse=True)
_AGENCY = "(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s?") for a in _AGENCY_WORDS) + ")"

# GENEVA (Reuters) -  /  WASHINGTON, July 5 (AP) —  /  بيروت (رويترز) -
_OPEN_PAREN = re.compile(
    rf"\A\s*(?P<place>{_PLACE})(?:,\s*[^\n()]{{1,25}}?)?\s*\(\s*(?P<agency>[^\n()]{{1,30}}?)\s*\)"
    rf"\s*(?:{_DASH}+|:)")
# الرياض - واس  (a line of its own or followed by a dash)
_OPEN_AGENCY = re.compile(
    rf"\A\s*(?P<place>{_PLACE})\s*{_DASH}+\s*(?P<agency>{_AGENCY})\s*(?:\n|{_DASH}|:|$)")
# بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس   (a place, a date, the agency)
_OPEN_DATED = re.compile(
    rf"\A\s*(?P<place>[^\W\d_][^\n\d()]{{0,28}}?)\s+\d[^\n]{{0,70}}?\s(?P<agency>{_AGENCY})"
    rf"\s*\Z")
# عين اليوم – نيويورك  /  موسكو -   (a short first line or a place then a dash)
_OPEN_PLACE = re.compile(rf"\A\s*(?P<place>{_PLACE})\s*{_DASH}+\s")
# جنيف- سانا  /  (رويترز)  /  المصدر: سانا   as the whole last paragraph
_CLOSE = re.compile(
    rf"(?:(?P<place>{_PLACE})\s*[{_DASH[1:-1]}/]+\s*)?\(?\s*(?P<agency>{_AGENCY})\s*\)?\s*\Z")
_SOURCE_LINE = re.compile(rf"(?:المصدر|Source)\s*:\s*(?P<agency>{_AGENCY})\s*\Z")
_MAX_PLACE_WORDS = 3


def _stamp(text: str, m: re.Match[str], offset: int) -> Dateline | None:
    place = m.groupdict().get("place")
    agency = m.groupdict().get("agency")
    if place is not None:
        place = place.strip()
        if not place or len(place.split()) > _MAX_PLACE_WORDS:
            return None
    agency = agency.strip() if agency else None
    start = offset + (m.start("place") if place else m.start("agency"))
    end = offset + len(m.group().rstrip())
    return Dateline(place or None, agency or None, start, max(start, end))


def find_dateline(text: str, paragraphs: list[tuple[int, int]]) -> Dateline | None:
    """The opening or closing dateline of ``text``, or None."""
    if not paragraphs:
        return None
    lo, hi = paragraphs[0]
    head = text[lo:min(hi, lo + 200)]
    dated = _OPEN_DATED.match(head) if hi - lo <= 100 else None
    if dated:
        stamp = _stamp(text, dated, lo)
        if stamp is not None:
            return stamp
    for pattern in (_OPEN_PAREN, _OPEN_AGENCY):
        m = pattern.match(head)
        if m:
            stamp = _stamp(text, m, lo)
            if stamp is not None:
                return stamp
    if len(paragraphs) > 1:
        lo, hi = paragraphs[-1]
        if hi - lo <= 60:
            tail = text[lo:hi]
            m = _CLOSE.fullmatch(tail) or _SOURCE_LINE.fullmatch(tail)
            if m:
                stamp = _stamp(text, m, lo)
                if stamp is not None:
                    return stamp
    lo, hi = paragraphs[0]
    m = _OPEN_PLACE.match(head[:60])
    if m and (hi - lo <= 40 or m.end() <= 30):
        return _stamp(text, m, lo)
    return None
