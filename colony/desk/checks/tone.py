"""Tone: insults, hostile or argumentative wording, shouting, and replying in anger.

A leader's post is read as the organisation speaking. Insults are found by
word list; hostility without a rude word ("people like you never
understand anything") needs the trained classifier; capitals and rows of
exclamation marks are counted.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext

from .base import Finding
from .text import lexicon

INSULTS = lexicon(
    r"idiot(?:s|ic)?", r"stupid(?:ity)?", r"moron(?:s|ic)?", r"dumb", r"clowns?", r"imbeciles?", r"pathetic",
    r"liars?", r"incompetent", r"clueless", r"shut up", r"get lost", r"screw you", r"fuck\w*", r"f\*+k\w*",
    r"bullshit", r"crap", r"nobody asked(?: you)?", r"shame on you",
    r"idio(?:ot|ten)", r"sukkel(?:s)?", r"debiel\w*", r"achterlijk\w*", r"oen", r"hou(?:d)? je (?:mond|kop)",
    r"klootzak\w*", r"rot op", r"leugenaar(?:s)?", r"prutser(?:s)?", r"schaam je", r"stomme?",
    r"bodoh", r"goblok", r"tolol", r"bego", r"dungu", r"otak udang", r"bangsat", r"brengsek", r"tutup mulut",
    r"diam (?:kau|kamu|lu|lo)", r"pembohong", r"tidak becus", r"(?:nggak|gak|ga) becus", r"kampungan",
    r"idiot[ai]", r"stupid[oaie]", r"cretin[oaie]", r"imbecill[ei]", r"deficient[ei]", r"scem[oaie]", r"stai zitt[oa]",
    r"bugiard[oaie]", r"incompetent[ei]", r"vergognati", r"vergognatevi", r"buffon[ei]", r"pagliacc[io]", r"patetic[oaih]+",
    r"fallit[oi]", r"stronzat[ae]", r"cazzat[ae]",
    r"идиот\w*", r"дурак\w*", r"дура", r"тупо(?:й|го|му)", r"тупая", r"тупые", r"тупица", r"дебил\w*", r"кретин\w*",
    r"заткнись", r"закрой рот", r"врун\w*", r"лжец\w*", r"некомпетентн\w*", r"клоун\w*", r"жалк(?:ий|ая|ое|ие)",
    r"бездар\w*", r"позорищ\w*",
)
HEATED = lexicon(
    r"ridiculous", r"nonsense", r"absurd", r"with all due respect", r"you clearly (?:don't|do not|have no)",
    r"you obviously", r"do your homework", r"get your facts straight", r"how dare", r"are you serious",
    r"wrong again", r"what is wrong with you", r"typical of you", r"people like you", r"losers?", r"disgrace(?:ful)?",
    r"belachelijk", r"onzin", r"waardeloze?", r"kul", r"wat een onzin", r"met alle respect", r"hoe durf je", r"mensen zoals jij",
    r"konyol", r"omong kosong", r"memalukan", r"ngawur", r"asal bunyi", r"tidak masuk akal", r"orang seperti (?:kamu|anda)",
    r"ridicol[oaie]", r"assurd[oaie]", r"sciocchezz[ae]", r"con tutto il rispetto", r"come ti permetti",
    r"quelli come te", r"vergogna",
    r"бред\w*", r"чушь", r"нелеп\w*", r"при всём уважении", r"при всем уважении", r"как вы смеете", r"как ты смеешь",
    r"такие как вы", r"такие как ты", r"позор",
)
_EXCLAIM = re.compile(r"[!！]{2,}|[!?！？]{3,}")
_LETTERS = re.compile(r"(?<![\w])[^\W\d_]{2,}(?![\w])")

FEATURE_NAMES = ("insult", "heated", "exclaim", "caps", "second_person")
# The classifier flags a sentence from this probability on, well above the
# threshold its training picks for F1 (0.6): a warning on a civil post costs the
# writer's trust more than a miss, and its near misses are platitudes about
# "good leaders" and proverbs. Held out in training, 0.9 finds 75% of the hostile
# examples and warns on 0.5% of ordinary business sentences and 1.4% of civil
# criticism (0.8: 83%, 0.9%, 2.5%).
HOSTILE = 0.9
_SECOND_PERSON = lexicon(
    r"you", r"your", r"jij", r"je", r"jouw", r"u", r"kamu", r"kau", r"anda", r"lu", r"lo", r"tu", r"te", r"ti", r"voi",
    r"ты", r"тебя", r"тебе", r"вы", r"вас", r"вам",
)


def shouting(sentence: str) -> bool:
    """Mostly capitals, over real words: "THIS IS UNACCEPTABLE", not "IBAN NL91 ABNA" or "Q3 EBITDA".

    Only words made of letters count, and it takes three capitalised words or
    a long one, so a line of acronyms is not shouting.
    """
    letters = _LETTERS.findall(sentence)
    cased = "".join(c for c in "".join(letters) if c.isupper() or c.islower())
    if len(cased) < 12:
        return False
    upper = sum(1 for c in cased if c.isupper())
    loud = [w for w in letters if w.isupper()]
    return upper / len(cased) >= 0.7 and (len(loud) >= 3 or any(len(w) >= 8 for w in loud))


def features(sentence: str) -> list[float]:
    return [
        float(bool(INSULTS.search(sentence))), float(bool(HEATED.search(sentence))),
        float(bool(_EXCLAIM.search(sentence))), float(shouting(sentence)),
        float(bool(_SECOND_PERSON.search(sentence))),
    ]


def findings(text: str, spans: list[tuple[int, int]], hostile: list[float] | None,
             replying_to_abusive: bool) -> list[Finding]:
    """Word-list findings over the whole text, classifier findings for the first ``len(hostile)`` sentences."""
    out: list[Finding] = []
    insulted: set[int] = set()
    for m in INSULTS.finditer(text):
        out.append(Finding("tone", "warn", m.start(), m.end(),
                           gettext("“%(word)s” reads as an insult.") % {"word": m.group(0)},
                           gettext("Criticise the idea, not the person.")))
        insulted.add(m.start())
    for m in HEATED.finditer(text):
        out.append(Finding("tone", "info", m.start(), m.end(),
                           gettext("“%(word)s” can sound dismissive.") % {"word": m.group(0)},
                           gettext("Say what you disagree with and why.")))
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if shouting(sentence):
            out.append(Finding("tone", "warn", start, end, gettext("Writing in capitals reads as shouting."),
                               gettext("Use normal capitalisation.")))
        if (hostile is not None and i < len(hostile) and hostile[i] >= HOSTILE
                and not any(start <= s < end for s in insulted)):
            out.append(Finding("tone", "warn", start, end, gettext("This sentence may read as hostile."),
                               gettext("Criticise the idea, not the person.")))
    exclaim = _EXCLAIM.search(text)
    if exclaim:
        out.append(Finding("tone", "info", exclaim.start(), exclaim.end(),
                           gettext("Several exclamation marks in a row can read as shouting."),
                           gettext("One is enough.")))
    if replying_to_abusive:
        out.append(Finding("tone", "warn", 0, 0,
                           gettext("You are replying to an account marked abusive; consider not engaging.")))
    return out
