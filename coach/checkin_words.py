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
NUMBER = rf"(?:(?<![\d.,:/a-z])\d+(?:[.,]\d+)?(?![\d:])|\b(?:{_WORD_NUMBER})\b)"

HOURS = r"(?:hours?|hrs?|h)(?![a-z])\.?"
MINUTES_WORD = r"(?:minutes?|mins?|mn)(?![a-z])\.?"

# A number that should never be read as a session length: distances, paces, sleep, driving.
NOT_A_SESSION_AFTER = re.compile(
    r"\s*(?:[x×*]\s*\d|on\s*[/,]|on\s+\d|off\b|/|per\b|pace\b|(?:of\s+)?sleep|"
    r"drive|driving|in\s+the\s+car|away\b|miles?\b|km\b|k\b|mi\b|rec\b|recovery\s+between|"
    r"rest\s+between)"
)
NOT_A_SESSION_BEFORE = re.compile(
    r"(?:\d\s*[x×*]\s*|\bslept\s+(?:for\s+)?|\bsleep\s+|\bevery\s+|\bzone\s+|\bz)$"
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
            rf"(?P<h>{NUMBER})\s*{HOURS}\s*(?:and\s+)?(?P<m>\d{{1,2}})\s*"
            rf"(?:{MINUTES_WORD}|m\b|'|(?![\w'/]|[.,]\d|\s*(?:km|k|mi|miles?|ft|feet|m|metres|meters)\b))"
        ),
    ),
    (
        "clock",
        re.compile(
            r"(?<![\d:/.])(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
            r"(?!\s*(?:am|pm|a\.m|p\.m|h\b|o'?clock)|\s*(?:min)?\s*(?:/|per\b|pace))"
        ),
    ),
    (
        "and_a_half",
        re.compile(
            rf"(?P<h>{NUMBER})\s+(?:and\s+a\s+half|1/2|½)\s*{HOURS}"
            rf"|(?P<h2>{NUMBER})\s*{HOURS}\s+and\s+a\s+half"
            rf"|(?<!\d)(?P<h3>\d+)\s*½\s*{HOURS}"
        ),
    ),
    ("hour_and_a_half", re.compile(r"\b(?:an?\s+|one\s+)?hour\s+and\s+a\s+half\b")),
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
            rf"(?:{MINUTES_WORD}|(?<=\d)'(?![a-z]))"
        ),
    ),
)

RPE_WORDS = {w: n for w, n in WORD_NUMBERS.items() if w.isalpha() and len(w) > 1 and n <= 12}
_RPE_WORD = "|".join(sorted(RPE_WORDS, key=len, reverse=True))
RPE_NUMBER = rf"(?P<n>\d+(?:[.,]\d)?(?!\d)|\b(?:{_RPE_WORD})\b)"
RPE_RANGE = r"(?:\s*(?:-|–|to)\s*(?P<n2>\d+(?:[.,]\d)?))?"
_NOT_A_RATING_AFTER = (
    r"(?!\s*(?:k\b|km|mi\b|miles?|h\b|hrs?|hours?|min|mins|minutes|x\b|:|'|%|m\b|ft))"
)
RPE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"\brpe(?![a-z])\s*(?:(?:was|of|is|at|around|about|maybe|like|prob|probably|=|:|~|-)\s*)*"
        rf"{RPE_NUMBER}{RPE_RANGE}"
    ),
    re.compile(
        rf"(?<![\d/.,]){RPE_NUMBER}{RPE_RANGE}\s*(?:/|out\s+of|outta)\s*10(?:\b|(?=rpe\b))"
    ),
    re.compile(
        rf"\b(?:effort|exertion|intensity)\s*(?:level|score|rating)?\s*"
        rf"(?:(?:was|of|is|at|around|about|maybe|like|=|:|~|-)\s*)*(?:an?\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}"
    ),
    re.compile(
        rf"\bfelt\s+like\s+(?:an?\s+)?(?:solid\s+|hard\s+|easy\s+|strong\s+|good\s+)?"
        rf"{RPE_NUMBER}{RPE_RANGE}{_NOT_A_RATING_AFTER}(?![.,]\d)"
    ),
    re.compile(rf"(?<![\d/.,]){RPE_NUMBER}{RPE_RANGE}\s*rpe\b"),
)
# "knee pain 4/10" rates the pain, not the session.
PAIN_RATING_BEFORE = re.compile(
    r"(?:pain|hurt\w*|sore\w*|ache|aching|niggle|sleep|mood)\W+(?:\w+\W+){0,2}$"
)

# Hard words need no context; `tough`/`hard` need an intensifier or a session noun.
_HARD_WORDS = (
    r"brutal\w*|wrecked|destroyed|toast|barely\s+made\s+it|exhausted|exhausting|knackered|"
    r"smashed|crushed|killer|savage|cooked|dying|hardest|gruell?ing|punishing|shattered|"
    r"gassed|wiped(?:\s+out)?|hammered|beasted|bonked|blew\s+up|killed\s+me|"
    r"kicked\s+my\s+(?:ass|butt|arse)|torture|death\s+march|fried|zonked|"
    r"(?:am|i'm|was|felt|feel|completely|totally|absolutely|are|were)\s+spent\b|"
    r"legs?\s+(?:like|are|were|was|felt\s+like)\s+jelly|jelly\s+legs|nothing\s+left|"
    r"empty\s+tank|all[- ]out|max(?:imal)?\s+effort|suffer\w*|struggled|struggling|"
    r"dead(?![a-z])(?!\s*(?:easy|flat|end|lifts?|ly)\b)|legs?\s+(?:are\s+|were\s+)?jelly|"
    r"\b(?:ran|run|running|went|going|pushed|pushing|worked|working|hiked|climbed)\s+"
    r"(?:it\s+|myself\s+|really\s+|pretty\s+|quite\s+|super\s+|very\s+)?hard\b|"
    r"\bhard\s+(?:\d+(?:[.,]\d+)?\s*\w+\s+)?(?:session|run|hike|day|workout|effort|climb)\b|"
    r"(?:really|very|so|super|pretty|quite|damn|bloody|seriously|crazy|insanely|hella|"
    r"extremely|incredibly|properly|proper|way\s+too|too|that)\s+(?:hard|tough)\b|"
    r"\b(?:hard|tough)\s+(?:af|session|run|hike|day|workout|effort|one|climb|going|slog)\b|"
    r"(?:was|were|felt|feel|feels|is|it's|that's)\s+(?:hard|tough)\b(?!\s*(?:to|on)\b)|"
    r"pushed\s+(?:it\s+|myself\s+)?hard|💀|🥵|😵|🤮|trashed|battered|"
    r"legs?\s+(?:are\s+|were\s+|is\s+|was\s+|felt\s+|feel\s+)?shot|"
    r"(?:almost|nearly)\s+(?:threw\s+up|puked|died|passed\s+out|sick)"
)
HARD = re.compile(rf"(?<![\w-])(?:{_HARD_WORDS})(?![a-z])")
# Success idioms, not effort: "smashed it" / "crushed it" / "killer views".
NOT_HARD = re.compile(
    r"\b(?:smashed|crushed|killed|nailed)\s+it\b|\bkiller\s+(?:views?|sunset|sunrise|weather|"
    r"scenery|day\s+out)\b|\bhardest\s+part\b"
)
VERY_HARD = re.compile(
    r"\b(?:hardest|destroyed|barely\s+made\s+it|dying|death\s+march|all[- ]out|max(?:imal)?\s+"
    r"effort|absolutely|completely|totally|utterly)\b"
)
EASY = re.compile(
    r"\b(?:easy|easier|relaxed|relaxing|chill|chilled|chilll+|gentle|conversational|zone\s*2|z2|"
    r"comfortable|comfy|cruisy|leisurely|breeze|effortless|took\s+it\s+easy|nice\s+and\s+"
    r"steady|recovery\s+pace|light|lightly)\b"
)
NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|no|never|nothing|without|hardly|wasn't|isn't|weren't|didn't|doesn't|don't|"
    r"aren't|wouldn't|nowhere\s+near|far\s+from))\W+(?:\w+\W+){0,2}$"
)

SKIPPED = re.compile(
    r"\b(?:skipped|skip|skipping|missed|bailed|bail|ditched|blew\s+off|"
    r"couldn't\s+(?:make\s+it|go|get\s+out|do\s+it|manage)|could\s+not\s+make\s+it|"
    r"didn't\s+(?:go|get\s+out|make\s+it\s+(?:out|to)|manage|train|do\s+(?:it|the|my|this|"
    r"today|\w+day'?s|any)|run\b(?!\s+the)|hike\b(?!\s+the))|did\s+not\s+(?:go|do|run|hike|train)|"
    r"no\s+(?:run|hike|hiking|running|session|strength|gym|workout|hill\s+repeats)"
    r"(?:\s+(?:today|this|yesterday|tonight|for\s+me)\b|\s*(?:[.,!;]|$))|"
    r"(?:too\s+(?:tired|sick|busy)|didn't\s+feel\s+like\s+it|called\s+it\s+off|cancelled|"
    r"canceled|rained\s+out|life\s+got\s+in\s+the\s+way|work\s+got\s+in\s+the\s+way))"
)
NOT_SKIPPED_AFTER = re.compile(
    r"\s*(?:(?:the|a|my|our)\s+)?(?:turn\w*|trail\s*head|junction|sign\w*|bus|train\b|breakfast|"
    r"lunch|dinner|warm[- ]?ups?|cool[- ]?downs?|stretch\w*|well|great|as\s+planned|to\s+plan|"
    r"smoothly|fast|far|too|any|a\s+step|the\s+views?|the\s+sunset|it\s+by|"
    # Stopping part way is a short session, not a skipped one: "bailed halfway through".
    r"(?:about\s+|around\s+)?(?:half\s*way|part\s*way|mid\s*way|mid[- ]\w+|"
    r"after\s+(?:\d|an?\b|one|two|three|half)|at\s+\d|early\s+(?:on|in)))"
)
# A rest day the plan asked for is not a skipped session.
PLANNED_REST = re.compile(
    r"\b(?:rest|off|recovery)\s+day\s+(?:as\s+(?:per\s+)?(?:planned|scheduled|the\s+plan)|"
    r"(?:per|on)\s+(?:the\s+)?plan)|\bplanned\s+(?:rest|day\s+off)|\bscheduled\s+rest"
)

# (activity, weight) for each phrase; longer phrases come first so "run-walk" is not a walk.
ACTIVITY_PHRASES: tuple[tuple[str, float, str], ...] = (
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
        r"couch\s+to\s+5k|(?:trail\s+|road\s+|fun\s+)?race|half\s+marathon|marathon|ultra",
    ),
    (
        "hike",
        2.5,
        r"long\s+hike|recovery\s+hike|backpacking|backpacked|thru[- ]hik\w*|trek\w*|"
        r"hill\s*walk\w*|bush\s*walk\w*|tramp(?:ed|ing)?|ruck(?:ed|ing)?|fell\s*walk\w*|day\s+hike",
    ),
    (
        "strength",
        2.5,
        r"step[- ]?ups?|squats?|rdls?|deadlift\w*|romanian\s+dead\w*|lunges?|"
        r"strength|weights|gym|kettlebells?|lifting|lifted|calf\s+raises|leg\s+day|core\s+work|"
        r"planks?|s&c|bodyweight|circuits?|step[- ]?downs?",
    ),
    (
        "rest",
        0.8,
        r"rest\s+day|day\s+off|off\s+day|rested|resting|full\s+rest|complete\s+rest|"
        r"no\s+training|did\s+nothing|nothing\s+today|recovery\s+day|took\s+the\s+day\s+off|"
        r"(?<!the\s)rest\b(?!\s+(?:of|stops?|breaks?|intervals?))",
    ),
    ("rest", 0.4, r"took\s+it\s+easy|taking\s+it\s+easy"),
    ("hike", 0.9, r"power[- ]?hik\w*"),
    ("hike", 2.0, r"hik\w*|scrambl\w*|summit\w*|peak\s+bagg\w*|🥾|⛰|🏔"),
    (
        "run",
        2.0,
        r"(?:run|runs|ran|running)(?!\s+(?:down|out|into|errands|late|low|over))|jog\w*|🏃",
    ),
    (
        "other",
        2.0,
        r"cycl\w*|bik(?:e|ed|ing)|swim\w*|swam|yoga|pilates|rowing|elliptical|"
        r"kayak\w*|paddl\w*|ski|skiing|🚴|🚲|🏊|🧘",
    ),
    ("other", 0.9, r"(?<!of )(?<!the )(?<!much )climbing"),
    ("strength", 1.5, r"core|workout|🏋"),
    ("run", 1.5, r"repeats"),
    ("walk", 1.0, r"walk\w*|stroll\w*|rambl(?:e|ed|ing)|took\s+the\s+dogs?\s+out|🚶"),
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
    r"(?:\b(?:bit|bits|little|few|couple)\s+of|\bsome|\bplus|\bincl\w*|\bthen|\bbefore|"
    r"\bafter|\bmixed\s+in|\bwith)\W+(?:\w+\W+)?$"
)
MINOR_AFTER = re.compile(
    r"\W+(?:(?:the|a|some|all|most|bits|parts)\s+)?(?:downhills?|descents?|flats?|flat\s+bits|"
    r"uphills?|ups|climbs?|hills|last|bits|sections?|parts?|breaks?|down|back|to\s+the|home|"
    r"intervals?\s+between)\b"
)
NEGATED_ACTIVITY_BEFORE = re.compile(
    r"(?:\b(?:no|skipped|skip|missed|didn't|did\s+not|couldn't|bailed\s+on|instead\s+of)"
    r"\W+(?:\w+\W+){0,2})$"
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
        re.compile(r"\b(?:yesterday|yesterdays|yday|yest|ystrdy|last\s+(?:night|evening))\b"),
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
            r"(?P<poss>'?s\b)?(?![a-z])"
        ),
    ),
    ("day_of_month", re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b")),
)
# Short weekday forms that are also words ("sat in the car", "in the sun") count only in context.
AMBIGUOUS_WEEKDAYS = vocabulary.AMBIGUOUS_WEEKDAYS
WEEKDAY_CONTEXT_AFTER = re.compile(
    r"(?:'?s\b|\s*[:\-]|\s+(?:hike|run|session|walk|long|hill|strength|gym|workout|was|morning|"
    r"am|pm|evening)\b)"
)
WEEKDAY_CONTEXT_BEFORE = re.compile(r"\b(?:on|last|this|past|since)\s+$")
WEEKDAY_AFTER_SESSION = re.compile(
    r"\b(?:hike|hiked|hiking|run|ran|walk|walked|session|gym|strength|reps|repeats|jog|jogged)"
    r"\s+$"
)
WEEKDAY_BEFORE_PAUSE = re.compile(r"\s*(?:[,.;!]|$)")

# Phone typing: apostrophes dropped, shorthand.
SHORTHAND = (
    (re.compile(r"\b(did|was|is|does|do|were|has|have|could|would|should|are)nt\b"), r"\1n't"),
    (re.compile(r"\bcant\b"), "can't"),
    (re.compile(r"\bcouldn't\s+be\s+bothered\b"), "didn't feel like it"),
    (re.compile(r"\bwont\b"), "won't"),
    (re.compile(r"\bim\b"), "i'm"),
    (re.compile(r"\bits\b"), "it's"),
    (re.compile(r"\br\b"), "are"),
    (re.compile(r"\bw/"), "with "),
    (re.compile(r"\bhrs?\b(?=\s)"), "hrs"),
    (re.compile(r"\bthru\b"), "through"),
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

# A message opening like a question, or asking for advice ("tips for…", "help with…").
QUESTION_START = re.compile(rf"{vocabulary.QUESTION_START.pattern}|^\W*(?:tips?|help|advice)\b")
REPORT_VERB = re.compile(
    r"\b(?:did|done|ran|hiked|walked|jogged|skipped|missed|finished|completed|went|got\s+back|"
    r"managed|bailed|rested|lifted|swam|cycled|was|were|felt)\b"
)
FUTURE_INTENT = re.compile(
    r"\b(?:will|gonna|going\s+to|plan\s+to|planning|want\s+to|wanna|tomorrow|next\s+\w+|"
    r"this\s+weekend|i'll)\b"
)

# Pain: a site is painful when a pain word sits next to it, with only these words between.
_SIDE = r"(?:(?:my|the|both)\s+)?(?:(?:left|right|l|r)\s+)?"
PAIN_TOKENS: tuple[tuple[str, str], ...] = (
    ("implicit:shin", r"shin\s*splints?"),
    ("implicit:foot", r"plantar\s+fasc\w*|plantar"),
    ("implicit:knee", r"runner'?s\s+knee"),
    ("implicit:it_band", r"itbs|it[\s-]*band\s+syndrome"),
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
    ("site:achilles", rf"back\s+of\s+{_SIDE}(?:heels?|ankles?)|achill\w*|heel\s+cords?"),
    ("site:knee", rf"back\s+of\s+{_SIDE}knees?|knees?|kneecaps?|patella\w*"),
    (
        "site:back",
        r"(?:lower|low|upper|mid)[- ]?back|backache|(?<=my )back(?!\s+(?:of|to|down|"
        r"up|home|in|out|on|and|at|from|then|the)\b)|(?<=sore )back|(?<=bad )back|"
        r"back(?=(?:'s|\s+(?:is|was|has\s+been|feels|felt|still|a\s+bit))?\s+(?:pain\w*|ache\w*|"
        r"aching|spasm\w*|sore|hurt\w*|killing|tweaked|stiff|niggl\w*|injur\w*))|"
        r"spine",
    ),
    ("site:ankle", r"ankles?"),
    ("site:shin", r"shins?|tibia"),
    ("site:calf", r"calf|calves|calfs|calve"),
    ("site:hip", r"hip\s+flexors?|hips?|glutes?|groin|piriformis"),
    (
        "site:foot",
        r"foot|feet|arch(?:es)?|heels?|toes?|big\s+toe|toenails?|ball\s+of\s+(?:my\s+)?"
        r"foot|metatarsals?|soles?",
    ),
    ("site:quad", r"quads?|quadriceps?|thighs?"),
    (
        "gone",
        r"gone|went\s+away|disappeared|cleared(?:\s+up)?|free|vanished|subsided|settled|"
        r"eased(?:\s+off)?|no\s+more|anymore|any\s+more",
    ),
    (
        "trigger",
        r"pain|pains|painful|hurt|hurts|hurting|sore|soreness|ache|aches|aching|achy|"
        r"tweak|tweaked|twinge\w*|niggl\w*|injur\w*|swollen|swelling|sprain\w*|rolled|twisted|"
        r"tender|strain|strained|pulled|bruised|cramp\w*|throbb\w*|killing\s+me|acting\s+up|"
        r"playing\s+up|flared(?:\s+up)?|flaring(?:\s+up)?|flare[- ]up|bother\w*|bugging\s+me|"
        r"complain\w*|screaming|tendinitis|tendonitis|tendinopathy|inflamed|jarred|blisters?|"
        r"blistered|issues?|problems?|trouble|🤕|"
        # Tightness and stiffness at a site are what a coach watches before an injury.
        r"tight|tighter|tightness|stiff|stiffer|stiffness|grumbl\w*|twing\w*|dodgy|iffy|wonky|"
        r"knotted|locked\s+up|seized\s+up",
    ),
    (
        "neg",
        r"no|not|never|zero|without|hardly|nothing|barely\s+any|\w+n't|didnt|wasnt|isnt|"
        r"doesnt|dont|arent|werent",
    ),
    (
        "pos",
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
        r"all|totally|completely|seriously|properly|def|definitely|fkn|fucking|bloody|damn|"
        r"like|now|today|afterwards|after|during|while|be|'s|s",
    ),
    # Worn-out words: effort on muscles ("calves are toast"), a complaint at a joint
    # ("knees are toast", "feet wrecked").
    ("fatigue", r"toast|cooked|wrecked|smashed|destroyed|shot|fried|trashed|battered|ruined"),
    ("stop", r"but|though|however|otherwise|except|apart\s+from"),
)
PAIN_TOKEN = re.compile(
    "|".join(
        rf"(?P<t{i}>(?<![\w'])(?:{pattern})(?:'s|')?(?![\w']))"
        for i, (_, pattern) in enumerate(PAIN_TOKENS)
    )
    + r"|(?P<list>[,&+/:()-])|(?P<end>[.;!?\n])|(?P<word>[\w'%]+|[^\s\w])"
)
PAIN_WINDOW = 6
# "knee's fine now", "pain's gone", "no pain": the reported pain has cleared.
PAIN_CLEARED = re.compile(
    r"\b(?:pain|soreness|niggle|ache)(?:'s|\s+is|\s+has|\s+was)?\s+(?:all\s+)?(?:gone|cleared|"
    r"disappeared|went\s+away|vanished)|\b(?:no|zero)\s+(?:more\s+)?(?:pain|niggles?|issues)\b|"
    r"\bpain[- ]free\b|\bwithout\s+(?:any\s+)?pain\b|"
    r"\b(?:doesn't|didn't|don't|no\s+longer|not)\s+(?:hurt|hurting|sore|ache|aching)\w*\s+(?:anymore|any\s+more|now|at\s+all)|\bno\s+longer\s+(?:hurts?|sore|"
    r"aching|painful)|\b(?:healed|cleared\s+up)\b"
)
