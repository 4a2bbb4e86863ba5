"""Lexicon and the one combined regular expression of the temporal tagger.

Every rule is a named alternative of :data:`MASTER`; the tagger scans a text
once with ``MASTER.finditer`` and dispatches on ``match.lastgroup``. Names
of months and weekdays are matched capitalised (``march`` and ``may`` are
verbs); relative keywords also match with a capital first letter.
Alternatives are ordered so that, at one position, the longer and more
specific reading wins.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "couple": 2, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "half a dozen": 6,
}  # fmt: skip
VAGUE_NUMBERS = frozenset({"few", "a few", "several", "many", "some", "the few", "dozens", "dozens of"})
SEASONS: dict[str, str] = {
    "winter": "WI", "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA",
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4,
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}


def _cap(words: str) -> str:
    """``today|now`` -> ``[Tt]oday|[Nn]ow`` (first letter in either case)."""
    out = []
    for w in words.split("|"):
        out.append(f"[{w[0].upper()}{w[0]}]{w[1:]}")
    return "|".join(out)


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])\.?)(?![a-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d])"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_NUMWORD = (
    r"(?:\d+(?:\.\d+)?|half\s+a\s+dozen|a\s+dozen|dozens(?:\s+of)?|(?:a|one)\s+hundred|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|many|some"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|hundreds?|thousands?|an?)"
)
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# a year in words, as broadcast transcripts write it after a month or a season
_SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+(?:{_TENS}(?:[\s-]{_ONES})?|{_TEENS})"
    # ("in May two thousand people marched" is a count: a year in words ends its phrase)
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|{_TEENS}))?(?=\s*(?:[.,;:!?)]|$)))(?![\w-])"
)
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|month|year|decade|centur(?:y|ies))s?"
_BIGUNIT = r"(?:day|week|month|year|decade)s?"
_POD = r"(?:morning|afternoon|evening|night|overnight)"
_SEASON = r"(?:winter|spring|summer|autumn)"
_COUNT_NOUN = (
    r"(?:people|troops|soldiers|workers|dollars|barrels|tonnes|tons|men|women|children"
    r"|deaths|cases|protesters|residents|families|homes|jobs|km|kilometres|kilometers|miles"
    r"|metres|meters|feet|units|members|votes|points|employees|gallons|pounds|euros)\b"
)
# the end of a phrase: "the day before," / "the year after when ..." (not "the day before the vote")
_PHRASE_END = r"(?=\s*[,.;:!?)'\"]|\s+(?:and|but|when|as|that)\b)"
_PRE_RANGE = r"(?:[Tt]he\s+(?:end|beginning|start|middle|(?:first|second|last)\s+half)\s+of\s+)"
_MONTH_MOD = _cap("early|late|mid|last|this coming|this past|this|next|earlier this|later this").replace(" ", r"\s+")


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


_RULES: list[tuple[str, str]] = [
    # 2011-01-25
    ("iso", r"\b(?P<iso_y>1[5-9]\d\d|20\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)\b"),
    # 1/25/2011 (US order)
    ("slash", r"\b(?P<sl_m>1[0-2]|0?[1-9])/(?P<sl_d>[12]\d|3[01]|0?[1-9])/(?P<sl_y>(?:19|20)\d\d)\b"),
    # 9:30 p.m. (Tuesday), 10 am, 1400 GMT
    (
        "clock",
        r"\b(?P<cl_h>[01]?\d|2[0-3])(?::(?P<cl_m>[0-5]\d))?\s?(?P<cl_ap>[ap])\.?\s?m\b\.?"
        r"(?:\s*(?:[ECMP][SD]T|GMT|UTC|BST|CET)\b)?"
        rf"(?:(?:\s*\([^()\n]{{1,16}}\))?\s*,?\s*(?:on\s+)?(?:(?P<cl_wd>{_WEEKDAY}|today|yesterday|tomorrow)\b"
        rf"|(?P<cl_mon>{_MONTH})\s*(?P<cl_dom>{_DAYNUM})(?!\s*,?\s*{_YEAR})))?"
        r"|\b(?P<cl_hm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s+(?:GMT|UTC)\b"
        # 4 in the morning, 11 at night, 6 o'clock in the evening
        r"|(?<=\b(?:at|by) )(?P<cl_h2>1[0-2]|[1-9])(?:\s+o'clock)?\s+"
        r"(?:in\s+the\s+(?P<cl_pod>morning|afternoon|evening)|(?P<cl_night>at\s+night))\b",
    ),
    # 25 January 2011, 23rd March 1880, the 17th of March
    (
        "dmy",
        rf"\b(?:[Tt]he\s+)?(?P<d_day>{_DAYNUM})\s+(?:of\s+)?(?P<d_mon>{_MONTH})"
        rf"(?:\s*,?\s*(?P<d_year>{_YEAR}))?",
    ),
    # January 25, 2011 / Jan. 25 / January 2011 / late January / January of 2011
    (
        "month",
        rf"(?:\b(?P<mo_range>{_PRE_RANGE})|\b(?P<mo_mod>{_MONTH_MOD})[\s-]+|\b)"
        rf"(?P<mo_mon>{_MONTH})"
        rf"(?:\s+(?P<mo_day>{_DAYNUM})(?:\s*,?\s*(?P<mo_year>{_YEAR}))?"
        rf"|\s*,?\s+(?:of\s+)?(?:(?P<mo_year2>{_YEAR})|(?P<mo_spoken>{_SPOKEN_YEAR}))"
        r"|\s+(?P<mo_rel>last|next|this)\s+year\b)?",
    ),
    # the 1990s, the mid-1990s, the '90s, 90s
    (
        "decade",
        r"\b(?:[Tt]he\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec_full>1[5-9]\d0|20[0-9]0)s"
        r"|'?(?P<dec_short>[1-9]0)s)\b"
        # the nineties, the early eighties (a decade in words needs "the": "in his fifties" is an age)
        r"|\b[Tt]he\s+(?:(?:early|mid|late)[\s-]+)?(?P<dec_word>twenties|thirties|forties|fifties"
        r"|sixties|seventies|eighties|nineties)\b",
    ),
    # the 20th century
    ("century", r"\b(?:[Tt]he\s+)?(?P<cent>1\d|2[01])(?:st|nd|rd|th)[\s-]+century\b"),
    # on the 17th
    ("ordday", r"(?<=\bon\s)the\s+(?P<od_day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
     r"(?!\s*-|\s+(?:century|floor|anniversary|birthday|time|minute|round|place|amendment"
     r"|street|avenue|division|day|year|of\s+[a-z]))"),
    # the second quarter (of 2010)
    (
        "quarter",
        rf"\b(?:[Tt]he\s+)?(?:[Ff]iscal[\s-]+)?(?P<q_ord>(?i:first|second|third|fourth|final|last))[\s-]+quarter"
        rf"(?:\s+of\s+(?:(?P<q_year>{_YEAR})|(?P<q_rel>last|this|next)\s+year))?\b",
    ),
    # the quarter, the latest quarter, the year-ago quarter (an earnings report's quarter)
    (
        "qref",
        r"\b(?:(?P<qr_det>[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+)?(?:(?P<qr_mod>latest|current"
        r"|recent|same|comparable|corresponding|year-earlier|year-ago|previous|prior|fiscal)\s+)?"
        r"(?:(?P<qr_mod2>year-earlier|year-ago)\s+)?"
        # "the year-ago third quarter": that quarter of the year before
        r"(?:(?P<qr_ord>first|second|third|fourth)[\s-]+(?=quarter))?"
        r"(?P<qr_unit>quarter|period)\b(?![-\w])"
        r"(?P<qr_ago>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))\b)?"
        r"|\b(?:[Aa]\s+)?(?P<qr_adj>year-(?:earlier|ago))\b",
    ),
    # the 1988 quarter, this year's third quarter, the 1989 period
    (
        "yquarter",
        rf"\b(?:[Tt]he\s+)?(?:(?P<yq_year>{_YEAR})|(?P<yq_rel>[Tt]his|[Ll]ast|[Nn]ext)\s+year\s*'s)\s+"
        r"(?:(?P<yq_ord>(?i:first|second|third|fourth))[\s-]+)?(?P<yq_unit>quarter|period)\b(?![-\w])",
    ),
    # nineteen ninety-six, two thousand (spoken years, as in broadcast transcripts)
    (
        "spoken",
        rf"\b(?P<sp_c>(?i:nineteen))[\s-]+(?P<sp_y>(?i:{_TENS}(?:[\s-]{_ONES})?|{_TEENS}))\b"
        rf"|\b(?P<sp_k>(?i:two)\s+thousand)(?:\s+(?:and\s+)?(?P<sp_y2>{_ONES}|{_TEENS}))?\b",
    ),
    # early 2008, the end of 2008, 2008
    (
        "year",
        rf"(?<![$£€#\d.,/:])(?:(?P<y_range>{_PRE_RANGE})|(?P<y_mod>{_cap('early|late|mid|fiscal')})[\s-]+)?"
        rf"\b(?P<y_year>{_YEAR})(?![.,]\d|\s*(?:%|percent|GMT|UTC|[ap]\.?m\b)|/\d|\s+{_COUNT_NOUN})",
    ),
    # 9 days ago, two years earlier, a week later
    (
        "ago",
        r"\b(?:(?i:almost|nearly|about|around|some|just|only|roughly|more\s+than|less\s+than|over)\s+)?"
        rf"(?P<ago_n>(?i:{_NUMWORD}))"
        rf"[\s-]+(?:more\s+)?(?P<ago_unit>{_BIGUNIT})(?:\s+or\s+so)?\s+(?P<ago_dir>ago|earlier|later)\b",
    ),
    # year-end, the end of the year, the end of this month; the (fiscal) year ended June 30
    (
        "yearend",
        r"\b(?:(?:the\s+)?(?:(?P<ye_edge>end|close|beginning|start|middle)|(?P<ye_half>first|second|last)\s+half)"
        r"\s+of\s+(?:the|this)\s+(?P<ye_unit>year|month|week)(?!\s+(?:1[5-9]|20)\d\d\b)|(?P<ye_word>year(?:\s*'s\s+|[\s-])end)"
        r"|[Tt]he\s+full\s+(?P<ye_full>year))\b(?![-\w])"
        r"|\b(?P<ye_fy>[Tt]he\s+(?:fiscal\s+|financial\s+)?year)(?=\s+(?:ended|ending|that\s+ended)\b)",
    ),
    # that day, the same year, the following month, later that year: the date told last
    (
        "told",
        r"\b(?:(?P<tl_pre>"
        + _cap("later|earlier|early|late").replace(" ", r"\s+")
        + r")\s+(?:in\s+)?)?(?P<tl_det>"
        + _cap("that same|that|the same|the following|the previous|the preceding|the prior")
        .replace(" ", r"\s+")
        # "earlier in the year", "later in the month": the unit of the date told (or the DCT)
        + r"|(?<=[a-z]\sin\s)the(?=\s+(?:week|month|year)\b)"
        # "a high for the year", "nine months of the year": the year told (or the DCT's)
        + r"|(?:(?<=[Ff]or\s)|(?<=\sof\s))the(?=\s+year\b)"
        + r")\s+(?P<tl_unit>day|week|month|year|decade)\b(?![-\w]|\s+(?:old|long)\b)"
        # that evening, later that night, the same morning: a part of the day told
        + r"|\b(?:(?P<tl_pre2>" + _cap("later|earlier").replace(" ", r"\s+") + r")\s+)?"
        + r"(?P<tl_det2>" + _cap("that same|that|the same").replace(" ", r"\s+") + r")"
        + r"\s+(?P<tl_pod>morning|afternoon|evening|night)\b(?![-\w])",
    ),
    # last week, this month, next year, earlier this week, the past week, late last week
    (
        "relunit",
        r"\b(?P<ru_mod>"
        + _cap(
            "earlier this|later this|early this|late this|earlier last|late last|early last"
            "|early next|late next|later next|the past|the last|the next|the previous|the coming"
            "|the following|this past|this coming|last|this|next|past|previous|coming"
            "|the current|current"
        ).replace(" ", r"\s+")
        # ("the current fiscal year", "last fiscal year": TimeBank writes a fiscal year as the year)
        + r")\s+(?:(?P<ru_fiscal>fiscal)\s+)?(?P<ru_unit>week|weekend|month|year|decade|century)\b"
        r"(?!\s*-|\s+(?:old|long)\b)",
    ),
    # (early) Tuesday (morning), last Friday, Fridays
    (
        "weekday",
        r"\b(?:(?P<wd_clock>[Nn]oon|[Mm]idnight)\s+(?:on\s+)?)?(?:(?P<wd_mod>"
        + _cap("early|late|earlier|later|last|this past|this coming|this|next|coming|the previous"
               "|the preceding|the following").replace(" ", r"\s+")
        + rf")\s+)?(?P<wd_day>{_WEEKDAY})(?P<wd_pl>s)?\b(?:\s+(?P<wd_pod>{_POD})(?P<wd_pods>s)?\b)?",
    ),
    # at noon, by midday, after midnight (a time of the day alone)
    ("noon", r"\b(?P<nn_word>noon|midday|midnight)\b"),
    # today, yesterday, tomorrow (morning), tonight, last night, this morning
    (
        "deictic",
        r"\b(?:(?P<dx_mod>"
        + _cap("earlier|later|early|late|the day before|the day after")
        .replace(" ", r"\s+")
        + r")\s+)?(?P<dx_word>"
        + _cap("today|yesterday|tomorrow|tonight|overnight")
        + rf")\b(?:\s+(?P<dx_pod>{_POD})\b)?"
        r"|\b(?P<dx_this>" + _cap("this|last|late last|early this|later this|earlier this").replace(" ", r"\s+")
        + rf")\s+(?P<dx_pod2>{_POD})\b"
        # mid-afternoon, mid morning (yesterday)
        r"|\b(?P<dx_mid>[Mm]id)[\s-](?P<dx_pod3>morning|afternoon|evening)\b"
        r"(?:\s+(?P<dx_day>yesterday|today|tomorrow)\b)?",
    ),
    # the weekend
    ("weekend", r"\b[Tt]he\s+weekend\b"),
    # winter, the summer of 2009, last fall
    (
        "season",
        r"\b(?:(?P<se_mod>"
        + _cap("early|late|last|this|next|the|this past|the coming|mid").replace(" ", r"\s+")
        + rf")[\s-]+)?(?P<se_name>{_SEASON}|(?<=\s)fall(?=\s+(?:of\s+)?\d)|(?<=last\s)fall|(?<=this\s)fall|(?<=next\s)fall"
        # "in the fall." (not "the fall of the regime", "the fall in prices")
        r"|(?:(?<=\b[Ii]n\sthe\s)|(?<=\b[Bb]y\sthe\s)|(?<=\buntil\sthe\s)|(?<=\bduring\sthe\s))fall"
        r"(?=\s*[,.;:!?)'\"]|\s+(?:and|when|semester|term|season|elections?)\b))"
        rf"(?:\s+(?:of\s+)?(?:(?P<se_year>{_YEAR})|(?P<se_spoken>{_SPOKEN_YEAR})))?\b",
    ),
    # Christmas, Easter, New Year's Day, Easter week
    (
        "holiday",
        r"\b(?P<hol>Christmas(?:\s+(?:Day|Eve))?|Easter(?:\s+Sunday)?|New\s+Year\s*'\s*s\s+(?:Day|Eve)"
        r"|Halloween|Thanksgiving(?:\s+Day)?|Valentine\s*'\s*s\s+Day)\b(?P<hol_week>\s+week\b(?!-))?"
        rf"(?:\s*,?\s*(?P<hol_year>{_YEAR}))?",
    ),
    # the next day, the day before, that day, the same day
    (
        "anaphor",
        r"\b(?P<an_word>"
        + _cap(
            "the next day|the following day|the previous day|the same day"
            "|the next morning|the following morning"
        ).replace(" ", r"\s+")
        + r")\b"
        + r"|\b(?P<an_rel>[Tt]he\s+day\s+(?:before|after))" + _PHRASE_END,
    ),
    # every day, each year, annually, three times a week
    (
        "set",
        rf"\b(?:{_cap('every|each')})\s+(?:(?P<set_n>(?i:{_NUMWORD}))\s+)?(?P<set_unit>{_UNIT}|{_WEEKDAY}|{_SEASON}|{_MONTH})\b"
        rf"|\b(?:(?i:{_NUMWORD})\s+times|once|twice)\s+(?:a|an|per|each|every)\s+(?P<set_unit2>{_UNIT})\b"
        r"|\b(?P<set_adv>[Aa]nnually|[Mm]onthly|[Ww]eekly|[Yy]early|[Qq]uarterly|[Dd]aily|[Hh]ourly)\b",
    ),
    # for three years, a day, more than 20 years, the past 10 years, 24 hours
    (
        "duration",
        r"\b(?P<du_pre>"
        + _cap(
            "more than|less than|nearly|almost|about|over|around|at least|up to|some|just"
            "|the past|the last|the next|the first|the previous|another|the coming|only|roughly"
            # "the nine months (ended Sept. 30)": TimeBank's span holds the article
            "|the latest|the|half"
        ).replace(" ", r"\s+")
        + r")?\s*\b(?P<du_n>"
        + rf"(?i:{_NUMWORD}))(?P<du_half>\s+1/2|\s+and\s+a\s+half)?"
        # "a half-century", "a quarter century"
        r"(?:[\s-]+(?P<du_frac>half|quarter)(?=[\s-]+(?:century|decade|year|hour)\b))?"
        r"(?:[\s-]+(?:more|full|long|straight|consecutive|whole|trading))?"
        rf"[\s-]+(?P<du_unit>{_UNIT})\b(?!-long\b)(?P<du_half2>\s+and\s+a\s+half\b)?",
    ),
    # (for) years, (over) months: a bare plural unit after a preposition of extent,
    # or a verb of extent ("could take weeks", "spent months", "lasted days")
    (
        "bare",
        r"(?:(?<=\b[Ff]or\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bfor\smany\s)"
        r"|(?<=\btake\s)|(?<=\btakes\s)|(?<=\btook\s)|(?<=\btaken\s)|(?<=\btaking\s)"
        r"|(?<=\bspend\s)|(?<=\bspent\s)|(?<=\blasted\s)|(?<=\blasts\s)|(?<=\blasting\s))"
        r"(?P<bare_unit>years|months|weeks|days|decades|centuries|hours|minutes)\b"
        r"(?!\s+(?:ago|earlier|later|before|after|old)\b)"
        # over the years, through the decades: as many as the story spans
        r"|(?:(?<=\bover\s)|(?<=\b[Oo]ver\s)|(?<=\bthrough\s))the\s+(?P<bare_the>years|decades|centuries)\b"
        r"(?!\s+(?:of|since|before|after|that|when|to|between|ahead)\b)"
        # day-long, decades-long: an adjective of extent
        rf"|\b(?:(?P<bare_n>(?i:{_NUMWORD}))-)?(?P<bare_long>(?:day|week|month|year|hour|decade)s?)-long\b",
    ),
    # "April 24 and 25": the second day of a pair of dates that share their month
    ("dayand", rf"(?:(?<=\sand\s)|(?<=\sor\s))(?P<da_day>{_DAYNUM})(?:\s*,?\s*(?P<da_year>{_YEAR}))?"
     r"(?=\s*(?:[.,;:!?)\"']|$)|\s+(?:in|at|on|to|for|when|with|of)\b)"),
    # now, currently, recently, recent days, in the coming weeks
    (
        "ref",
        r"\b(?P<ref_word>"
        + _cap(
            "right now|just now|now|currently|then current|then-current|recent (?:days|weeks|months|years|decades)"
            "|recently|recent|the coming (?:days|weeks|months|years)"
            "|coming (?:days|weeks|months|years)|as soon as possible|current"
            "|the near future|the distant future|the foreseeable future|the future|the distant past|these days"
        ).replace(" ", r"\s+")
        # "in the past," but not "the past year", "the past president"
        + r"|[Tt]he\s+past(?=\s*[,.;:!?)'\"]|\s+(?:and|or|but|when|as|because|that|is|was|has|have|had)\b"
        # "in the past it considered ...": a clause's subject after the adverbial
        + r"|(?<=[Ii]n\sthe\spast)\s+(?:it|he|she|they|we|I|you|there|the|an?|its|his|her|their|our|such"
        + r"|were|been|did|could|would)\b)"
        + r")\b",
    ),
]

MASTER: re.Pattern[str] = re.compile("|".join(_g(name, body) for name, body in _RULES))
RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in _RULES)
_BODIES_OF: dict[str, str] = dict(_RULES)
