"""The words hikers use in check-ins: vocabulary and patterns that coach.checkins reads with."""

from __future__ import annotations

import re

from coach import vocabulary

# Long messages are cut here: a check-in says what it needs in its first lines, and a cap keeps
# every pattern below linear in a bounded input.
MAX_SCAN_CHARS = 1000

# Numbers as words, and the amounts hikers put before a unit ("an hour", "a couple of hours").
WORD_NUMBERS: dict[str, int] = {
    **vocabulary.NUMBER_WORDS,
    **vocabulary.COMPOUND_NUMBER_WORDS,
    **vocabulary.AMOUNT_WORDS,
}

_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
# A number as typed on a phone: 6, 6.5, 6,5 or a word; never the middle of a longer number.
NUMBER = rf"(?:(?<![\d.,:/a-z])\d+(?:[.,]\d+)?(?![\d:])|\b(?:{_WORD_NUMBER})\b)(?:\s*-?ish\b)?"

HOURS = r"(?:hours?|hrs?|h)(?![a-z])\.?"
MINUTES_WORD = r"(?:minutes?|mins?|mn)(?![a-z])\.?"

# A number that should never be read as a session length: distances, paces, sleep, driving.
NOT_A_SESSION_AFTER = re.compile(
    r"\s*(?:[x×*]\s*\d|on\s*[/,]|on\s+\d|off\b|per\b|pace\b|(?:of\s+)?sleep|a\s+night\b|"
    # "5 min/km" is a pace; "7h20 / 26.8km / 1540m+" a list of figures.
    r"/\s*(?:km|k\b|kms|mi\b|mile|rep|lap|each|side|leg|round|set|interval|hour|hr|h\b|week|wk|"
    r"day)|"
    # "the hills near me are only 5 min long": the length of a thing, not a session.
    r"long\b(?!\s+(?:run|hike|walk|session|one|day|trail|slow))|"
    r"drive|driving|in\s+the\s+car|away\b|miles?\b|km\b|k\b|mi\b|rec\b|recovery\s+between|"
    r"shifts?\b|night\s+shift|days?\s+at\s+work|working\s+day|work\s+day|journey|flight|commute|"
    # "running two hours late", "two and a half hours to get home": the day, not a session.
    r"late\b|behind\b|to\s+get\s+(?:home|back|there)|(?:on|in)\s+(?:a|the)\s+(?:bus|train|queue|traffic)\b|"
    r"stuck\b|delay\w*|of\s+(?:meetings|overtime|work|driving|travel\w*)|"
    # "spent 4 hours at Tebay services waiting for the AA": a wait, not a session.
    r"(?:at|in)\s+(?:the\s+)?(?:[a-z']+\s+){0,2}(?:services|hospital|a&e|airport|station|"
    r"queue|traffic|waiting\s+room)\b|waiting\b|"
    r"rest\s+between|spare\b|planned\b|free\b(?!\s+of)|to\s+kill\b|"
    # "10 min in, hobbled home": a moment in the session, not its length.
    r"in\s*(?:[,.;!]|$)|in\s+(?:so|and|when|i|my|then|before|but)\b)"
)
NOT_A_SESSION_BEFORE = re.compile(
    # "sore over the last ten minutes", "a sharp pain around 25 min": a moment of the session.
    r"(?:\b(?:over|for|in|during)\s+the\s+(?:last|final|first)\s+|"
    r"\b(?:pain|sore|tight|twinge\w*|hurt\w*|cramp\w*|blister\w*)\s+(?:\w+\s+)?"
    r"(?:around|about|at|after|by)\s+|"
    # "the niggle came on at 20 min": when it began.
    r"\b(?:came\s+on|kicked\s+in|started|began|flared(?:\s+up)?|appeared|crept\s+in)\s+"
    r"(?:at|around|about)\s+(?:the\s+)?|"
    r"\d\s*[x×*]\s*|\bslept\s+(?:for\s+)?(?:about\s+|around\s+|maybe\s+|only\s+|nearly\s+)?|"
    r"\bsleep\s+|\bevery\s+|\bzone\s+|\bz|"
    # "my husband did his 10k in 52 min": someone else's time.
    r"\b(?:husband|hubby|wife|partner|friend|mate|son|daughter|brother|sister|he|she)\s+"
    r"(?:did|ran|walked|hiked)\s+(?:his|her|their)\s+(?:[a-z0-9']+\s+){0,3}?(?:in\s+)?|"
    # "fever of 101", "temp 38.5": a temperature.
    r"\b(?:fever|temp|temperature)\s+(?:of\s+|was\s+|is\s+|at\s+|hit\s+)?|"
    # "drove 2 hrs to the trailhead": travel, not training.
    r"\b(?:drove|driving|drive|flew|flight|commut\w*|train\s+ride|bus\s+ride|ran\s+over\s+by|"
    r"overran\s+by|late\s+by|planned|plan\s+(?:was|is|said|says)|sat\s+in\s+the\s+car|meant\s+to\s+(?:do|go|be)|supposed\s+to\s+(?:do|be)|aiming\s+for|"
    r"rang|phoned|called|on\s+the\s+phone|babysat|babysitting|childminding|looked\s+after|looking\s+after|"
    r"worked|working|at\s+work|waited|waiting|queued|stuck|delayed|power\s+cut|power\s+outage|"
    r"sitting|sat\s+at\s+(?:my|a|the)\s+desk|"
    r"outage|blackout|load\s*shedding)\s+(?:[a-z']+\s+){0,3}?(?:for\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|over\s+)?)$"
)

# "strength 30m" is minutes; "400m repeats", "900m up" and "100m from the car" are metres.
_NOT_METRES_AFTER = (
    r"(?!\s*(?:up|of|climb\w*|ascent|gain|elevation|vert\w*|d\s*\+|\+|high|above|below|"
    r"repeats?|reps?|sprints?|intervals?|strides|dash|swim|from|to|away|long|descent|down|"
    r"asl|altitude)\b|\s*\+)"
)
_RUN_PART = r"(?:min\w*|m|')?\s*(?:run\w*|jog\w*|on)?"
_WALK_PART = r"(?:min\w*|m|')?\s*(?:walk\w*|off|rest|recovery|rec)\b"
DURATION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Run-walk rounds: "8 x (5 min run, 3 min walk)", "5 min run / 3 min walk x 6".
    (
        "rounds",
        re.compile(
            rf"(?<!\d)(?P<n>\d{{1,2}})\s*(?:x|×|rounds?\s+of|sets?\s+of|reps?\s+of)\s*\(?\s*"
            rf"(?P<a>\d{{1,2}})(?!\d)\s*"
            rf"{_RUN_PART}\s*[,/+&]?\s*(?:and\s+|then\s+|with\s+|w/\s*)?(?P<b>\d{{1,2}})(?!\d)\s*"
            rf"{_WALK_PART}\s*\)?"
            rf"|(?<!\d)\(?(?P<a2>\d{{1,2}})(?!\d)\s*{_RUN_PART}\s*[,/+&]?\s*(?:and\s+|then\s+)?"
            rf"(?P<b2>\d{{1,2}})(?!\d)\s*{_WALK_PART}\s*\)?\s*(?:x|×)\s*(?P<n2>\d{{1,2}})"
            rf"(?!\d|\s*(?:min|h|s\b|sec|km|m\b))"
        ),
    ),
    (
        "hours_minutes",
        re.compile(
            rf"(?P<h>{NUMBER})\s*{HOURS}\s*(?:and\s+)?(?P<m>\d{{1,2}})"
            rf"(?:\s*-?ish\b|\s*(?:{MINUTES_WORD}|m\b|')|(?![\w'/]|[.,]\d|\s*(?:km|k|mi|miles?|ft|feet|m|metres|meters)\b))"
        ),
    ),
    # "6:05–6:58", "5.50am to 10.30": the session from start to finish.
    (
        "clock_range",
        re.compile(
            r"(?<![\d:/.])(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)\s*(?P<p1>am|pm)?\s*(?:-|–|—|to|till|until)"
            r"\s*(?P<h2>\d{1,2})[:.](?P<m2>[0-5]\d)\s*(?P<p2>am|pm)?(?![\d:])"
        ),
    ),
    (
        "clock",
        re.compile(
            r"(?<![\d:/.])(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
            # "5:30/km" is a pace; "60:00 / 10.4 km" a time beside a distance.
            r"(?!\s*(?:am|pm|a\.m|p\.m|o'?clock)|\s*(?:min)?\s*(?:/\s*(?:km|k|mi|miles?|kilomet\w*)\b|/$|per\b|pace))"
        ),
    ),
    (
        "and_a_half",
        re.compile(
            rf"(?P<h>{NUMBER})\s+(?:and\s+(?:a\s+)?half|1/2|½)\s*{HOURS}"
            rf"|(?P<h2>{NUMBER})\s*{HOURS}\s+and\s+(?:a\s+)?half"
            rf"|(?<!\d)(?P<h3>\d+)\s*½\s*{HOURS}"
        ),
    ),
    ("hour_and_a_half", re.compile(r"\b(?:an?\s+|one\s+)?hour\s+and\s+a\s+half\b")),
    # "an hour and three quarters", "two and a quarter hours", "3 hours and a quarter".
    (
        "and_quarters",
        re.compile(
            rf"(?:\b(?:an?|one)\s+|(?P<h>{NUMBER})\s+)?(?:{HOURS}\s+)?and\s+"
            rf"(?P<q>a\s+quarter|three\s+quarters?|3/4|1/4)(?:\s+(?:of\s+an\s+)?{HOURS})?"
        ),
    ),
    # "6 and a bit hours", "an hour and a bit": the whole hours.
    (
        "and_a_bit",
        re.compile(
            rf"(?P<h>{NUMBER})\s+(?:{HOURS}\s+)?and\s+a\s+bit(?:\s+{HOURS})?"
            rf"|\b(?:(?:an?|one)\s+)?hour\s+and\s+a\s+bit"
        ),
    ),
    # "three hours fifty", "hour fifteen": hours, then minutes in words.
    (
        "hours_word_minutes",
        re.compile(
            rf"(?:(?P<h>{NUMBER})\s*{HOURS}|\b(?:an?\s+)?hour)\s+(?:and\s+)?"
            r"(?P<mw>(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|"
            r"eight|nine))?|ten|fifteen|five)\b(?!\s*(?:k\b|km|kg|kilos?|miles?|m\b|metres|meters|"
            r"ft|feet|lbs?|pounds?|%|reps?|x\b|secs?|seconds?))"
        ),
    ),
    # "hour and 20": an hour and that many minutes.
    (
        "hour_and_minutes",
        re.compile(
            r"\b(?:an?\s+|one\s+)?hour\s+and\s+(?P<m>\d{1,2})(?!\d)"
            r"(?!\s*(?:k\b|km|mi\b|miles?|m\b|ft|feet|kg|lbs?|%|x\b|secs?|seconds?))"
        ),
    ),
    ("half_hour", re.compile(r"\b(?:half\s+an\s+hour|half\s+hour|a\s+half[- ]hour|1/2\s*h)")),
    ("three_quarters", re.compile(r"\bthree[- ]quarters\s+of\s+an\s+hour\b")),
    ("quarter_hour", re.compile(r"\bquarter\s+of\s+an\s+hour\b")),
    # "an hour-long run", "hour long hike": an hour, unless a number stands before it.
    ("hour_long", re.compile(r"(?<![\d\w]\s)(?<![\d\w])(?:an?\s+)?hour[- ]long\b")),
    (
        "hours",
        re.compile(
            rf"(?P<n>{NUMBER})(?:\s*(?:-|–|to)\s*(?P<n2>{NUMBER}))?\s*[- ]?\s*{HOURS}"
            rf"(?:\s*(?:and\s+)?(?P<m>\d{{1,2}})\s*{MINUTES_WORD})?"
        ),
    ),
    (
        "minutes",
        re.compile(
            rf"(?P<n>{NUMBER})(?:\s*(?:-|–|to)\s*(?P<n2>{NUMBER}))?\s*[- ]?\s*"
            # "950m" is metres: nobody writes five hours and more as minutes with an m.
            rf"(?:{MINUTES_WORD}|(?<=\d)'(?![a-z])|(?<=\d)(?<![3-9]\d\d)(?<!\d{{4}})m\b"
            rf"{_NOT_METRES_AFTER})"
        ),
    ),
    # "hour or so", "hourish" with no number before it (those are read as hours above).
    ("hour_or_so", re.compile(r"\bhour(?:\s+or\s+so|\s*-?ish)\b")),
    # "easy hour on the towpath": an hour of it.
    (
        "hour_or_so",
        re.compile(
            r"\b(?:easy|gentle|steady|good|solid|full|slow|lovely|nice|brisk|quick)\s+"
            r"hour\b(?!\s*(?:and|later|ago|before|after|drive|away|'s|of\s+(?:driving|sleep|work|"
            r"meetings|travel)))"
        ),
    ),
    # "stopped at 25", "bailed at 40": the minutes it lasted.
    (
        "minutes",
        re.compile(
            r"\b(?:stopped|bailed|turned\s+back|quit|called\s+it|packed\s+(?:it\s+)?in)\s+at\s+"
            r"(?:about\s+|around\s+)?(?P<n>\d{1,3})\b(?![.,:]\d|\s*(?:km|k\b|mi\b|miles?|m\b|%|am|pm|"
            r"o'?clock|reps?|x\b))"
        ),
    ),
    # "just under the hour", "bang on the hour": an hour.
    (
        "hour_or_so",
        re.compile(
            r"\b(?:just\s+)?(?:under|over|shy\s+of|short\s+of|around|about|on|bang\s+on|nearly|"
            r"almost)\s+(?:the|an)\s+hour\b(?!\s+(?:and|mark\s+i|before|after|later|ago))"
        ),
    ),
)

RPE_WORDS = {w: n for w, n in vocabulary.NUMBER_WORDS.items() if n <= 12}
_RPE_WORD = "|".join(sorted(RPE_WORDS, key=len, reverse=True))
# Never the first digit of a longer figure: "1e9", "15.5" and "100" are no rating of 1.
RPE_NUMBER = rf"(?P<n>\d+(?:[.,]\d)?(?![\d.,]?\d|e\d)|\b(?:{_RPE_WORD})\b)(?:\s*-?ish\b)?"
# "rpe" with a figure after it, in range or not: a rating the athlete meant to give.
RPE_GIVEN = re.compile(r"\brpe(?![a-z])\W{0,4}(?:-\s*)?\d")
# "6-7", "5 or 6", "a 6 maybe 7": a range, read at its middle rounded up.
RPE_RANGE = (
    r"(?:\s*(?:-|–|to|or|,?\s*(?:or\s+)?(?:maybe|possibly|perhaps))\s*(?:an?\s+)?"
    rf"(?P<n2>\d+(?:[.,]\d)?(?![\d.,]?\d)|\b(?:{_RPE_WORD})\b))?"
)
_OUT_OF_TEN = r"(?:/\s*10|out\s+of\s+(?:10|ten)|outta\s+10)"
_NOT_A_RATING_AFTER = (
    r"(?!\s*(?:k\b|km|mi\b|miles?|h\b|hrs?|hours?|min|mins|minutes|x\b|:|'|%|m\b|ft|kg|lbs?|"
    r"am\b|pm\b|o'?clock|secs?|seconds?|reps?|sets?|times|of\s+(?:them|those|these|\d)|"
    r"weeks?|days?|people|of\s+us|more|steps|metres|meters|feet|kilos?|laps?|rounds?|hills?|"
    r"repeats|intervals|efforts|sprints)\b)"
)
RPE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"\brpe(?![a-z])\s*(?:(?:was|of|is|at|around|about|maybe|like|prob|probably|somewhere|"
        rf"roughly|approx\w*|=|:|~|-)\s*)*"
        rf"{RPE_NUMBER}{RPE_RANGE}"
    ),
    re.compile(rf"(?<![\d/.,]){RPE_NUMBER}{RPE_RANGE}\s*{_OUT_OF_TEN}(?:\b|(?=rpe\b))"),
    re.compile(
        rf"\b(?:effort|exertion|intensity)\s*(?:level|score|rating)?\s*"
        rf"(?:(?:was|of|is|at|around|about|approx\w*|roughly|maybe|like|only|today|overall|=|:|~|-)\s*)*(?:an?\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}"
    ),
    re.compile(
        rf"\bfelt\s+like\s+(?:an?\s+)?(?:solid\s+|hard\s+|easy\s+|strong\s+|good\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}(?![.,]\d)"
    ),
    re.compile(rf"(?<![\d/.,]){RPE_NUMBER}{RPE_RANGE}\s*rpe\b"),
    # Loose ratings: "roughly a six", "call it 7", "a 7ish effort", "id give it a 6".
    re.compile(
        r"\b(?:roughly|about|around|maybe|perhaps|probably|prob|like|say|honestly|solid|easy|hard|"
        r"absolute|total|proper|definite|"
        r"strong|good|tough|comfortable|comfy|steady|moderate)\s*,?\s+an?\s+"
        rf"{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}(?![.,]\d|\s*(?:/|out\s+of))"
    ),
    re.compile(
        r"\b(?:call\s+it|i'd\s+say|id\s+say|rate\s+it|rated\s+it|i'd\s+rate\s+it|"
        r"i'd\s+give\s+it|give\s+it|gave\s+it|scored?\s+it|effort\s+wise)\s+(?:an?\s+)?"
        rf"(?:solid\s+|good\s+|hard\s+|easy\s+)?{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}"
        r"(?![.,]\d|\s*(?:/|out\s+of))"
    ),
    re.compile(
        rf"\ban?\s+{RPE_NUMBER}{RPE_RANGE}\s+(?:effort|session|day|hike|run|workout|rpe)\b"
    ),
    # "honestly the hardest session yet, an absolute 9."
    re.compile(
        r"\ban?\s+(?:absolute|solid|proper|definite|easy|hard|comfortable|comfy|steady|strong|"
        rf"good|tough)\s+(?!one\b){RPE_NUMBER}{RPE_RANGE}(?=\s*(?:[.,!;)]|$))"
    ),
    # "felt sluggish, maybe 7": a bare figure hedged after how it felt.
    re.compile(
        r"\bfelt\s+\w+\W+(?:maybe|prob(?:ably)?|about|around|like|say)\s+(?:an?\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}(?:\s*ish)?(?=\s*(?:[.,!;]|$))"
    ),
    # "hill repeats 12x30s. maybe 7-8.": a hedged figure as a sentence of its own.
    re.compile(
        r"(?:^|(?<=[.!?;]\s))(?:maybe|prob(?:ably)?|roughly|about|around|say)\s+(?:an?\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}(?=\s*(?:[.!;]|$))"
    ),
    # "felt strong the whole way, maybe 7 at the very end": the figure hedged after it.
    re.compile(
        r"\bfelt\s+[^.!?]{0,30}?,\s*(?:maybe|prob(?:ably)?|about|around|say)\s+(?:an?\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}(?=\s+at\s+the\s+(?:very\s+)?(?:end|top|finish|last)\b)"
    ),
    # "hills done. 45 mins. 6": a bare figure out of ten closing a report of its length.
    re.compile(r"\b(?:min\w*|mins|hrs?|hours?)\s*[.,;]\s*(?P<n>[1-9]|10)(?P<n2>)\s*[.!]?\s*$"),
    # "comfy pace, never above a 6": the highest it got.
    re.compile(
        r"\bnever\s+(?:above|over|more\s+than|past)\s+an?\s+(?P<n>\d{1,2})(?P<n2>)\b(?![.,]\d|\s*(?:/|%|min|k))"
    ),
    # "walked hard up the lane 4 times. that's a 6": a rating closing the report.
    re.compile(
        rf"\b(?:that'?s|thats|that\s+was|it\s+was|it'?s)\s+an?\s+{RPE_NUMBER}(?P<n2>)(?:\s*ish)?"
        r"(?=\s*(?:[.!;]|$))"
    ),
    # "Felt ok, a 5.", "easy (3)": a rating beside how it felt.
    re.compile(rf"\bfelt\s+\w+\s*,\s*an?\s+{RPE_NUMBER}(?P<n2>)(?=\s*(?:[.!;)]|$))"),
    re.compile(
        rf"\b(?:easy|hard|steady|moderate|comfortable|comfy|tough)\s*\(\s*{RPE_NUMBER}(?P<n2>)"
        r"(?:\s*/\s*10)?\s*\)"
    ),
    # "felt grand, a 5 maybe": a rating hedged after it.
    re.compile(
        rf"(?:^|[.,;!]\s*)an?\s+{RPE_NUMBER}(?P<n2>)\s+(?:maybe|probably|prob|i\s+reckon|i'?d\s+say)"
        r"(?=\s*(?:[.,!;?]|$))"
    ),
    # "somewhere between a 5 and a 6": the higher.
    re.compile(r"\bbetween\s+an?\s+(?P<n>\d{1,2})\s+and\s+an?\s+(?P<n2>\d{1,2})\b"),
    # "7-8 effort with the wind"
    re.compile(r"(?<![\d.,:/])(?P<n>\d{1,2})(?:\s*-\s*(?P<n2>\d{1,2}))?\s+effort\b"),
)
# Which of RPE_PATTERNS rate out of ten, where a value over ten means "harder than hard".
OUT_OF_TEN_PATTERN = 1
# After a rating of a part, a bare number for the whole: "RPE 9 on the reps, 4 overall".
BARE_OVERALL_RATING = re.compile(r"(?<![\d.,])(?P<n>\d{1,2})(?:\s*/\s*10)?\s+overall\b")
OVERALL_RATING = re.compile(
    r"\s*(?:/\s*10\s*)?(?:overall|in\s+total|all\s+in|for\s+the\s+(?:whole\s+)?(?:session|thing))\b"
)
# "knee pain 4/10" rates the pain, not the session.
# "about a 3 out of 10 on the pain scale": the pain's rating, told after it.
PAIN_RATING_AFTER = re.compile(
    r"\s*(?:/\s*10|out\s+of\s+10)?\s*(?:(?:on|for)\s+(?:the|my)\s+)?pain\b"
)
# Within its sentence: "nothing sore after. 8/10" rates the session.
PAIN_RATING_BEFORE = re.compile(
    r"(?:pain|hurt\w*|sore\w*|ache|aching|niggle|sleep|mood)[^\w.!?\n]+(?:\w+[^\w.!?\n]+){0,2}$"
)

# Feet worn by blisters ("feet are toast from blisters"): neither effort nor a pain site.
_BLISTER_WEAR = (
    r"\b(?:toast|wrecked|shredded|destroyed|ruined|battered)\s+(?:\w+\s+)?(?:from|with|by)\s+"
    r"(?:the\s+|my\s+)?(?:blisters?|new\s+(?:boots|shoes))\b"
    # "feet are toast lol, blisters on both heels".
    r"|\b(?:toast|wrecked|shredded|destroyed|ruined|battered)\W+(?:\w+\W+){0,3}?blisters?\b"
)
BLISTER_WEAR = re.compile(_BLISTER_WEAR)
# Hard words need no context; `tough`/`hard` need an intensifier or a session noun.
_HARD_WORDS = (
    # Tired words ("knackered", "legs cooked", "quads toast") are not very hard on their own.
    r"brutal\w*|wrecked|destroyed|barely\s+made\s+it|exhausted|exhausting|"
    r"(?:absolutely|totally|completely|utterly|thoroughly)\s+(?:knackered|cooked|toast|shattered)|"
    r"smashed|crushed|killer|savage|dying|hardest|toughest|gruell?ing|punishing|shattered|"
    r"kaputt?|"
    r"gassed|wiped(?:\s+out)?|hammered|beasted|bonked|blew\s+up|killed\s+me|"
    r"kicked\s+my\s+(?:ass|butt|arse)|torture|death\s+march|fried|zonked|"
    r"(?:am|i'm|was|felt|feel|completely|totally|absolutely|are|were)\s+spent\b|"
    r"legs?\s+(?:like|are|were|was|felt\s+like|turned\s+to)\s+(?:jelly|lead|concrete|bricks)|"
    r"(?:jelly|lead(?:en)?)\s+legs|nothing\s+left|klaar|legs\s+(?:are\s+|were\s+)?(?:finished|gone|shot)|"
    r"(?:nothing|no\s+energy|no\s+juice)\s+in\s+(?:the|my)\s+(?:legs|tank)|had\s+no\s+legs|"
    r"empty\s+tank|all[- ]out|max(?:imal)?\s+effort|suffer\w*|struggled|struggling|"
    r"dead(?![a-z])(?!\s*(?:easy|flat|end|lifts?|ly|bugs?|hangs?)\b)|legs?\s+(?:are\s+|were\s+)?jelly|"
    r"\b(?:ran|run|running|went|going|pushed|pushing|worked|working|hiked|climbed)\s+"
    r"(?:it\s+|myself\s+|really\s+|pretty\s+|quite\s+|super\s+|very\s+)?hard\b|"
    r"\bhard\s+(?:\d+(?:[.,]\d+)?\s*\w+\s+)?(?:session|run|hike|day|workout|effort|climb)\b|"
    r"(?:really|very|so|super|pretty|quite|damn|bloody|seriously|crazy|insanely|hella|"
    r"extremely|incredibly|properly|proper|way\s+too|too|that)\s+(?:hard|tough)\b|"
    r"\b(?:hard|tough)\s+(?:af|session|run|hike|day|workout|effort|one|climb|going|slog)\b|"
    r"(?:was|were|felt|feel|feels|is|it's|that's)\s+(?:hard|tough)\b(?!\s*(?:to|on)\b)|"
    r"pushed\s+(?:it\s+|myself\s+)?hard|💀|😵|🤮|trashed|battered|"
    r"legs?\s+(?:are\s+|were\s+|is\s+|was\s+|felt\s+|feel\s+)?shot|"
    r"(?:almost|nearly)\s+(?:threw\s+up|puked|died|passed\s+out|sick)|"
    # Worn out, the British, Australian and hill-walking way.
    r"(?:cream\s+)?crackered|(?:i'm|i\s+am|was|absolutely|totally|completely|properly|well)\s+"
    r"stuffed(?!\s+(?:my|with|full|it|the|a))|"
    r"(?:literally|nearly|almost|basically|i)\s+died|died\s+on\s+(?:every|each|all\s+the|the)\b|"
    r"murder(?:ous)?|"
    r"(?:i'm|i\s+am|was)\s+(?:a|an\s+absolute|a\s+complete)\s+(?:puddle|wreck|zombie|mess)|"
    r"shredded|"
    r"lungs\s+(?:\w+\s+){0,2}(?:left\s+my\s+body|exploded|burst|gave\s+up)|"
    r"flattened|floored|obliterated|annihilated|demolished|ruined|broken|in\s+bits|"
    r"done\s+in\b(?!\s+(?:\d|an?\b|under|about|around|less|just|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|thirty|forty|fifty|record|good|decent|the|my|[a-z]+\s+(?:forest|park|"
    r"woods?|hills?|valley|trails?)))|"
    r"(?:totally|completely|absolutely|utterly|properly)\s+done\b|(?<!^)(?<![.!?,]\s)(?<!coach\s)well\s+done\b(?!\s+(?:o|to|you|mate|coach|me)\b)|"
    r"finished\s+me(?:\s+off)?|took\s+(?:everything|it\s+all|a\s+lot|it)\s+out\s+of\s+me|"
    r"(?:legs|i)\s+(?:were|was|are|am|'m|felt)\s+(?:completely\s+|totally\s+)?gone|legs\s+gone|"
    r"dead\s+on\s+my\s+feet|running\s+on\s+empty|on\s+my\s+knees|carnage|(?:felt\s+)?like\s+death|"
    r"(?:hard|tough|heavy)\s+going|hard\s+work|(?:a|real|proper|long)\s+slog|slogged|"
    r"maxed\s+out|emptied|broke\s+me|beat\s+me\s+up|wasted|"
    r"couldn't\s+(?:talk|breathe|speak)|lungs\s+(?:were\s+|are\s+)?(?:on\s+fire|burning)|"
    r"legs\s+(?:were\s+|are\s+)?on\s+fire|"
    r"(?:felt|feel|feeling|was|were)\s+(?:\w+\s+)?(?:awful|horrible|terrible|dreadful)|"
    # "felt rubbish" is how it felt; "strength was rubbish" is how well it went.
    r"(?:felt|feel|feeling)\s+(?:\w+\s+)?(?:rubbish|crap|shit|shite)"
)
HARD = re.compile(rf"(?<![\w-])(?:{_HARD_WORDS})(?![a-z])")
# Success idioms, not effort: "smashed it" / "crushed it" / "killer views".
NOT_HARD = re.compile(
    r"\b(?:smashed|crushed|killed|nailed|aced|owned)\s+it\b|\b(?:a\s+)?bit\s+broken\b|"
    # "strength session smashed before work": done, and done well.
    r"\b(?:session|workout|run|hike|hills|reps|repeats|strength|legs\s+day)\s+(?:smashed|crushed|nailed)\b"
    r"(?!\s+(?:me|us|my|by|from))|"
    r"\bspirit\s+broken\b|\bbroken\s+spirit\b|\bdead\s+(?:brilliant|good|easy|chuffed|happy|proud|nice)\b|"
    r"\b(?:raining|rained|pouring|blowing|snowing)\s+(?:really\s+|so\s+|very\s+)?hard\b|\b(?:proper\s+|really\s+)?hard\s+frost\b|"
    # "wind still brutal on the ridge": the weather, not the effort.
    r"\b(?:wind|winds|weather|rain|heat|cold|conditions|midges|bogs?|mud|gusts?)\s+(?:\w+\s+){0,4}"
    r"(?:brutal|savage|murderous|killer)\b|\bkiller\s+of\s+a\s+(?:hill|climb|ascent|route)\b|\bkiller\s+(?:views?|sunset|sunrise|"
    r"weather|scenery|day\s+out)\b|\b(?:hardest|toughest)\s+(?:part|bit|section)\b|\bbroken\s+(?:wrist|arm|leg|bones?|ankle|toes?|fingers?|nose|ribs?|hip|collarbone|"
    r"cloud|sunshine|ground|"
    r"trail|path|rock|terrain|up)|\bwasted\s+(?:time|the|a|an)"
    r"|\bbit\s+of\s+a\s+slog\b|\bhard\s+work\b|\bdead\s+on\b"
    r"|\bhard\s+on\s+(?:my|the)\s+(?:knees?|legs|feet|joints|quads|ankles?|hips?|back)\b"
    r"|\b(?:(?:quite|a\s+bit|bit|fairly|pretty|rather|a\s+little)\s+)?(?:tough|hard|exhausting|tiring|"
    r"demanding|challenging)\s+(?:one\s+|session\s+|going\s+)?but\s+(?:fine|ok|okay|good|doable|"
    r"manageable|fun|enjoyable|worth\s+it)\b"
    # "absolutely brutal weather", "brutal heat": the conditions, not the effort.
    r"|\b(?:brutal|savage|murderous|killer)\s+(?:heat|weather|wind|winds|headwind|rain|cold|"
    r"conditions|sun|humidity|gusts?|forecast)\b"
    r"|\b(?:forecast|weather)\s+(?:\w+\s+){0,3}(?:was|is|looked|looks)\s+(?:\w+\s+)?(?:awful|"
    r"horrible|terrible|dreadful|grim|rubbish|crap)\b"
    # Feet worn by blisters: "feet are toast from blisters".
    rf"|{_BLISTER_WEAR}"
    # Someone else worn out: "she was knackered, I was fine".
    r"|\b(?:she|he|they|the\s+dogs?|dogs?|partner|wife|husband|hubby|mate|friend|kids?|son|"
    r"daughter|brother|sister|dad|mum|mom)(?:'s|'re|\s+(?:was|were|is|are|looked|seemed|got))\s+"
    rf"(?:\w+\s+)?(?:{_HARD_WORDS})"
    r"|\b(?:he|she|they|hubby|husband|wife|partner|mate|friend)\s+(?:really\s+)?struggled\b"
    # Worn out by the day's work, not by the session: "fried from work".
    r"|\b(?:fried|knackered|exhausted|wrecked|shattered|cooked|toast|destroyed|dead|wiped(?:\s+out)?)"
    r"\s+(?:\w+\s+)?(?:from|after|by|because\s+of)\s+(?:a\s+long\s+day\s+at\s+|the\s+|my\s+)?"
    r"(?:work|office|shift|night\s+shift|meetings?|long\s+day|commute|no\s+sleep|kids|baby|"
    r"school\s+run|school|the\s+kids)\b"
)
# A hard word about an earlier day: "legs still cooked from saturday", "dead after sunday's".
HARD_CAUSE_AFTER = re.compile(
    r"\W+(?:\w+\W+){0,3}?(?:from|after|since)\s+(?:the\s+|my\s+|last\s+|on\s+)?"
    rf"(?:yesterday|(?:the\s+)?weekend|{vocabulary.WEEKDAY_WORD}|last\s+\w+|long\s+(?:one|hike)|"
    r"the\s+(?:long|big|hike|run|hills?)|(?:the\s+|my\s+)?(?:long\s+)?hike)\b"
)
HARD_CARRIED_BEFORE = re.compile(
    r"\bstill\s+(?:\w+\s+)?$|\b(?:back\s+)?in\s+week\s+\d{1,2}\b[^.!?;]*$|\bweeks\s+ago\b[^.!?;]*$"
)
# A hard word framed as what was feared, not what happened: "expected carnage but it was fine".
EXPECTED_BEFORE = re.compile(
    r"\b(?:expect\w*|thought\s+it\s+(?:would|'d|might|will)\s+be|feared|fearing|worried|"
    r"dread\w*|braced\s+(?:myself\s+)?for|ready\s+for|supposed\s+to\s+be|should\s+have\s+been|"
    r"could\s+have\s+been|was\s+meant\s+to\s+be|anticipat\w*|predicted|warned)\W+(?:\w+\W+){0,4}$"
)
# Fine again after a high rating: "8/10, but I felt fine after", "felt like a 9 but I'm fine
# now". The rating stays; the session was not too hard.
FINE_AFTER = re.compile(
    r"\bbut\s+(?:i\s+|i'm\s+|i\s+am\s+|i\s+felt\s+|felt\s+|feel\s+|feeling\s+)?"
    r"(?:felt\s+|feel\s+)?(?:fine|ok|okay|good|great|grand|alright)\s+"
    r"(?:after|afterwards|now|again|after\s+(?:it|that|a\s+rest))\b"
)
VERY_HARD = re.compile(
    r"\b(?:hardest|destroyed|barely\s+made\s+it|dying|death\s+march|like\s+death|all[- ]out|"
    r"max(?:imal)?\s+effort|absolutely|completely|totally|utterly)\b"
)
EASY = re.compile(
    r"\b(?:easy|easier|relaxed|relaxing|chill|chilled|chilll+|gentle|conversational|zone\s*2|z2|"
    r"comfortable|comfy|cruisy|leisurely|breeze|effortless|took\s+it\s+easy|nice\s+and\s+"
    r"steady|recovery\s+pace|light|lightly|cruised|cruising|breezed|no\s+bother|felt\s+strong|"
    r"felt\s+fresh|felt\s+great|felt\s+good|nailed\s+it|well\s+within\s+myself|"
    r"could\s+have\s+gone\s+(?:on|longer|further))\b"
)
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nothing|without|hardly|wasn't|isn't|weren't|didn't|doesn't|don't|"
    r"aren't|wouldn't|nowhere\s+near|far\s+from))\W+(?:\w+\W+){0,2}$"
    # "I never felt like I was dying"
    r"|\bnever\s+felt\s+like\s+(?:i\s+was\s+|it\s+was\s+)?$"
)

SKIPPED = re.compile(
    r"\b(?:skipped|skip|skipping|(?<!the\s)(?<!my\s)missed|bailed|bail|ditched|blew\s+off|"
    r"couldn't\s+(?:make\s+it|go|get\s+out|do\s+it|manage)|could\s+not\s+make\s+it|"
    r"didn't\s+(?:go|get\s+out|make\s+it\s+(?:out|to)|manage|train|do\s+(?:it|the|my|this|"
    r"today|\w+day'?s|any|strength|hills?|gym|legs|core|squats|intervals|repeats|reps|"
    r"workout|session)|run\b(?!\s+the)|hike\b(?!\s+the))|did\s+not\s+(?:go|do|run|hike|train)|"
    r"no\s+(?:long\s+|recovery\s+|easy\s+|big\s+|\w+day\s+)?(?:run|hike|hiking|running|walk|walking|session|"
    r"strength|gym|workout|hill\s+repeats|hills|hill\s+session|reps|repeats|intervals)"
    r"(?:\s+(?:today|this|yesterday|tonight|for\s+me)\b|\s*(?:[.,!;]|$))|"
    r"(?:too\s+(?:tired|sick|busy|wet|windy|cold|icy|snowy|stormy|dark|late|sore|knackered|stiff|"
    r"achy|wrecked|cooked|hot)\b"
    r"|didn't\s+feel\s+like\s+it|called\s+it\s+off|cancelled|"
    r"canceled|rained\s+out|life\s+got\s+in\s+the\s+way|work\s+got\s+in\s+the\s+way)|"
    r"(?:didn't|did\s+not|couldn't)\s+make\s+(?:the|my|today'?s|it\s+to\s+the)\b|"
    # "Thursday hills: no.", "long hike - nope": the session, answered no.
    r"(?:hills?|run|hike|walk|strength|gym|session|reps|repeats)\s*[:-]\s*(?:no|nope|nah|nada|"
    r"zero|nil|x|❌)(?=\s*[.,!;]|\s*$)|"
    r"never\s+(?:got|made\s+it)\s+out(?:\s+of)?(?:\s+the\s+door)?|"
    r"(?:couldn't|could\s+not|didn't)\s+get\s+to\s+(?:a|the|my|today'?s|tonight'?s|strength|gym|"
    r"hills|legs|yoga)\b|"
    r"(?:didn't|did\s+not|couldn't|never)\s+(?:get|got)\s+(?:out|round\s+to\s+it|to\s+it|"
    r"a\s+chance|(?:the|my|today'?s)\s+(?:\w+\s+){1,2}(?:in|done)\b|it\s+in|it\s+done|out\s+the\s+door)|"
    r"(?:work|life|kids|family|meetings?|the\s+day|the\s+job|deadlines?|overtime|childcare|"
    r"travel|the\s+commute)\s+(?:ate|took|swallowed|killed|got\s+in\s+the\s+way|won|happened|"
    r"took\s+over)|"
    # "family lunch ate the whole day": the day gone to something else.
    r"\bate\s+(?:up\s+)?(?:the|my)\s+(?:whole\s+|entire\s+)?(?:day|evening|morning|afternoon|"
    r"weekend)\b|ran\s+out\s+of\s+(?:time|daylight|hours)|(?<!so\s)(?<!watch\s)no\s+time\b(?!\s+(?:recorded|logged|on\s+(?:the|my)\s+watch))|"
    r"(?:didn't|did\s+not|never)\s+happen(?:ed)?|not\s+happening|wasn't\s+happening|"
    r"left\s+(?:the|my)\s+(?:\w+\s+)?alone|(?:ran|did|walked|hiked)\s+(?:0|zero|zilch)\s+"
    r"(?:minutes|mins|km|miles|k)\b|"
    r"gave\s+(?:it|the\s+\w+(?:\s+\w+)?|today)\s+a\s+miss|"
    r"(?:couldn't|could\s+not|didn't|did\s+not|wasn't\s+able\s+to)\s+(?:fit|squeeze)\s+"
    r"(?:it|the\s+\w+|\w+)\s+in|couldn't\s+face\s+(?:it|the)|"
    r"too\s+much\s+on|too\s+much\s+work|work\s+too\s+much|"
    # Non-native English: "today I not run", "I no go hike".
    r"\bi\s+(?:not|no)\s+(?:run|ran|hike|go|do|make|train|walk)\b|"
    r"(?:couldn't|could\s+not|can't)\s+do\s+(?:the\s+|my\s+|any\s+|today'?s\s+)?(?:hills?|run|hike|"
    r"strength|gym|reps|repeats|session|squats|walk|long\s+one|legs|core|long\s+hike|long\s+walk)\b|"
    # A reply that opens "nah," or "nope," and gives its reason: "nah mate, crook back".
    r"^\W*(?:nah|nope|naw)\b(?!\s+(?:pain|bother|problem|issues?|worries)\b)|"
    # "no - knee", "no. shin": a reply of no, and why.
    r"^\W*no\s*[-–.,:]+\s*(?=[a-z])(?!(?:pain|problems?|issues?|worries)\b)|"
    r"(?:binned|sacked|knocked)\s+(?:it|the\s+\w+)\s+(?:off|on\s+the\s+head)|"
    r"(?:binned|sacked)\s+off|(?:a\s+)?write[- ]off|wrote\s+(?:it|today|the\s+day)\s+off|"
    r"stayed\s+(?:in|home|at\s+home|on\s+the\s+sofa|in\s+bed)(?=\s*(?:[,.!;]|\W*$|today|tonight|all|"
    r"and|instead|with))|nothing\s+done|zero\s+training|"
    r"(?:sofa|couch|bed|netflix|the\s+pub|laziness|the\s+weather|the\s+rain|duvet)\s+won|"
    r"(?:didn't|did\s+not)\s+train|wasn't\s+able\s+to|unable\s+to|not\s+today\b|"
    r"no\s+(?:chance|way|go|joy|can\s+do)\s+(?:today|tonight|this\s+(?:morning|evening|week))\b|"
    r"(?:can't|cannot|can\s+not|won't\s+be\s+able\s+to)\s+(?:run|hike|train|go|make\s+it|"
    r"do\s+(?:it|the\s+\w+|any\w*))(?=\s+(?:today|tonight|this\s+\w+)\b|\s*(?:[.,!;]|$))|"
    r"no\s+(?:training|exercise)\s+(?:today|this|yesterday|tonight)\b|"
    # "Not doing hills today": said on the day, the session is off.
    r"^\W*not\s+doing\s+(?:the\s+|my\s+|any\s+)?(?:hills?|run|hike|strength|gym|reps|repeats|"
    r"session|long\s+(?:one|hike)|legs|workout|training)\s+(?:today|tonight|this\s+(?:morning|"
    r"evening))\b)"
)
# A pack on the athlete's back: "with the pack on", "with my Kili pack (8kg)".
PACK_CARRIED = re.compile(
    r"\bwith\s+(?:the|my|a|an)\s+(?:\w+\s+)?(?:pack|rucksack|backpack)\b|\b(?:pack|rucksack)\s+on\b"
)
# A session moved to another day is not skipped, nor is a rest day traded for a session.
MOVED = re.compile(
    r"\b(?:moved|moving|move|shifted|shifting|shift|pushed|pushing|postponed|postponing|"
    r"swapped|swapping|swap|switched|switching|rescheduled|rescheduling|bumped|saving|saved)\b"
    r"[^.!?\n]{0,40}?\b(?:to|till|until|for|with|onto|into)\s+(?P<to1>tomorrow|tmrw|the\s+weekend|"
    r"next\s+\w+|later)\b"
    rf"|\b(?:moved|moving|move|shifted|shifting|shift|pushed|pushing|push|postponed|postponing|"
    rf"postpone|swapped|switched|rescheduled|rescheduling|reschedule|bumped|bumping)\b"
    rf"[^.!?\n]{{0,40}}?\b(?:to|till|until|onto)\s+(?:this\s+|next\s+|on\s+)?"
    rf"(?P<to2>{vocabulary.WEEKDAY_WORD})\b"
    # "doing tuesday's run tomorrow instead", "will do it on friday instead".
    rf"|\b(?:doing|do|i'll\s+do|will\s+do|going\s+to\s+do|gonna\s+do)\s+(?:it|the\s+\w+|my\s+\w+|"
    rf"\w+day'?s\s+\w+)(?:\s+\w+)?\s+(?:on\s+)?(?P<to3>tomorrow|tmrw|{vocabulary.WEEKDAY_WORD})"
    r"\s+instead\b"
)
NOT_SKIPPED_AFTER = re.compile(
    r"\s*(?:(?:the|a|my|our)\s+)?(?:turn\w*|trail\s*head|junction|sign\w*|bus|train\b|breakfast|"
    r"lunch|dinner|warm[- ]?ups?|cool[- ]?downs?|stretch\w*|well|great|as\s+planned|to\s+plan|"
    r"smoothly|fast|far|too|any\b|a\s+step|the\s+views?|the\s+sunset|it\s+by|"
    # Stopping part way is a short session, not a skipped one: "bailed halfway through".
    r"(?:about\s+|around\s+)?(?:half\s*way|part\s*way|mid\s*way|mid[- ]\w+|"
    r"after\s+(?:\d|an?\b|one|two|three|half)|at\s+\d|early\s+(?:on|in))"
    # "bailed on the last 2", "bailed on the hike at 2hrs": the rest was done.
    r"|(?:on\s+)?(?:the\s+)?(?:last|final)\s+(?:\d+|one|two|three|four|few|couple|reps?|bit|"
    r"stretch|climb|km|mile|loop|lap)\b|on\s+(?:the|my)\s+\w+\s+(?:at|after)\s+\d)(?![a-z])"
)
# A rest day the plan asked for is not a skipped session.
PLANNED_REST = re.compile(
    r"\b(?:rest|off|recovery)\s+day\s+(?:as\s+(?:per\s+)?(?:planned|scheduled|the\s+plan)|"
    r"(?:per|on)\s+(?:the\s+)?plan)|\bplanned\s+(?:rest|day\s+off)|\bscheduled\s+rest"
)

# Hills and trails hikers name instead of saying "hike": "up Ben Nevis and back".
_PEAKS = (
    "ben nevis|ben lomond|ben macdui|ben more|ben lawers|ben vorlich|ben ledi|ben vrackie|"
    "ben alder|ben wyvis|ben hope|ben cruachan|ben starav|ben chonzie|ben arthur|"
    "snowdon|yr wyddfa|scafell pike|scafell|sca fell|helvellyn|skiddaw|blencathra|great gable|"
    "catbells|cat bells|haystacks|fairfield|coniston old man|old man of coniston|high street|"
    "bowfell|crinkle crags|kinder scout|kinder|mam tor|ingleborough|whernside|pen-y-ghent|"
    "pen y ghent|pen y fan|pen-y-fan|cadair idris|cader idris|tryfan|glyder fawr|glyder fach|"
    "the glyders|crib goch|striding edge|sharp edge|stanage edge|cairn gorm|cairngorm|"
    "lochnagar|schiehallion|buachaille etive mor|the buachaille|an teallach|the cobbler|"
    "arthur's seat|roseberry topping|cross fell|slieve donard|carrauntoohil|croagh patrick|"
    "kilimanjaro|mont blanc|matterhorn|half dome|rainier|the three peaks|three peaks|"
    "dartmoor|exmoor|brecon beacons|the beacons|the lakes|lake district|the dales|"
    "peak district|the peaks|the highlands|the cairngorms|the alps|the rockies|the munros|"
    "pennine way|west highland way|south downs way|north downs way|cotswold way|"
    "cleveland way|dales way|great glen way|offa's dyke|thames path|coast path|coastal path|"
    "coast to coast|hadrian's wall|pct|appalachian trail|john muir trail|camino|gr20|tmb|"
    "tour du mont blanc|kungsleden|snowdon horseshoe|fairfield horseshoe|kentmere horseshoe|"
    "overland track|kepler track|milford track|routeburn track|abel tasman|heaphy track|"
    "tongariro crossing|tongariro|larapinta|kokoda|bibbulmun|te araroa|long trail|"
    "colorado trail|wonderland trail|west coast trail|cape to cape"
).replace(" ", r"[\s-]+")

# (activity, weight) for each phrase; longer phrases come first so "run-walk" is not a walk.
# "behind the rugby club", "round the cricket pitch": a place on the route, no sport played.
_SPORT_PLACE = r"(?!\s+(?:club|clubs|pitch|pitches|ground|grounds|field|fields|courts?|pavilion))"
ACTIVITY_PHRASES: tuple[tuple[str, float, str], ...] = (
    # Stairs stay `other` even with a pack on: "stairs with a 10 kg pack".
    (
        "other",
        2.6,
        # Knees "achy on the stairs" tell of the stairs at home, not a session on them.
        r"(?<!on\sthe\s)(?<!up\sthe\s)(?<!down\sthe\s)(?<!bottom\s)(?<!top\s)(?<!off\sthe\s)"
        r"(?<!going\sdown\s)(?<!going\sup\s)(?<!\bdo\s)(?<!\bdoing\sthe\s)(?<!\bgo\sdown\s)"
        r"(?<!\bgo\sup\s)(?<!\bon\s)"
        # "heaps of stairs" on the route: part of the hike.
        r"(?<!heaps\sof\s)(?<!lots\sof\s)(?<!loads\sof\s)(?<!plenty\sof\s)(?<!tons\sof\s)"
        r"(?<!those\s)(?<!these\s)(?<!the\s)(?<!down\s)(?<!up\s)"
        r"stairs?(?:\s+(?:climb\w*|repeats?|sessions?|intervals?|workout))?"
        r"(?!\s+(?:going\s+(?:down|up)|on\s+the\s+way|down|up)\b)|"
        r"stair\s*(?:master|mill|well|climb\w*|machine)|step\s*mill|stepmill|"
        r"turbo(?:\s+trainer)?|zwift|peloton|rowing\s+machine|cross[- ]?trainer|"
        rf"paddle\s*board\w*|tennis{_SPORT_PLACE}|(?<!to\s)(?<!from\s)football{_SPORT_PLACE}"
        r"(?!\s+(?:knee|injury|ankle|injuries))|squash|badminton|netball|dance|dancing|"
        r"(?<!to\s)soccer|"
        rf"basketball|rugby{_SPORT_PLACE}|hockey{_SPORT_PLACE}|volleyball|frisbee|golf(?!\s+course)|"
        rf"cricket{_SPORT_PLACE}|baseball|softball|boxing|"
        r"martial\s+arts|karate|judo|crossfit|hiit|zumba|spinning|"
        r"ski\s+touring|skinning|cross[- ]country\s+ski\w*|xc\s+ski\w*|surf\w*|"
        r"climbing\s+wall|wall\s+climbing|boulder(?:ing|ed)|climbing\s+session",
    ),
    (
        "hike",
        2.0,
        r"(?:over|up|across|along|via|on|onto|crossed|crossing|through|top\s+of)\s+(?:the\s+|a\s+)?"
        r"(?:[a-z']+\s+)?(?:pass|col|ridge|tops|summit|saddle|bealach)|"
        r"ridge(?:line|s)?|traverse[ds]?|traversing|over\s+the\s+tops|"
        r"(?:in|into|on|hit|up)\s+the\s+(?:hills|mountains|fells|peaks|highlands|lakes|dales|"
        r"alps|rockies|cairngorms|moors?|tops)|hill\s+day|mountain\s+day|big\s+day\s+out|"
        r"the\s+big\s+one|the\s+long\s+one|"
        # "Long one done", "big one's in the bag": the week's long hike, named bare at the start.
        r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))\s*(?:big|long)\s+one(?:'?s)?\s+(?:done|in\s+the\s+bag|"
        r"complete\w*|finished|ticked|sorted|nailed|over)|trig(?:\s+point)?|cairn|bothy|wild\s+camp\w*|"
        r"overnighter|hut\s+to\s+hut|corbetts?|wainwrights?|horseshoe|"
        r"(?:mount|mt\.?|mont|monte|piz|pic|pico|sgurr|beinn|carn|slieve|cerro)\s+[a-z']+|"
        r"[a-z']+\s+(?:pike|tor|beacon|knott)",
    ),
    ("hike", 2.5, _PEAKS),
    (
        "hike",
        1.2,
        r"(?:with\s+)?(?:(?:full|big|heavy|loaded|weighted|overnight|multi[- ]?day|day|the|my|a|"
        r"\d+\s*(?:kg|lbs?|l|litre))\s+)*(?:pack|rucksack|backpack|ruck\s*sack)|"
        r"(?:full|heavy|overnight|camping|winter)\s+kit|"
        r"up\s+[a-z']+(?:\s+[a-z']+)?\s+and\s+(?:back|down)|round\s+trip|summit\s+push|"
        # A load carried is a pack: "carried 12 kg", "lugging about 30 lb".
        r"(?:carried|carrying|lugged|lugging|hauled|hauling)\s+(?:a\s+|about\s+|around\s+|"
        r"nearly\s+|over\s+)?\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?)",
    ),
    (
        "other",
        2.0,
        r"rock\s+climb\w*|bouldering|climbing\s+(?:gym|wall|session)|"
        r"(?:went|go|going|indoor|sport)\s+climbing|top\s+rop\w*|stair\s*master|stair\s+climb\w*|"
        r"spin\s+class|bike\s+ride|mountain\s+bik\w*|mtb",
    ),
    (
        "run",
        2.5,
        r"hills?\s+(?:session|workout|sprints?|efforts?)|"
        r"(?:run|ran|runn?ing|jog|jogged|jogging)[- /]?(?:walk\w*|hik\w*)|"
        r"(?:walk|walked|walking)[- /](?:run\w*|ran|jog\w*)|walk[- /]?run\w*|"
        r"shuffle[- ]?jog\w*|trail\s+run\w*|hill\s+(?:repeats?|reps?|sprints?|intervals?)|"
        r"intervals?|fartlek|tempo|strides|parkrun|easy\s+run|long\s+run|c25k|"
        r"couch\s+to\s+5k|(?:trail\s+|road\s+|fun\s+)?race|half\s+marathon|marathon|ultra|"
        r"\d+[- ]?milers?",
    ),
    (
        "hike",
        2.5,
        r"long\s+hike|recovery\s+hike|backpacking|backpacked|thru[- ]hik\w*|trek\w*|"
        # "hill walk intervals": the intervals are walked; the session is a hike.
        r"hill\s*walk\w*(?:\s+(?:intervals|reps|repeats|efforts))?|bush\s*walk\w*|tramp(?:ed|ing)?|ruck(?:ed|ing)?|fell\s*walk\w*|day\s+hike",
    ),
    (
        "strength",
        2.5,
        # Not "a big step up" on the trail.
        r"(?<!\ba\s)(?<!\bbig\s)(?<!\bhigh\s)step[- ]?ups?|squats?|rdls?|deadlift\w*|"
        r"romanian\s+dead\w*|lunges?|"
        # Not lifting a thing: "since I lifted the kids' bike into the car".
        # A gym as the place for another session is no strength: "hills on the treadmill, gym
        # was the only option", "ran on the treadmill at the gym".
        r"legs?\s+(?:sesh|session|day|workout)|legs(?=\s*[-:]?\s*\d{2}\s*(?:min\w*|m\b|')?\s*(?:[,.;\n]|$))|"
        r"strength|weights|(?<!\bat\sthe\s)(?<!\bin\sthe\s)gym(?!\s+(?:was|is)\s+the\s+only)|"
        r"kettlebells?|(?:lifting|lifted)(?!\s+(?:the|a|an|my|his|her|our|"
        r"their|it|him|them|kids?'?s?|boxes|furniture|stuff|things|bags)\b)|calf\s+raises|leg\s+day|core\s+work|"
        r"split\s+squats?|bulgarians?|(?:leg|core|strength|glute|knee)\s+exercises|"
        r"planks?|s&c|bodyweight|circuits?|step[- ]?downs?",
    ),
    (
        "rest",
        0.8,
        r"rest\s+day|day\s+off|off\s+day|rested|resting|full\s+rest|complete\s+rest|"
        r"no\s+training|did\s+(?:absolutely\s+|literally\s+|sweet\s+)?(?:nothing|nowt|zilch|sod\s+all)|"
        r"nothing\s+today|(?:today|\w+day)\s*[:,-]?\s*nothing(?!\s+(?:left|else|in|to|much|but|more|"
        r"wrong|hurts?|major|serious))|recovery\s+day|(?:sofa|couch|lazy|duvet)\s+day|feet\s+up|"
        r"=\s*(?:sofa|couch|rest)\b|🛋|"
        r"(?:took|taking|take|had|having)\s+(?:the\s+day\s+|today\s+|tonight\s+|the\s+evening\s+|"
        r"(?:mon|monday|fri|friday)\s+)?"
        r"off\b(?!\s+(?:work|the|to|for|at|on|a|my))|"
        # "sun off (sore)": the day taken off.
        r"\b(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|"
        r"saturday|sun|sunday)\s+(?:was\s+)?off\b(?!\s+(?:work|the|to|for|at|on|a|my))|"
        r"(?<!the\s)rest\b(?!\s+(?:of|stops?|breaks?|intervals?))",
    ),
    ("rest", 0.4, r"took\s+it\s+easy|taking\s+it\s+easy"),
    ("hike", 0.9, r"power[- ]?hik\w*"),
    # "did 45 min on the stairs with my pack": a session on them.
    ("other", 2.8, r"(?:min\w*|hours?|hrs?|h)\s+on\s+the\s+stairs"),
    # Stairs are cross-training, with a pack or not: "up and down the stairs at work".
    (
        "other",
        2.8,
        # Not the day's errands: "I've been up and down the stairs with Calpol all evening".
        r"(?:(?<!been\s)up\s+and\s+down|climb\w*|did|doing|ran|walked|hiked)\s+(?:the\s+)?"
        r"(?:\w+\s+)?stairs(?!\s+(?:with\s+(?!(?:a|my|the)\s+(?:\d|pack|rucksack|weight))|"
        r"all\s+(?:day|night|evening)|at\s+work\s+without))|"
        r"stairwell|stair\s+(?:laps|climbs?|sessions?|repeats|reps)",
    ),
    # "walked the run today": the run was walked, a walk in its place.
    ("walk", 2.6, r"walked\s+(?:the|my|today'?s)\s+run"),
    (
        "hike",
        2.0,
        r"hik\w*|scrambl\w*|summit\w*|peak\s+bagg\w*|🥾|⛰|🏔|"
        r"rando(?:nnée)?|wander(?:ung|n|te)|gewandert|senderismo|caminata|escursione|trilha|"
        r"wandel(?:ing|en|tocht)",
    ),
    (
        "run",
        2.0,
        r"(?<!if\si\s)(?<!school\s)(?<!work\s)(?<!meeting\s)"
        r"(?:run|runs|ran|running)(?!\s+(?:down|out|into|errands|late|low|over|til|till|until|"
        r"off|away|on\s+empty|on\s+fumes|of|the\s+(?:kids|dishwasher|washing|bath|car)|to\s+the\s+shops?|"
        # "had to run for the train": a dash, no session.
        r"for\s+(?:the|a|my)\s+(?:train|bus|tram|ferry|plane|flight)|to\s+catch|"
        r"after\s+the\s+(?:bus|train|kids|dog|toddler))\b)|"
        r"jog\w*|"
        r"trot(?:ted|ting)?|🏃|lauf|laufen|gelaufen|footing|carrera|correr|corsa|corrida|"
        r"hardlopen|ripetute|bergläufe|cuestas",
    ),
    (
        "other",
        2.0,
        r"cycl\w*|(?<!quad\s)(?<!motor\s)(?<!dirt\s)bik(?:e|ed|ing)|spin\s+(?:class|bike|session)|spinning|turbo|"
        r"(?:road|gravel|mtb|long|easy|short)\s+ride|rode\s+(?:my|the)\s+bike|"
        r"(?<!basically\s)(?<!practically\s)(?<!literally\s)swim\w*(?!\s+lessons?\s+for)|swam|yoga|"
        r"(?<=went\sto\sthe\s)pool|(?:min\w*|mins)\s+of\s+lengths|"
        r"pilates|rowing|rowed|rower|\berg\b|elliptical|"
        r"kayak\w*|paddl\w*|ski|skiing|🚴|🚲|🏊|🧘",
    ),
    ("other", 0.9, r"(?<!of )(?<!the )(?<!much )(?<!m )(?<!ft )(?<!metres )(?<!feet )climbing"),
    # Hard physical work in place of a session: "spent the afternoon digging out hedge roots".
    (
        "other",
        1.2,
        r"digging|dug\s+(?:out|up)|gardening|shovell?ing|chopping\s+wood|hedge\s+roots|"
        r"carried\s+boxes|carrying\s+boxes|mov(?:e|ed|ing)\s+house|lugg(?:ed|ing)\s+\w+|"
        r"(?:minutes|mins|min)\s+of\s+stretching",
    ),
    (
        "strength",
        1.5,
        r"core|workout(?!\s+(?:time|duration|summary|type))|🏋|"
        r"krafttraining|krachttraining|musculação|musculacion|fuerza|renforcement",
    ),
    ("run", 1.5, r"repeats"),
    # "Hills done, 40 minutes": the hill session.
    (
        "run",
        1.5,
        r"hills(?=\s+(?:done|session|today|were|was|went|felt|x\s*\d)|\s*[:✔✅])|"
        # "moved thursday's hills to today": the hill session, by its day.
        r"(?<=day's\s)hills|(?<=days\s)hills",
    ),
    (
        "walk",
        1.0,
        # Not "walked it off", nor "walking round the office": no session, either of them.
        r"walk\w*(?!\s+it\s+off|\s+(?:a)?round\s+the\s+(?:office|house|kitchen|shops|"
        r"flat(?!\s+(?:bit|bits|part|path|loop|route|trail))))|"
        r"stroll\w*|rambl(?:e|ed|ing)|took\s+the\s+dogs?\s+out|🚶",
    ),
    # A race distance on its own is a run ("did my first 5k"); steps are not.
    ("run", 0.9, r"(?:5|10|15|21|42)\s?k(?:m)?(?!\s*(?:steps|walk|hike))"),
    # Mountains named without a verb: "went up ben nevis", "long day in the mountains".
    (
        "hike",
        0.8,
        r"mountains?|munros?|fells|three\s+peaks|(?:went|got|made\s+it)\s+up\s+"
        r"(?:ben|mount|mt|the\s+\w+)|the\s+peaks",
    ),
    # Runner's shorthand for an easy run: "45 mins easy", "an hour steady".
    (
        "run",
        0.5,
        r"(?<=min\s)(?:easy|steady)|(?<=mins\s)(?:easy|steady)|"
        r"(?<=minutes\s)(?:easy|steady)|(?<=')\s?(?:easy|steady)",
    ),
)
ACTIVITY = re.compile(
    "|".join(
        rf"(?P<a{i}>(?<![\w-])(?:{pattern})(?![\w-]))"
        for i, (_, _, pattern) in enumerate(ACTIVITY_PHRASES)
    )
)
# A session mentioned as a side part of another: "with a bit of running", "ran the downhills".
MINOR_BEFORE = re.compile(
    r"(?:\b(?:bit|bits|little|few|couple|heaps|lots|loads|plenty|tons)\s+of|\bsome|\bplus|\bincl\w*|\bthen|\bbefore|"
    r"\bafter|\bmixed\s+in|\bwith)\W+(?:\w+\W+)?$"
    # A trip trained for or pretended, not the place of the session: "(pretending it's the
    # Camino lol)", "training for Kili".
    r"|\b(?:pretend\w*(?:\s+it'?s)?|training\s+for|train\s+for|prep\w*\s+for|practi[cs]e\s+for|"
    r"ready\s+for|my)\s+(?:the\s+)?$"
)
MINOR_AFTER = re.compile(
    r"\W+(?:(?:the|a|some|all|most|bits|parts|it)\s+)?(?:downhills?|descents?|flats?|flat\s+bits|"
    r"uphills?|ups|climbs?|hills|last|bits|sections?|parts?|breaks?|down|back|to\s+the|home|around|"
    r"(?:the\s+)?dog\s+(?:to|round)\s+the\s+(?:car|corner|end|gate)|"
    r"(?:up|down)\s+the\s+stairs|"
    r"intervals?\s+between)\b"
)
# Someone else's sport is not the athlete's session: "son's football tournament".
SOMEONE_ELSES_BEFORE = re.compile(
    r"\b(?:son|daughter|kid|kids|child|children|boy|girl|partner|wife|husband|friend|mate|"
    r"boyfriend|girlfriend|brother|sister|mum|mom|dad)(?:'s|s')\s+$"
    # "my friend ran a marathon yesterday": someone else's session.
    r"|\bmy\s+(?:son|daughter|kids?|partner|wife|husband|friend|mate|boyfriend|girlfriend|"
    r"brother|sister|mum|mom|dad|colleague|neighbour|neighbor)\s+(?:ran|did|hiked|walked|went|"
    r"cycled|swam|has|had|is|was)\s+(?:\w+\s+){0,2}$"
    r"|\bmy\s+(?:son|daughter|kids?|partner|wife|husband|friend|mate|boyfriend|girlfriend|"
    r"brother|sister|mum|mom|dad|colleague|neighbour|neighbor)\s+$"
    # "they ran ahead the whole way": the children's running, not the athlete's.
    r"|\b(?:they|he|she|the\s+(?:kids|boys|girls|dogs?))\s+$"
)
# "gym was shut", "pool closed": a session that could not happen.
UNAVAILABLE_AFTER = re.compile(
    r"(?:'s|\s+(?:was|is|were|got))\s+(?:shut|closed|cancelled|canceled|full|flooded|off)\b|"
    r"\s+(?:skipped|missed|binned|cancelled|canceled|bailed)\b|"
    r"\s+(?:(?:didn't|did\s+not|never)\s+happen|fell\s+through)"
)
NEGATED_ACTIVITY_BEFORE = re.compile(
    r"(?:\b(?:whenever\s+i|if\s+i)\s+$)|"
    r"(?:\b(?:no|skipped|skip|missed|didn't|did\s+not|couldn't|bailed\s+on|instead\s+of|"
    r"swapped|traded|switched|exchanged|replaced|too\s+\w+\s+for)"
    r"\W+(?:\w+\W+){0,2})$"
    # "compared to my first marathon this was nothing": the other one compared with.
    r"|\bcompared\s+(?:to|with)\s+(?:my\s+|the\s+|a\s+)?(?:\w+\s+)?$"
    # "walking, not running": only right before it ("not a bad run" is a run).
    r"|\bnot\s+(?:a\s+|be\s+)?$"
    # "nervous about tomorrow's 'run'": a session still to come.
    r"|\btomorrow'?s\s+['\"\u2018\u201c]?$"
)

WEEKDAYS = vocabulary.WEEKDAYS
WEEKDAY_ABBREVIATIONS = vocabulary.WEEKDAY_ABBREVIATIONS
MONTHS = vocabulary.MONTHS
_MONTH = vocabulary.MONTH_WORD
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_NOT_AN_AMOUNT = r"(?!\s*(?:k\b|km|mi\b|miles?|h\b|hrs?|hours?|min|mins|minutes|x\b|%|m\b|ft))"
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MONTH}(?![a-z])")),
    ("month_day", re.compile(rf"\b{_MONTH}\s*{_DAY}\b{_NOT_AN_AMOUNT}")),
    ("day_before_yesterday", re.compile(r"\b(?:the\s+)?day\s+(?:before|b4)\s+yesterday\b")),
    (
        "ago",
        re.compile(rf"(?P<n>{NUMBER}|a\s+few|few)\s+(?P<unit>days?|weeks?)\s+(?:ago|back)\b"),
    ),
    (
        "yesterday",
        re.compile(
            r"\b(?:yesterday|yesterdays|yday|yest|ystrdy|last\s+(?:nights?|evenings?)'?)(?![a-z])"
        ),
    ),
    (
        "today",
        re.compile(
            r"\b(?:today|todays|tdy|2day|this\s+(?:morning|afternoon|evening)|tonight|"
            r"earlier|just\s+now|just\s+got\s+back|this\s+am|this\s+pm)\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<wd>{vocabulary.WEEKDAY_WORD})"
            # "Monday report for the weekend": the day the message is sent, no session's.
            r"(?!\s+(?:report|update|check-?in|summary|round-?up|recap)\b)"
            # "saturday's", "the tuesday run": a label, which a day named as near outweighs.
            r"(?:(?P<poss>'?s\b|\s+(?=(?:run|hike|session|walk|strength|hills?|gym|workout|"
            r"hill\s+reps|hill\s+repeats|intervals)\b))|(?![a-z]))"
        ),
    ),
    (
        "day_of_month",
        re.compile(
            r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:rep|reps|repeat|repeats|interval|"
            r"intervals|lap|laps|km|k|mile|miles|kilometre|minute|min|effort|efforts|hill|hills|"
            r"time|go|attempt|set|round|climb|one|sprint|week|day|run|hike|of\s+(?:them|those|the|"
            r"my|\d))\b)"
        ),
    ),
)
# Short weekday forms that are also words ("sat in the car", "in the sun") count only in context.
AMBIGUOUS_WEEKDAYS = vocabulary.AMBIGUOUS_WEEKDAYS
WEEKDAY_CONTEXT_AFTER = re.compile(
    r"(?:'?s\b|\s*[:\-]|\s+(?:hike|run|session|walk|long|hill|strength|gym|workout|was|morning|legs|"
    r"core|squats|jog|yoga|swim|"
    r"am|pm|evening|just|did|didn'?t|done|skipped|missed|off|rest|rested|nothing|easy|recovery|i|we|"
    r"lh)\b"
    # "sat 6h fell walk", "sun ✔": a day told with what was done on it ("sat 15 mi": its
    # distance, blanked out before dates are read).
    r"|\s+\d|\s{3,}|\s*[✔✅✖❌☑])"
)
WEEKDAY_CONTEXT_BEFORE = re.compile(r"\b(?:on|last|this|past|since)\s+$")
WEEKDAY_AFTER_SESSION = re.compile(
    r"\b(?:hike|hiked|hiking|run|ran|walk|walked|session|gym|strength|reps|repeats|jog|jogged|"
    r"hrs|hours|mins|min|km|miles)\s+$"
)
# "long hike sat with dad", "hike sat on the coast path": after a session, the day.
WEEKDAY_BEFORE_PAUSE = re.compile(r"\s*(?:[,.;!]|$)|\s+(?:with|on\s+the)\b")

# Phone typing: apostrophes dropped, shorthand.
SHORTHAND = (
    (re.compile(r"\b(did|was|is|does|do|were|has|have|could|would|should|are)nt\b"), r"\1n't"),
    (re.compile(r"\bcant\b"), "can't"),
    (
        re.compile(r"\b(?:couldn't|could\s+not|can't)\s+be\s+(?:bothered|arsed|assed|fussed)\b"),
        "didn't feel like it",
    ),
    # A phone's correction of a common typo: "my knew is sore".
    (re.compile(r"\bknew(?=\s+(?:is|was|feels|felt|hurts|hurt|a\s+bit|still|sore|pain))"), "knee"),
    (re.compile(r"\bwont\b"), "won't"),
    (re.compile(r"\bim\b"), "i'm"),
    (re.compile(r"\bits\b"), "it's"),
    (re.compile(r"\br\.?\s+p\.?\s+e\b\.?"), "rpe"),
    (re.compile(r"\br\b"), "are"),
    (re.compile(r"\bw/"), "with "),
    # "2 hr hike" is hours; "HR 139" and "HR maxed 178" are a heart rate, left as they are.
    (
        re.compile(
            r"\bhrs?\b(?=\s)(?!\s*(?:\d|max|avg|average|peak|top|hit|spiked|was|stayed|zone|z\d))"
        ),
        "hrs",
    ),
    (re.compile(r"\bthru\b"), "through"),
    (re.compile(r"(?<=hour)\s+n\s+(?=(?:a|three)\s+(?:quarters?|half)\b)"), " and "),
    # "5u15", "8 ore", "50 minuti", "58 Min": hours and minutes in other languages.
    (re.compile(r"\b(\d{1,2})u(\d{2})\b"), r"\1h\2"),
    (re.compile(r"\b(\d+)\s*(?:minuti|minuten|minutos)\b"), r"\1 min"),
    (re.compile(r"\b(\d+)\s*(?:ore|uur|stunden|std|horas|heures)\b"), r"\1 hours"),
    # "2 x 20 min of stair climbing": blocks of ten minutes or more are the session's length;
    # shorter ones ("6 x 2 min") are intervals, no length.
    (
        re.compile(r"\b([1-4])\s*[x×]\s*([1-5]\d)\s*(min\w*|mins)\b"),
        lambda m: f"{int(m[1]) * int(m[2])} {m[3]}",
    ),
    # "six k in thirty five": the time a distance took, told in words.
    (
        re.compile(
            r"\b(k|km|kms|miles?|mi)\s+in\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            r"ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)\b(?!\s*(?:min|hour))"
        ),
        lambda m: f"{m[1]} in {vocabulary.number_value(m[2].replace(' ', '-'))} min",
    ),
    # "ran 20 then walked the rest. 45 total": the whole, its unit left out.
    (
        re.compile(
            r"(?<!hr )(?<!bpm )(?<!hr: )\b(\d{2,3})[ \t]+(total|in\s+total|all\s+in|altogether)\b"
        ),
        r"\1 min \2",
    ),
    (re.compile(r"(\d)\s*¾"), r"\1 and three quarters"),
    (re.compile(r"(\d)\s*¼"), r"\1 and a quarter"),
    # Dictation splits what it cannot place: "my ham string" (and "r p e eight", above).
    (re.compile(r"\bham\s+strings?\b"), "hamstring"),
    # Hikers' shorthand: "Sat LH: 6h", "LH 4h40".
    (re.compile(r"\blh\b"), "long hike"),
)
# A figure taken back and given again: "40 min, no wait 50", "6 km sorry 8 km". The unit, when
# told only once, belongs to both.
SELF_CORRECTION = re.compile(
    r"(?:(?<![\d.,:/])(?P<a>\d+(?:[.,]\d+)?)|\ban?(?=\s+hour))"
    r"\s*(?P<u>min\w*|hrs?|hours?|h|km|k|miles?|mi|m|'|kg)?"
    r"\s*[,;:-]?\s*\(?(?:no\s+wait|wait\s+no|wait|no\s+sorry|sorry|oops|i\s+mean|i\s+meant|"
    r"make\s+that|correction|scratch\s+that|or\s+rather|rather|"
    r"(?:actually|well)(?:\s*,?\s*(?:more\s+like|closer\s+to))?|more\s+like|no)\s*[,;:-]?\s*"
    r"(?P<b>\d+(?:[.,]\d+)?)(?![\d:/]|[.,]\d)(?P<v>\s*(?:min\w*|hrs?|hours?|h|km|k|miles?|mi|m|'|kg)"
    r"(?![a-z]))?"
)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "′": "'", "´": "'", "–": "-", "—": "-"})

# Typos are corrected only towards these long, distinctive words, so that "slipped" never
# becomes "skipped" nor "brushed" "crushed".
TYPO_TARGETS = (
    *WEEKDAYS,
    "yesterday",
    "achilles",
    "hamstring",
    "hamstrings",
    "strength",
    "exhausted",
    "knackered",
    "destroyed",
    "backpacking",
    "intervals",
    "repeats",
    "running",
    "hiking",
    "minutes",
    "plantar",
    "shattered",
)
TYPO_MIN_LENGTH = 6
# Common misspellings too short for the fuzzy matcher above.
MISSPELLINGS = {
    "ankel": "ankle",
    "ankels": "ankles",
    "ancle": "ankle",
    "kneee": "knee",
    "kneees": "knees",
    "calfs": "calves",
    "hammie": "hammy",
    "arvo": "afternoon",
    "jogd": "jogged",
    "hikd": "hiked",
}
TYPO_CUTOFF = 0.85

# A bare answer to the day's reminder: "yes ma'am 💪", "yep!", "nope", "nah sorry".
_REPLY_TAIL = r"(?:[\s,]+(?:ma'am|maam|sir|coach|boss|chief|mate|sorry|thanks)){0,2}[^\w]*$"
BARE_YES = re.compile(
    rf"^\W*(?:yes|yess+|yep|yup|yeah|yea|ya|sure\s+did|i\s+did|yes\s+i\s+did){_REPLY_TAIL}"
)
BARE_NO = re.compile(rf"^\W*(?:no|nope|nah|naw|nay|no\s+i\s+didn't|i\s+didn't){_REPLY_TAIL}")

REPORT_VERB = re.compile(
    r"\b(?:did|done|ran|hiked|walked|jogged|skipped|missed|finished|completed|went|got\s+back|"
    r"managed|bailed|rested|lifted|swam|cycled|was|were|felt)\b"
)
FUTURE_INTENT = re.compile(
    # "not gonna lie, it flattened me" is no plan.
    r"\b(?:will|gonna(?!\s+lie\b)|(?<!ended\sup\s)going\s+to(?!\s+lie\b)|going\s+for|plan\s+to|"
    r"planning|want\s+to|wanna|"
    r"tomorrow(?!'?s)|next\s+\w+|this\s+weekend|i'll|(?:he|she|they|we)'ll|about\s+to|"
    # "ill do strength after the kids are in bed": "I'll", typed without its apostrophe.
    rf"ill\s+(?:{vocabulary.VERBS_AFTER_ILL})\b|"
    r"heading\s+out|"
    r"not\s+yet|not\s+(?:done|did)\s+(?:\w+\s+){0,3}yet|hopefully|"
    r"doing\s+(?:\w+\s+){1,2}(?:tonight|later|this\s+(?:afternoon|evening))|"
    r"doing\s+it\s+(?:after|later|tonight|this\s+(?:afternoon|evening))|"
    r"(?:was|is)\s+(?:meant|supposed)\s+to\s+be\s+(?:today|this\s+morning)|"
    r"off\s+(?:out\s+)?(?:for\s+(?:a|an|my|the|some|today'?s)\b|to\s+do)|hoping\s+to|aiming\s+to|intend\w*|later\s+today|"
    r"later\s+on|shall|signed\s+up|sign\s+up|registered\s+for|entered\s+(?:the|a|my)|"
    r"race\s+(?:number|bib|entry|place)|got\s+(?:a|my)\s+(?:place|spot|entry)|"
    r"thinking\s+(?:of|about)|considering|booked|"
    # "got a 30k hike planned Saturday": a session still to come.
    r"planned\s+(?:for\s+)?(?:this\s+|next\s+)?(?:\w+day|tomorrow|the\s+weekend)\b|"
    # "I have a 10k race on Sunday"
    r"(?:i\s+have|i've\s+got|i\s+got|got)\s+an?\s+(?:\w+\s+){0,2}(?:race|event|trip|trek|wedding)"
    r"\s+(?:on|this|next|in|coming))\b"
)

# Pain: a site is painful when a pain word sits next to it, with only these words between.
_SIDE = r"(?:(?:my|the|both)\s+)?(?:(?:left|right|l|r)\s+)?"
PAIN_TOKENS: tuple[tuple[str, str], ...] = (
    ("implicit:shin", r"shin[\s-]*splint\w*"),
    (
        "implicit:toe",
        r"black\s+(?:toe)?nails?|(?:toe\s*)?nail\s+(?:is\s+)?(?:going|turning)\s+black",
    ),
    ("implicit:foot", r"plantar\s+fasc\w*|plantar"),
    ("implicit:knee", r"runner'?s\s+knee"),
    ("implicit:it_band", r"itbs|it[\s-]*band\s+syndrome"),
    # Medical names for a pain at one site: "medial tibial stress", "sciatica".
    ("implicit:shin", r"medial\s+tibial\s+stress(?:\s+syndrome)?|mtss|periostitis"),
    ("implicit:back", r"sciatica|lumbago"),
    ("implicit:knee", r"patellofemoral(?:\s+pain)?|pfps|chondromalacia|jumper'?s\s+knee"),
    ("implicit:foot", r"metatarsalgia|morton'?s\s+neuroma"),
    (
        "site:it_band",
        rf"(?:outside|outer\s+side|side)\s+of\s+{_SIDE}knees?|outer\s+knees?|"
        r"lateral\s+knees?|i\.?t\.?[\s-]*bands?|itb|iliotibial(?:\s+band)?",
    ),
    (
        "site:hamstring",
        rf"back\s+of\s+{_SIDE}(?:thighs?|legs?|upper\s+legs?)|hamstrings?|"
        r"hammys?|hammies|hams",
    ),
    (
        "site:achilles",
        # Dictation's "a kill ease", "a kill knees".
        rf"back\s+of\s+{_SIDE}(?:heels?|ankles?)|achill\w*|akill\w*|a\s+kill\s+(?:ease|es|is|knees|"
        r"lees|ees)|heel\s+cords?",
    ),
    (
        "site:knee",
        rf"back\s+of\s+{_SIDE}knees?|knees?|kneecaps?|patella\w*|"
        r"rodillas?|genoux?|knie|ginocchi[oa]|joelhos?|kolan[oa]",
    ),
    (
        "site:back",
        r"(?:lower|low|upper|mid)[- ]?back|backache|lumbar|(?<=my )back(?!\s+(?:of|to|down|"
        r"up|home|in|out|on|and|at|from|then|the)\b)|(?<=sore )back|(?<=bad )back|"
        r"(?<=crook )back|(?<=dodgy )back|"
        # "Back ok during, bit achy tonight": the back, heading its sentence.
        r"(?:^|(?<=[.!?;,]\s))back(?=\s+(?:ok|okay|fine|good|held\s+up|was|is|felt|feels)\b)|"
        r"backs?(?=(?:'s(?:\s+been)?|\s+(?:is|was|has\s+been|feels|felt|still|a\s+bit))?"
        r"(?:\s+(?:really|very|so|quite|pretty|badly|properly|a\s+bit|slightly|a\s+little|little))?"
        r"\s+(?:pain\w*|ache\w*|achy|"
        r"aching|spasm\w*|sore|hurt\w*|killing|tweaked|tweaky|twingy|stiff|niggl\w*|injur\w*|playing\s+up|"
        r"acting\s+up|flar\w+|bother\w*|grumbl\w*|twing\w*|locked|seized|went|gone\s+again|"
        r"bad|dodgy|tight|back\s+to\s+normal|fine|better|sorted|good\s+again|ok\s+again))|"
        r"spine",
    ),
    (
        "site:ankle",
        r"ankles?|tobillos?|chevilles?|knöchel|knoechel|enkels?|cavigli[ae]|tornozelos?",
    ),
    ("site:shin", r"shins?|tibias?|tibial|espinillas?|schienbein"),
    (
        "site:calf",
        r"calf|calves|calfs|calve|gemelos?|mollets?|waden?|polpacci?o?|panturrilhas?|kuiten?",
    ),
    ("site:hip", r"hip\s+flexors?|hips?|caderas?|hanches?|hüften?|huefte|heupen?|quadris?"),
    ("site:glute", r"glutes?|glute\s+med\w*|piriformis|butt\s+cheeks?|buttocks?|bum\s+muscles?"),
    ("site:groin", r"groin|adductors?|inner\s+thighs?"),
    ("site:toe", r"big\s+toes?|toes?|toenails?"),
    ("site:neck", r"neck"),
    ("site:shoulder", r"shoulders?|shoulder\s+blades?|traps"),
    (
        "site:foot",
        r"foot|feet(?!\s+up\b)|arch(?:es)?|heels?|ball\s+of\s+(?:my\s+)?"
        r"foot|metatarsals?|soles?|insteps?",
    ),
    ("site:quad", r"quads?|quadriceps?|thighs?"),
    # Someone else's body: "my partner's ankle gave way".
    (
        "other",
        r"(?:partner|wife|husband|friend|mate|buddy|pal|dog|son|daughter|kid|child|boyfriend|"
        r"girlfriend|mum|mom|dad|brother|sister|someone|somebody|he|she|colleague|flatmate|"
        r"roommate|housemate|neighbou?r|cousin|niece|nephew|grandson|granddaughter|"
        r"companion|hiking\s+buddy)(?:'s|s')?|his|her|their",
    ),
    # Fine for some things only: "fine for walking" does not clear a running block.
    (
        "qualifier",
        r"for\s+(?:walking|walks?|hiking|hikes?|everyday|normal\s+life|daily\s+life|"
        r"day\s+to\s+day|stairs|the\s+stairs)|(?:when|while)\s+walking|to\s+walk(?:\s+on)?|"
        # "hip was fine until the last 10 min then twinged": fine only for a while.
        r"until|till|up\s+to|for\s+the\s+first|at\s+first|to\s+start\s+with|at\s+the\s+start|"
        r"to\s+begin\s+with|initially|"
        r"on\s+(?:the\s+)?flat|at\s+rest|walking(?=\s+(?:but|though|,))",
    ),
    (
        "gone",
        r"gone(?!\s+(?:black|purple|blue))|went\s+away|disappeared|cleared(?:\s+up)?|free|vanished|"
        r"subsided|settled|"
        r"eased(?:\s+off)?|no\s+more|anymore|any\s+more",
    ),
    (
        "trigger",
        r"pain|pains|painful|paining|pained|hurt|hurts|hurting|sore|soreness|ache|aches|ached|aching|"
        # The same in the languages of hikers writing from abroad.
        r"dolor|duele|molesta|molestia|douleur|douloureu(?:x|se)|schmerz\w*|zwickt|zwicken|"
        r"dolore|dolorante|dói|dor|doendo|reclamando|pijn|pijnlijk|boli|bolało|"
        r"(?:been|is|was|feels|felt)\s+(?:really\s+|pretty\s+|quite\s+)?bad\b(?!\s+(?:at|for|about|luck))|"
        r"(?:is|'s|are)\s+back\b(?!\s+(?:to|home|on|in|at|from|out|up|down))|😕|😟|tweaky|twingy|"
        r"(?<=\bbit\s)off\b|(?<=\bfelt\s)off\b|(?<=\bfeels\s)off\b|"
        r"(?:resting|icing|strapping|taping)(?=\s+(?:the|my)\s)|grabbed|grabbing|tugg(?:ed|ing)|pingy|locked(?:\s+up)?|seized(?:\s+up)?|went(?=\s*(?:[.!?,;]|$|\s+(?:on\s+me|again|pop|ping)))|twang\w*|not\s+(?:very\s+)?happy|unhappy|angry|cricked|crick|"
        r"set\s+(?:it|them)\s+off|(?<=a\s)pull\b|(?<=little\s)pull\b|"
        r"achy|tweak|tweaked|twinge\w*|niggl\w*|injur\w*|swollen|swelling|puffy|bite|biting|sprain\w*|rolled|twisted|"
        r"tender|strain|strained|pulled|bruised|cramp\w*|throbb\w*|killing\s+me|acting\s+up|"
        r"playing\s+up|flared(?:\s+up)?|flaring(?:\s+up)?|flare[- ]up|bother\w*|bugging\s+me|"
        r"complain\w*|tendinitis|tendonitis|tendinopathy|tendinosis|bursitis|"
        r"fasciitis|spasms?|inflamed|inflammation|jarred|"
        r"issues?|problems?|trouble|🤕|😬|😣|😖|grazed|scraped|gashed|killed|crook|"
        # Pain as an event: "something went in my calf", "went over on my ankle".
        r"something\s+went|something'?s\s+(?:off|wrong|not\s+right)\s+with|went\s+over(?:\s+on)?|went\s+on\s+(?:a|the|me)|gave\s+(?:way|out)|"
        # Sensations at a site: "arch started burning", "a pinch in the groin", "went ping".
        r"throbb\w*|throbs|pinch\w*|sting\w*|stabb\w*|stabby|went\s+ping|ping|numb\w*|tingl\w*|"
        r"pins\s+and\s+needles|hurt\s+like|"
        r"pinged|popped|twanged|pop|tightened(?:\s+(?:right\s+)?up)?|talking\s+to\s+me|"
        r"making\s+(?:noises|itself\s+known|its\s+presence\s+felt)|letting\s+me\s+know|"
        r"said\s+no|says\s+no|saying\s+no|had\s+(?:had\s+)?enough|protest\w*|object\w*|"
        r"grumpy|cranky|unhappy|moaning|ouchy|ouch|owie|"
        r"pulling(?:\s+sensation)?|"
        r"didn'?t\s+like|did\s+not\s+like|doesn'?t\s+like|does\s+not\s+like|felt\s+off|"
        r"feels?\s+off|feeling\s+off|not\s+sitting\s+right|meh|"
        r"being\s+(?:weird|funny|odd|strange|a\s+pain|annoying|difficult|dodgy)|"
        # A complaint hedged is still one: "not pain exactly, just not sitting right".
        r"not\s+(?:really\s+)?pain\s+exactly|not\s+exactly\s+(?:a\s+)?pain|feels?\s+(?:weird|funny|odd|strange)|"
        r"felt\s+(?:weird|funny|odd|strange)|(?:was|is|been|were)\s+at\s+me|"
        # "my left calf went, like someone flicked it": gone, as an event.
        r"went(?=\s*[,!]|\s+(?:on\s+me|like\s+(?:a|someone|something)|pop|twang|ping))|(?:gone|going|turned)\s+(?:black|purple|blue)|"
        r"still\s+there|not\s+gone(?:\s+yet)?|came\s+back|coming\s+back|come\s+back|back\s+again|"
        r"turned|knocked|banged|whacked|bashed|smacked|clicking|clicked|grinding|"
        # Tightness and stiffness at a site are what a coach watches before an injury.
        r"tight|tighter|tightness|stiff|stiffer|stiffness|grumbl\w*|twing\w*|dodgy|iffy|wonky|worse|"
        r"sharp|"
        r"knotted|locked\s+up|seized\s+up|tweaky|barking|shredded|nippy|started\s+up(?:\s+again)?|"
        # "stopped because of my knee": the cause of stopping is a pain.
        r"because\s+of|cos\s+of|due\s+to|"
        # Better, yet still there: "better but not right yet", "not 100% yet".
        r"not\s+(?:quite\s+)?(?:right|100%|there)(?:\s+yet)?",
    ),
    (
        "neg",
        r"no\s+longer|not\s+any\s+more|no|not|never|zero|without|hardly|nothing|barely\s+any|\w+n't|didnt|wasnt|isnt|"
        r"doesnt|dont|arent|werent",
    ),
    (
        "pos",
        r"stopped\s+(?:hurting|aching|bothering\s+me|being\s+sore)|(?:as\s+)?good\s+as\s+new|"
        r"right\s+as\s+rain|"
        r"fine|good|great|ok|okay|better|strong|solid|happy|perfect|100%|healed|recovered|"
        r"grand|amazing|awesome|normal|all\s+good|no\s+issues|👍",
    ),
    (
        "filler",
        r"my|the|left|right|both|is|was|are|were|a|bit|little|lil|super|really|very|so|"
        r"quite|pretty|kinda|kind|of|slightly|slight|still|been|felt|feels|feeling|feel|got|"
        r"getting|get|started|starting|to|and|also|too|abit|some|mild|minor|in|on|around|behind|"
        r"at|near|side|outer|inner|front|i|me|have|has|had|bad|badly|again|real|mega|tiny|that|"
        r"it|they|them|then|much|way|lot|loads|heaps|area|tendon|tendons|muscle|muscles|joint|"
        r"joints|legs|leg|body|up|sort|something|smth|sth|flexors?|"
        r"\d{1,2}\s*/\s*10|\d{1,2}\s+out\s+of\s+10|"
        r"all|totally|completely|fully|entirely|absolutely|utterly|seriously|properly|def|definitely|fkn|fucking|bloody|damn|"
        r"like|now|today|afterwards|after|during|while|be|finally|'s|s|went|turned|began|touch|gave|small|"
        r"give|gives|giving|particular|especially|mainly|mostly|thing|seems|seemed|thats|ball|arch|"
        r"sole|heel|bottom|top|black|purple|&|tho|click|clicked|clicking|nails?|"
        # Sides and "a bit" in the languages of hikers writing from abroad.
        r"derech[ao]|izquierd[ao]|droite?|gauche|links|rechts|destr[ao]|sinistr[ao]|"
        r"direit[ao]|esquerd[ao]|linker|rechter|un|peu|poco|po|pouco|um|ein|bisschen|wenig|een|"
        r"beetje|mi|mir|est|ist|es|è|é",
    ),
    # Worn-out words: effort on muscles ("calves are toast"), a complaint at a joint
    # ("knees are toast", "feet wrecked").
    (
        "fatigue",
        r"toast|cooked|wrecked|smashed|destroyed|shot|fried|trashed|battered|ruined|"
        # Burning is effort in a muscle ("calves burning on the climb"), pain at a joint or foot.
        r"burning|burn|burns|burned|burnt|on\s+fire|screaming",
    ),
    ("stop", r"but|though|however|otherwise|except|apart\s+from"),
)
PAIN_TOKEN = re.compile(
    "|".join(
        rf"(?P<t{i}>(?<![\w'])(?:{pattern})(?:'s|')?(?![\w']))"
        for i, (_, pattern) in enumerate(PAIN_TOKENS)
    )
    + r"|(?P<list>[,&+/:()-])|(?P<end>[.;!?\n])|(?P<word>[\w'%]+|[^\s\w])"
)
PAIN_WINDOW = 8
# A site named bare as why a session stopped: "bailed after 15 min, calf".
STOPPED_FOR_SITE = re.compile(
    r"\b(?:bailed|stopped|turned\s+back|turned\s+round|pulled\s+up|cut\s+(?:it\s+)?short|"
    r"skipped|missed|skipping|no\s+(?:run|hills|hike)(?:\s+today)?|^\W*(?:no|nope|nah)|"
    r"had\s+to\s+stop|called\s+it|packed\s+(?:it\s+)?in|dnf|limped\s+home|hobbled\s+home|"
    r"cut\s+(?:it|the\s+(?:\w+\s+){0,2}?\w+)\s+(?:short\s+)?(?:at|after)\s+\w+)\b"
    r"[^.!?\n]{0,30}?(?:,|-|:|\.|\bcos\b|\bbecause\b|\bb/c\b|\bbc\b|\bdue\s+to\b|\bcoz\b)\s*"
    r"(?:(?:my|the|left|right|a|dodgy|bad)\s+)*"
    r"(?P<site>[a-z]+(?:\s+band)?)\s*(?:[.!?,;]|$|\bagain\b|\bplaying\b)"
)
# Tightness told as no pain: "calf a bit tight but not painful", "tight? not painful just tight".
TIGHT_NOT_PAINFUL = re.compile(
    # "calves were tight but thats just my calves, not pain", "tightness, not pain, just tight",
    # "stiff ... but it isn't hurting", "tight but good tight".
    r"\b(?:tight|tighter|tightness|stiff|stiffer|stiffness)\b[^.!?\n]{0,50}?\b(?:not|isn'?t|wasn'?t|"
    r"aren'?t|weren'?t)\s+(?:really\s+)?(?:pain|painful|hurting|sore)\b|"
    r"\b(?:tight|stiff)\s+but\s+(?:a\s+)?good\s+(?:tight|stiff)\b|"
    r"\b(?:sore|achy|aching|stiff|tight)\b[^.!?\n]{0,40}?\bbut\s+nothing\s+(?:sharp|painful|serious)\b|"
    r"(?<!still\s)(?<!still\sa\sbit\s)\b(?:tight|tighter|stiff|stiffer)\b[^.!?\n]{0,40}?\bbut\s+"
    r"(?:nothing\s+painful|ok|okay|fine|normal)\b(?!\s+(?:to|for)\b)|"
    r"\b(?:tight|tighter|stiff|stiffer)\W+(?:\w+\W+){0,2}?not\s+(?:painful|sore|pain)\W+(?:just|only)\s+"
    r"(?:a\s+bit\s+)?(?:tight|stiff)\b|"
    # "knees a bit sore coming down but not painful, if that makes sense".
    r"\b(?:sore|achy|tight|stiff)\s+(?:\w+\s+){0,3}(?:but|though)\s+not\s+(?:really\s+)?painful\b|"
    r"\b(?:tight|tighter|tightness|stiff|stiffer|stiffness)\s+(?:but|though)\s+(?:it's\s+|"
    r"it\s+is\s+|was\s+|is\s+)?(?:not|never|no)\s+(?:really\s+|actually\s+)?"
    r"(?:painful|sore|pain|hurting|hurt)\b"
    # "sore calves but nothing painful"
    r"|\b(?:sore|achy|aching|tight|stiff)\s+(?:\w+\s+){0,2}(?:but|though)\s+"
    r"(?:nothing|no(?:\s+(?:actual|real))?)\s+(?:painful|pain|injury)\b"
)
# Soreness told as the normal kind: "calves screaming after but in a normal way".
NORMAL_SORENESS = re.compile(
    r"(?:(?!\band\b)[^.!?,;\n]){0,50}?\b(?:in\s+a\s+(?:normal|good|healthy)\s+way|(?:normal|good|healthy)\s+"
    r"(?:sore|soreness|ache|achy|tired)|the\s+good\s+kind|(?:the\s+|my\s+)?usual\s+(?:tight|sore|"
    r"achy|stiff|heavy|tired)\s+\w+|(?:but\s+)?i\s+think\s+(?:that'?s|it'?s)\s+(?:just\s+|probably\s+)?normal|"
    r"(?:but\s+)?(?:that'?s|thats|it'?s|its)\s+(?:just\s+|probably\s+)?normal\s+i\s+think|"
    # Stiffness that wore off as usual: "stiff in the lower back, went once I'd warmed up".
    r"(?:stiff|stiffness|tight|tightness)[^.!?\n]{0,90}?\b(?:went|eased|loosened(?:\s+up)?|wore\s+off|"
    r"disappeared|fine|ok|okay|good)\s+(?:once|after|when|as)\s+(?:i'?d\s+|i\s+)?(?:warmed\s+up|"
    r"\d+\s*(?:min|mins|minutes)|a\s+(?:few|couple\s+of)\s+min\w*))\b"
)
# Both legs' muscles sore from an earlier session are its soreness, not an injury: "quads are
# sore from saturday" ("glute still sore from Thursday" lingers on one side, and is pain).
MUSCLES_SORE_FROM = re.compile(
    r"(?<!still\s)\b(?:quads|calves|hamstrings|hammies|glutes|thighs)\s+(?:are\s+|were\s+|feel\s+|"
    r"a\s+bit\s+|bit\s+|pretty\s+|quite\s+|really\s+|so\s+|a\s+little\s+)*(?:sore|stiff|achy|"
    r"aching|tired|heavy|tight)\s+(?:from|after)\b"
)
# The pain a site had, told as which site it is: "the knee that was sore on Saturday is fine
# now" tells of the knee now.
WAS_SORE_CLAUSE = re.compile(
    r"\b(?:that|which)\s+(?:(?:was|were|had\s+been|got)\s+[^.!?\n,]{0,20}?\b(?:sore|hurting|aching|"
    r"achy|painful|niggling|tight|stiff|playing\s+up|bothering\s+me|bugging\s+me|grumbling)|"
    r"(?:bothered|hurt|ached|niggled|troubled|plagued)\s+me)\b"
    r"[^.!?\n,]{0,25}?"
    r"(?=\s+(?:is|are|feels|feel|felt|seems|seemed|was|has)\s+(?:\w+\s+)?(?:fine|ok|okay|good|better|"
    r"great|grand|perfect|much\s+better|back\s+to\s+normal)\b)"
)
# An injury of long ago told as which site it is: "the knee that I had surgery on years ago
# started throbbing" tells of the knee now; the clause is blanked.
PAST_INJURY_CLAUSE = re.compile(
    r"\b(?:that|which|i)\s+(?:i\s+)?(?:had\s+(?:surgery|an?\s+op\w*)\s+on|injured|hurt|broke|"
    r"sprained|tore|pulled|did|rolled|strained)\b[^,.;!?\n]{0,30}?\b(?:years?\s+ago|"
    r"last\s+(?:year|month|spring|summer|autumn|winter)|in\s+(?:19|20)\d\d|back\s+in\s+\w+|"
    r"in\s+(?:jan|january|feb|february|march|april|june|july|aug|august|sept?|september|oct|"
    r"october|nov|november|dec|december))\b"
)
# Still hurting: an old injury that is not over ("the ankle I turned last week is still aching").
STILL_HURTS = re.compile(
    r"\bstill\s+(?:a\s+bit\s+|quite\s+|really\s+|slightly\s+)?(?:aching|achy|sore|hurting|hurts|painful|"
    r"tender|swollen|niggling|bothering\s+me|grumbling|playing\s+up)\b"
)
# A complaint taken back in the same sentence: "calves were screaming but no actual pain",
# "feet sore but that's just the distance, nothing actually hurts", "clicked but it doesn't
# hurt". Not "no pain in the hip", which names a site of its own.
# "no knee, shin or Achilles issues at all": every site of the list denied.
NO_SITES_LISTED = re.compile(
    r"\bno\s+(?:[a-z]+(?:\s+band)?\s*(?:,|\bor\b|\band\b)\s*){1,4}[a-z]+(?:\s+band)?\s+"
    r"(?:issues?|problems?|pain|trouble|niggles?|complaints?)\b"
)
# "the shin problem I had in week 5 has not come back": an old complaint, over.
PAIN_NOT_BACK = re.compile(
    r"[^.!?\n]*\b(?:has\s+not|hasn'?t|have\s+not|haven'?t|has\s+never|never)\s+(?:come|came)\s+back\b"
)
# "even the dodgy ankle behaved", "the old IT band issue didn't show up": no pain today.
PAIN_STAYED_AWAY = re.compile(
    r"[^.!?\n]*\b(?:behaved|held\s+up|(?:didn'?t|did\s+not|never)\s+(?:show\s+up|appear|flare\s+up|"
    r"return|complain|play\s+up))\b"
)
# "calves tight afterwards, the usual": the tightness that always comes.
USUAL_TIGHTNESS = re.compile(
    r"\b(?:tight|stiff|sore|achy)\w*(?:\s+\w+){0,2}?\s*,?\s*(?:the\s+usual|as\s+usual|as\s+always)\b"
)
PAIN_TAKEN_BACK = re.compile(
    r"[^.!?\n]*?\b(?:but|though)\s+(?:there'?s\s+|there\s+was\s+|there\s+is\s+)?(?:no\s+(?:actual\s+|real\s+)?pain"
    r"(?!\s+(?:in|on|at|from)\b)|(?:[^.!?\n]{0,40}?\b)?nothing\s+(?:actually\s+|really\s+)?hurts|"
    r"(?:it\s+|they\s+)?(?:doesn'?t|does\s+not|didn'?t|did\s+not|don'?t)\s+hurt|"
    r"not\s+(?:actually\s+|really\s+)?painful)|"
    r"[^.!?\n]*?,\s*no\s+(?:actual\s+|real\s+)?pain\s+though\b"
)
# "knee's fine now", "pain's gone", "no pain": the reported pain has cleared.
# "the hamstring tightness I mentioned on Saturday has gone": that site, cleared.
MENTIONED_GONE = re.compile(
    r"\b(?P<site>[a-z]+(?:\s+band)?)\s+(?:tightness|stiffness|soreness|niggle|pain|ache|twinge|"
    r"issue|problem)\s+"
    r"(?:i|i've|i\s+have|that\s+i)\s+"
    r"(?:mentioned|told\s+you\s+about|had|been\s+having)\b[^.!?\n]{0,30}?\b(?:has|have|is|'s)\s+"
    r"(?:now\s+|completely\s+|totally\s+|finally\s+)?(?:gone|cleared|settled)\b"
    # "The knee pain I had last week? Gone, nothing at all."
    r"|\b(?P<site2>[a-z]+(?:\s+band)?)\s+(?:pain|niggle|ache|soreness|twinge|tightness|issue|"
    r"problem|thing)\s+i\s+(?:had|mentioned)\b"
    r"[^.!?\n]{0,30}\?\s*(?:all\s+|completely\s+|totally\s+)?gone\b"
)
PAIN_CLEARED = re.compile(
    r"\b(?:pain|soreness|niggle|ache|twinge|injury)s?(?:'s|\s+is|\s+are|\s+has|\s+have|\s+was|"
    r"\s+seems?\s+to\s+(?:have|be))?"
    r"\s+(?:all\s+|"
    r"completely\s+|totally\s+|finally\s+|now\s+)?(?:gone|cleared|disappeared|went\s+away|"
    r"vanished|healed|settled)|\bno\s+longer\s+(?:hurts?|sore|aching|painful)|"
    r"\bno\s+more\s+(?:pain|niggles?|aches?|soreness|twinges?|issues)|"
    # "whatever was sore last week is gone now"
    r"\b(?:whatever|what|the\s+thing\s+that)\s+was\s+(?:sore|hurting|aching|niggling|bothering\s+me)"
    r"\b[^.!?\n]{0,25}?\b(?:is|has|'s)\s+(?:all\s+|now\s+)?(?:gone|cleared|sorted)|"
    r"\bpain[- ]free\s+(?:\w+\s+){0,2}(?:now|again|at\s+last|finally|for\s+the\s+first\s+time)|"
    r"\b(?:doesn't|didn't|don't|no\s+longer|not)\s+(?:hurt|hurting|sore|ache|aching)\w*\s+"
    r"(?:anymore|any\s+more)|\b(?:healed|cleared\s+up|all\s+better|back\s+to\s+normal|"
    r"fully\s+recovered|sorted\s+(?:itself\s+)?out)\b"
)
# A site is cleared by words of change: "fine now", "grand again", "first time in weeks".
PAIN_CHANGE = re.compile(
    r"\b(?:now|again|anymore|any\s+more|no\s+longer|first\s+time|at\s+last|finally|for\s+days|"
    r"for\s+a\s+week|for\s+weeks|all\s+week|this\s+time|these\s+days|since|back\s+to\s+normal|"
    r"recovered|healed|better|sorted|last\s+(?:week|time|run|hike)|"
    r"settled|gone|cleared|(?:is|was)\s+a\s+first|for\s+once|as\s+new|stopped\s+hurting)\b|100%"
)
# A pain of last week is over only when said to be: "the ankle I rolled last week is all good
# now"; "sprained my ankle last week, just a walk today" still hurts.
RECENT_PAST = re.compile(r"\blast\s+week\b")
# An old pain now over: "the sprain from last month is totally healed".
PAST_PAIN_HEALED = re.compile(
    r"\b(?:healed|recovered|gone|cleared(?:\s+up)?|sorted|fine\s+now|better\s+now|good\s+now|"
    r"cleared\s+(?:me\s+)?(?:to|for)\s+(?:run|running|train|training|hike|hiking)|"
    r"all\s+good|ok\s+now|okay\s+now|"
    r"back\s+to\s+normal)\b"
)
# "No pain at all today, first time in ages": with words of change, an all-clear.
NO_PAIN = re.compile(
    r"\b(?:no|zero)\s+(?:pain|niggles?|aches?|soreness)\b|\bnothing\s+(?:hurt|hurts|ached|was\s+sore)\b"
)
# Pain that belongs to the past: "had shin splints in my twenties".
PAST_PAIN = re.compile(
    r"\b(?:used\s+to|years?\s+ago|last\s+(?:year|month|summer|winter|spring|autumn)|"
    r"cleared\s+(?:me\s+)?(?:to|for)\s+(?:run|running|train|training|hike|hiking)|"
    r"in\s+my\s+(?:teens|twenties|thirties|forties|fifties|youth)|back\s+in\s+(?:the|\d)|"
    r"when\s+i\s+(?:was|tried|started|first|used)|a\s+while\s+(?:ago|back)|months?\s+ago|"
    r"previously|in\s+the\s+past|history\s+of|old\s+injury|years\s+back|"
    # "old achilles niggle from 2023": an injury of the past, named as such.
    r"old\s+(?:\w+\s+)?(?:niggle|injury|problem|issue|strain|sprain)|from\s+20\d\d)\b"
)
# A session named as the cause of something is not this check-in's session: "sore after
# yesterday's hill reps".
CAUSE_BEFORE = re.compile(
    r"\b(?:after|from|since|following|because(?:\s+of)?|(?:cos|coz|cuz)(?:\s+of)?|as)\s+"
    r"(?:(?:yesterday'?s|last\s+night'?s|\w+day'?s|the|my|that|"
    r"those|all\s+the|this\s+morning'?s|last\s+week'?s|saturday|sunday)\s+)+$"
)

# Illness: rest today, no guilt. "A cold" is an illness, "a cold morning" is weather.
_WEATHER_AFTER_COLD = (
    r"(?!\s*(?:morning|afternoon|evening|night|day|one|start|wind|rain|snap|spell|front|"
    r"weather|air|water|hands?|feet|fingers|toes|out\b|outside|and\s+(?:wet|windy|rainy|icy|"
    r"frosty|damp|grey|gray|dark|sunny|bright|clear|crisp|misty|foggy|blowy|miserable))|"
    r"[- ](?:ish|ly)\b)"
)
_ILLNESS = (
    r"(?:an?|my|this|bad|heavy|nasty|stinking|stinker\s+of\s+a|streaming|horrible|rotten|chesty|"
    r"head|chest|summer|winter|man|awful|proper|full[- ]blown|bit\s+of\s+a|touch\s+of\s+a|"
    rf"the\s+kids'?|a\s+kids'?)\s+cold\b{_WEATHER_AFTER_COLD}|"
    r"\bgastro\b|(?:feeling|feel|felt|been|am|i'm|bit|pretty|real|so)\s+crook\b|\bcrook\s+as\b|"
    r"\bcold\s+(?:coming\s+on|symptoms|and\s+cough|sores?)|\bcaught\s+(?:a|the|my\s+\w+'s)\s+\w*\s*cold|"
    r"\b(?:man\s+)?flu\b|influenza|(?<!hay\s)\bfever\b|feverish|"
    r"(?:an?|high|slight|bit\s+of\s+a|got\s+a)\s+temp(?:erature)?\b|"
    r"\btemp(?:erature)?\s+(?:of\s+|was\s+|is\s+|at\s+)?3[7-9]|full\s+of\s+(?:a\s+)?cold\b|"
    r"running\s+a\s+(?:temp(?:erature)?|fever|high\s+temp\w*)|"
    r"\b(?:chest|sinus|ear|throat|stomach|respiratory|viral)\s+infection|\binfection\b|"
    r"\bcovid\b|\bcovid-?19\b|\bcorona(?:virus)?\b|tested\s+positive|\bvirus\b|\bviral\b|"
    r"(?<!almost\s)(?<!nearly\s)(?<!felt\s)(?<!up\s)(?<!of\s)(?<!in\s)\bsick\b(?!\s+(?:of|on|at|during|views?|trail|day\s+out|lines?|"
    r"descent|run|hike|climb)\b)|(?:feeling|feel|felt|been|being|was|am|i'm)\s+sick\b(?!\s+(?:of|on|at|"
    r"after|near|up|during|going)\b)|"
    rf"\bill\b(?![- ]fitting|[- ]timed|[- ]advised|\s+(?:{vocabulary.VERBS_AFTER_ILL})\b)|"
    r"\billness\b|\bpoorly\b|"
    r"under\s+the\s+weather|\blurgy\b|tonsillitis|sore\s+throat|strep\s+throat|"
    r"(?:stomach|tummy|gastro|winter|vomiting|norovirus)\s+bug|\bnoro(?:virus)?\b|"
    r"(?:picked\s+up|caught|got|have|has|had|with|fighting)\s+(?:a|the)\s+(?:\w+\s+)?bug\b|"
    r"stomach\s+upset|upset\s+stomach|dodgy\s+(?:stomach|tummy)|\bshivers\b|"
    r"food\s+poisoning|vomiting|throwing\s+up|bronchitis|pneumonia|laryngitis|"
    r"\bcoughing\b|\bcough\b|runny\s+nose|blocked\s+nose|streaming\s+nose|"
    r"\bnose\s+(?:is\s+|was\s+|keeps\s+|won't\s+stop\s+)?(?:running|streaming|dripping)\b|congest\w*|sniffles|snotty|"
    r"\bchills\b|shivery|aching\s+all\s+over|achy\s+all\s+over|migraine|sinusitis|"
    r"gastroenteritis|\bshingles\b|🤒|🤧|"
    # "there's a bug going round the office and guess who caught it".
    r"\bbug\s+(?:going\s+(?:round|around)|doing\s+the\s+rounds)\b[^.!?\n]{0,40}?\b(?:caught|got)\s+it\b|"
    # "temp and aches everywhere".
    r"\btemp\s+and\s+(?:aches|chills|shivers|a\s+cough|sore\s+throat)\b"
)
ILLNESS = re.compile(_ILLNESS)
ALLERGY = re.compile(r"\bhay\s*fever\b|\ballerg\w*|\bpollen\b|\bantihistamines?\b")
ALLERGY_LIKE = re.compile(
    r"🤧|runny\s+nose|blocked\s+nose|streaming\s+nose|sniffles|snotty|congest\w*|"
    r"nose\s+.*(?:running|streaming|dripping)"
)
# An illness that is over ("first run after the flu") or someone else's ("the kids are sick").
ILLNESS_OVER_BEFORE = re.compile(
    r"\b(?:after|over|recovered\s+from|recovering\s+from|shaken\s+off|shook\s+off|post|since|"
    r"following|back\s+from|beaten|beat|kicked|got\s+rid\s+of|free\s+of|clear\s+of)\s+"
    r"(?:(?:the|my|a|that|this|his|her|their|bout\s+of|being|with|a\s+bout\s+of|\w+)\s+){0,2}$"
)
# Someone else is ill: "kids sick", "husband's got covid", "the whole house has flu".
ILLNESS_SOMEONE_ELSE_BEFORE = re.compile(
    r"\b(?:kids?|kiddo|little\s+one|youngest|eldest|twins|son|daughter|partner|wife|husband|"
    r"hubby|wifey|other\s+half|missus|fianc[eé]e?|flatmate|housemate|roommate|grandkids?|"
    r"grandson|granddaughter|niece|nephew|"
    r"boyfriend|girlfriend|family|house|household|"
    r"mum|mom|dad|everyone|child|children|baby|toddler|he|she|they|colleague|friend|mate|"
    r"littlest|oldest|middle\s+one|bub|"
    # "Alfie's got a streaming cold": someone named.
    r"(?!i'|it')[a-z]+'s(?=\s+(?:got|caught|come\s+down|down\s+with)))(?:'?s)?"
    r"\s+(?:(?:is|are|was|were|got|has|have|had|off|been|home|all|both|now|down\s+with|with|"
    r"school|nursery|work|up|twice|all\s+night|small|slight|mild|little|nasty|bad|high|"
    r"come\s+down\s+with|caught|the|a|whole)\s+){0,5}$"
)
# "sick kid", "poorly husband": someone else's illness, told before them.
ILLNESS_OF_ANOTHER_AFTER = re.compile(
    r"\s+(?:kid|kids|child|children|baby|toddler|son|daughter|partner|wife|husband|hubby|mum|mom|dad|"
    r"dog|cat|family|household|house|little\s+one)\b"
)
# An illness denied: "no fever or anything, just tired", "not ill".
ILLNESS_DENIED_BEFORE = re.compile(r"\b(?:no|not|without|nor|never)\s+(?:a\s+|any\s+)?$")
ILLNESS_OVER_AFTER = re.compile(
    r"(?:'s|\s+is|\s+has|\s+was)?\s+(?:(?:finally|now|all)\s+)?(?:gone|"
    r"over(?!\s+(?:the\s+)?(?:weekend|last|past|night|holidays?|christmas|easter|summer))|cleared|better|done|"
    r"behind\s+me|passed)\b"
)
# "Sick" as praise, not illness: "the run today was sick", "that descent was sick".
ILLNESS_PRAISE_BEFORE = re.compile(
    r"\b(?:run|hike|session|trail|trails|views?|descent|route|loop|ridge|day|that|it|this|which)"
    r"\s+(?:\w+\s+)?(?:was|is|were|looked|looks|'s)\s+(?:so\s+|pretty\s+|proper\s+|well\s+|"
    r"absolutely\s+|honestly\s+|actually\s+)?$"
)
# Words that stand for illness but read as training words: "running a temperature".
ILLNESS_NOT_TRAINING = re.compile(
    r"\brunning(?=\s+a\s+(?:temp|fever|high\s+temp))|(?<=\bnose\s)\s*(?:is\s+|was\s+|keeps\s+)?running"
)

# Climb, pack weight and distance. A quantity may group thousands ("1,200") or carry decimals
# ("12.5", "6,5"); `k` multiplies by a thousand ("4k ft", "1.2k of climbing").
QUANTITY = (
    r"(?P<q>(?<![\d.,:])(?:\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)(?![\d]))"
    r"(?P<k>\s*k(?=\s*(?:ft|feet|metres|meters)|\s+m\b))?"
)
_ABOUT = (
    r"(?:(?:was|of|about|around|roughly|approx\.?|nearly|almost|over|just\s+over|under|~|:|=|"
    r"a\s+total\s+of|total)\s*)*"
)
_CLIMB_WORD = (
    r"(?:of\s+)?(?:(?:total\s+)?(?:climb\w*|ascent|ascending|gain(?:ed)?|elevation(?:\s+gain)?|elev|"
    r"vert(?:ical)?|height\s+gain|up(?:hill)?|d\s*\+|ascent)\b|d\+|up\b|\+)"
)
_CLIMB_UNIT = r"(?P<u>m|metres|meters|mtrs|ft|feet|foot|')(?![a-z])"
CLIMB_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "1,200 m up", "4000 ft of gain", "900m D+"
    re.compile(rf"\+?{QUANTITY}\s*{_CLIMB_UNIT}\.?\s*(?:of\s+)?(?:total\s+)?{_CLIMB_WORD}"),
    # "climbed 750 metres", "elevation gain 650m", "ascent: 800 m"
    re.compile(
        r"\b(?:climb(?:ed|ing)?|ascent|ascended|gain(?:ed)?|elevation(?:\s+gain)?|elev|vert(?:ical)?|"
        r"height\s+gain|d\+|total\s+ascent|went\s+up|up)\s*"
        rf"{_ABOUT}{QUANTITY}\s*{_CLIMB_UNIT}"
    ),
    # "+1100m"
    re.compile(rf"(?<![\w+])\+\s*{QUANTITY}\s*{_CLIMB_UNIT}"),
    # Feet are always height on a hike: "3000 ft", "2,500 feet".
    re.compile(rf"{QUANTITY}\s*(?P<u>ft|feet)(?![a-z])"),
)
# A bare height in metres in a hike's summary ("4.5 hrs, 14 km, 900 m"): the climb, told only
# beside hours or a distance; never a sprint ("400 m repeats"), a descent or a last stretch.
BARE_CLIMB = re.compile(
    r"(?<![\d.,/x×])(?<!last\s)(?<!first\s)(?<!final\s)(?<!every\s)(?<!each\s)"
    r"(?P<q>\d{1,2},\d{3}|\d{3,4})\s*(?P<u>m|metres|meters)(?![a-z])"
    r"(?!\s*(?:repeats?|reps?|sprints?|intervals?|strides|swim|from|to|away|long|descent|down|"
    r"asl|altitude|high|above|below|of\s+descent)\b)"
)
BARE_CLIMB_MIN, BARE_CLIMB_MAX = 150, 9000
# A height that is a summit's, not the climb: "summit's 886m", "the top is 1,085 m".
BARE_CLIMB_NOT_BEFORE = re.compile(
    r"\b(?:summit|peak|top|height|altitude|tall|high|stands\s+at|elevation\s+of)\W*(?:\w+\W+)?$"
)
# What tells a summary of an outing: a length in hours or a distance.
OUTING_SUMMARY = re.compile(
    rf"{NUMBER}\s*{HOURS}|\b\d{{1,2}}:\d{{2}}\b|\d+(?:[.,]\d+)?\s*(?:km|kms|k|mi|miles?)\b"
)
_PACK_UNIT = r"(?P<u>kg|kgs|kilos?|kilograms?|lbs?|pounds?)(?![a-z])"
_PACK_WORD = r"(?:pack|rucksack|backpack|ruck\s*sack|bag|ruck|load|on\s+my\s+back|weight)"
PACK_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "12 kg pack", "a 15 kilo rucksack"
    re.compile(rf"{QUANTITY}\s*-?\s*{_PACK_UNIT}\.?\s*(?:of\s+)?(?:\w+\s+)?{_PACK_WORD}"),
    # "pack was 25 lb", "carrying 15kg", "loaded with 12 kg"
    re.compile(
        rf"\b(?:{_PACK_WORD}|carrying|carried|loaded\s+with|loaded|weighing|weighed|with)\s*"
        rf"(?:(?:was|of|at|weighing|weighed|about|around|roughly|~|:|=|a|an|approx\.?|nearly|"
        rf"almost|just\s+over|just\s+under|over|under)\s*)*{QUANTITY}\s*{_PACK_UNIT}"
    ),
    # A weight on its own is the pack, unless it is on a bar ("squats with 20 kg").
    re.compile(rf"{QUANTITY}\s*{_PACK_UNIT}"),
    # "10 and a half kilos"
    re.compile(rf"(?P<w>\d+)\s+and\s+a\s+half\s+{_PACK_UNIT}"),
)
STRENGTH_LOAD = re.compile(
    r"\b(?:squats?|deadlifts?|rdls?|dumbbells?|db|kettlebells?|kb|bar|barbell|goblet|lunges?|"
    r"presses?|bench|rows?|step[- ]?ups?|step[- ]?downs?|weights?\s+vest|vest|plates?|each\s+hand|"
    r"per\s+hand)\b"
)
# "a few km in, walked back": a moment in the outing, not its distance.
_MOMENT_AFTER = r"(?!\s+in\s*(?:[,.;!]|$)|\s+in\s+(?:so|and|when|i|my|then|before|but)\b)"
_DISTANCE_UNIT = (
    r"(?P<u>km|kms|kilometres?|kilometers?|k|mi|milers?|miles?|mile)(?![a-z/])(?!\s*(?:/|per)\s*h)"
    r"(?!\s*(?:steps|ft|feet|m\b|metres|meters|of\s+(?:climb|ascent|gain|elevation|vert|up)))"
    rf"{_MOMENT_AFTER}"
)
DISTANCE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "Miles: 9.4", "km = 14": the unit before its number, as a watch summary lists it.
    re.compile(r"\b(?P<u>miles|km|kms)\s*[:=]\s*(?P<q>\d+(?:[.,]\d+)?)(?!\d|[.,]\d)"),
    re.compile(
        rf"(?<![/\d]){QUANTITY}(?:\s*(?:-|–|to)\s*(?P<q2>\d+(?:[.,]\d+)?))?\s*{_DISTANCE_UNIT}"
    ),
    re.compile(
        rf"\b(?P<w>{vocabulary.NUMBER_WORD}|an?|a\s+couple\s+of|couple\s+of|a\s+few)\s+"
        r"(?:and\s+a\s+half\s+)?(?P<u>km|kilometres?|kilometers?|miles?|mile|k)(?![a-z])"
        rf"{_MOMENT_AFTER}"
    ),
)
# Race names that are distances.
DISTANCE_NAMES = {"half marathon": 21.1, "marathon": 42.2, "parkrun": 5.0}
KM_PER_MILE = 1.609344
M_PER_FOOT = 0.3048
KG_PER_POUND = 0.45359237
# A session named by its weekday: "saturday's hike", "did thursday's session today".
SESSION_LABEL = re.compile(
    rf"\b(?P<wd>{vocabulary.WEEKDAY_WORD})'?s\s+(?:session|one|workout|run|hike|walk|plan|"
    r"thing|training|hill\s+reps|hill\s+repeats|intervals|strength|gym)\b"
)
# A month name just before a number makes it a date: "dec 20".
MONTH_BEFORE = re.compile(rf"\b{vocabulary.MONTH_WORD}\s*$")

# An injury told with its own day ("rolled my ankle on a kerb yesterday"): that day is when it
# happened, not when the session reported did.
INJURY_EVENT = re.compile(
    r"\b(?:rolled|twisted|sprained|tweaked|banged|fell|tripped|jarred|strained|pulled|bashed|"
    r"knocked|went\s+over\s+on|hurt|felt\s+the\s+(?:twinge|tweak|pull|pop|ping|niggle))\b"
)
TODAY_WORD = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")
# Running history, not a run: "never ran", "I've never run before", "haven't run in years".
RUNNING_HISTORY = re.compile(
    r"\b(?:never|haven't|have\s+not|hadn't)\s+(?:ever\s+)?(?:really\s+)?"
    r"(?:ran|run|jogged|been\s+(?:a\s+)?(?:running|runner|jogging))\b"
    r"(?:\s+(?:before|in\s+(?:my\s+life|years|ages)|at\s+all|much|properly))?"
)
